import { z } from 'zod';
import { emailSchema, isoDate, text } from './common';

export const userRoles = ['admin', 'member'] as const;
export type UserRole = (typeof userRoles)[number];
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export const passwordSchema = z
  .string()
  .min(10, { message: 'Au moins 10 caractères' })
  .max(200, { message: 'Au plus 200 caractères' });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  isOperator: z.boolean(),
  locale: z.enum(locales),
  organizationId: z.string(),
  isActive: z.boolean(),
  lastLoginAt: isoDate.nullable(),
  createdAt: isoDate,
});
export type User = z.infer<typeof userSchema>;

export const createMemberBody = z.strictObject({
  email: emailSchema,
  name: text(120),
  role: z.enum(userRoles),
  password: passwordSchema,
});
export type CreateMemberBody = z.infer<typeof createMemberBody>;

export const updateMemberBody = z.strictObject({
  role: z.enum(userRoles).optional(),
  isActive: z.boolean().optional(),
  name: text(120).optional(),
});
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

export const updateMeBody = z.strictObject({
  name: text(120).optional(),
  locale: z.enum(locales).optional(),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
