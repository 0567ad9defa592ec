import { type Perimeter, type PerimeterNode, type SharedType, sharedTypes } from '@raccord/schemas';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../shared/errors';
import { findArea } from '../assets/assets.geo';
import { compareLtree, subtreeUpperBound } from '../assets/assets.models';
import { subtreeCounts } from '../assets/assets.rollup';
import { perimeterRoots, perimeterTerms } from './perimeter.models';

/*
 * THE place where a perimeter is resolved. The wizard preview, contract validation, the
 * synchronisation and the providers' access checks all call these functions.
 *
 * Rule: an element is in the perimeter when (a) it is at or below an included node and at or below
 * no excluded node, or (b) it is an equipment serving a site that is in the perimeter by (a).
 * Nodes that no longer exist (an element deleted since) select nothing; `validatePerimeter`
 * refuses them when a perimeter is written.
 */

export interface ResolvedPerimeter {
  includes: string[];
  excludes: string[];
}

function unknownNode(field: string, node: PerimeterNode) {
  return new AppError(
    'perimeter.unknown_node',
    400,
    node.kind === 'asset'
      ? `L’élément ${node.id} n’existe pas dans votre patrimoine.`
      : `Le code ${node.kind === 'region' ? 'région' : node.kind === 'departement' ? 'département' : 'commune'} ${node.code} est inconnu.`,
    { field, node },
  );
}

async function resolveList(db: DbOrTx, ownerId: string, nodes: PerimeterNode[], field: string, strict: boolean) {
  const ids = nodes.flatMap((n) => (n.kind === 'asset' ? [n.id] : []));
  const found = new Map<string, string>();
  if (ids.length > 0) {
    const res = await db.execute(sql`
      SELECT id, path::text AS path FROM assets WHERE owner_id = ${ownerId} AND id = ANY(${sql.param(ids)}::text[])`);
    for (const r of res.rows as Array<{ id: string; path: string }>) found.set(r.id, r.path);
  }
  const paths: string[] = [];
  for (const [i, node] of nodes.entries()) {
    const path = node.kind === 'asset' ? found.get(node.id) : findArea(node.kind, node.code)?.path;
    if (path) paths.push(path);
    else if (strict) throw unknownNode(`${field}.${i}`, node);
  }
  return paths;
}

export async function resolvePerimeter(
  db: DbOrTx,
  ownerId: string,
  perimeter: Perimeter,
  strict = false,
): Promise<ResolvedPerimeter> {
  return {
    includes: await resolveList(db, ownerId, perimeter.include, 'perimeter.include', strict),
    excludes: await resolveList(db, ownerId, perimeter.exclude ?? [], 'perimeter.exclude', strict),
  };
}

/** Throws `perimeter.unknown_node` (400, details { field, node }) for a node that does not exist or is another owner's. */
export async function validatePerimeter(db: DbOrTx, ownerId: string, perimeter: Perimeter): Promise<void> {
  await resolvePerimeter(db, ownerId, perimeter, true);
}

const arr = (paths: string[]) => sql`${sql.param(paths)}::ltree[]`;

function emptyCounts(): Record<SharedType, number> {
  return Object.fromEntries(sharedTypes.map((t) => [t, 0])) as Record<SharedType, number>;
}

/** Counts per type of everything in the perimeter (every type present, 0 when none). */
export async function countPerimeter(
  db: DbOrTx,
  ownerId: string,
  perimeter: Perimeter,
): Promise<Record<SharedType, number>> {
  return countResolved(db, ownerId, await resolvePerimeter(db, ownerId, perimeter));
}

export async function countResolved(db: DbOrTx, ownerId: string, p: ResolvedPerimeter) {
  const out = emptyCounts();
  const terms = perimeterTerms(p.includes, p.excludes);
  if (terms.length === 0) return out;
  const counts = await subtreeCounts(
    db,
    ownerId,
    terms.map((t) => t.path),
  );
  for (const t of terms) {
    for (const [type, n] of Object.entries(counts.get(t.path) ?? {})) {
      out[type as SharedType] += t.sign * (n ?? 0);
    }
  }
  const extras = await db.execute(sql`
    SELECT e.shared_type AS t, count(DISTINCT e.id)::int AS n
    FROM asset_served_sites s
    JOIN assets site ON site.id = s.site_id
    JOIN assets e ON e.id = s.asset_id
    WHERE s.owner_id = ${ownerId}
      AND ${arr(p.includes)} @> site.path AND NOT (${arr(p.excludes)} @> site.path)
      AND NOT (${arr(p.includes)} @> e.path AND NOT (${arr(p.excludes)} @> e.path))
    GROUP BY 1`);
  for (const r of extras.rows as Array<{ t: string; n: number }>) out[r.t as SharedType] += Number(r.n);
  return out;
}

/**
 * Elements of `types` under each root of the perimeter's tree part (its subtree minus the exclusions
 * inside it; served equipment apart), from the rollup: lets a consumer of whole subtrees (the
 * materialisation) know which roots fit in its page.
 */
export async function rootSizes(
  db: DbOrTx,
  ownerId: string,
  p: ResolvedPerimeter,
  types: SharedType[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const terms = perimeterTerms(p.includes, p.excludes);
  if (terms.length === 0 || types.length === 0) return out;
  const counts = await subtreeCounts(
    db,
    ownerId,
    terms.map((t) => t.path),
  );
  let root = '';
  for (const t of terms) {
    // Each root's term comes first, then the exclusions inside it (perimeterTerms).
    if (t.sign === 1) root = t.path;
    const c = counts.get(t.path) ?? {};
    const n = types.reduce((sum, type) => sum + (c[type] ?? 0), 0);
    out.set(root, (out.get(root) ?? 0) + t.sign * n);
  }
  return out;
}

/** True when the element is in the perimeter and of one of `types`. */
export async function isInPerimeter(
  db: DbOrTx,
  ownerId: string,
  perimeter: Perimeter,
  types: SharedType[],
  assetId: string,
): Promise<boolean> {
  const p = await resolvePerimeter(db, ownerId, perimeter);
  if (p.includes.length === 0 || types.length === 0) return false;
  const res = await db.execute(sql`
    SELECT 1 FROM assets e
    WHERE e.owner_id = ${ownerId} AND e.id = ${assetId} AND e.shared_type = ANY(${sql.param(types)}::text[])
      AND ((${arr(p.includes)} @> e.path AND NOT (${arr(p.excludes)} @> e.path))
        OR EXISTS (
          SELECT 1 FROM asset_served_sites s JOIN assets site ON site.id = s.site_id
          WHERE s.asset_id = e.id AND ${arr(p.includes)} @> site.path AND NOT (${arr(p.excludes)} @> site.path)))`);
  return res.rows.length > 0;
}

export interface PerimeterAsset {
  id: string;
  reference: string;
  label: string;
  type: SharedType;
  parentId: string | null;
  path: string;
}

export interface PerimeterPage {
  items: PerimeterAsset[];
  /** Pass it as `after` for the next page; null at the end. */
  next: string | null;
}

const columns = sql`id, reference, label, shared_type AS type, parent_id AS "parentId", path::text AS path`;

/**
 * What a consumer of a page does with its SELECT (of `id, reference, label, type, "parentId", path`):
 * read it (listing) or INSERT … SELECT it (the sync's materialisation). Returns the rows it saw and
 * the last one, in the page's order. The SELECT is ordered by the ltree path in the `tree` phase
 * (only `last.path` is used then) and by id in the `served` phase (only `last.id` is used). With
 * `rootSizes`, a whole root may come unordered: `last.path` must then be its greatest path.
 */
export type PageConsumer = (
  select: SQL,
  phase: 'tree' | 'served',
) => Promise<{ count: number; last: { id: string; path: string } | null }>;

/**
 * The elements of the perimeter of `types`, page by page in tree order (then the equipment that is
 * in only because it serves an included site). Each page is a range scan of the (owner, path)
 * index per included subtree, so paging through 300,000 elements stays linear.
 */
export async function listPerimeterAssets(
  db: DbOrTx,
  ownerId: string,
  perimeter: Perimeter,
  types: SharedType[],
  opts: { after?: string; limit: number },
): Promise<PerimeterPage> {
  const items: PerimeterAsset[] = [];
  const { next } = await consumePerimeterPage(db, ownerId, perimeter, types, opts, async (select) => {
    const rows = (await db.execute(select)).rows as unknown as PerimeterAsset[];
    items.push(...rows);
    const last = rows[rows.length - 1];
    return { count: rows.length, last: last ? { id: last.id, path: last.path } : null };
  });
  return { items, next };
}

/**
 * One page of the perimeter, handed to `consume` as SQL (one or more SELECTs); returns the next cursor.
 * `perimeter` may be given already resolved (a job paging through it resolves it once).
 */
export async function consumePerimeterPage(
  db: DbOrTx,
  ownerId: string,
  perimeter: Perimeter | ResolvedPerimeter,
  types: SharedType[],
  opts: {
    after?: string;
    limit: number;
    /**
     * `rootSizes` of the same perimeter and types: a root that fits whole in what is left of the
     * page, not started yet, is read in one unordered SELECT (no index-order walk; the consumer
     * still gets its greatest path as the last element).
     */
    rootSizes?: Map<string, number>;
  },
  consume: PageConsumer,
): Promise<{ next: string | null; count: number }> {
  const p = 'includes' in perimeter ? perimeter : await resolvePerimeter(db, ownerId, perimeter);
  let count = 0;
  if (types.length === 0) return { next: null, count };
  const typesParam = sql`${sql.param(types)}::text[]`;
  const after = opts.after ?? '';
  if (!after.startsWith('x:')) {
    const afterPath = after.startsWith('t:') ? after.slice(2) : null;
    const roots = perimeterRoots(p.includes, p.excludes).sort(compareLtree);
    // Without exclusions the per-row array test is skipped (~15 % of a large root's scan).
    const excluded = p.excludes.length > 0 ? sql`AND NOT (${arr(p.excludes)} @> path)` : sql``;
    for (const root of roots) {
      const upper = subtreeUpperBound(root);
      if (afterPath && compareLtree(upper, afterPath) <= 0) continue;
      const started = afterPath !== null && compareLtree(afterPath, root) >= 0;
      const size = opts.rootSizes?.get(root);
      const whole = !started && size !== undefined && size <= opts.limit - count;
      const got = await consume(
        sql`
        SELECT ${columns} FROM assets
        WHERE owner_id = ${ownerId} AND path >= ${root}::ltree AND path < ${upper}::ltree
          ${afterPath ? sql`AND path > ${afterPath}::ltree` : sql``}
          ${excluded} AND shared_type = ANY(${typesParam})
        ${whole ? sql`` : sql`ORDER BY assets.path LIMIT ${opts.limit - count}`}`,
        'tree',
      );
      count += got.count;
      if (count >= opts.limit) return { next: got.last ? `t:${got.last.path}` : null, count };
    }
  }
  const afterId = after.startsWith('x:') ? after.slice(2) : '';
  const got = await consume(
    sql`
    SELECT DISTINCT ON (e.id) e.id, e.reference, e.label, e.shared_type AS type, e.parent_id AS "parentId", e.path::text AS path
    FROM asset_served_sites s
    JOIN assets site ON site.id = s.site_id
    JOIN assets e ON e.id = s.asset_id
    WHERE s.owner_id = ${ownerId} AND e.id > ${afterId} AND e.shared_type = ANY(${typesParam})
      AND ${arr(p.includes)} @> site.path AND NOT (${arr(p.excludes)} @> site.path)
      AND NOT (${arr(p.includes)} @> e.path AND NOT (${arr(p.excludes)} @> e.path))
    ORDER BY e.id LIMIT ${opts.limit - count}`,
    'served',
  );
  count += got.count;
  // The tree phase returned already when it filled the page: a full page here ends with an extra.
  return { next: count >= opts.limit && got.last ? `x:${got.last.id}` : null, count };
}
