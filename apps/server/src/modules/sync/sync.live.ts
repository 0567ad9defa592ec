import type { FrozenTerms } from '@raccord/schemas';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { foreground } from '../../shared/foreground';
import { contractProjects } from '../contracts/contracts.tables';
import { enqueueJob } from '../jobs/jobs.queue';
import { consumePerimeterPage } from '../perimeter/perimeter.engine';
import { emitContractEvent } from '../webhooks/webhooks.deliver';
import type { SyncDeps } from './sync.materialise';
import { contractSyncs } from './sync.tables';

export const PATRIMOINE_CHANGED_JOB = 'sync.patrimoine_changed';

/**
 * The hook for the assets module: call it in the transaction of any change to an owner's
 * patrimoine (create, update, move, retype, delete, import). No singleton key on purpose: a change
 * committed while a diff runs must get a diff of its own; bursts are coalesced by the job itself.
 */
export async function enqueuePatrimoineChanged(tx: DbOrTx, clock: Clock, ownerId: string): Promise<void> {
  await enqueueJob(tx, clock, PATRIMOINE_CHANGED_JOB, { ownerId }, { maxAttempts: 10 });
}

/**
 * Job: brings every active contract of the owner up to date with its perimeter. A later job of the
 * same owner still queued will see everything this one would: this one then does nothing.
 */
export async function onPatrimoineChanged(deps: SyncDeps, ownerId: string, jobId: number): Promise<void> {
  const later = await deps.db.execute(sql`
    SELECT 1 FROM jobs WHERE name = ${PATRIMOINE_CHANGED_JOB} AND state = 'queued' AND id > ${jobId}
      AND payload->>'ownerId' = ${ownerId} LIMIT 1`);
  if (later.rows.length > 0) return;
  const contracts = await deps.db
    .select({ id: contractProjects.id })
    .from(contractProjects)
    .innerJoin(contractSyncs, eq(contractSyncs.contractId, contractProjects.id))
    .where(
      and(eq(contractProjects.ownerId, ownerId), eq(contractProjects.state, 'active'), eq(contractSyncs.state, 'done')),
    );
  for (const c of contracts) {
    if (deps.engine === 'pglite') await foreground.idle();
    await diffContract(deps, c.id);
  }
}

const snapshotCols = sql`reference, label, type, parent_id, path`;

/**
 * Diffs a contract's materialised set against the perimeter as resolved now, in one transaction
 * (the sync row is locked: two diffs of one contract never interleave), and records each
 * difference in the change feed, removals first, then additions and updates in tree order.
 */
export async function diffContract(deps: SyncDeps, contractId: string): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const [sync] = await tx.select().from(contractSyncs).where(eq(contractSyncs.contractId, contractId)).for('update');
    const [contract] = await tx
      .select({ ownerId: contractProjects.ownerId, state: contractProjects.state, terms: contractProjects.frozenTerms })
      .from(contractProjects)
      .where(eq(contractProjects.id, contractId));
    if (sync?.state !== 'done' || contract?.state !== 'active' || !contract.terms) return 0;
    await loadCurrentSet(tx, contract.ownerId, contract.terms);
    const now = deps.clock.now();
    const res = await tx.execute(sql`
      WITH removed AS (
        DELETE FROM contract_assets ca WHERE ca.contract_id = ${contractId}
          AND NOT EXISTS (SELECT 1 FROM sync_current c WHERE c.asset_id = ca.asset_id)
        RETURNING ca.asset_id, ${snapshotCols}),
      upserted AS (
        INSERT INTO contract_assets (contract_id, asset_id, reference, label, type, parent_id, path)
        SELECT ${contractId}, c.asset_id, c.reference, c.label, c.type, c.parent_id, c.path FROM sync_current c
        LEFT JOIN contract_assets ca ON ca.contract_id = ${contractId} AND ca.asset_id = c.asset_id
        WHERE ca.asset_id IS NULL
           OR (ca.reference, ca.label, ca.type, ca.parent_id, ca.path) IS DISTINCT FROM (c.reference, c.label, c.type, c.parent_id, c.path)
        ON CONFLICT (contract_id, asset_id) DO UPDATE SET reference = excluded.reference, label = excluded.label,
          type = excluded.type, parent_id = excluded.parent_id, path = excluded.path
        RETURNING asset_id, ${snapshotCols}, (xmax = 0) AS inserted),
      feed AS (
        SELECT 0 AS phase, 'removed' AS kind, asset_id, ${snapshotCols} FROM removed
        UNION ALL
        SELECT 1, CASE WHEN inserted THEN 'added' ELSE 'updated' END, asset_id, ${snapshotCols} FROM upserted),
      written AS (
        INSERT INTO contract_changes (contract_id, kind, asset_id, reference, label, type, parent_id, at)
        SELECT ${contractId}, kind, asset_id, reference, label, type, parent_id, ${now}::timestamptz
        FROM feed ORDER BY phase, path::ltree, asset_id
        RETURNING id)
      SELECT count(*)::int AS n, min(id)::bigint AS first_id, max(id)::bigint AS last_id FROM written`);
    await tx.execute(sql`DROP TABLE sync_current`);
    return announceFeedEntries(tx, deps.clock, contractId, res.rows[0] as WrittenEntries | undefined);
  });
}

/** What a statement writing feed entries returns: `count(*) AS n, min(id) AS first_id, max(id) AS last_id`. */
export interface WrittenEntries {
  n: number;
  first_id: number | null;
  last_id: number | null;
}

/**
 * Tells the contract's webhooks that feed entries were written (`after` and `feedCursor` bound them),
 * in the transaction that wrote them. Returns how many there were.
 */
export async function announceFeedEntries(
  tx: DbOrTx,
  clock: Clock,
  contractId: string,
  written: WrittenEntries | undefined,
): Promise<number> {
  const n = Number(written?.n ?? 0);
  if (n > 0 && written?.first_id != null && written.last_id != null) {
    await emitContractEvent(tx, clock, 'contract.changes', contractId, {
      entries: n,
      after: String(Number(written.first_id) - 1),
      feedCursor: String(written.last_id),
    });
  }
  return n;
}

/** The perimeter's elements of the shared types now, in a temporary table of this transaction. */
async function loadCurrentSet(tx: DbOrTx, ownerId: string, terms: FrozenTerms) {
  await tx.execute(sql`
    CREATE TEMP TABLE IF NOT EXISTS sync_current (
      asset_id text PRIMARY KEY, reference text, label text, type text, parent_id text, path text) ON COMMIT DROP`);
  let after: string | undefined;
  do {
    const page = await consumePerimeterPage(
      tx,
      ownerId,
      terms.perimeter,
      terms.sharedTypes,
      { after, limit: 50_000 },
      async (select) => {
        const res = await tx.execute(sql`
          WITH page AS MATERIALIZED (${select}),
          ins AS (INSERT INTO sync_current SELECT id, reference, label, type, "parentId", path FROM page ON CONFLICT DO NOTHING)
          SELECT count(*)::int AS n, (SELECT path FROM page ORDER BY path::ltree DESC LIMIT 1) AS last_path,
                 max(id) AS last_id FROM page`);
        const row = res.rows[0] as { n: number; last_path: string | null; last_id: string | null };
        const last = row.last_path !== null && row.last_id !== null ? { id: row.last_id, path: row.last_path } : null;
        return { count: Number(row.n), last };
      },
    );
    after = page.next ?? undefined;
  } while (after);
}
