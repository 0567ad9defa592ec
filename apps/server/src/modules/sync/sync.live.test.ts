import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { materialisedIds, validatedContract } from '../../test/sync.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let owner: Session;
let provider: Session;
let contractId: string;

beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true, env: { LOGIN_MIN_DELAY_MS: '0', SYNC_CHUNK_SIZE: '50' } });
  [owner, provider] = await Promise.all([ctx.login('admin@habitat-demo.fr'), ctx.login('admin@ascenseurs-demo.fr')]);
  contractId = (await validatedContract(ctx, { owner, provider })).id;
}, 120_000);
afterAll(() => ctx.close());

interface Change {
  kind: string;
  asset_id: string;
  label: string;
}

async function changesAfter(id: number): Promise<Array<Change & { id: number }>> {
  const r = await ctx.database.pool.query(
    'SELECT id::int AS id, kind, asset_id, label FROM contract_changes WHERE contract_id = $1 AND id > $2 ORDER BY id',
    [contractId, id],
  );
  return r.rows;
}

async function lastChange(): Promise<number> {
  const r = await ctx.database.pool.query(
    'SELECT coalesce(max(id), 0)::int AS id FROM contract_changes WHERE contract_id = $1',
    [contractId],
  );
  return r.rows[0].id;
}

/** A shared lift's parent (inside the perimeter) and an entrance outside it. */
async function places() {
  const inside = await ctx.database.pool.query(
    `SELECT a.parent_id FROM contract_assets ca JOIN assets a ON a.id = ca.asset_id
     WHERE ca.contract_id = $1 ORDER BY ca.asset_id LIMIT 1`,
    [contractId],
  );
  const outside = await ctx.database.pool.query(
    `SELECT a.id FROM assets a JOIN organizations o ON o.id = a.owner_id, contract_projects p
     WHERE o.name = 'Habitat Demo' AND a.kind = 'entrance' AND p.id = $1
       AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p.frozen_terms->'perimeter'->'include') i
                       WHERE a.path::text LIKE 'r' || (i->>'code') || '.%')
     LIMIT 1`,
    [contractId],
  );
  return { inside: String(inside.rows[0].parent_id), outside: String(outside.rows[0].id) };
}

describe('live perimeter', () => {
  it('follows additions, updates, moves, retypes and deletions in an ordered change feed', async () => {
    const { inside, outside } = await places();
    const start = await lastChange();

    const created = await call<{ id: string }>(ctx, owner, 'POST', '/api/assets', {
      reference: 'ASC-LIVE-1',
      label: 'Ascenseur live',
      kind: 'equipment',
      equipmentKind: 'lift',
      parentId: inside,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await ctx.runner.drain();
    expect(await materialisedIds(ctx, contractId)).toContain(id);

    expect((await call(ctx, owner, 'PATCH', `/api/assets/${id}`, { label: 'Ascenseur renommé' })).status).toBe(200);
    await ctx.runner.drain();
    expect((await call(ctx, owner, 'PATCH', `/api/assets/${id}`, { parentId: outside })).status).toBe(200);
    await ctx.runner.drain();
    expect(await materialisedIds(ctx, contractId)).not.toContain(id);
    expect((await call(ctx, owner, 'PATCH', `/api/assets/${id}`, { parentId: inside })).status).toBe(200);
    await ctx.runner.drain();
    expect((await call(ctx, owner, 'PATCH', `/api/assets/${id}`, { equipmentKind: 'vmc' })).status).toBe(200);
    await ctx.runner.drain();
    expect((await call(ctx, owner, 'PATCH', `/api/assets/${id}`, { equipmentKind: 'lift' })).status).toBe(200);
    await ctx.runner.drain();
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/assets/${id}`, headers: owner.headers });
    expect(del.statusCode).toBe(200);
    await ctx.runner.drain();

    const feed = await changesAfter(start);
    expect(feed.map((c) => [c.kind, c.asset_id])).toEqual([
      ['added', id],
      ['updated', id],
      ['removed', id],
      ['added', id],
      ['removed', id],
      ['added', id],
      ['removed', id],
    ]);
    expect(feed[1]?.label).toBe('Ascenseur renommé');
    expect(await materialisedIds(ctx, contractId)).not.toContain(id);
  });

  it('records nothing when a change leaves the shared set as it was', async () => {
    const start = await lastChange();
    const outsider = await ctx.database.pool.query(
      `SELECT a.id FROM assets a JOIN organizations o ON o.id = a.owner_id
       WHERE o.name = 'Habitat Demo' AND a.shared_type <> 'equipment.lift' AND a.kind = 'equipment' LIMIT 1`,
    );
    const id = String(outsider.rows[0].id);
    expect((await call(ctx, owner, 'PATCH', `/api/assets/${id}`, { label: 'Autre équipement' })).status).toBe(200);
    await ctx.runner.drain();
    expect(await changesAfter(start)).toEqual([]);
  });

  it('follows an import too: each element it adds to the perimeter becomes an "added" entry', async () => {
    const { inside } = await places();
    const parent = await ctx.database.pool.query('SELECT reference FROM assets WHERE id = $1', [inside]);
    const start = await lastChange();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/assets/imports',
      headers: { ...owner.headers, 'content-type': 'text/csv' },
      payload: `reference,parent_reference,kind,equipment_kind,label\nASC-IMP-1,${parent.rows[0].reference},equipment,lift,Ascenseur importé\n`,
    });
    expect(res.statusCode).toBe(202);
    await ctx.runner.drain();
    const feed = await changesAfter(start);
    expect(feed.map((c) => [c.kind, c.label])).toEqual([['added', 'Ascenseur importé']]);
  });
});
