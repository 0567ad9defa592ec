import type { AssetDetail, AssetListQuery, PerimeterNode, SharedType } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { requireOwnerMember } from './assets.access';
import { assetErrors } from './assets.errors';
import { areaOfLabel, findCommune } from './assets.geo';
import { searchPatterns, toAsset } from './assets.models';
import * as repo from './assets.repository';
import { subtreeCounts, sumCounts, type TypeCounts } from './assets.rollup';

export async function getAsset(deps: { db: Db }, actor: Actor | null, id: string): Promise<AssetDetail> {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  const row = await repo.findAsset(deps.db, ownerId, id);
  if (!row) throw assetErrors.notFound();
  const [ancestors, served, counts] = await Promise.all([
    repo.ancestorRows(deps.db, ownerId, row.path),
    repo.servedSiteIdsOf(deps.db, [id]),
    subtreeCounts(deps.db, ownerId, [row.path]),
  ]);
  const servedIds = served.get(id) ?? [];
  const sites = await repo.findSites(deps.db, ownerId, servedIds);
  const breadcrumb: AssetDetail['breadcrumb'] = [];
  for (const label of row.path.split('.').slice(0, 3)) {
    const area = areaOfLabel(label);
    if (area)
      breadcrumb.push({
        node: { kind: area.level, code: area.code } as PerimeterNode,
        label: area.name,
        reference: null,
      });
  }
  for (const a of ancestors) {
    breadcrumb.push({ node: { kind: 'asset', id: a.id }, label: a.label, reference: a.reference });
  }
  return {
    ...toAsset(row, servedIds),
    breadcrumb,
    servedSites: sites.map((s) => ({ id: s.id, reference: s.reference, label: s.label })),
    counts: counts.get(row.path) ?? {},
  };
}

export async function listAssets(deps: { db: Db }, actor: Actor | null, input: AssetListQuery) {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  let underPath: string | undefined;
  if (input.under) {
    const under = await repo.findAsset(deps.db, ownerId, input.under);
    if (!under) throw assetErrors.notFound('under');
    underPath = under.path;
  }
  const rows = await repo.searchAssets(deps.db, {
    ownerId,
    patterns: searchPatterns(input.q),
    type: input.type,
    underPath,
    limit: input.limit,
    offset: input.offset,
  });
  return {
    items: rows.slice(0, input.limit).map((r) => ({
      id: r.id,
      reference: r.reference,
      label: r.label,
      kind: toAsset(r).kind,
      type: r.sharedType as SharedType,
      parentId: r.parentId,
      address: r.address,
      postcode: r.postcode,
      communeCode: r.communeCode,
      communeName: r.communeCode ? (findCommune(r.communeCode)?.name ?? null) : null,
    })),
    hasMore: rows.length > input.limit,
    offset: input.offset,
    limit: input.limit,
  };
}

/** Totals per type of the owner's whole patrimoine (sum of the regions' rollup). */
export async function assetTotals(deps: { db: Db }, actor: Actor | null) {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  const res = await deps.db.execute(sql`
    SELECT shared_type AS t, sum(n)::int AS n FROM asset_rollup
    WHERE owner_id = ${ownerId} AND parent_path = ''::ltree GROUP BY 1`);
  const counts: TypeCounts = {};
  for (const r of res.rows as Array<{ t: string; n: number }>) counts[r.t as SharedType] = Number(r.n);
  return { counts, total: sumCounts(counts) };
}
