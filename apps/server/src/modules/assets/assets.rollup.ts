import type { SharedType } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { inSubtree, ROLLUP_MAX_DEPTH } from './assets.models';

export type TypeCounts = Partial<Record<SharedType, number>>;

/**
 * Adds (`sign` = 1) or removes (-1) the current rows of `rootPath`'s subtree to the rollup of every
 * node of depth ≤ 5 above or inside it. Writes call it with -1 before changing a subtree and +1
 * after, in the same transaction, so the rollup always equals a fresh count.
 */
export async function adjustRollup(db: DbOrTx, ownerId: string, rootPath: string, sign: 1 | -1): Promise<void> {
  await db.execute(sql`
    INSERT INTO asset_rollup (owner_id, path, parent_path, shared_type, n)
    SELECT ${ownerId}, subpath(a.path, 0, k), subpath(a.path, 0, k - 1), a.shared_type, ${sign}::int * count(*)::int
    FROM assets a, generate_series(1, LEAST(${ROLLUP_MAX_DEPTH}::int, nlevel(a.path))) k
    WHERE a.owner_id = ${ownerId} AND ${inSubtree(sql`a.path`, rootPath)}
    GROUP BY 2, 3, 4
    ON CONFLICT (owner_id, path, shared_type) DO UPDATE SET n = asset_rollup.n + excluded.n`);
  if (sign < 0) {
    await db.execute(sql`
      DELETE FROM asset_rollup
      WHERE owner_id = ${ownerId} AND n <= 0 AND (path @> ${rootPath}::ltree OR path <@ ${rootPath}::ltree)`);
  }
}

/** Adds per-node deltas computed by a bulk writer (the import): key = `path\ttype`. */
export async function addRollupDeltas(db: DbOrTx, ownerId: string, deltas: Map<string, number>): Promise<void> {
  if (deltas.size === 0) return;
  const paths: string[] = [];
  const types: string[] = [];
  const ns: number[] = [];
  for (const [key, n] of deltas) {
    if (n === 0) continue;
    const tab = key.indexOf('\t');
    paths.push(key.slice(0, tab));
    types.push(key.slice(tab + 1));
    ns.push(n);
  }
  if (ns.length === 0) return;
  await db.execute(sql`
    INSERT INTO asset_rollup (owner_id, path, parent_path, shared_type, n)
    SELECT ${ownerId}, p::ltree, subpath(p::ltree, 0, nlevel(p::ltree) - 1), t, n
    FROM unnest(${sql.param(paths)}::text[], ${sql.param(types)}::text[], ${sql.param(ns)}::int[]) AS d(p, t, n)
    ON CONFLICT (owner_id, path, shared_type) DO UPDATE SET n = asset_rollup.n + excluded.n`);
  if (ns.some((n) => n < 0)) {
    await db.execute(sql`
      DELETE FROM asset_rollup WHERE owner_id = ${ownerId} AND n <= 0 AND path = ANY(${sql.param(paths)}::ltree[])`);
  }
}

/** Adds one element's contribution (+1 or -1 of `type`) to `deltas`, for `addRollupDeltas`. */
export function accumulateDelta(deltas: Map<string, number>, path: string, type: string, sign: number): void {
  let end = -1;
  for (let depth = 1; depth <= ROLLUP_MAX_DEPTH; depth++) {
    end = path.indexOf('.', end + 1);
    const prefix = end < 0 ? path : path.slice(0, end);
    const key = `${prefix}\t${type}`;
    deltas.set(key, (deltas.get(key) ?? 0) + sign);
    if (end < 0) break;
  }
}

/** Rebuilds an owner's rollup from the rows (generator, repairs). */
export async function rebuildRollup(db: DbOrTx, ownerId: string): Promise<void> {
  await db.execute(sql`DELETE FROM asset_rollup WHERE owner_id = ${ownerId}`);
  await db.execute(sql`
    INSERT INTO asset_rollup (owner_id, path, parent_path, shared_type, n)
    SELECT ${ownerId}, subpath(a.path, 0, k), subpath(a.path, 0, k - 1), a.shared_type, count(*)::int
    FROM assets a, generate_series(1, LEAST(${ROLLUP_MAX_DEPTH}::int, nlevel(a.path))) k
    WHERE a.owner_id = ${ownerId}
    GROUP BY 2, 3, 4`);
}

/**
 * Counts per type of the subtree of each path (node included): from the rollup for nodes of
 * depth ≤ 5, by counting rows for deeper (small) subtrees.
 */
export async function subtreeCounts(db: DbOrTx, ownerId: string, paths: string[]): Promise<Map<string, TypeCounts>> {
  const out = new Map<string, TypeCounts>();
  for (const p of paths) out.set(p, {});
  const shallow = paths.filter((p) => p.split('.').length <= ROLLUP_MAX_DEPTH);
  const deep = paths.filter((p) => p.split('.').length > ROLLUP_MAX_DEPTH);
  const rows: Array<{ p: string; t: string; n: number }> = [];
  if (shallow.length > 0) {
    const res = await db.execute(sql`
      SELECT path::text AS p, shared_type AS t, n FROM asset_rollup
      WHERE owner_id = ${ownerId} AND path = ANY(${sql.param(shallow)}::ltree[]) AND n > 0`);
    rows.push(...(res.rows as Array<{ p: string; t: string; n: number }>));
  }
  if (deep.length > 0) {
    // One range per path, with its bounds as values: the planner then sees each range and walks the
    // (owner_id, path) index. (A join on unnest() hides the bounds: it chose a scan of the owner.)
    const parts = deep.map(
      (p) => sql`SELECT ${p}::text AS p, shared_type AS t, count(*)::int AS n FROM assets
        WHERE owner_id = ${ownerId} AND ${inSubtree(sql`path`, p)} GROUP BY shared_type`,
    );
    const res = await db.execute(sql.join(parts, sql` UNION ALL `));
    rows.push(...(res.rows as Array<{ p: string; t: string; n: number }>));
  }
  for (const r of rows) {
    const c = out.get(r.p);
    if (c) c[r.t as SharedType] = (c[r.t as SharedType] ?? 0) + Number(r.n);
  }
  return out;
}

export function sumCounts(c: TypeCounts): number {
  let total = 0;
  for (const v of Object.values(c)) total += v ?? 0;
  return total;
}
