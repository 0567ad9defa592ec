import { type AssetKind, type ImportError, sharedTypeOf, sharedTypes } from '@raccord/schemas';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { trace } from '../../shared/trace';
import { communePath, findCommune } from './assets.geo';
import { addDelta, cols, colTypes, compared, parentIdOf, pathOf } from './assets.import.batch';
import { type ImportPlan, type ImportSource, importRows } from './assets.import.check';
import type { ImportRow } from './assets.import.rows';
import { assetIdOf, assetSearchText } from './assets.models';
import { relocate } from './assets.move';
import { findAsset, replaceServedSites } from './assets.repository';
import { accumulateDelta, addRollupDeltas } from './assets.rollup';

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  moved: number;
}

interface Ctx {
  ownerId: string;
  plan: ImportPlan;
  now: Date;
  /** Runs one batch: in the import's one transaction (server) or in a short one of its own (embedded). */
  step: <T>(fn: (tx: DbOrTx) => Promise<T>) => Promise<T>;
  result: ApplyResult;
  applied: Uint8Array;
  progress: (rowsApplied: number) => Promise<void>;
  done: number;
  /** Rows per batch: fixed, or adapted so that each batch's transaction lasts about `stepTargetMs`. */
  batchSize: number;
  stepTargetMs: number | null;
  lastProgress: number;
  /** The batch being written while the next one is read and prepared (at most one). */
  inflight: Promise<void> | null;
  failure: unknown;
  /** Paths of recently written rows (children follow their parent in a file): idx → path. */
  paths: Map<number, string>;
  /**
   * One transaction for the whole import (server): the rollup's deltas are summed here and written
   * once before the moves, instead of once per batch (the per-batch upserts were ~15 % of the
   * writes, the top nodes rewritten by every batch). Short transactions (embedded) keep writing
   * them with each batch, so a resumed import never counts a row twice nor misses one.
   */
  deferRollup: boolean;
  pendingDeltas: Map<string, number>;
}

/** Deltas kept in memory at most (about 100 bytes each) before they are written. */
const MAX_PENDING_DELTAS = 50_000;

/** Bounds of the adaptive batch size (embedded engine). */
const MIN_BATCH = 100;
const MAX_BATCH = 5000;
const PROGRESS_EVERY_MS = 500;

interface PreparedBatch {
  size: number;
  insert: SQL;
  deltas: Map<string, number>;
}

/** Builds a batch's statement (CPU only: done while the previous batch is being written). */
function prepareBatch(ctx: Ctx, batch: Array<{ i: number; row: ImportRow }>): PreparedBatch {
  const arrays: unknown[][] = cols.map(() => []);
  const byNode = new Map<string, number>();
  for (const { i, row } of batch) {
    const type = sharedTypeOf(row.kind as AssetKind, row.equipmentKind);
    const path = pathOf(ctx.plan, i, ctx.paths);
    const values = [
      assetIdOf(ctx.plan.num[i] ?? 0),
      ctx.plan.num[i],
      parentIdOf(ctx.plan, i),
      path,
      row.kind,
      row.equipmentKind,
      row.premisesKind,
      type,
      row.reference,
      row.label,
      row.address,
      row.postcode,
      row.communeCode,
      row.yearBuilt,
      row.brand,
      row.serialNumber,
      row.commissioningDate,
      assetSearchText(row),
    ];
    for (let c = 0; c < values.length; c++) arrays[c]?.push(values[c]);
    const old = ctx.plan.oldType[i] ?? 255;
    if (old === 255) addDelta(byNode, path, type, 1);
    else if (sharedTypes[old] !== type) {
      addDelta(byNode, path, sharedTypes[old] ?? type, -1);
      addDelta(byNode, path, type, 1);
    }
  }
  // Each node's count goes to it and to every node above it (depth ≤ 5).
  const deltas = new Map<string, number>();
  for (const [key, n] of byNode) {
    const tab = key.indexOf('\t');
    accumulateDelta(deltas, key.slice(0, tab), key.slice(tab + 1), n);
  }
  const unnest = sql.join(
    arrays.map((a, c) => sql`${sql.param(a)}::${sql.raw(colTypes[c] ?? 'text')}[]`),
    sql`, `,
  );
  const insert = sql`
      INSERT INTO assets (${sql.raw(cols.join(', '))}, owner_id, created_at, updated_at)
      SELECT *, ${ctx.ownerId}, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz FROM unnest(${unnest})
      ON CONFLICT (owner_id, reference) DO UPDATE SET
        ${sql.raw(compared.map((c) => `${c} = excluded.${c}`).join(', '))}, updated_at = excluded.updated_at
      WHERE (${sql.raw(compared.map((c) => `assets.${c}`).join(', '))})
        IS DISTINCT FROM (${sql.raw(compared.map((c) => `excluded.${c}`).join(', '))})
      RETURNING (xmax = 0) AS inserted`;
  return { size: batch.length, insert, deltas };
}

async function executeBatch(ctx: Ctx, b: PreparedBatch) {
  let elapsed = 0;
  const res = await ctx.step(async (tx) => {
    const t0 = performance.now();
    const r = await tx.execute(b.insert);
    if (!ctx.deferRollup) await addRollupDeltas(tx, ctx.ownerId, b.deltas);
    elapsed = performance.now() - t0;
    return r.rows as Array<{ inserted: boolean }>;
  });
  if (ctx.stepTargetMs) {
    const scaled = (ctx.batchSize * ctx.stepTargetMs) / Math.max(1, elapsed);
    ctx.batchSize = Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, (ctx.batchSize + scaled) / 2)));
  }
  if (ctx.deferRollup) {
    for (const [key, n] of b.deltas) ctx.pendingDeltas.set(key, (ctx.pendingDeltas.get(key) ?? 0) + n);
    if (ctx.pendingDeltas.size >= MAX_PENDING_DELTAS) await writeDeltas(ctx);
  }
  let inserted = 0;
  for (const r of res) if (r.inserted) inserted++;
  ctx.result.created += inserted;
  ctx.result.updated += res.length - inserted;
  ctx.result.unchanged += b.size - res.length;
  ctx.done += b.size;
  if (performance.now() - ctx.lastProgress >= PROGRESS_EVERY_MS) {
    ctx.lastProgress = performance.now();
    await ctx.progress(ctx.done);
  }
}

/** Writes the summed rollup deltas (deferred mode), in the import's transaction. */
async function writeDeltas(ctx: Ctx) {
  if (ctx.pendingDeltas.size === 0) return;
  const deltas = ctx.pendingDeltas;
  ctx.pendingDeltas = new Map();
  await ctx.step((tx) => addRollupDeltas(tx, ctx.ownerId, deltas));
}

/** Waits for the batch in flight; rethrows its error. */
async function drain(ctx: Ctx) {
  if (ctx.inflight) await ctx.inflight;
  ctx.inflight = null;
  if (ctx.failure) throw ctx.failure;
}

/**
 * Writes a batch: prepared at once, sent when the previous batch is done. The caller goes on
 * reading the file meanwhile, so reading and writing overlap (one batch in flight at most: on the
 * embedded engine a request never waits behind more than one batch).
 */
async function writeBatch(ctx: Ctx, batch: Array<{ i: number; row: ImportRow }>) {
  if (batch.length === 0) return;
  const prepared = prepareBatch(ctx, batch);
  await drain(ctx);
  ctx.inflight = executeBatch(ctx, prepared).catch((err: unknown) => {
    ctx.failure = err;
  });
}

/**
 * Second reading: writes the rows in batches (parents first: a row whose parent comes later in
 * the file is set aside in `asset_import_spill` and written after, by depth), then the moves, then
 * the served sites.
 */
export async function applyImport(opts: {
  db: Db;
  importId: string;
  ownerId: string;
  plan: ImportPlan;
  source: ImportSource;
  now: Date;
  batchSize: number;
  /** Embedded engine: adapt the batch size so that each batch's transaction lasts about this long. */
  stepTargetMs?: number;
  step: Ctx['step'];
  /** The writes are one transaction: sum the rollup's deltas and write them once (see `Ctx`). */
  deferRollup?: boolean;
  progress: (rowsApplied: number) => Promise<void>;
}): Promise<ApplyResult> {
  const { plan } = opts;
  const ctx: Ctx = {
    ownerId: opts.ownerId,
    plan,
    now: opts.now,
    step: opts.step,
    result: { created: 0, updated: 0, unchanged: 0, moved: 0 },
    applied: new Uint8Array(Math.max(1, plan.count)),
    progress: opts.progress,
    done: 0,
    batchSize: opts.batchSize,
    stepTargetMs: opts.stepTargetMs ?? null,
    lastProgress: 0,
    inflight: null,
    failure: null,
    paths: new Map(),
    deferRollup: opts.deferRollup === true,
    pendingDeltas: new Map(),
  };
  await opts.step((tx) => tx.execute(sql`DELETE FROM asset_import_spill WHERE import_id = ${opts.importId}`));
  let batch: Array<{ i: number; row: ImportRow }> = [];
  let spill: Array<{ i: number; row: ImportRow }> = [];
  const flushSpill = async () => {
    if (spill.length === 0) return;
    const rows = spill;
    spill = [];
    await drain(ctx);
    await opts.step((tx) =>
      tx.execute(sql`
        INSERT INTO asset_import_spill (import_id, depth, idx, row)
        SELECT ${opts.importId}, d, i, r FROM unnest(${sql.param(rows.map((r) => plan.fileDepth[r.i] ?? 0))}::int[],
          ${sql.param(rows.map((r) => r.i))}::int[], ${sql.param(rows.map((r) => JSON.stringify(r.row)))}::jsonb[]) AS s(d, i, r)`),
    );
  };
  let i = 0;
  const ignore = (_e: ImportError) => {};
  for await (const row of importRows(opts.source, ignore)) {
    const p = plan.parentIdx[i] ?? -1;
    if (p >= 0 && !ctx.applied[p]) {
      spill.push({ i, row });
      if (spill.length >= ctx.batchSize) await flushSpill();
    } else {
      ctx.applied[i] = 1;
      batch.push({ i, row });
      if (batch.length >= ctx.batchSize) {
        await writeBatch(ctx, batch);
        batch = [];
      }
    }
    i++;
  }
  await writeBatch(ctx, batch);
  await flushSpill();
  await drain(ctx);
  trace('apply: rows');
  let after = { depth: -1, idx: -1 };
  for (;;) {
    const res = await opts.step((tx) =>
      tx.execute(sql`
        SELECT depth, idx, row FROM asset_import_spill
        WHERE import_id = ${opts.importId} AND (depth, idx) > (${after.depth}, ${after.idx})
        ORDER BY depth, idx LIMIT ${ctx.batchSize}`),
    );
    const rows = res.rows as Array<{ depth: number; idx: number; row: ImportRow }>;
    if (rows.length === 0) break;
    await writeBatch(
      ctx,
      rows.map((r) => ({ i: r.idx, row: r.row })),
    );
    await drain(ctx);
    const last = rows[rows.length - 1];
    after = { depth: last?.depth ?? 0, idx: last?.idx ?? 0 };
  }
  await opts.step((tx) => tx.execute(sql`DELETE FROM asset_import_spill WHERE import_id = ${opts.importId}`));
  // The moves recount subtrees from the rows: the rollup must hold every row written so far.
  await writeDeltas(ctx);
  trace('apply: spill');
  await applyMoves(ctx);
  await applyServed(ctx, opts.step);
  trace('apply: moves/served');
  return ctx.result;
}

/** Existing elements that change place move with their subtree (deferred while the target is still below them). */
async function applyMoves(ctx: Ctx) {
  let pending = [...ctx.plan.moved.keys()];
  while (pending.length > 0) {
    const later: number[] = [];
    for (const i of pending) {
      const done = await ctx.step(async (tx) => {
        const current = await findAsset(tx, ctx.ownerId, assetIdOf(ctx.plan.num[i] ?? 0), { lock: true });
        if (!current) return true;
        const p = ctx.plan.parentIdx[i] ?? -1;
        const dbParent = ctx.plan.dbParentOf.get(i);
        const parentId = p >= 0 ? assetIdOf(ctx.plan.num[p] ?? 0) : dbParent ? assetIdOf(dbParent.num) : null;
        let prefix: string;
        if (parentId) {
          const parent = await findAsset(tx, ctx.ownerId, parentId);
          if (!parent) return true;
          if (parent.path === current.path || parent.path.startsWith(`${current.path}.`)) return false;
          prefix = parent.path;
        } else {
          const commune = findCommune(current.communeCode ?? '');
          prefix = commune ? communePath(commune) : '';
        }
        await relocate(tx, ctx.ownerId, current, { path: `${prefix}.${current.num}`, patch: { parentId } });
        return true;
      });
      if (done) ctx.result.moved++;
      else later.push(i);
    }
    if (later.length === pending.length) throw new Error('import moves do not converge');
    pending = later;
  }
}

async function applyServed(ctx: Ctx, step: Ctx['step']) {
  if (!ctx.plan.hasServedColumn) return;
  const targets = new Map<number, string[]>();
  for (const [i, refs] of ctx.plan.served) {
    targets.set(
      i,
      refs.map((r) => {
        const inFile = ctx.plan.refIdx.get(r);
        return inFile !== undefined ? assetIdOf(ctx.plan.num[inFile] ?? 0) : (ctx.plan.servedDb.get(r) ?? '');
      }),
    );
  }
  // Rows with an empty column lose their served sites; only equipment can have any.
  // (New elements have none: only rows updating an existing element are cleared.)
  const ids: string[] = [];
  for (const i of ctx.plan.refIdx.values()) {
    if (ctx.plan.exists[i] && !targets.has(i)) ids.push(assetIdOf(ctx.plan.num[i] ?? 0));
  }
  for (let b = 0; b < ids.length; b += 10_000) {
    const slice = ids.slice(b, b + 10_000);
    await step((tx) =>
      tx.execute(sql`DELETE FROM asset_served_sites WHERE asset_id = ANY(${sql.param(slice)}::text[])`),
    );
  }
  for (const [i, siteIds] of targets) {
    await step((tx) => replaceServedSites(tx, ctx.ownerId, assetIdOf(ctx.plan.num[i] ?? 0), [...new Set(siteIds)]));
  }
}
