import type { ApiKey } from '@raccord/schemas';
import { describe, expect, it } from 'vitest';
import { expiringSoon, keyState } from './api-key-expiry';

const now = Date.parse('2026-12-04T10:00:00.000Z');
const key = (name: string, daysLeft: number, revoked = false): ApiKey => ({
  id: name,
  name,
  prefix: 'rk_x',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'admin@example.fr',
  lastUsedAt: null,
  revokedAt: revoked ? '2026-12-01T00:00:00.000Z' : null,
  expiresAt: new Date(now + daysLeft * 86_400_000).toISOString(),
});

describe('keys expiring soon', () => {
  it('are the live ones with less than 14 days left, soonest first', () => {
    const keys = [key('a', 13), key('b', 2), key('c', 14), key('d', 30), key('e', -1), key('f', 3, true)];
    expect(expiringSoon(keys, now).map((k) => k.name)).toEqual(['b', 'a']);
    expect(expiringSoon([], now)).toEqual([]);
  });

  it('each key has one state: revoked first, then expired, expiring within 14 days, active', () => {
    expect([key('a', 13), key('c', 14), key('e', -1), key('f', 3, true)].map((k) => keyState(k, now))).toEqual([
      'expiring',
      'active',
      'expired',
      'revoked',
    ]);
  });
});
