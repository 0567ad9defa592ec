import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed';
import { createTestContext, type TestContext } from '../../test/test-app';
import { generatePatrimoine } from './assets.generate';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true });
});
afterAll(() => ctx.close());

describe('generated patrimoine', () => {
  it('is deterministic for a seed and stops at the number of elements asked', () => {
    const a = [...generatePatrimoine({ elements: 500, seed: 42 })].join('');
    const b = [...generatePatrimoine({ elements: 500, seed: 42 })].join('');
    const c = [...generatePatrimoine({ elements: 500, seed: 43 })].join('');
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a.trim().split('\n')).toHaveLength(501);
  });

  it('gives each demo owner a few thousand elements with the usual proportions, once', async () => {
    const admin = await ctx.login('admin@habitat-demo.fr');
    const totals = (await ctx.app.inject({ method: 'GET', url: '/api/assets/totals', headers: admin.headers })).json();
    expect(totals.total).toBe(4000);
    expect(totals.counts.unit / totals.total).toBeGreaterThan(0.55);
    expect(totals.counts.site).toBeGreaterThan(5);
    expect(totals.counts['equipment.lift']).toBeGreaterThan(10);
    await seedDemo({ db: ctx.database.db, clock: ctx.clock, engine: ctx.database.engine });
    const again = (await ctx.app.inject({ method: 'GET', url: '/api/assets/totals', headers: admin.headers })).json();
    expect(again.total).toBe(4000);
    const top = (await ctx.app.inject({ method: 'GET', url: '/api/assets/tree', headers: admin.headers })).json();
    expect(top.items.length).toBeGreaterThan(3);
  });
});
