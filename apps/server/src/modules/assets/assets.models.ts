import {
  type Asset,
  type AssetKind,
  type EquipmentKind,
  normalizeForSearch,
  type PremisesKind,
  type SharedType,
  sharedTypeOf,
} from '@raccord/schemas';
import { type SQL, sql } from 'drizzle-orm';
import type { assets } from './assets.tables';

export type AssetRow = typeof assets.$inferSelect;

/** Depth of the deepest nodes whose subtree counts are kept in `asset_rollup` (r.d.c.top.child). */
export const ROLLUP_MAX_DEPTH = 5;
/** Depth of a top element (site or building in a commune). */
export const TOP_DEPTH = 4;

/** Asset ids are derived from `num`, so bulk imports know every id without storing it. */
export function assetIdOf(num: number): string {
  return `ast_${num.toString(36).padStart(10, '0')}`;
}

export function numOfAssetId(id: string): number | null {
  const m = /^ast_([0-9a-z]{10,13})$/.exec(id);
  if (!m?.[1]) return null;
  const n = Number.parseInt(m[1], 36);
  return Number.isSafeInteger(n) ? n : null;
}

export function assetSearchText(a: {
  reference: string;
  label: string;
  address: string | null;
  postcode: string | null;
}): string {
  return normalizeForSearch(`${a.reference} ${a.label} ${a.address ?? ''} ${a.postcode ?? ''}`);
}

/** Search terms as LIKE patterns over the normalized text (every term must match). */
export function searchPatterns(q: string | undefined): string[] {
  if (!q) return [];
  return normalizeForSearch(q)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 6)
    .map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

export function typeOfRow(r: { kind: string; equipmentKind: string | null }): SharedType {
  return sharedTypeOf(r.kind as AssetKind, r.equipmentKind as EquipmentKind | null);
}

export function toAsset(r: AssetRow, servedSiteIds: string[] = []): Asset {
  return {
    id: r.id,
    reference: r.reference,
    label: r.label,
    kind: r.kind as AssetKind,
    equipmentKind: r.equipmentKind as EquipmentKind | null,
    premisesKind: r.premisesKind as PremisesKind | null,
    type: r.sharedType as SharedType,
    parentId: r.parentId,
    address: r.address,
    postcode: r.postcode,
    communeCode: r.communeCode,
    yearBuilt: r.yearBuilt,
    brand: r.brand,
    serialNumber: r.serialNumber,
    commissioningDate: r.commissioningDate,
    servedSiteIds,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Compares ltree paths as PostgreSQL does (label by label, bytewise, shorter first). */
export function compareLtree(a: string, b: string): number {
  const la = a.split('.');
  const lb = b.split('.');
  for (let i = 0; i < Math.min(la.length, lb.length); i++) {
    const x = la[i] ?? '';
    const y = lb[i] ?? '';
    if (x !== y) {
      const n = Math.min(x.length, y.length);
      for (let j = 0; j < n; j++) {
        const d = x.charCodeAt(j) - y.charCodeAt(j);
        if (d !== 0) return d;
      }
      return x.length - y.length;
    }
  }
  return la.length - lb.length;
}

/** True when `path` is `ancestor` or below it. */
export function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/**
 * The first path after every path of `p`'s subtree, in ltree order: the last label followed by
 * `0`, the smallest label character (labels here never contain `-`). `p <= x < upper(p)` is the
 * subtree, a range a btree index walks in order.
 */
export function subtreeUpperBound(p: string): string {
  return `${p}0`;
}

/**
 * `col` is `p` or below it, as a range of the btree index on (owner_id, path): the same rows as
 * `col <@ p`, without a GiST index (whose upkeep made bulk writes several times slower).
 */
export function inSubtree(col: SQL, p: string): SQL {
  return sql`(${col} >= ${p}::ltree AND ${col} < ${subtreeUpperBound(p)}::ltree)`;
}

/** Ids of the elements on `path`, top first, itself included (its labels after the three geographic ones). */
export function elementIdsOnPath(path: string): string[] {
  return path
    .split('.')
    .slice(3)
    .map((label) => assetIdOf(Number(label)));
}

export function depthOf(path: string): number {
  return path.split('.').length;
}
