import { z } from 'zod';
import { isoDate, pageOf, text } from './common';
import { orgIdRef } from './contracts';

// ---------------------------------------------------------------------------------------------
// Métier requests (step 2: the trade is missing)
// ---------------------------------------------------------------------------------------------

export const tradeRequestStatuses = ['open', 'added', 'rejected'] as const;

export const createTradeRequestBody = z.strictObject({
  label: text(120),
  comment: z.string().trim().max(2000).optional(),
  projectId: z.string().max(60).optional(),
});

export const closeTradeRequestBody = z.strictObject({
  outcome: z.enum(['added', 'rejected']),
  tradeId: orgIdRef.optional().describe('Le métier ajouté (POST /api/trades) quand outcome = added'),
  note: z.string().trim().max(2000).optional(),
});

export const tradeRequestListQuery = z.strictObject({
  status: z.enum(tradeRequestStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const tradeRequestSchema = z.object({
  id: z.string(),
  label: z.string(),
  comment: z.string().nullable(),
  status: z.enum(tradeRequestStatuses),
  organization: z.object({ id: z.string(), name: z.string() }),
  requestedBy: z.string(),
  projectId: z.string().nullable(),
  tradeId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDate,
  closedAt: isoDate.nullable(),
});
export type TradeRequest = z.infer<typeof tradeRequestSchema>;
export const tradeRequestPage = pageOf(tradeRequestSchema);
