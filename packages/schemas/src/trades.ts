import { z } from 'zod';
import { isoDate, text } from './common';

export const tradeSchema = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  isActive: z.boolean(),
  createdAt: isoDate,
});
export type Trade = z.infer<typeof tradeSchema>;

export const tradeListQuery = z.strictObject({
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const createTradeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{2,40}$/, { message: 'Code en majuscules, chiffres et _ (2 à 40)' }),
  label: text(120),
});
export const updateTradeBody = z.strictObject({
  label: text(120).optional(),
  isActive: z.boolean().optional(),
});
