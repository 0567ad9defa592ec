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
