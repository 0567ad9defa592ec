import { API_KEY_NOTICE_DAYS, type ApiKey } from '@raccord/schemas';

const DAY_MS = 86_400_000;

/** Live keys (not revoked, not expired) that expire within the notice period, soonest first. */
export function expiringSoon(keys: ApiKey[], now: number): ApiKey[] {
  return keys
    .filter((k) => {
      const left = new Date(k.expiresAt).getTime() - now;
      return !k.revokedAt && left > 0 && left < API_KEY_NOTICE_DAYS * DAY_MS;
    })
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}
