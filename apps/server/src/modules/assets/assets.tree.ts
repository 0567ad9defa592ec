import {
  normalizeForSearch,
  type PerimeterNode,
  type SharedType,
  type TreeChildren,
  type TreeNode,
} from '@raccord/schemas';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { requireOwnerMember } from './assets.access';
import { assetErrors } from './assets.errors';
import { areaOfLabel, findArea, type GeoArea, geography } from './assets.geo';
import { type AssetRow, assetIdOf, searchPatterns } from './assets.models';
import * as repo from './assets.repository';
import { subtreeCounts, sumCounts, type TypeCounts } from './assets.rollup';
import { assets } from './assets.tables';
import { assetChildrenPage, geoChildrenWithSelf } from './assets.tree.query';

export function nodeKey(node: PerimeterNode): string {
  return node.kind === 'asset' ? `asset:${node.id}` : `${node.kind}:${node.code}`;
}

export function parseNodeKey(key: string): PerimeterNode {
  const [kind, value = ''] = key.split(':', 2);
  if (kind === 'asset') return { kind, id: value };
  if (kind === 'region' || kind === 'departement' || kind === 'commune') return { kind, code: value };
  throw assetErrors.notFound('node');
}

function geoNode(area: GeoArea, counts: TypeCounts): TreeNode {
  const node = { kind: area.level, code: area.code } as PerimeterNode;
  return {
    node,
    key: nodeKey(node),
    level: area.level,
    label: area.name,
    reference: null,
    type: null,
    counts,
    total: sumCounts(counts),
    hasChildren: sumCounts(counts) > 0,
  };
}

function assetNode(
  r: Pick<AssetRow, 'id' | 'kind' | 'label' | 'reference' | 'sharedType'>,
  counts: TypeCounts,
): TreeNode {
  const total = sumCounts(counts);
  return {
    node: { kind: 'asset', id: r.id },
    key: `asset:${r.id}`,
    level: r.kind,
    label: r.label,
    reference: r.reference,
    type: r.sharedType as SharedType,
    counts,
    total,
    hasChildren: total > 1,
  };
}

/** Resolves a tree node to its path (and row or area), for this owner only. */
export async function resolveTreeNode(db: DbOrTx, ownerId: string, node: PerimeterNode) {
  if (node.kind === 'asset') {
    const row = await repo.findAsset(db, ownerId, node.id);
    return row ? { path: row.path, row, area: null } : null;
  }
  const area = findArea(node.kind, node.code);
  return area ? { path: area.path, row: null, area } : null;
}

/**
 * Children of a node with their counts per type: regions at the top, then départements, communes
 * (only those where the owner has elements), the top elements of a commune, and so on down.
 * One statement per page (plus a count for pages past a short first one): counts come from the
 * rollup, or a count of a small subtree.
 */
export async function listTreeChildren(
  db: DbOrTx,
  ownerId: string,
  key: string | undefined,
  offset: number,
  limit: number,
): Promise<TreeChildren> {
  if (!key) {
    const { children } = await geoChildrenWithSelf(db, ownerId, '');
    return pageGeo(null, children, offset, limit);
  }
  const node = parseNodeKey(key);
  if (node.kind !== 'asset') {
    const area = findArea(node.kind, node.code);
    if (!area) throw assetErrors.notFound('node');
    if (area.level !== 'commune') {
      const { self, children } = await geoChildrenWithSelf(db, ownerId, area.path);
      return pageGeo(geoNode(area, self), children, offset, limit);
    }
  }
  const area = node.kind === 'asset' ? null : findArea(node.kind, node.code);
  const of = node.kind === 'asset' ? { assetId: node.id } : { communeCode: node.code, communePath: area?.path ?? '' };
  const page = await assetChildrenPage(db, ownerId, of, offset, limit);
  if (!page.parent) throw assetErrors.notFound('node');
  const parent = area ? geoNode(area, page.parent.counts) : assetNode(page.parent, page.parent.counts);
  // A short first page is the whole list: no count needed.
  const where =
    node.kind === 'asset'
      ? and(eq(assets.ownerId, ownerId), eq(assets.parentId, node.id))
      : and(eq(assets.ownerId, ownerId), isNull(assets.parentId), eq(assets.communeCode, node.code));
  const total =
    offset === 0 && page.items.length < limit
      ? page.items.length
      : Number((await db.select({ n: sql<number>`count(*)::int` }).from(assets).where(where))[0]?.n ?? 0);
  return {
    parent,
    items: page.items.map((r) => assetNode(r, r.counts)),
    total,
    offset,
    limit,
  };
}

const collator = new Intl.Collator('fr');

function pageGeo(parent: TreeNode | null, children: Map<string, TypeCounts>, offset: number, limit: number) {
  const items: TreeNode[] = [];
  for (const [path, counts] of children) {
    const label = path.split('.').pop() ?? '';
    const area = areaOfLabel(label);
    if (area) items.push(geoNode(area, counts));
  }
  items.sort((a, b) => collator.compare(a.label, b.label));
  return { parent, items: items.slice(offset, offset + limit), total: items.length, offset, limit };
}

export async function treeChildren(
  deps: { db: Db },
  actor: Actor | null,
  q: { node?: string; offset: number; limit: number },
) {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  return listTreeChildren(deps.db, ownerId, q.node, q.offset, q.limit);
}

/** Keys of the nodes above `path` (geography, then elements), top first, for expanding the tree. */
export function ancestorKeys(path: string): string[] {
  const labels = path.split('.');
  const keys: string[] = [];
  labels.slice(0, -1).forEach((label, i) => {
    if (i < 3) {
      const area = areaOfLabel(label);
      if (area) keys.push(`${area.level}:${area.code}`);
    } else keys.push(`asset:${assetIdOf(Number(label))}`);
  });
  return keys;
}

/** The tree's search box: geographic levels by name (where the owner has elements), then elements. */
export async function treeSearch(deps: { db: Db }, actor: Actor | null, q: { q: string; limit: number }) {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  const needle = normalizeForSearch(q.q);
  const g = geography();
  const areas: GeoArea[] = [];
  for (const r of g.regions.values())
    if (normalizeForSearch(r.name).includes(needle)) areas.push(findArea('region', r.code) as GeoArea);
  for (const d of g.departements.values())
    if (normalizeForSearch(d.name).includes(needle) || d.code === q.q)
      areas.push(findArea('departement', d.code) as GeoArea);
  for (const c of g.communes.values())
    if (c.code === q.q || normalizeForSearch(c.name).startsWith(needle))
      areas.push(findArea('commune', c.code) as GeoArea);
  const candidates = areas.filter(Boolean).slice(0, 2000);
  const counts = await subtreeCounts(
    deps.db,
    ownerId,
    candidates.map((a) => a.path),
  );
  const geoItems = candidates
    .filter((a) => sumCounts(counts.get(a.path) ?? {}) > 0)
    .slice(0, q.limit)
    .map((a) => ({ ...geoNode(a, counts.get(a.path) ?? {}), ancestors: ancestorKeys(a.path) }));
  const rows = await repo.searchAssets(deps.db, {
    ownerId,
    patterns: searchPatterns(q.q),
    limit: q.limit,
    offset: 0,
  });
  const assetCounts = await subtreeCounts(
    deps.db,
    ownerId,
    rows.map((r) => r.path),
  );
  const assetItems = rows
    .slice(0, q.limit)
    .map((r) => ({ ...assetNode(r, assetCounts.get(r.path) ?? {}), ancestors: ancestorKeys(r.path) }));
  return { items: [...geoItems, ...assetItems].slice(0, q.limit * 2) };
}
