import type { SharedAsset } from '@raccord/schemas';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { type PartyAccess, requireContractParty } from './sync.access';
import { syncStateErrors } from './sync.errors';
import { feedCursorOf } from './sync.read';
import { contractAssets, contractChanges } from './sync.tables';

/**
 * The owner reads its contract in any state; the other parties only while it is active (the change
 * feed stays readable after termination, so that connectors learn the final removals).
 */
function assertReadable(access: PartyAccess, what: 'assets' | 'changes') {
  if (access.role === 'owner') return;
  const state = access.contract.state;
  if (state === 'active') return;
  if (state === 'terminated' && what === 'changes') return;
  throw state === 'suspended' ? syncStateErrors.suspended() : syncStateErrors.terminated();
}

const assetColumns = {
  id: contractAssets.assetId,
  reference: contractAssets.reference,
  label: contractAssets.label,
  type: contractAssets.type,
  parentId: contractAssets.parentId,
};

async function page(db: Db, contractId: string, after: string | undefined, limit: number): Promise<SharedAsset[]> {
  const conds = [eq(contractAssets.contractId, contractId)];
  if (after) conds.push(gt(contractAssets.assetId, after));
  return db
    .select(assetColumns)
    .from(contractAssets)
    .where(and(...conds))
    .orderBy(asc(contractAssets.assetId))
    .limit(limit);
}

/** A page of the shared set (keyset on the element id, served by the primary key). */
export async function listSharedAssets(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
  q: { after?: string; limit: number },
) {
  const access = await requireContractParty(deps.db, actor, contractId);
  assertReadable(access, 'assets');
  const feedCursor = await feedCursorOf(deps.db, contractId);
  const items = await page(deps.db, contractId, q.after, q.limit);
  const last = items[items.length - 1];
  return { items, next: items.length === q.limit && last ? last.id : null, feedCursor };
}

/** Elements per page of the NDJSON export: one short query each (a few ms), one buffer each. */
export const EXPORT_PAGE = 10_000;

/**
 * The whole shared set as NDJSON lines, page after page: each page is one short keyset query (the
 * primary key), so neither a transaction nor the embedded engine's one connection is held while
 * the client reads. The database writes the page's lines itself (`row_to_json`, compact, in the
 * order of `SharedAsset`): one text value per page instead of 10,000 rows to decode, then
 * re-encode one by one — the rows come from our own table, so nothing to validate on the way out.
 */
export async function streamSharedAssets(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
): Promise<AsyncGenerator<string>> {
  const access = await requireContractParty(deps.db, actor, contractId);
  assertReadable(access, 'assets');
  async function* lines() {
    let after = '';
    for (;;) {
      const res = await deps.db.execute(sql`
        SELECT string_agg(row_to_json(p)::text, E'\n' ORDER BY p.id) AS lines, max(p.id) AS last, count(*)::int AS n
        FROM (SELECT asset_id AS id, reference, label, type, parent_id AS "parentId" FROM contract_assets
              WHERE contract_id = ${contractId} AND asset_id > ${after}
              ORDER BY asset_id LIMIT ${EXPORT_PAGE}) p`);
      const row = res.rows[0] as { lines: string | null; last: string | null; n: number } | undefined;
      if (!row?.lines || row.last === null) return;
      yield `${row.lines}\n`;
      if (Number(row.n) < EXPORT_PAGE) return;
      after = row.last;
    }
  }
  return lines();
}

/** The change feed after a cursor, in order (at-least-once: a client resumes from its last cursor). */
export async function listChanges(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
  q: { after: string; limit: number },
) {
  const access = await requireContractParty(deps.db, actor, contractId);
  assertReadable(access, 'changes');
  const rows = await deps.db
    .select({ cursor: contractChanges.id, kind: contractChanges.kind, at: contractChanges.at, ...assetFields() })
    .from(contractChanges)
    .where(and(eq(contractChanges.contractId, contractId), gt(contractChanges.id, Number(q.after))))
    .orderBy(asc(contractChanges.id))
    .limit(q.limit);
  const items = rows.map((r) => ({
    cursor: String(r.cursor),
    kind: r.kind,
    at: r.at.toISOString(),
    asset: { id: r.id, reference: r.reference, label: r.label, type: r.type, parentId: r.parentId },
  }));
  return { items, next: items[items.length - 1]?.cursor ?? q.after };
}

function assetFields() {
  return {
    id: contractChanges.assetId,
    reference: contractChanges.reference,
    label: contractChanges.label,
    type: contractChanges.type,
    parentId: contractChanges.parentId,
  };
}
