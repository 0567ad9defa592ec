import { z } from 'zod';
import {
  assetKindSchema,
  equipmentKindSchema,
  geoLevels,
  premisesKindSchema,
  type SharedType,
  sharedTypeSchema,
} from './assets';
import { isoDate, text } from './common';
import { perimeterNodeSchema } from './perimeter';

/** Counts per shared type; types with no element are left out. */
export const typeCountsSchema = z.record(z.string(), z.number().int()) as unknown as z.ZodType<
  Partial<Record<SharedType, number>>
>;

const communeCode = z.string().regex(/^(\d{5}|2A\d{3}|2B\d{3})$/, { message: 'Code commune INSEE (5 caractères)' });
const postcode = z.string().regex(/^\d{5}$/, { message: 'Code postal à 5 chiffres' });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date AAAA-MM-JJ' });

/** Optional attributes of an element (all nullable: `null` clears). */
export const assetAttributesShape = {
  address: z.string().trim().max(300).nullable(),
  postcode: postcode.nullable(),
  communeCode: communeCode.nullable(),
  yearBuilt: z.number().int().min(1000).max(2100).nullable(),
  brand: z.string().trim().max(120).nullable(),
  serialNumber: z.string().trim().max(120).nullable(),
  commissioningDate: isoDay.nullable(),
};

export const assetReferenceSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\s;,|"]+$/, { message: 'Référence sans espace, ni ; , | ou "' });

export const assetSchema = z.object({
  id: z.string(),
  reference: z.string(),
  label: z.string(),
  kind: assetKindSchema,
  equipmentKind: equipmentKindSchema.nullable(),
  premisesKind: premisesKindSchema.nullable(),
  type: sharedTypeSchema,
  parentId: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  communeCode: z.string().nullable(),
  yearBuilt: z.number().int().nullable(),
  brand: z.string().nullable(),
  serialNumber: z.string().nullable(),
  commissioningDate: z.string().nullable(),
  /** Other sites this equipment serves (a boiler room serving several sites). */
  servedSiteIds: z.array(z.string()),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Asset = z.infer<typeof assetSchema>;

/** One step of an element's breadcrumb, geography first. */
export const breadcrumbItemSchema = z.object({
  node: perimeterNodeSchema,
  label: z.string(),
  reference: z.string().nullable(),
});

export const assetDetailSchema = assetSchema.extend({
  breadcrumb: z.array(breadcrumbItemSchema),
  servedSites: z.array(z.object({ id: z.string(), reference: z.string(), label: z.string() })),
  /** Counts per type of the element's subtree (the element included). */
  counts: typeCountsSchema,
});
export type AssetDetail = z.infer<typeof assetDetailSchema>;

export const createAssetBody = z.strictObject({
  reference: assetReferenceSchema,
  label: text(200),
  kind: assetKindSchema,
  equipmentKind: equipmentKindSchema.nullable().optional(),
  premisesKind: premisesKindSchema.nullable().optional(),
  /** The parent element; absent or null = at the top, in the commune of `communeCode`. */
  parentId: z.string().max(60).nullable().optional(),
  servedSiteIds: z.array(z.string().max(60)).max(50).optional(),
  address: assetAttributesShape.address.optional(),
  postcode: assetAttributesShape.postcode.optional(),
  communeCode: assetAttributesShape.communeCode.optional(),
  yearBuilt: assetAttributesShape.yearBuilt.optional(),
  brand: assetAttributesShape.brand.optional(),
  serialNumber: assetAttributesShape.serialNumber.optional(),
  commissioningDate: assetAttributesShape.commissioningDate.optional(),
});
export type CreateAssetBody = z.infer<typeof createAssetBody>;

/**
 * Changes an element. `parentId` moves it (with its subtree); `kind` retypes it (placement rules
 * checked for it and its children); changing a top element's `communeCode` moves it to that commune.
 */
export const updateAssetBody = createAssetBody.partial();
export type UpdateAssetBody = z.infer<typeof updateAssetBody>;

export const assetListQuery = z.strictObject({
  /** Reference, label or address; accent- and case-insensitive; every word must match. */
  q: z.string().trim().max(100).optional(),
  type: sharedTypeSchema.optional(),
  /** Only the subtree of this element (the element included). */
  under: z.string().max(60).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AssetListQuery = z.infer<typeof assetListQuery>;

export const assetListItemSchema = assetSchema.pick({
  id: true,
  reference: true,
  label: true,
  kind: true,
  type: true,
  parentId: true,
  address: true,
  postcode: true,
  communeCode: true,
});
export const assetPageSchema = z.object({
  items: z.array(assetListItemSchema.extend({ communeName: z.string().nullable() })),
  /** True when more results follow (the count is not computed on large patrimoines). */
  hasMore: z.boolean(),
  offset: z.number().int(),
  limit: z.number().int(),
});

/** `region:84`, `departement:69`, `commune:69123`, `asset:ast_…`; absent = the top (regions). */
export const treeNodeKeySchema = z
  .string()
  .regex(/^(region:\d{2}|departement:(\d{2}|2A|2B|\d{3})|commune:(\d{5}|2A\d{3}|2B\d{3})|asset:[\w-]{1,60})$/, {
    message: 'Nœud attendu : region:84, departement:69, commune:69123 ou asset:<id>',
  });

export const treeChildrenQuery = z.strictObject({
  node: treeNodeKeySchema.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const treeLevelSchema = z.enum([...geoLevels, ...(assetKindSchema.options as readonly string[])] as [
  string,
  ...string[],
]);

export const treeNodeSchema = z.object({
  /** What to put in a perimeter to select this node (and everything below it). */
  node: perimeterNodeSchema,
  /** The same as a string, for `?node=` and as a React key. */
  key: z.string(),
  level: treeLevelSchema,
  label: z.string(),
  reference: z.string().nullable(),
  type: sharedTypeSchema.nullable(),
  /** Counts per type of the whole subtree (the node included). */
  counts: typeCountsSchema,
  total: z.number().int(),
  hasChildren: z.boolean(),
});
export type TreeNode = z.infer<typeof treeNodeSchema>;

export const treeChildrenSchema = z.object({
  parent: treeNodeSchema.nullable(),
  items: z.array(treeNodeSchema),
  /** Number of children of the parent (for the virtualised list). */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type TreeChildren = z.infer<typeof treeChildrenSchema>;

export const treeSearchQuery = z.strictObject({
  q: z.string().trim().min(2).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
/** Matches for the tree's search box: geographic levels by name, elements by reference/label/address. */
export const treeSearchSchema = z.object({
  items: z.array(
    treeNodeSchema.extend({
      /** Keys from the top down to the node's parent: expand these to show the match. */
      ancestors: z.array(z.string()),
    }),
  ),
});

export const totalsSchema = z.object({ counts: typeCountsSchema, total: z.number().int() });
