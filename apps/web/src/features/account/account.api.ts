import type { Locale } from '@raccord/schemas';
import { z } from 'zod';
import { api } from '../../lib/api-client';

// The answers of these writes are not needed: the session is re-read afterwards.
const anyBody = z.unknown();

export function updateMe(body: { name?: string; locale?: Locale }): Promise<unknown> {
  return api.patch('/api/me', body, anyBody);
}

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<unknown> {
  return api.post('/api/me/password', body, anyBody);
}
