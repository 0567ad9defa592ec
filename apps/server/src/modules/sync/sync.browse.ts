import type { GeoLevel, RecentChanges, SharedSearchPage, SharedTreeChildren, SharedTreeNode } from '@raccord/schemas';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { areaOfLabel, findArea } from '../assets/assets.geo';
import { type PartyAccess, requireContractParty } from './sync.access';
import { syncStateErrors } from './sync.errors';
import { contractAssets, contractChanges } from './sync.tables';

/**
 * The console's reads of a contract's shared set: a tree (official geography, then the shared
 * elements under their nearest shared ancestor) and a searchable list. Everything is read from the
 * materialised set (`contract_assets`) only, so nothing outside it can show, and every read starts
 * with the party check (a non-party gets 404, like the API reads).
 */

/** Same rule as the API reads: the owner in any state, the other parties only while active. */
function assertReadable(access: PartyAccess) {
  if (access.role === 'owner' || access.contract.state === 'active') return;
  throw access.contract.state === 'suspended' ? syncStateErrors.suspended() : syncStateErrors.terminated();
}

const nodeNotShared = () =>
  new AppError('sync.node_not_found', 404, 'Cet élément ne fait pas partie du patrimoine partagé du contrat.');

/** `r84.d69` → where a geographic node lives in the paths (null when the code is unknown). */
function geoPrefix(level: GeoLevel, code: string): string | null {
  return findArea(level, code)?.path ?? null;
}

async function geoChildren(
  db: Db,
  contractId: string,
  parentPath: string | null,
  depth: number,
): Promise<SharedTreeNode[]> {
  const under = parentPath ? sql` AND path LIKE ${`${parentPath}.%`}` : sql``;
  const res = await db.execute(sql`
    SELECT subpath(path::ltree, 0, ${depth})::text AS prefix, count(*)::int AS n
    FROM contract_assets WHERE contract_id = ${contractId}${under}
    GROUP BY 1`);
  const rows = res.rows as Array<{ prefix: string; n: number }>;
  return rows
    .flatMap((r) => {
      const area = areaOfLabel(r.prefix.split('.').pop() ?? '');
      if (!area) return [];
      const node: SharedTreeNode = {
        key: `${area.level}:${area.code}`,
        level: area.level,
        label: area.name,
        reference: null,
        type: null,
        total: Number(r.n),
        hasChildren: true,
      };
      return [node];
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

interface ElementRow {
  asset_id: string;
  reference: string;
  label: string;
  type: string;
  total: number;
  all: number;
}

/** Shared elements under `path` that have no other shared element between them and it. */
async function elementChildren(db: Db, contractId: string, path: string, offset: number, limit: number) {
  const res = await db.execute(sql`
    WITH sub AS MATERIALIZED (
      SELECT asset_id, reference, label, type, path::ltree AS p
      FROM contract_assets WHERE contract_id = ${contractId} AND path LIKE ${`${path}.%`}
    ), kids AS (
      SELECT * FROM sub WHERE NOT EXISTS (SELECT 1 FROM sub s WHERE s.p @> sub.p AND s.p <> sub.p)
    )
    SELECT k.asset_id, k.reference, k.label, k.type,
           (SELECT count(*) FROM sub d WHERE d.p <@ k.p)::int AS total,
           count(*) OVER ()::int AS "all"
    FROM kids k ORDER BY k.reference, k.asset_id
    OFFSET ${offset} LIMIT ${limit}`);
  const rows = res.rows as unknown as ElementRow[];
  const items: SharedTreeNode[] = rows.map((r) => ({
    key: `asset:${r.asset_id}`,
    level: 'asset',
    label: r.label,
    reference: r.reference,
    type: r.type,
    total: Number(r.total),
    hasChildren: Number(r.total) > 1,
  }));
  return { items, total: Number(rows[0]?.all ?? 0) };
}

/** Children of a node of the shared tree (the regions when `node` is absent). */
export async function listSharedTreeChildren(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
  q: { node?: string | undefined; offset: number; limit: number },
): Promise<SharedTreeChildren> {
  const access = await requireContractParty(deps.db, actor, contractId);
  assertReadable(access);
  const [level, code = ''] = q.node
    ? [q.node.slice(0, q.node.indexOf(':')), q.node.slice(q.node.indexOf(':') + 1)]
    : ['root'];
  const page = (all: SharedTreeNode[]) => ({
    items: all.slice(q.offset, q.offset + q.limit),
    total: all.length,
    offset: q.offset,
    limit: q.limit,
  });
  if (level === 'root') return page(await geoChildren(deps.db, contractId, null, 1));
  if (level === 'region' || level === 'departement') {
    const prefix = geoPrefix(level, code);
    if (!prefix) throw nodeNotShared();
    return page(await geoChildren(deps.db, contractId, prefix, level === 'region' ? 2 : 3));
  }
  let path: string | null = null;
  if (level === 'commune') path = geoPrefix('commune', code);
  else {
    const [row] = await deps.db
      .select({ path: contractAssets.path })
      .from(contractAssets)
      .where(and(eq(contractAssets.contractId, contractId), eq(contractAssets.assetId, code)));
    path = row?.path ?? null;
  }
  if (!path) throw nodeNotShared();
  const { items, total } = await elementChildren(deps.db, contractId, path, q.offset, q.limit);
  return { items, total, offset: q.offset, limit: q.limit };
}

/** `a_b%` typed by a user matches itself, not every string. */
function likePrefix(q: string): string {
  return `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The shared set as a list: prefix search on the owner's reference or the label, by type, paged. */
export async function searchSharedAssets(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
  q: { q?: string | undefined; type?: string | undefined; offset: number; limit: number },
): Promise<SharedSearchPage> {
  const access = await requireContractParty(deps.db, actor, contractId);
  assertReadable(access);
  const conds: SQL[] = [sql`contract_id = ${contractId}`];
  if (q.q) {
    const p = likePrefix(q.q);
    conds.push(sql`(lower(reference) LIKE ${p} OR lower(label) LIKE ${p})`);
  }
  if (q.type) conds.push(sql`type = ${q.type}`);
  const res = await deps.db.execute(sql`
    SELECT asset_id, reference, label, type, path, count(*) OVER ()::int AS "all"
    FROM contract_assets WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY reference, asset_id OFFSET ${q.offset} LIMIT ${q.limit}`);
  const rows = res.rows as Array<{
    asset_id: string;
    reference: string;
    label: string;
    type: string;
    path: string;
    all: number;
  }>;
  const byType = await deps.db.execute(
    sql`SELECT type, count(*)::int AS n FROM contract_assets WHERE contract_id = ${contractId} GROUP BY type`,
  );
  const counts: Record<string, number> = {};
  for (const r of byType.rows as Array<{ type: string; n: number }>) counts[r.type] = Number(r.n);
  return {
    items: rows.map((r) => {
      const area = areaOfLabel(r.path.split('.')[2] ?? '');
      return {
        id: r.asset_id,
        reference: r.reference,
        label: r.label,
        type: r.type,
        commune: area ? { code: area.code, name: area.name } : null,
      };
    }),
    total: Number(rows[0]?.all ?? 0),
    offset: q.offset,
    limit: q.limit,
    counts,
  };
}

/**
 * The latest entries of the change feed, newest first, for the console's timeline (feed cursors
 * are global, so "the last 20" cannot be asked of the feed itself). Readable like the feed.
 */
export async function listRecentChanges(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
  q: { limit: number },
): Promise<RecentChanges> {
  const access = await requireContractParty(deps.db, actor, contractId);
  if (access.contract.state !== 'terminated') assertReadable(access);
  const rows = await deps.db
    .select()
    .from(contractChanges)
    .where(eq(contractChanges.contractId, contractId))
    .orderBy(desc(contractChanges.id))
    .limit(q.limit);
  return {
    items: rows.map((r) => ({
      cursor: String(r.id),
      kind: r.kind,
      at: r.at.toISOString(),
      asset: { id: r.assetId, reference: r.reference, label: r.label, type: r.type, parentId: r.parentId },
    })),
  };
}
