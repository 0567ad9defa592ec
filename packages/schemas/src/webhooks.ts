import { z } from 'zod';
import { isoDate, text } from './common';

/**
 * What an endpoint can be told. Thin events: they say what changed and where to read it (the
 * change feed's cursor); the receiver then pulls with its API key, so a lost or repeated event
 * never loses or doubles data.
 */
export const webhookEvents = ['contract.changes', 'contract.synchronised', 'contract.state_changed'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(webhookEvents)),
  /** The contracts whose events it receives; empty: every contract of the organisation, present and future. */
  contracts: z.array(z.object({ id: z.string(), label: z.string() })),
  /** The first characters of the signing secret, to recognise it (the secret is shown once). */
  secretPrefix: z.string(),
  createdAt: isoDate,
  createdBy: z.string(),
  lastDelivery: z
    .object({ state: z.enum(['pending', 'delivered', 'failed']), at: isoDate, status: z.number().int().nullable() })
    .nullable(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const createWebhookBody = z.strictObject({
  url: z.string().trim().max(2000),
  description: text(200).optional(),
  events: z.array(z.enum(webhookEvents)).min(1, { message: 'Choisissez au moins un événement.' }).max(10),
  /** Only these contracts' events (the organisation must be a party other than the owner); all when omitted or empty. */
  contractIds: z.array(z.string().trim().min(1).max(64)).max(100).optional(),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;

/** Returned once, at creation: `secret` signs every delivery (HMAC-SHA256) and is never shown again. */
export const createdWebhookSchema = webhookEndpointSchema.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  contractId: z.string().nullable(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  createdAt: isoDate,
  lastAttemptAt: isoDate.nullable(),
  nextAttemptAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveriesQuery = z.strictObject({
  state: z.enum(['pending', 'delivered', 'failed']).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const webhookDeliveryPage = z.object({ items: z.array(webhookDeliverySchema), next: z.string().nullable() });
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPage>;

export const webhookErrorCodes = [
  'webhook.not_found',
  'webhook.invalid_url',
  'webhook.insecure_url',
  'webhook.too_many',
  'webhook.unknown_contract',
] as const;
