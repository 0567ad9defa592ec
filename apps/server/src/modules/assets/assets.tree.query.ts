import type { SharedType } from '@raccord/schemas';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { ROLLUP_MAX_DEPTH } from './assets.models';
import { subtreeCounts, type TypeCounts } from './assets.rollup';

/** What a tree node shows of an element. */
export interface TreeAssetRow {
  id: string;
  kind: string;
  label: string;
  reference: string;
  sharedType: string;
  path: string;
}

/**
 * Counts per type of the subtree at `pathExpr` as a JSON object, in SQL, from the rollup (nodes of
 * depth ≤ 5); null for deeper nodes, counted apart (`subtreeCounts`). Counting them here made the
 * planner's estimate cross PostgreSQL's JIT threshold: ~90 ms of compilation per call at 1M rows.
 */
function countsExpr(ownerId: string, pathExpr: SQL): SQL {
  return sql`CASE WHEN nlevel(${pathExpr}) <= ${ROLLUP_MAX_DEPTH}::int THEN
    (SELECT coalesce(json_object_agg(r.shared_type, r.n), '{}') FROM asset_rollup r
      WHERE r.owner_id = ${ownerId} AND r.path = ${pathExpr} AND r.n > 0)
  END`;
}

interface RawRow {
  ord: number;
  id: string;
  kind: string;
  label: string;
  reference: string;
  shared_type: string;
  path: string;
  counts: Record<string, number> | string | null;
}

function toCounts(raw: RawRow['counts']): TypeCounts {
  if (raw === null) return {};
  const obj = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, number>) : raw;
  const out: TypeCounts = {};
  for (const [t, n] of Object.entries(obj)) out[t as SharedType] = Number(n);
  return out;
}

function toRow(r: RawRow): TreeAssetRow & { counts: TypeCounts } {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    reference: r.reference,
    sharedType: r.shared_type,
    path: r.path,
    counts: toCounts(r.counts),
  };
}

/**
 * One statement for a page of an element's children (or a commune's top elements): the parent
 * (an element, or a commune with only its counts) and each child with its counts. `parent` is null
 * when the element is not this owner's.
 */
export async function assetChildrenPage(
  db: DbOrTx,
  ownerId: string,
  of: { assetId: string } | { communeCode: string; communePath: string },
  offset: number,
  limit: number,
): Promise<{
  parent: (TreeAssetRow & { counts: TypeCounts }) | null;
  items: Array<TreeAssetRow & { counts: TypeCounts }>;
}> {
  const cols = sql`x.id, x.kind, x.label, x.reference, x.shared_type, x.path::text AS path, ${countsExpr(ownerId, sql`x.path`)} AS counts`;
  const kids =
    'assetId' in of
      ? sql`SELECT a.id, a.kind, a.label, a.reference, a.shared_type, a.path,
            row_number() OVER (ORDER BY a.label, a.id) AS ord
          FROM assets a WHERE a.owner_id = ${ownerId} AND a.parent_id = ${of.assetId}
            AND EXISTS (SELECT 1 FROM assets p WHERE p.owner_id = ${ownerId} AND p.id = ${of.assetId})
          ORDER BY a.label, a.id LIMIT ${limit} OFFSET ${offset}`
      : sql`SELECT a.id, a.kind, a.label, a.reference, a.shared_type, a.path,
            row_number() OVER (ORDER BY a.label, a.id) AS ord
          FROM assets a WHERE a.owner_id = ${ownerId} AND a.parent_id IS NULL AND a.commune_code = ${of.communeCode}
          ORDER BY a.label, a.id LIMIT ${limit} OFFSET ${offset}`;
  const parent =
    'assetId' in of
      ? sql`SELECT 0::bigint AS ord, ${cols} FROM assets x WHERE x.owner_id = ${ownerId} AND x.id = ${of.assetId}`
      : sql`SELECT 0::bigint AS ord, '' AS id, 'commune' AS kind, '' AS label, '' AS reference, '' AS shared_type,
          ${of.communePath} AS path, ${countsExpr(ownerId, sql`${of.communePath}::ltree`)} AS counts`;
  const res = await db.execute(sql`
    WITH k AS MATERIALIZED (${kids})
    ${parent} UNION ALL SELECT x.ord, ${cols} FROM k x`);
  const rows = (res.rows as unknown as RawRow[]).map((r) => ({ ...r, ord: Number(r.ord) }));
  rows.sort((a, b) => a.ord - b.ord);
  const deep = rows.filter((r) => r.counts === null).map((r) => r.path);
  const deepCounts = deep.length > 0 ? await subtreeCounts(db, ownerId, deep) : new Map<string, TypeCounts>();
  const out = rows.map((r) => {
    const row = toRow(r);
    return r.counts === null ? { ...row, counts: deepCounts.get(r.path) ?? {} } : row;
  });
  const first = out[0];
  const hasParent = rows[0]?.ord === 0;
  return {
    parent: hasParent && first ? first : null,
    items: out.slice(hasParent ? 1 : 0),
  };
}

/** Counts of a geographic node and of each of its children (rollup rows), in one statement. */
export async function geoChildrenWithSelf(db: DbOrTx, ownerId: string, parentPath: string) {
  const res = await db.execute(sql`
    SELECT path::text AS p, shared_type AS t, n, false AS self FROM asset_rollup
    WHERE owner_id = ${ownerId} AND parent_path = ${parentPath}::ltree AND n > 0
    UNION ALL
    SELECT path::text, shared_type, n, true FROM asset_rollup
    WHERE ${parentPath} <> '' AND owner_id = ${ownerId} AND path = ${parentPath}::ltree AND n > 0`);
  const children = new Map<string, TypeCounts>();
  const self: TypeCounts = {};
  for (const r of res.rows as Array<{ p: string; t: string; n: number; self: boolean }>) {
    if (r.self) {
      self[r.t as SharedType] = Number(r.n);
      continue;
    }
    const c = children.get(r.p) ?? {};
    c[r.t as SharedType] = Number(r.n);
    children.set(r.p, c);
  }
  return { self, children };
}
