import { z } from 'zod';
import { sharedTypeSchema } from './assets';

/** A node of the perimeter tree: a geographic level (by INSEE code) or any patrimoine element. */
export const perimeterNodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('region'),
    code: z.string().regex(/^\d{2}$/, { message: 'Code région INSEE (2 chiffres)' }),
  }),
  z.strictObject({
    kind: z.literal('departement'),
    code: z.string().regex(/^(\d{2}|2A|2B|\d{3})$/, { message: 'Code département INSEE' }),
  }),
  z.strictObject({
    kind: z.literal('commune'),
    code: z.string().regex(/^(\d{5}|2A\d{3}|2B\d{3})$/, { message: 'Code commune INSEE (5 caractères)' }),
  }),
  z.strictObject({ kind: z.literal('asset'), id: z.string().min(1).max(60) }),
]);
export type PerimeterNode = z.infer<typeof perimeterNodeSchema>;

/**
 * What a contract shares: every element under an included node (the node itself included), minus
 * everything under an excluded node, restricted to the shared types. The rule is live: an element
 * added later under an included node is in the perimeter.
 */
export const perimeterSchema = z.strictObject({
  include: z.array(perimeterNodeSchema).max(1000),
  exclude: z.array(perimeterNodeSchema).max(1000).default([]),
});
export type Perimeter = z.infer<typeof perimeterSchema>;

export const sharedTypesSchema = z.array(sharedTypeSchema).max(50);

export const perimeterPreviewBody = z.strictObject({
  perimeter: perimeterSchema,
  /** Restricts `total` to these types (step 6); counts per type are always all given. */
  types: sharedTypesSchema.optional(),
});

const countItem = z.object({ type: sharedTypeSchema, count: z.number().int() });

export const perimeterPreviewSchema = z.object({
  /** Types present under the perimeter (count > 0), patrimoine first then equipment. */
  patrimoine: z.array(countItem),
  equipment: z.array(countItem),
  /** Elements in the perimeter (of the chosen `types` when given). */
  total: z.number().int(),
  /** How many nodes of each level are included / excluded: "3 départements, 12 ensembles". */
  included: z.record(z.string(), z.number().int()),
  excluded: z.record(z.string(), z.number().int()),
  /** Labels of the chosen nodes, for the summary. */
  nodes: z.array(
    z.object({
      node: perimeterNodeSchema,
      mode: z.enum(['include', 'exclude']),
      level: z.string(),
      label: z.string(),
    }),
  ),
});
export type PerimeterPreview = z.infer<typeof perimeterPreviewSchema>;
