import type { FrozenTerms } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { materialisedIds, validatedContract } from '../../test/sync.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { jobHandlers } from '../../worker';
import { ACTIVATE_JOB } from '../contracts/contracts.validate';
import { JobRunner } from '../jobs/jobs.queue';
import { listPerimeterAssets } from '../perimeter/perimeter.engine';
import { MATERIALISE_JOB, materialiseContract } from './sync.materialise';

let ctx: TestContext;
let owner: Session;
let provider: Session;
let stranger: Session;

beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true, env: { LOGIN_MIN_DELAY_MS: '0', SYNC_CHUNK_SIZE: '7' } });
  [owner, provider, stranger] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('admin@logis-test.fr'),
  ]);
}, 120_000);
afterAll(() => ctx.close());

/** The exact set the perimeter engine resolves for the contract's frozen terms. */
async function expectedIds(contractId: string): Promise<string[]> {
  const r = await ctx.database.pool.query('SELECT owner_id, frozen_terms FROM contract_projects WHERE id = $1', [
    contractId,
  ]);
  const { owner_id: ownerId, frozen_terms: terms } = r.rows[0] as { owner_id: string; frozen_terms: FrozenTerms };
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await listPerimeterAssets(ctx.database.db, ownerId, terms.perimeter, terms.sharedTypes, {
      after,
      limit: 1000,
    });
    ids.push(...page.items.map((i) => i.id));
    after = page.next ?? undefined;
  } while (after);
  return ids.sort();
}

describe('materialisation of the shared set', () => {
  it('copies exactly the perimeter’s elements of the shared types, and both parties read its progress', async () => {
    const p = await validatedContract(ctx, { owner, provider });
    const expected = await expectedIds(p.id);
    expect(expected.length).toBeGreaterThan(14);
    expect(await materialisedIds(ctx, p.id)).toEqual(expected);
    for (const who of [owner, provider]) {
      const res = await call<{ state: string; done: number; total: number }>(
        ctx,
        who,
        'GET',
        `/api/contracts/${p.id}/sync`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'done', done: expected.length, total: expected.length });
    }
    const other = await call(ctx, stranger, 'GET', `/api/contracts/${p.id}/sync`);
    expect(other.status).toBe(404);
    expect((await call(ctx, null, 'GET', `/api/contracts/${p.id}/sync`)).status).toBe(401);
  });

  it('is idempotent: running it again changes nothing', async () => {
    const p = await validatedContract(ctx, { owner, provider });
    const before = await materialisedIds(ctx, p.id);
    await ctx.database.pool.query(`UPDATE contract_syncs SET state = 'running', cursor = NULL WHERE contract_id = $1`, [
      p.id,
    ]);
    expect(
      await materialiseContract({ ...ctx, db: ctx.database.db, engine: ctx.database.engine, config: ctx.config }, p.id),
    ).toBe('done');
    expect(await materialisedIds(ctx, p.id)).toEqual(before);
  });

  it('survives a worker killed mid-way: after its lease expires another runner finishes with the exact set', async () => {
    const deps = { db: ctx.database.db, clock: ctx.clock, engine: ctx.database.engine, config: ctx.config };
    const real = jobHandlers({ ...deps, transport: ctx.mail, log: () => {} });
    const activate = real[ACTIVATE_JOB];
    if (!activate) throw new Error('no activation handler');
    let killed: () => void = () => {};
    const reached = new Promise<void>((resolve) => {
      killed = resolve;
    });
    const doomed = new JobRunner({
      db: ctx.database.db,
      clock: ctx.clock,
      leaseMs: 60_000,
      handlers: {
        [ACTIVATE_JOB]: activate,
        // Two chunks committed, then the worker "dies": the promise never settles, the lease stays.
        [MATERIALISE_JOB]: async (payload) => {
          await materialiseContract(deps, String(payload.contractId), { maxChunks: 2 });
          killed();
          await new Promise(() => {});
        },
      },
    });
    const p = await validatedContract(ctx, { owner, provider }, async () => {
      await doomed.drain(1);
      void doomed.drain(1);
      await reached;
    });
    const partial = await call<{ state: string; done: number }>(ctx, owner, 'GET', `/api/contracts/${p.id}/sync`);
    expect(partial.body).toMatchObject({ state: 'running', done: 14 });
    expect(await materialisedIds(ctx, p.id)).toHaveLength(14);
    // Nothing happens while the lease holds; once it expires, a healthy runner takes the job over.
    await ctx.runner.drain();
    expect(await materialisedIds(ctx, p.id)).toHaveLength(14);
    ctx.clock.advance(61_000);
    await ctx.runner.drain();
    expect(await materialisedIds(ctx, p.id)).toEqual(await expectedIds(p.id));
    const done = await call<{ state: string; done: number; total: number }>(
      ctx,
      provider,
      'GET',
      `/api/contracts/${p.id}/sync`,
    );
    expect(done.body.state).toBe('done');
    expect(done.body.done).toBe(done.body.total);
  });
});

describe('the shared set’s link to its contract (checked once per statement, migration 0011)', () => {
  it('refuses rows naming no contract, in one statement with valid ones too, and keeps the table unchanged', async () => {
    const p = await validatedContract(ctx, { owner, provider });
    const before = await materialisedIds(ctx, p.id);
    const insert = (contractIds: string[]) =>
      ctx.database.pool.query(
        `INSERT INTO contract_assets (contract_id, asset_id, reference, label, type, path)
         SELECT c, 'ast_fk_' || i, 'R' || i, 'x', 'unit', '1' FROM unnest($1::text[]) WITH ORDINALITY AS u(c, i)`,
        [contractIds],
      );
    await expect(insert(['ctr_nope'])).rejects.toMatchObject({
      code: '23503',
      constraint: 'contract_assets_contract_id_fk',
    });
    await expect(insert([p.id, 'ctr_nope', p.id])).rejects.toMatchObject({ code: '23503' });
    await expect(
      ctx.database.pool.query(`UPDATE contract_assets SET contract_id = 'ctr_nope' WHERE contract_id = $1`, [p.id]),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(
      ctx.database.pool.query(`UPDATE contract_projects SET id = 'ctr_renamed' WHERE id = $1`, [p.id]),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await materialisedIds(ctx, p.id)).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it('goes with its contract when the contract is deleted', async () => {
    const p = await validatedContract(ctx, { owner, provider });
    const other = await validatedContract(ctx, { owner, provider });
    const kept = await materialisedIds(ctx, other.id);
    expect((await materialisedIds(ctx, p.id)).length).toBeGreaterThan(0);
    await ctx.database.pool.query('DELETE FROM contract_projects WHERE id = $1', [p.id]);
    expect(await materialisedIds(ctx, p.id)).toEqual([]);
    expect(await materialisedIds(ctx, other.id)).toEqual(kept);
  });

  it('a run started again from the beginning copies nothing twice (the plain INSERT meets a row already there)', async () => {
    const p = await validatedContract(ctx, { owner, provider });
    const before = await materialisedIds(ctx, p.id);
    // Only the second half is gone: the first chunks find their rows there, the last ones do not.
    await ctx.database.pool.query(
      `DELETE FROM contract_assets WHERE contract_id = $1 AND asset_id IN (
         SELECT asset_id FROM contract_assets WHERE contract_id = $1 ORDER BY path DESC LIMIT $2)`,
      [p.id, Math.floor(before.length / 2)],
    );
    await ctx.database.pool.query(`UPDATE contract_syncs SET state = 'running', cursor = NULL WHERE contract_id = $1`, [
      p.id,
    ]);
    const deps = { ...ctx, db: ctx.database.db, engine: ctx.database.engine, config: ctx.config };
    expect(await materialiseContract(deps, p.id)).toBe('done');
    expect(await materialisedIds(ctx, p.id)).toEqual(before);
  });
});
