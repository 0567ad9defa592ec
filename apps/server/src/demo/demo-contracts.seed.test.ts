import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-app';
import { seedDemoContracts } from './demo-contracts.seed';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
});
afterAll(() => ctx.close());

describe('demo contract projects', () => {
  it('seeds a draft and a tripartite project awaiting the parties, once', async () => {
    const deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config };
    expect(await seedDemoContracts(deps)).toBe(true);
    expect(await seedDemoContracts(deps)).toBe(false);
    const owner = await ctx.login('admin@habitat-demo.fr');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/contract-projects', headers: owner.headers });
    const items = (res.json() as { items: Array<{ label: string; state: string; parties: unknown[] }> }).items;
    expect(items.map((i) => [i.state, i.parties.length]).sort()).toEqual([
      ['awaiting_parties', 3],
      ['draft', 2],
    ]);
  });
});
