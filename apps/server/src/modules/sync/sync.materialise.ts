import type { FrozenTerms } from '@raccord/schemas';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { foreground } from '../../shared/foreground';
import { contractProjects } from '../contracts/contracts.tables';
import { enqueueJob } from '../jobs/jobs.queue';
import { consumePerimeterPage, countPerimeter } from '../perimeter/perimeter.engine';
import { enqueuePatrimoineChanged } from './sync.live';
import { contractSyncs } from './sync.tables';

export const MATERIALISE_JOB = 'sync.materialise';

export interface SyncDeps {
  db: Db;
  clock: Clock;
  engine: 'pglite' | 'postgresql';
  config: { syncChunkSize: number };
}

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
 * short transaction. Each chunk is one INSERT … SELECT of a page of the perimeter engine and
 * commits with the cursor that follows it, so a worker killed at any instant resumes after the
 * last committed chunk; the primary key makes a repeated chunk a no-op (nothing twice).
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
    if (sync.total === null || sync.state === 'pending') {
      const counts = await countPerimeter(deps.db, contract.ownerId, terms.perimeter);
      const total = terms.sharedTypes.reduce((sum, t) => sum + (counts[t] ?? 0), 0);
      await deps.db
        .update(contractSyncs)
        .set({ state: 'running', total, attempts: sync.attempts + 1, updatedAt: deps.clock.now() })
        .where(eq(contractSyncs.contractId, contractId));
    }
    for (let chunk = 0; opts.maxChunks === undefined || chunk < opts.maxChunks; chunk++) {
      // Embedded, one connection: let the requests in flight go first, so none waits on a long run.
      if (deps.engine === 'pglite') await foreground.idle();
      const finished = await deps.db.transaction((tx) =>
        materialiseChunk(deps, tx, contractId, contract.ownerId, terms),
      );
      if (finished) return 'done';
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

async function materialiseChunk(deps: SyncDeps, tx: DbOrTx, contractId: string, ownerId: string, terms: FrozenTerms) {
  const [sync] = await tx.select().from(contractSyncs).where(eq(contractSyncs.contractId, contractId)).for('update');
  if (sync?.state !== 'running') return true;
  let inserted = 0;
  const { next } = await consumePerimeterPage(
    tx,
    ownerId,
    terms.perimeter,
    terms.sharedTypes,
    { after: sync.cursor ?? undefined, limit: deps.config.syncChunkSize },
    async (select) => {
      const res = await tx.execute(sql`
        WITH page AS MATERIALIZED (${select}),
        ins AS (
          INSERT INTO contract_assets (contract_id, asset_id, reference, label, type, parent_id, path)
          SELECT ${contractId}, id, reference, label, type, "parentId", path FROM page
          ON CONFLICT DO NOTHING RETURNING 1)
        SELECT (SELECT count(*)::int FROM page) AS n, (SELECT count(*)::int FROM ins) AS inserted,
               (SELECT path FROM page ORDER BY path::ltree DESC LIMIT 1) AS last_path,
               (SELECT max(id) FROM page) AS last_id`);
      const row = res.rows[0] as unknown as ChunkRow;
      inserted += Number(row.inserted);
      const last = row.last_path !== null && row.last_id !== null ? { id: row.last_id, path: row.last_path } : null;
      return { count: Number(row.n), last };
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
  // Changes made while the set was being copied: one diff catches them all.
  if (next === null) await enqueuePatrimoineChanged(tx, deps.clock, ownerId);
  return next === null;
}
