import { z } from 'zod';
import { emailSchema, isoDate, pageOf, text } from './common';

export const organizationKinds = ['owner', 'provider', 'manager'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/** SIREN: 9 digits whose Luhn checksum is valid. */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(value[8 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const sirenSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{9}$/, { message: 'Le SIREN compte exactement 9 chiffres' })
      .refine(isValidSiren, { message: 'Ce SIREN est invalide (clé de contrôle incorrecte)' }),
  );

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  siren: z.string(),
  kinds: z.array(z.enum(organizationKinds)),
  city: z.string().nullable(),
  onboardingEmail: z.string().nullable(),
  ready: z.boolean(),
  isPlatform: z.boolean(),
  createdAt: isoDate,
});
export type Organization = z.infer<typeof organizationSchema>;

export const directoryQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(organizationKinds).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const organizationPage = pageOf(organizationSchema);

export const createOrganizationBody = z.strictObject({
  name: text(200),
  siren: sirenSchema,
  kinds: z.array(z.enum(organizationKinds)).min(1, { message: 'Choisissez au moins un type' }),
  city: text(120).optional(),
  onboardingEmail: emailSchema.optional(),
  ready: z.boolean().default(false),
});
export type CreateOrganizationBody = z.infer<typeof createOrganizationBody>;

export const updateOrganizationBody = z.strictObject({
  name: text(200).optional(),
  kinds: z.array(z.enum(organizationKinds)).min(1).optional(),
  city: text(120).nullable().optional(),
  onboardingEmail: emailSchema.nullable().optional(),
  ready: z.boolean().optional(),
});
export type UpdateOrganizationBody = z.infer<typeof updateOrganizationBody>;
