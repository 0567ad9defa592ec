import {
  type AssetKind,
  equipmentTypes,
  type PerimeterPreview,
  patrimoineTypes,
  type SharedType,
} from '@raccord/schemas';
import type { Db } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { requireOwnerMember } from '../assets/assets.access';
import { resolveTreeNode } from '../assets/assets.tree';
import { countResolved, resolvePerimeter } from './perimeter.engine';

/**
 * Steps 5 and 6 of the wizard: what the perimeter holds, per type (grouped patrimoine / equipment),
 * and a summary of the chosen nodes by level ("3 départements, 12 ensembles").
 */
export async function previewPerimeter(
  deps: { db: Db },
  actor: Actor | null,
  input: {
    perimeter: {
      include: PerimeterPreview['nodes'][number]['node'][];
      exclude: PerimeterPreview['nodes'][number]['node'][];
    };
    types?: SharedType[];
  },
): Promise<PerimeterPreview> {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  const resolved = await resolvePerimeter(deps.db, ownerId, input.perimeter, true);
  const counts = await countResolved(deps.db, ownerId, resolved);
  const nodes: PerimeterPreview['nodes'] = [];
  const included: Record<string, number> = {};
  const excluded: Record<string, number> = {};
  for (const [mode, list] of [
    ['include', input.perimeter.include],
    ['exclude', input.perimeter.exclude],
  ] as const) {
    for (const node of list) {
      const r = await resolveTreeNode(deps.db, ownerId, node);
      const level = r?.row ? (r.row.kind as AssetKind) : node.kind;
      const label = r?.row ? `${r.row.label} (${r.row.reference})` : (r?.area?.name ?? '');
      nodes.push({ node, mode, level, label });
      const bucket = mode === 'include' ? included : excluded;
      bucket[level] = (bucket[level] ?? 0) + 1;
    }
  }
  const present = (types: readonly SharedType[]) =>
    types.filter((t) => counts[t] > 0).map((t) => ({ type: t, count: counts[t] }));
  const chosen = input.types ?? [...patrimoineTypes, ...equipmentTypes];
  return {
    patrimoine: present(patrimoineTypes),
    equipment: present(equipmentTypes),
    total: chosen.reduce((sum, t) => sum + (counts[t] ?? 0), 0),
    included,
    excluded,
    nodes,
  };
}
