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
  /** After this instant the key is refused (`auth.api_key_expired`): every key expires. */
  expiresAt: isoDate,
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** Validity choices offered by the console; the API takes any whole number of days in range. */
export const apiKeyValidityDays = [30, 90, 180, 365, 730] as const;
export const API_KEY_MAX_DAYS = 730;
export const API_KEY_DEFAULT_DAYS = 365;
/** Days before its expiry when a key is shown as expiring soon and its organisation's admins are e-mailed. */
export const API_KEY_NOTICE_DAYS = 14;

export const createApiKeyBody = z.strictObject({
  name: text(80),
  /** Days until the key expires (1 to 730, one year when omitted). */
  expiresInDays: z
    .number()
    .int('Un nombre entier de jours est attendu.')
    .min(1, 'Une clé vaut au moins 1 jour.')
    .max(API_KEY_MAX_DAYS, `Une clé vaut au plus ${API_KEY_MAX_DAYS} jours (deux ans).`)
    .optional(),
});

/** Returned once, at creation: `secret` is the only time the key is readable. */
export const createdApiKeySchema = apiKeySchema.extend({ secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
