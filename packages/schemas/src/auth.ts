import { z } from 'zod';
import { organizationSchema } from './organizations';
import { userSchema } from './users';

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const sessionResponse = z.object({
  user: userSchema,
  organization: organizationSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;
