import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../test/test-app';

/**
 * Every endpoint of the foundation, called by users of two owners and a provider against the
 * other organisations' data: each call is refused and nothing changes.
 */
let ctx: TestContext;
let habitat: Session;
let logis: Session;
let provider: Session;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [habitat, logis, provider] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@logis-test.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
  ]);
});
afterAll(() => ctx.close());

type Call = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object };
const attacks = (victim: Session): Call[] => [
  { method: 'GET', url: `/api/organizations/${victim.organizationId}/members` },
  {
    method: 'POST',
    url: `/api/organizations/${victim.organizationId}/members`,
    payload: { email: 'intrus@exemple.fr', name: 'Intrus', role: 'admin', password: 'un-mot-de-passe-long' },
  },
  {
    method: 'PATCH',
    url: `/api/organizations/${victim.organizationId}/members/${victim.userId}`,
    payload: { isActive: false },
  },
  {
    method: 'PATCH',
    url: `/api/organizations/${victim.organizationId}`,
    payload: { onboardingEmail: 'pirate@exemple.fr' },
  },
  { method: 'GET', url: `/api/audit-events?organizationId=${victim.organizationId}` },
  { method: 'GET', url: '/api/mail-outbox' },
  { method: 'POST', url: '/api/organizations', payload: { name: 'X', siren: '732829320', kinds: ['owner'] } },
  { method: 'POST', url: '/api/trades', payload: { code: 'PIRATE', label: 'Pirate' } },
];

async function snapshot() {
  const q = async (sql: string) => (await ctx.database.pool.query(sql)).rows;
  return {
    users: await q('SELECT id, role, is_active, email FROM users ORDER BY id'),
    orgs: await q('SELECT id, name, onboarding_email, city FROM organizations ORDER BY id'),
    trades: await q('SELECT id, label, is_active FROM trades ORDER BY id'),
  };
}

describe('tenant isolation of the foundation endpoints', () => {
  const pairs: Array<[string, () => Session, () => Session]> = [
    ['an owner against another owner', () => habitat, () => logis],
    ['an owner against a provider', () => habitat, () => provider],
    ['a provider against an owner', () => provider, () => habitat],
  ];
  for (const [name, attacker, victim] of pairs) {
    it(`refuses ${name}, and nothing changes`, async () => {
      const before = await snapshot();
      for (const call of attacks(victim())) {
        const res = await ctx.app.inject({ ...call, headers: attacker().headers });
        expect([403, 404], `${call.method} ${call.url}`).toContain(res.statusCode);
        expect(res.json().error.code).toMatch(/^(auth\.forbidden|user\.not_found|organization\.not_found)$/);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it('shows in the directory only public fields of other organisations', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/organizations/${logis.organizationId}`,
      headers: { cookie: habitat.cookie },
    });
    expect(Object.keys(res.json()).sort()).toEqual(
      ['city', 'createdAt', 'id', 'isPlatform', 'kinds', 'name', 'onboardingEmail', 'ready', 'siren'].sort(),
    );
  });
});
