import { type AssetKind, assetKinds, type ImportError, isPlacementAllowed, sharedTypes } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type ImportPlan, LOOKUP_BATCH, lookup } from './assets.import.plan';
import { assetIdOf } from './assets.models';

/** Existing elements that change kind (children must still fit) or place (no cycle through the database). */
export async function checkMovesAndRetypes(
  db: DbOrTx,
  ownerId: string,
  plan: ImportPlan,
  lines: ArrayLike<number>,
  existingParent: Map<number, string | null>,
  existingCommune: Map<number, string | null>,
  fail: (e: ImportError) => void,
) {
  const retyped: string[] = [];
  const refOf = new Map<number, string>();
  for (const [ref, i] of plan.refIdx.entriesWhere((row) => plan.exists[row] === 1)) {
    const p = plan.parentIdx[i] ?? -1;
    const newParent =
      p >= 0
        ? assetIdOf(plan.num[p] ?? 0)
        : plan.dbParentOf.get(i)
          ? assetIdOf(plan.dbParentOf.get(i)?.num ?? 0)
          : null;
    const oldParent = existingParent.get(i) ?? null;
    const communeMoved =
      !newParent && !oldParent && (plan.rootCommune.get(i) ?? null) !== (existingCommune.get(i) ?? null);
    if (newParent !== oldParent || communeMoved) plan.moved.set(i, { path: '', parentId: oldParent });
    const kind = assetKinds[plan.kind[i] ?? 0];
    if (plan.oldType[i] !== 255 && !sharedTypes[plan.oldType[i] ?? 0]?.startsWith(kind ?? '?')) {
      retyped.push(ref);
      refOf.set(i, ref);
    }
  }
  for (let b = 0; b < retyped.length; b += LOOKUP_BATCH) {
    const res = await db.execute(sql`
      SELECT p.reference AS parent, c.reference AS child, c.kind FROM assets c JOIN assets p ON p.id = c.parent_id
      WHERE p.owner_id = ${ownerId} AND p.reference = ANY(${sql.param(retyped.slice(b, b + LOOKUP_BATCH))}::text[])`);
    for (const r of res.rows as Array<{ parent: string; child: string; kind: AssetKind }>) {
      if (plan.refIdx.has(r.child)) continue; // the file places that child itself
      const i = plan.refIdx.get(r.parent) ?? 0;
      const kind = assetKinds[plan.kind[i] ?? 0] as AssetKind;
      if (!isPlacementAllowed(r.kind, kind)) {
        fail({
          line: lines[i] ?? 0,
          column: 'kind',
          value: kind,
          code: 'import.forbidden_parent',
          message: `Impossible de passer au type « ${kind} » : l’élément ${r.child} (${r.kind}) est placé dessous.`,
        });
      }
    }
  }
  if (plan.moved.size === 0) return;
  const movedIds = [...plan.moved.keys()].map((i) => assetIdOf(plan.num[i] ?? 0));
  const res = await db.execute(
    sql`SELECT id, path::text AS path FROM assets WHERE owner_id = ${ownerId} AND id = ANY(${sql.param(movedIds)}::text[])`,
  );
  const paths = new Map((res.rows as Array<{ id: string; path: string }>).map((r) => [r.id, r.path]));
  for (const [i, m] of plan.moved) m.path = paths.get(assetIdOf(plan.num[i] ?? 0)) ?? '';
  // A move must not put an element under its own subtree: walk up the final parents.
  const numToIdx = new Map<number, number>();
  for (let i = 0; i < plan.count; i++) if (plan.exists[i]) numToIdx.set(plan.num[i] ?? 0, i);
  for (const [i, m] of plan.moved) {
    const selfNum = plan.num[i] ?? 0;
    const finalParent = (j: number): number | string | null => {
      const p = plan.parentIdx[j] ?? -1;
      return p >= 0 ? p : (plan.dbParentOf.get(j)?.path ?? null);
    };
    let cycle = false;
    let cur = finalParent(i);
    for (let steps = 0; cur !== null && !cycle && steps < 1000; steps++) {
      if (typeof cur === 'number') {
        cycle = cur === i;
        cur = finalParent(cur);
        continue;
      }
      // An element not in the file: its ancestors are its path's labels, up to one that moves.
      let next: number | null = null;
      for (const num of cur.split('.').slice(3).map(Number).reverse()) {
        if (num === selfNum) cycle = true;
        const j = numToIdx.get(num);
        if (cycle || (j !== undefined && plan.moved.has(j))) {
          next = j ?? null;
          break;
        }
      }
      cur = next;
    }
    if (cycle) {
      fail({
        line: lines[i] ?? 0,
        column: 'parent_reference',
        value: null,
        code: 'import.cycle',
        message: `Cycle : ce déplacement placerait l’élément sous lui-même (${m.path}).`,
      });
    }
  }
}

export async function resolveServed(
  db: DbOrTx,
  ownerId: string,
  plan: ImportPlan,
  lines: ArrayLike<number>,
  fail: (e: ImportError) => void,
) {
  const outside = new Set<string>();
  for (const refs of plan.served.values()) for (const r of refs) if (!plan.refIdx.has(r)) outside.add(r);
  const list = [...outside];
  for (let b = 0; b < list.length; b += LOOKUP_BATCH) {
    for (const el of await lookup(db, ownerId, list.slice(b, b + LOOKUP_BATCH))) {
      if (el.kind === 'site') plan.servedDb.set(el.reference, assetIdOf(el.num));
    }
  }
  for (const [i, refs] of plan.served) {
    for (const r of refs) {
      const inFile = plan.refIdx.get(r);
      const ok = inFile !== undefined ? assetKinds[plan.kind[inFile] ?? 0] === 'site' : plan.servedDb.has(r);
      if (!ok)
        fail({
          line: lines[i] ?? 0,
          column: 'served_sites',
          value: r,
          code: 'import.invalid_served_site',
          message: `Site desservi inconnu ou qui n’est pas un site : ${r}.`,
        });
    }
  }
}
