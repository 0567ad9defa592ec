import type { FrozenTerms } from '@raccord/schemas';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { isUniqueViolation } from '../../shared/db-errors';
import { foreground } from '../../shared/foreground';
import { contractProjects } from '../contracts/contracts.tables';
import { enqueueJob } from '../jobs/jobs.queue';
import {
  consumePerimeterPage,
  countResolved,
  type ResolvedPerimeter,
  resolvePerimeter,
  rootSizes,
} from '../perimeter/perimeter.engine';
import { emitContractEvent } from '../webhooks/webhooks.deliver';
import { enqueuePatrimoineChanged, PATRIMOINE_CHANGED_JOB } from './sync.live';
import { feedCursorOf } from './sync.read';
import { contractSyncs } from './sync.tables';

export const MATERIALISE_JOB = 'sync.materialise';

export interface SyncDeps {
  db: Db;
  clock: Clock;
  engine: 'pglite' | 'postgresql';
  config: { syncChunkSize: number; syncChunkMs: number };
}

/** First chunk on the embedded engine, before its duration is known. */
const FIRST_EMBEDDED_CHUNK = 200;

/**
 * Starts the materialisation of a contract's shared set. Call it in the transaction that makes the
 * contract active: the progress row and the job exist if and only if the activation committed.
 */
export async function startMaterialisation(tx: DbOrTx, clock: Clock, contractId: string): Promise<void> {
  const now = clock.now();
  await tx
    .insert(contractSyncs)
    .values({ contractId, state: 'pending', startedAt: now, updatedAt: now })
    .onConflictDoNothing();
  await enqueueJob(
    tx,
    clock,
    MATERIALISE_JOB,
    { contractId },
    { singletonKey: `${MATERIALISE_JOB}:${contractId}`, maxAttempts: 10 },
  );
}

interface ChunkRow {
  n: number;
  inserted: number;
  last_path: string | null;
  last_id: string | null;
}

/**
 * Job: copies the perimeter's elements of the shared types into `contract_assets`, one chunk per
 * short transaction. Each chunk is set-based — INSERT … SELECT straight from the perimeter
 * engine's page (a btree range scan of (owner, path) per included subtree, after the cursor) — and
 * commits with the cursor that follows it and the progress, so a worker killed at any instant
 * resumes after the last committed chunk; a repeated chunk is a no-op (nothing twice): rows already
 * there are skipped. Skipping costs (ON CONFLICT: +70 % per row), so a chunk is first written as a
 * plain INSERT and only copied again with ON CONFLICT if that meets a row already there (the chunks
 * cannot race: each locks the sync row, as the live diff does; a page never names an element twice). On PostgreSQL chunks are large
 * (`syncChunkSize`): the API has its own connections. On the embedded engine (one connection)
 * each chunk is sized to take about `syncChunkMs`, and waits until no request is in flight, so a
 * request never waits for more than one short chunk.
 * `maxChunks` lets tests stop part-way, as a killed worker would.
 */
export async function materialiseContract(
  deps: SyncDeps,
  contractId: string,
  opts: { maxChunks?: number } = {},
): Promise<'done' | 'partial' | 'skipped'> {
  const [contract] = await deps.db
    .select({ ownerId: contractProjects.ownerId, state: contractProjects.state, terms: contractProjects.frozenTerms })
    .from(contractProjects)
    .where(eq(contractProjects.id, contractId));
  const [sync] = await deps.db.select().from(contractSyncs).where(eq(contractSyncs.contractId, contractId));
  if (!contract || !sync || sync.state === 'done' || sync.state === 'stopped') return 'skipped';
  const terms = contract.terms;
  if (contract.state !== 'active' || !terms) return 'skipped';
  try {
    // Resolved once per run: every chunk pages through the same subtrees.
    const resolved = await resolvePerimeter(deps.db, contract.ownerId, terms.perimeter);
    // Roots that fit whole in a chunk are copied in one unordered read (see consumePerimeterPage).
    const sizes = await rootSizes(deps.db, contract.ownerId, resolved, terms.sharedTypes);
    if (sync.total === null || sync.state === 'pending') {
      const counts = await countResolved(deps.db, contract.ownerId, resolved);
      const total = terms.sharedTypes.reduce((sum, t) => sum + (counts[t] ?? 0), 0);
      await deps.db
        .update(contractSyncs)
        .set({ state: 'running', total, attempts: sync.attempts + 1, updatedAt: deps.clock.now() })
        .where(eq(contractSyncs.contractId, contractId));
    }
    const embedded = deps.engine === 'pglite';
    const max = deps.config.syncChunkSize;
    let limit = embedded ? Math.min(max, FIRST_EMBEDDED_CHUNK) : max;
    for (let chunk = 0; opts.maxChunks === undefined || chunk < opts.maxChunks; chunk++) {
      // Embedded, one connection: let the requests in flight go first, so none waits on a long run.
      if (embedded) await foreground.idle();
      const started = performance.now();
      const finished = await deps.db.transaction((tx) =>
        materialiseChunk(deps, tx, contractId, contract.ownerId, terms, resolved, sizes, limit),
      );
      if (finished) {
        // The set just grew by up to hundreds of thousands of rows: without fresh statistics the
        // planner reads a contract's pages by sorting the whole set once per page (quadratic).
        // A small sample is enough for row counts, and keeps it short on the embedded engine.
        await deps.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL default_statistics_target = 10`);
          await tx.execute(sql`ANALYZE contract_assets (contract_id, asset_id)`);
        });
        return 'done';
      }
      if (embedded) {
        // Next chunk sized to the time budget from this one's pace (at most doubling at once).
        const ms = Math.max(1, performance.now() - started);
        limit = Math.max(
          Math.min(max, 50),
          Math.min(max, limit * 2, Math.round((limit * deps.config.syncChunkMs) / ms)),
        );
        // Let timers and I/O of this thread (requests arriving) run between two chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return 'partial';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await deps.db
      .update(contractSyncs)
      .set({ lastError: message.slice(0, 1000), updatedAt: deps.clock.now() })
      .where(eq(contractSyncs.contractId, contractId));
    throw err;
  }
}

async function materialiseChunk(
  deps: SyncDeps,
  tx: DbOrTx,
  contractId: string,
  ownerId: string,
  terms: FrozenTerms,
  resolved: ResolvedPerimeter,
  sizes: Map<string, number>,
  limit: number,
) {
  const [sync] = await tx.select().from(contractSyncs).where(eq(contractSyncs.contractId, contractId)).for('update');
  if (sync?.state !== 'running') return true;
  // A large chunk's page stays in memory rather than spilling to a temporary file (server only).
  // The commit does not wait for the WAL flush: a chunk lost by a server crash is lost with its
  // cursor, and the job resumes from the chunk before (the set still ends exact).
  if (deps.engine === 'postgresql') {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await tx.execute(sql`SET LOCAL synchronous_commit = off`);
  }
  let inserted = 0;
  const { next } = await consumePerimeterPage(
    tx,
    ownerId,
    resolved,
    terms.sharedTypes,
    { after: sync.cursor ?? undefined, limit, rootSizes: sizes },
    async (select, phase) => {
      // One pass over the page for its size and its last element. In the tree phase the last is the
      // greatest path: byte order ("C") of the text equals ltree order for our labels (integers and
      // INSEE codes, all above '.'), without parsing every path back to ltree. In the served phase
      // the page is ordered by id in the database's collation, as the next page's `id >` is.
      const last = phase === 'tree' ? sql`max(path COLLATE "C")` : sql`max(id)`;
      // Plain copy: every row of the page is inserted, so the size and the last element are read
      // from what the INSERT returns (no copy of the page in between).
      const copy = () =>
        tx.execute(sql`
        WITH ins AS (
          INSERT INTO contract_assets (contract_id, asset_id, reference, label, type, parent_id, path)
          SELECT ${contractId}, id, reference, label, type, "parentId", path FROM (${select}) page
          RETURNING asset_id AS id, path)
        SELECT count(*)::int AS n, count(*)::int AS inserted, ${last} AS last_path, ${last} AS last_id FROM ins`);
      // Skipping the rows already there: the page is kept to tell its size and last element.
      const copySkipping = () =>
        tx.execute(sql`
        WITH page AS MATERIALIZED (${select}),
        ins AS (
          INSERT INTO contract_assets (contract_id, asset_id, reference, label, type, parent_id, path)
          SELECT ${contractId}, id, reference, label, type, "parentId", path FROM page
          ON CONFLICT DO NOTHING RETURNING 1)
        SELECT n, (SELECT count(*)::int FROM ins) AS inserted, last AS last_path, last AS last_id
        FROM (SELECT count(*)::int AS n, ${last} AS last FROM page) agg`);
      // Rows after the cursor are normally not there yet (each chunk commits with its cursor): a
      // plain INSERT, in a savepoint. When some are (a run started again from the beginning), the
      // page is copied again skipping them.
      let res: Awaited<ReturnType<typeof copy>>;
      try {
        res = await tx.transaction(() => copy());
      } catch (err) {
        if (!isUniqueViolation(err, 'contract_assets_contract_id_asset_id_pk')) throw err;
        res = await copySkipping();
      }
      const row = res.rows[0] as unknown as ChunkRow;
      inserted += Number(row.inserted);
      const lastRow = row.last_path !== null && row.last_id !== null ? { id: row.last_id, path: row.last_path } : null;
      return { count: Number(row.n), last: lastRow };
    },
  );
  const now = deps.clock.now();
  await tx
    .update(contractSyncs)
    .set({
      cursor: next,
      done: sync.done + inserted,
      state: next === null ? 'done' : 'running',
      finishedAt: next === null ? now : null,
      lastError: null,
      updatedAt: now,
    })
    .where(eq(contractSyncs.contractId, contractId));
  // Changes made while the set was being copied: one diff catches them all. Every change to the
  // patrimoine enqueues a PATRIMOINE_CHANGED job in its own transaction; when none was enqueued
  // since the copy started (with a margin for transactions still open then), there is nothing to
  // catch, and the owner's whole perimeter is not diffed again for nothing.
  if (next === null) {
    await emitContractEvent(tx, deps.clock, 'contract.synchronised', contractId, {
      elements: sync.done + inserted,
      feedCursor: await feedCursorOf(tx, contractId),
    });
    const since = new Date(sync.startedAt.getTime() - 10 * 60_000);
    const changed = await tx.execute(sql`
      SELECT 1 FROM jobs WHERE name = ${PATRIMOINE_CHANGED_JOB} AND created_at >= ${since}
        AND payload->>'ownerId' = ${ownerId} LIMIT 1`);
    if (changed.rows.length > 0) await enqueuePatrimoineChanged(tx, deps.clock, ownerId);
  }
  return next === null;
}
