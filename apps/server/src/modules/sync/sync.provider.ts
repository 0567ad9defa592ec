import type { SharedAsset } from '@raccord/schemas';
import { and, asc, eq, gt } from 'drizzle-orm';
import type pg from 'pg';
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
 * the client reads. The database writes each line itself (`row_to_json`: compact, the fields of
 * `SharedAsset` in order), read as arrays: no object per row, no JSON.stringify, no per-row
 * validation — the rows come from our own table. The order is the primary key's (no sort).
 */
export async function streamSharedAssets(
  deps: { db: Db; engine?: 'pglite' | 'postgresql' },
  actor: Actor | null,
  contractId: string,
): Promise<AsyncGenerator<string>> {
  const access = await requireContractParty(deps.db, actor, contractId);
  assertReadable(access, 'assets');
  // Embedded, one connection: smaller pages, so a request waits for at most one short query.
  const size = deps.engine === 'pglite' ? EXPORT_PAGE / 4 : EXPORT_PAGE;
  const query = `
    SELECT row_to_json(p)::text, p.id
    FROM (SELECT asset_id AS id, reference, label, type, parent_id AS "parentId" FROM contract_assets
          WHERE contract_id = $1 AND asset_id > $2 ORDER BY asset_id LIMIT $3) p
    ORDER BY p.id`;
  // drizzle(pool) keeps the pool as `$client`: rows as arrays need the driver's own query.
  const client = (deps.db as Db & { $client: pg.Pool }).$client;
  const fetchPage = (after: string) => {
    const rows = client
      .query<[string, string]>({ text: query, values: [contractId, after, size], rowMode: 'array' })
      .then((r) => r.rows);
    rows.catch(() => {}); // awaited below; a client gone before then must not leave it unhandled
    return rows;
  };
  async function* lines() {
    // The next page is read while this one is written: database and socket work overlap.
    let pending = fetchPage('');
    for (;;) {
      const rows = await pending;
      const last = rows[rows.length - 1];
      if (!last) return;
      const more = rows.length === size;
      if (more) pending = fetchPage(last[1]);
      yield `${rows.map((r) => r[0]).join('\n')}\n`;
      if (!more) return;
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
