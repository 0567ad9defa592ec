import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let owner: Session;
let operator: Session;
beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  owner = await ctx.login('admin@habitat-demo.fr');
  operator = await ctx.login('support@raccord.local');
});
afterAll(() => ctx.close());

describe('métiers', () => {
  it('lists the initial métiers to every signed-in user, sorted by label', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/trades', headers: { cookie: owner.cookie } });
    expect(res.statusCode).toBe(200);
    const labels = res.json().items.map((t: { label: string }) => t.label);
    expect(labels).toContain('Ascenseurs');
    expect(labels).toContain('Multiservices (multitechnique)');
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('lets operators add and deactivate a métier; inactive ones disappear from the list, never deleted', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/trades',
      headers: operator.headers,
      payload: { code: 'TOITURES', label: 'Toitures et terrasses' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const off = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/trades/${id}`,
      headers: operator.headers,
      payload: { isActive: false },
    });
    expect(off.json().isActive).toBe(false);
    const visible = await ctx.app.inject({ method: 'GET', url: '/api/trades', headers: { cookie: owner.cookie } });
    expect(visible.json().items.map((t: { id: string }) => t.id)).not.toContain(id);
    const all = await ctx.app.inject({
      method: 'GET',
      url: '/api/trades?includeInactive=true',
      headers: { cookie: operator.cookie },
    });
    expect(all.json().items.map((t: { id: string }) => t.id)).toContain(id);
    const ownerAll = await ctx.app.inject({
      method: 'GET',
      url: '/api/trades?includeInactive=true',
      headers: { cookie: owner.cookie },
    });
    expect(ownerAll.json().items.map((t: { id: string }) => t.id)).not.toContain(id);
  });

  it('refuses duplicates of code or label (any case) and bad codes', async () => {
    const dupCode = await ctx.app.inject({
      method: 'POST',
      url: '/api/trades',
      headers: operator.headers,
      payload: { code: 'ASCENSEURS', label: 'Autre' },
    });
    expect(dupCode.json().error.code).toBe('trade.code_taken');
    const dupLabel = await ctx.app.inject({
      method: 'POST',
      url: '/api/trades',
      headers: operator.headers,
      payload: { code: 'ASC2', label: 'ascenseurs' },
    });
    expect(dupLabel.json().error.code).toBe('trade.label_taken');
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/trades',
      headers: operator.headers,
      payload: { code: 'bad code', label: 'X' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('code');
  });

  it('refuses métier changes to non-operators', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/trades',
      headers: owner.headers,
      payload: { code: 'XX', label: 'Xx' },
    });
    expect(res.statusCode).toBe(403);
  });
});
