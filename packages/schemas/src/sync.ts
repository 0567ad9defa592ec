import { z } from 'zod';
import { isoDate } from './common';

export const contractIdParams = z.strictObject({ id: z.string().min(1).max(60) });

export const syncStateValues = ['pending', 'running', 'done', 'stopped'] as const;

/** Progress of the materialisation of a contract's shared set (both parties read it). */
export const syncProgressSchema = z.object({
  contractId: z.string(),
  state: z.enum(syncStateValues),
  done: z.number().int(),
  total: z.number().int().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
  updatedAt: isoDate,
  /** Position of the change feed: read the feed `after` it once the set is pulled. */
  feedCursor: z.string(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const sharedAssetSchema = z.object({
  id: z.string(),
  /** The owner's reference: what both sides' systems quote. */
  reference: z.string(),
  label: z.string(),
  type: z.string(),
  parentId: z.string().nullable(),
});
export type SharedAsset = z.infer<typeof sharedAssetSchema>;

export const sharedAssetsQuery = z.strictObject({
  /** The `next` of the previous page (an element id). */
  after: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const sharedAssetPage = z.object({
  items: z.array(sharedAssetSchema),
  next: z.string().nullable(),
  /** Read the change feed `after` this once every page is pulled. */
  feedCursor: z.string(),
});

export const changeFeedQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,18}$/, 'Curseur invalide : un entier renvoyé par le flux.')
    .default('0'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const changeEntrySchema = z.object({
  cursor: z.string(),
  kind: z.enum(['added', 'updated', 'removed']),
  at: isoDate,
  asset: sharedAssetSchema,
});

export const changeFeedPage = z.object({
  items: z.array(changeEntrySchema),
  /** Pass it as `after` next time (the same value when nothing new). */
  next: z.string(),
});

export const contractStateChangeBody = z.strictObject({
  reason: z.string().trim().min(3).max(1000),
});

export const contractStateChangeResult = z.object({
  id: z.string(),
  state: z.string(),
  stateEnteredAt: isoDate,
});
export type SharedAssetPage = z.infer<typeof sharedAssetPage>;

/** Error codes of the console's reads of the shared set (spread into `errorCodes`). */
export const syncErrorCodes = ['sync.node_not_found'] as const;
