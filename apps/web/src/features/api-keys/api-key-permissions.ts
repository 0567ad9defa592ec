import type { Viewer } from '../../lib/permissions';

/** Keys act for the whole organisation: its administrators create and revoke them (the server checks). */
export function canManageApiKeys({ user }: Viewer): boolean {
  return user.role === 'admin';
}
