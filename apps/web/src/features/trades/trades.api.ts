import { tradeSchema } from '@raccord/schemas';
import { z } from 'zod';
import { api } from '../../lib/api-client';

const tradeList = z.object({ items: z.array(tradeSchema) });

export function listTrades(includeInactive: boolean, signal?: AbortSignal) {
  return api.get('/api/trades', tradeList, { query: { includeInactive }, signal });
}

export function createTrade(body: { code: string; label: string }): Promise<unknown> {
  return api.post('/api/trades', body, z.unknown());
}

export function updateTrade(id: string, body: { label?: string; isActive?: boolean }): Promise<unknown> {
  return api.patch(`/api/trades/${encodeURIComponent(id)}`, body, z.unknown());
}
