import { z } from 'zod';

export const idSchema = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]{10,40}$`), { message: `Identifiant ${prefix}_… attendu` });

export const paginationQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  }),
});

export const okSchema = z.object({ ok: z.literal(true) });

export const isoDate = z.string().describe('Date ISO 8601');

/** A trimmed, non-empty string. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Adresse e-mail invalide' }));

/** Lower-case, accents removed, whitespace collapsed: the form used by every accent-insensitive search. */
export function normalizeForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.\-_ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
