import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { materialisedIds, validatedContract } from '../../test/sync.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let owner: Session;
let provider: Session;
let contractId: string;
const sessions: Record<string, Session> = {};

type Node = { key: string; level: string; reference: string | null; total: number; hasChildren: boolean };
type Children = { items: Node[]; total: number };
type Search = {
  items: Array<{ id: string; reference: string; type: string; commune: { name: string } | null }>;
  total: number;
  counts: Record<string, number>;
};

const tree = (who: Session, node?: string) =>
  call<Children>(ctx, who, 'GET', `/api/contracts/${contractId}/shared-tree${node ? `?node=${node}` : ''}`);

beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true, env: { LOGIN_MIN_DELAY_MS: '0' } });
  const [o, p, other, thermique, gestion] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('admin@logis-test.fr'),
    ctx.login('admin@thermique-demo.fr'),
    ctx.login('admin@gestion-demo.fr'),
  ]);
  owner = o;
  provider = p;
  Object.assign(sessions, { owner, provider, otherOwner: other, providerNotParty: thermique, thirdParty: gestion });
  contractId = (await validatedContract(ctx, { owner, provider })).id;
}, 120_000);
afterAll(() => ctx.close());

describe('shared tree and search', () => {
  it('walks down to exactly the shared set, geography first, each element once', async () => {
    const seen: string[] = [];
    const levels = new Set<string>();
    const walk = async (node?: string): Promise<void> => {
      const res = await tree(provider, node);
      expect(res.status).toBe(200);
      for (const child of res.body.items) {
        levels.add(child.level);
        if (child.level === 'asset') seen.push(child.key.slice('asset:'.length));
        if (child.hasChildren) await walk(child.key);
      }
    };
    await walk();
    expect(seen.sort()).toEqual(await materialisedIds(ctx, contractId));
    expect([...levels].sort()).toEqual(['asset', 'commune', 'departement', 'region']);
  });

  it('counts at the top add up to the shared set', async () => {
    const res = await tree(provider);
    const sum = res.body.items.reduce((n, i) => n + i.total, 0);
    expect(sum).toBe((await materialisedIds(ctx, contractId)).length);
  });

  it('finds shared elements by the start of their reference, with counts per type, paged', async () => {
    const all = await call<Search>(ctx, provider, 'GET', `/api/contracts/${contractId}/shared-search?limit=5`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe((await materialisedIds(ctx, contractId)).length);
    expect(Object.keys(all.body.counts)).toEqual(['equipment.lift']);
    const first = all.body.items[0];
    expect(first?.commune?.name).toBeTruthy();
    const prefix = (first?.reference ?? '').slice(0, -1).toLowerCase();
    const found = await call<Search>(ctx, provider, 'GET', `/api/contracts/${contractId}/shared-search?q=${prefix}`);
    expect(found.body.items.map((i) => i.id)).toContain(first?.id);
    for (const i of found.body.items) expect(i.reference.toLowerCase().startsWith(prefix)).toBe(true);
    const none = await call<Search>(ctx, provider, 'GET', `/api/contracts/${contractId}/shared-search?q=%25`);
    expect(none.body.total).toBe(0);
  });

  it('refuses a node that is not in the shared set', async () => {
    const r = await ctx.database.pool.query(
      `SELECT a.id FROM assets a JOIN organizations o ON o.id = a.owner_id
       WHERE o.name = 'Habitat Demo' AND a.shared_type <> 'equipment.lift' LIMIT 1`,
    );
    const outside = (r.rows[0] as { id: string }).id;
    const res = await tree(provider, `asset:${outside}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'sync.node_not_found' } });
  });
});

describe('recent changes', () => {
  it('lists the latest feed entries of this contract, newest first', async () => {
    const [first, second] = await materialisedIds(ctx, contractId);
    for (const id of [first, second]) {
      const res = await call(ctx, owner, 'PATCH', `/api/assets/${id}`, { label: `Ascenseur renommé ${id}` });
      expect(res.status).toBe(200);
    }
    await ctx.runner.drain();
    const res = await call<{ items: Array<{ kind: string; cursor: string; asset: { id: string } }> }>(
      ctx,
      provider,
      'GET',
      `/api/contracts/${contractId}/recent-changes?limit=5`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => [i.kind, i.asset.id])).toEqual([
      ['updated', second],
      ['updated', first],
    ]);
    expect(Number(res.body.items[0]?.cursor)).toBeGreaterThan(Number(res.body.items[1]?.cursor));
  });
});

describe('who reads the shared tree and list', () => {
  const expected: Record<string, number> = {
    owner: 200,
    provider: 200,
    otherOwner: 404,
    providerNotParty: 404,
    thirdParty: 404,
  };
  it.each(Object.keys(expected))('%s', async (who) => {
    const session = sessions[who];
    if (!session) throw new Error(who);
    for (const path of ['shared-tree', 'shared-search', 'recent-changes']) {
      const res = await call(ctx, session, 'GET', `/api/contracts/${contractId}/${path}`);
      expect([path, res.status]).toEqual([path, expected[who]]);
    }
  });

  it('refuses callers without credentials', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/contracts/${contractId}/shared-tree` });
    expect(res.statusCode).toBe(401);
  });

  it('closes the provider’s view while suspended, not the owner’s', async () => {
    expect((await call(ctx, owner, 'POST', `/api/contracts/${contractId}/suspend`, { reason: 'Audit' })).status).toBe(
      200,
    );
    expect((await tree(provider)).status).toBe(409);
    expect((await tree(owner)).status).toBe(200);
    await call(ctx, owner, 'POST', `/api/contracts/${contractId}/resume`, { reason: 'Fin de l’audit' });
    expect((await tree(provider)).status).toBe(200);
  });
});
