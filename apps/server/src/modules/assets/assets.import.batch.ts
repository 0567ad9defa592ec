import { communePath, findCommune } from './assets.geo';
import type { ImportPlan } from './assets.import.check';
import { assetIdOf, ROLLUP_MAX_DEPTH } from './assets.models';

/*
 * How the import's rows become columns of `assets`: each row's path and parent id from the plan, the
 * columns written and compared, and the rollup delta of a row. Pure (no I/O): the apply phase builds
 * its batches with them.
 */

/** Path of row `i` while rows are written: moved elements stay where they are until the moves. */
export function pathOf(plan: ImportPlan, i: number, memo?: Map<number, string>): string {
  const known = memo?.get(i);
  if (known !== undefined) return known;
  const labels: number[] = [];
  let j = i;
  let base = '';
  for (let guard = 0; guard < 300; guard++) {
    const moved = plan.moved.get(j);
    if (moved) {
      base = moved.path;
      break;
    }
    if (j !== i) {
      const cached = memo?.get(j);
      if (cached !== undefined) {
        base = cached;
        break;
      }
    }
    labels.push(plan.num[j] ?? 0);
    const p = plan.parentIdx[j] ?? -1;
    if (p >= 0) {
      j = p;
      continue;
    }
    const dbParent = plan.dbParentOf.get(j);
    const commune = findCommune(plan.rootCommune.get(j) ?? '');
    base = dbParent ? dbParent.path : commune ? communePath(commune) : '';
    break;
  }
  const path = labels.length > 0 ? `${base}.${labels.reverse().join('.')}` : base;
  if (memo) {
    if (memo.size >= 20_000) memo.clear();
    memo.set(i, path);
  }
  return path;
}

export function parentIdOf(plan: ImportPlan, i: number): string | null {
  const moved = plan.moved.get(i);
  if (moved) return moved.parentId;
  const p = plan.parentIdx[i] ?? -1;
  if (p >= 0) return assetIdOf(plan.num[p] ?? 0);
  const dbParent = plan.dbParentOf.get(i);
  return dbParent ? assetIdOf(dbParent.num) : null;
}

export const cols = [
  'id',
  'num',
  'parent_id',
  'path',
  'kind',
  'equipment_kind',
  'premises_kind',
  'shared_type',
  'reference',
  'label',
  'address',
  'postcode',
  'commune_code',
  'year_built',
  'brand',
  'serial_number',
  'commissioning_date',
  'search_text',
] as const;
export const colTypes = [
  'text',
  'int8',
  'text',
  'ltree',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'int4',
  'text',
  'text',
  'text',
  'text',
];
/** Columns compared to decide whether an existing element changes (an unchanged row writes nothing). */
export const compared = cols.filter((c) => c !== 'id' && c !== 'num');

/** Adds one row's contribution to `deltas`, keyed by its deepest node kept in the rollup. */
export function addDelta(deltas: Map<string, number>, path: string, type: string, sign: number) {
  let end = -1;
  for (let depth = 1; depth <= ROLLUP_MAX_DEPTH && end < path.length; depth++) {
    const next = path.indexOf('.', end + 1);
    end = next < 0 ? path.length : next;
  }
  const key = `${path.slice(0, end)}\t${type}`;
  deltas.set(key, (deltas.get(key) ?? 0) + sign);
}
