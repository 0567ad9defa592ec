import { z } from 'zod';
import { treeNodeKeySchema } from './asset-api';
import { changeEntrySchema } from './sync';

/**
 * The console's reads of a contract's shared set: a tree (geography, then the shared elements
 * nested under their nearest shared ancestor) and a searchable list. Only shared elements appear;
 * the geographic levels are the official names (nothing of the owner's other elements).
 */
export const sharedTreeQuery = z.strictObject({
  /** `region:84`, `departement:69`, `commune:69123`, `asset:<id>`; absent = the regions. */
  node: treeNodeKeySchema.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const sharedTreeNodeSchema = z.object({
  key: z.string(),
  level: z.enum(['region', 'departement', 'commune', 'asset']),
  label: z.string(),
  /** The owner's reference (elements only). */
  reference: z.string().nullable(),
  type: z.string().nullable(),
  /** Shared elements in the node's subtree (the node included). */
  total: z.number().int(),
  hasChildren: z.boolean(),
});
export type SharedTreeNode = z.infer<typeof sharedTreeNodeSchema>;

export const sharedTreeChildren = z.object({
  items: z.array(sharedTreeNodeSchema),
  /** Children of the node in all (the page holds `limit` of them from `offset`). */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type SharedTreeChildren = z.infer<typeof sharedTreeChildren>;

export const sharedSearchQuery = z.strictObject({
  /** A prefix of the owner's reference or of the label (case-insensitive). */
  q: z.string().trim().max(100).optional(),
  type: z.string().max(60).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const sharedSearchItem = z.object({
  id: z.string(),
  reference: z.string(),
  label: z.string(),
  type: z.string(),
  commune: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type SharedSearchItem = z.infer<typeof sharedSearchItem>;

export const sharedSearchPage = z.object({
  items: z.array(sharedSearchItem),
  /** Matches in all. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  /** Elements per type in the whole shared set (not only the matches). */
  counts: z.record(z.string(), z.number().int()),
});
export type SharedSearchPage = z.infer<typeof sharedSearchPage>;

export const recentChangesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The latest entries of a contract's change feed, newest first (the console's timeline). */
export const recentChangesSchema = z.object({ items: z.array(changeEntrySchema) });
export type RecentChanges = z.infer<typeof recentChangesSchema>;
