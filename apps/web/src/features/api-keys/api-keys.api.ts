import { apiKeySchema, createdApiKeySchema } from '@raccord/schemas';
import { z } from 'zod';
import { api } from '../../lib/api-client';

export function listApiKeys(signal?: AbortSignal) {
  return api.get('/api/api-keys', z.object({ items: z.array(apiKeySchema) }), { signal });
}

export function createApiKey(input: { name: string; expiresInDays: number }) {
  return api.post('/api/api-keys', input, createdApiKeySchema);
}

export function revokeApiKey(id: string) {
  return api.post(`/api/api-keys/${encodeURIComponent(id)}/revoke`, {}, apiKeySchema);
}
