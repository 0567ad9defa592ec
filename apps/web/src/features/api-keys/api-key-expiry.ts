import { API_KEY_NOTICE_DAYS, type ApiKey } from '@raccord/schemas';

const DAY_MS = 86_400_000;

export type KeyState = 'revoked' | 'expired' | 'expiring' | 'active';

/** Where a key stands at `now`: revoked, expired, expiring within the notice period, or active. */
export function keyState(key: ApiKey, now: number): KeyState {
  if (key.revokedAt) return 'revoked';
  const left = new Date(key.expiresAt).getTime() - now;
  if (left <= 0) return 'expired';
  return left < API_KEY_NOTICE_DAYS * DAY_MS ? 'expiring' : 'active';
}

/** Live keys (not revoked, not expired) that expire within the notice period, soonest first. */
export function expiringSoon(keys: ApiKey[], now: number): ApiKey[] {
  return keys.filter((k) => keyState(k, now) === 'expiring').sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}
