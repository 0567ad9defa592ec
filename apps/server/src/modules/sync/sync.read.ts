import type { SyncProgress } from '@raccord/schemas';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { requireContractParty } from './sync.access';
import { syncErrors } from './sync.errors';
import { contractSyncs } from './sync.tables';

/** The feed position to start reading from once the set is pulled (0 before any change). */
export async function feedCursorOf(db: DbOrTx, contractId: string): Promise<string> {
  const res = await db.execute(
    sql`SELECT coalesce(max(id), 0)::bigint AS id FROM contract_changes WHERE contract_id = ${contractId}`,
  );
  return String((res.rows[0] as { id: number | string } | undefined)?.id ?? 0);
}

/** Progress of the materialisation, for either party of the contract. */
export async function getSyncProgress(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
): Promise<SyncProgress> {
  const { contract } = await requireContractParty(deps.db, actor, contractId);
  const [row] = await deps.db.select().from(contractSyncs).where(eq(contractSyncs.contractId, contract.id));
  if (!row) throw syncErrors.contractNotFound();
  return {
    contractId: row.contractId,
    state: row.state,
    done: row.done,
    total: row.total,
    attempts: row.attempts,
    lastError: row.lastError,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    feedCursor: await feedCursorOf(deps.db, contract.id),
  };
}
