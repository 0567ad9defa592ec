import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { elementIdsOnPath, inSubtree } from './assets.models';
import { assetFreezes, assetImports, assetServedSites, assets } from './assets.tables';

export async function findAsset(db: DbOrTx, ownerId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select()
    .from(assets)
    .where(and(eq(assets.ownerId, ownerId), eq(assets.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findAssetByReference(db: DbOrTx, ownerId: string, reference: string) {
  const [row] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.ownerId, ownerId), eq(assets.reference, reference)));
  return row ?? null;
}

export async function nextAssetNums(db: DbOrTx, count: number): Promise<number[]> {
  const res = await db.execute(
    sql`SELECT nextval('assets_num_seq')::bigint AS n FROM generate_series(1, ${count}::int)`,
  );
  return (res.rows as Array<{ n: number }>).map((r) => Number(r.n));
}

export async function insertAsset(db: DbOrTx, row: typeof assets.$inferInsert) {
  await db.insert(assets).values(row);
}

export async function updateAssetRow(
  db: DbOrTx,
  ownerId: string,
  id: string,
  patch: Partial<typeof assets.$inferInsert>,
) {
  const [row] = await db
    .update(assets)
    .set(patch)
    .where(and(eq(assets.ownerId, ownerId), eq(assets.id, id)))
    .returning();
  return row ?? null;
}

/** Rewrites the paths of a subtree moved from `oldPath` to `newPath` (the root included). */
export async function rewriteSubtreePaths(db: DbOrTx, ownerId: string, oldPath: string, newPath: string) {
  await db.execute(sql`
    UPDATE assets SET path = CASE WHEN path = ${oldPath}::ltree THEN ${newPath}::ltree
      ELSE ${newPath}::ltree || subpath(path, nlevel(${oldPath}::ltree)) END
    WHERE owner_id = ${ownerId} AND ${inSubtree(sql`path`, oldPath)}`);
}

export async function deleteSubtree(db: DbOrTx, ownerId: string, path: string): Promise<number> {
  const res = await db.execute(
    sql`DELETE FROM assets WHERE owner_id = ${ownerId} AND ${inSubtree(sql`path`, path)} RETURNING 1`,
  );
  return res.rows.length;
}

export async function childKinds(db: DbOrTx, ownerId: string, id: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kind: assets.kind })
    .from(assets)
    .where(and(eq(assets.ownerId, ownerId), eq(assets.parentId, id)));
  return rows.map((r) => r.kind);
}

/** The element rows on the way from the top to `path` (the element included), top first. */
export async function ancestorRows(db: DbOrTx, ownerId: string, path: string) {
  return db
    .select()
    .from(assets)
    .where(and(eq(assets.ownerId, ownerId), inArray(assets.id, elementIdsOnPath(path))))
    .orderBy(sql`nlevel(${assets.path})`);
}

export async function servedSiteIdsOf(db: DbOrTx, assetIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (assetIds.length === 0) return out;
  const rows = await db.select().from(assetServedSites).where(inArray(assetServedSites.assetId, assetIds));
  for (const r of rows) out.set(r.assetId, [...(out.get(r.assetId) ?? []), r.siteId]);
  return out;
}

export async function replaceServedSites(db: DbOrTx, ownerId: string, assetId: string, siteIds: string[]) {
  await db.delete(assetServedSites).where(eq(assetServedSites.assetId, assetId));
  if (siteIds.length > 0) {
    await db.insert(assetServedSites).values(siteIds.map((siteId) => ({ assetId, siteId, ownerId })));
  }
}

export async function findSites(db: DbOrTx, ownerId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: assets.id, reference: assets.reference, label: assets.label, kind: assets.kind })
    .from(assets)
    .where(and(eq(assets.ownerId, ownerId), inArray(assets.id, ids)));
}

export interface AssetSearch {
  ownerId: string;
  patterns: string[];
  type?: string;
  underPath?: string;
  limit: number;
  offset: number;
}

/** Search by reference, label or address (trigram-indexed LIKE over the normalized text). */
export async function searchAssets(db: DbOrTx, f: AssetSearch) {
  const conds: SQL[] = [eq(assets.ownerId, f.ownerId)];
  for (const p of f.patterns) conds.push(sql`${assets.searchText} LIKE ${p}`);
  if (f.type) conds.push(eq(assets.sharedType, f.type));
  if (f.underPath) conds.push(inSubtree(sql`${assets.path}`, f.underPath));
  return db
    .select()
    .from(assets)
    .where(and(...conds))
    .orderBy(f.patterns.length > 0 ? asc(assets.reference) : asc(assets.path))
    .limit(f.limit + 1)
    .offset(f.offset);
}

/** Frozen elements in a subtree, with what freezes them. */
export async function frozenInSubtree(db: DbOrTx, ownerId: string, path: string) {
  return db
    .select({ assetId: assetFreezes.assetId, reference: assets.reference, holderLabel: assetFreezes.holderLabel })
    .from(assetFreezes)
    .innerJoin(assets, eq(assets.id, assetFreezes.assetId))
    .where(and(eq(assetFreezes.ownerId, ownerId), eq(assets.ownerId, ownerId), inSubtree(sql`${assets.path}`, path)))
    .limit(20);
}

/** True while an import of this owner is checking or writing (single writes wait for it). */
export async function importRunning(db: DbOrTx, ownerId: string): Promise<boolean> {
  const rows = await db
    .select({ id: assetImports.id })
    .from(assetImports)
    .where(and(eq(assetImports.ownerId, ownerId), inArray(assetImports.state, ['validating', 'applying'])))
    .limit(1);
  return rows.length > 0;
}
