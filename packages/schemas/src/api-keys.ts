import { z } from 'zod';
import { isoDate, text } from './common';

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, to recognise it in a list (the key itself is never shown again). */
  prefix: z.string(),
  createdAt: isoDate,
  createdBy: z.string(),
  lastUsedAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyBody = z.strictObject({ name: text(80) });

/** Returned once, at creation: `secret` is the only time the key is readable. */
export const createdApiKeySchema = apiKeySchema.extend({ secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
