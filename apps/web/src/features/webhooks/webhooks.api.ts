import {
  type CreateWebhookBody,
  createdWebhookSchema,
  okSchema,
  webhookDeliveryPage,
  webhookDeliverySchema,
  webhookEndpointSchema,
} from '@raccord/schemas';
import { z } from 'zod';
import { api } from '../../lib/api-client';

export function listWebhooks(signal?: AbortSignal) {
  return api.get('/api/webhooks', z.object({ items: z.array(webhookEndpointSchema) }), { signal });
}

export function createWebhook(body: CreateWebhookBody) {
  return api.post('/api/webhooks', body, createdWebhookSchema);
}

export function deleteWebhook(id: string) {
  return api.delete(`/api/webhooks/${encodeURIComponent(id)}`, okSchema);
}

export function listDeliveries(id: string, before: string | null, signal?: AbortSignal) {
  const q = new URLSearchParams({ limit: '20', ...(before ? { before } : {}) });
  return api.get(`/api/webhooks/${encodeURIComponent(id)}/deliveries?${q}`, webhookDeliveryPage, { signal });
}

export function pingWebhook(id: string) {
  return api.post(`/api/webhooks/${encodeURIComponent(id)}/test`, {}, webhookDeliverySchema);
}

export function redeliver(id: string, deliveryId: string) {
  return api.post(
    `/api/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
    {},
    webhookDeliverySchema,
  );
}
