import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let habitat: Session;
let logis: Session;
let member: Session;
let operator: Session;
beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  habitat = await ctx.login('admin@habitat-demo.fr');
  logis = await ctx.login('admin@logis-test.fr');
  member = await ctx.login('membre@habitat-demo.fr');
  operator = await ctx.login('support@raccord.local');
  await ctx.app.inject({ method: 'PATCH', url: '/api/me', headers: logis.headers, payload: { locale: 'en' } });
});
afterAll(() => ctx.close());

const list = (s: Session, query = '') =>
  ctx.app.inject({ method: 'GET', url: `/api/audit-events${query}`, headers: { cookie: s.cookie } });

describe('audit trail', () => {
  it('shows an admin the events of its own organisation only', async () => {
    const res = await list(habitat);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ organizationId: string; action: string }>;
    expect(items.length).toBeGreaterThan(0);
    for (const e of items) expect(e.organizationId).toBe(habitat.organizationId);
    expect(items.map((e) => e.action)).not.toContain('user.profile_updated');
  });

  it('refuses another organisation’s trail and members’ access', async () => {
    expect((await list(habitat, `?organizationId=${logis.organizationId}`)).statusCode).toBe(403);
    expect((await list(member)).statusCode).toBe(403);
  });

  it('shows operators every trail, filterable', async () => {
    const res = await list(operator, `?organizationId=${logis.organizationId}&action=user.profile_updated`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ actorLabel: 'admin@logis-test.fr', details: { fields: ['locale'] } });
  });
});
