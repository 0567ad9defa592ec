import { type AssetKind, assetKinds, type ImportError, isPlacementAllowed, sharedTypes } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { foreground } from '../../shared/foreground';
import { findCommune } from './assets.geo';
import { FileError, missingColumns, parseCsv, parseJson } from './assets.import.parse';
import { checkRow, type ImportRow } from './assets.import.rows';
import { assetIdOf } from './assets.models';
import { nextAssetNums } from './assets.repository';

export const MAX_ERRORS = 500;
const LOOKUP_BATCH = 2000;

export interface ImportSource {
  format: 'csv' | 'json';
  /** Opens the file from its start (the import reads it twice: check, then write). */
  open(): AsyncIterable<Uint8Array>;
}

/** Valid rows of the file, in order (the second reading yields exactly the rows of the first). */
export async function* importRows(source: ImportSource, onError: (e: ImportError) => void): AsyncGenerator<ImportRow> {
  const raw = source.format === 'csv' ? parseCsv(source.open()) : parseJson(source.open());
  let first = true;
  try {
    for await (const r of raw) {
      if (first && source.format === 'csv') {
        const missing = missingColumns(r.values);
        if (missing.length > 0) {
          onError({
            line: 1,
            column: missing.join(', '),
            value: null,
            code: 'import.missing_columns',
            message: `Colonnes obligatoires absentes de l’en-tête : ${missing.join(', ')}.`,
          });
          return;
        }
      }
      first = false;
      const { row, errors } = checkRow(r);
      for (const e of errors) onError(e);
      if (row) yield row;
    }
  } catch (err) {
    if (!(err instanceof FileError)) throw err;
    onError({ line: err.line, column: null, value: null, code: 'import.invalid_file', message: err.message });
  }
}

interface DbElement {
  reference: string;
  num: number;
  kind: AssetKind;
  path: string;
}

/**
 * What the check learns about the file, kept compactly (numbers per row, one map of references):
 * about 150 bytes a row, whatever the width of the rows. The rows themselves are not kept.
 */
export interface ImportPlan {
  count: number;
  refIdx: Map<string, number>;
  kind: Uint8Array;
  parentIdx: Int32Array;
  /** Final `num` of each row (existing element's or newly allocated). */
  num: Float64Array;
  /** 1 when the row updates an existing element. */
  exists: Uint8Array;
  /** Shared type index of the existing element (255 = new). */
  oldType: Uint8Array;
  /** Number of in-file ancestors: the order in which rows whose parent comes later are written. */
  fileDepth: Uint8Array;
  rootCommune: Map<number, string>;
  dbParentOf: Map<number, DbElement>;
  /** Existing elements that change place: idx → current path and parent id. */
  moved: Map<number, { path: string; parentId: string | null }>;
  served: Map<number, string[]>;
  servedDb: Map<string, string>;
  hasServedColumn: boolean;
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(a: T, n: number): T {
  if (n < a.length) return a;
  const b = new (a.constructor as new (len: number) => T)(Math.max(1024, a.length * 2));
  b.set(a);
  return b;
}

async function lookup(
  db: DbOrTx,
  ownerId: string,
  refs: string[],
): Promise<Array<DbElement & { parent_id: string | null; commune_code: string | null; shared_type: string }>> {
  if (refs.length === 0) return [];
  await foreground.idle();
  const res = await db.execute(sql`
    SELECT reference, num, kind, path::text AS path, parent_id, commune_code, shared_type FROM assets
    WHERE owner_id = ${ownerId} AND reference = ANY(${sql.param(refs)}::text[])`);
  return res.rows.map((r) => ({
    ...(r as unknown as DbElement & { parent_id: string | null; commune_code: string | null; shared_type: string }),
    num: Number(r.num),
  }));
}

/**
 * First reading: every error of the file (capped), and the plan of the writes. Nothing is written
 * (except numbers taken from the sequence for the new elements).
 */
export async function checkImport(
  db: DbOrTx,
  ownerId: string,
  source: ImportSource,
  progress: (rowsRead: number) => Promise<void>,
): Promise<{ plan: ImportPlan; errors: ImportError[]; errorCount: number }> {
  const errors: ImportError[] = [];
  let errorCount = 0;
  const fail = (e: ImportError) => {
    errorCount++;
    if (errors.length < MAX_ERRORS) errors.push(e);
  };
  const plan: ImportPlan = {
    count: 0,
    refIdx: new Map(),
    kind: new Uint8Array(1024),
    parentIdx: new Int32Array(1024),
    num: new Float64Array(1024),
    exists: new Uint8Array(1024),
    oldType: new Uint8Array(1024),
    fileDepth: new Uint8Array(1024),
    rootCommune: new Map(),
    dbParentOf: new Map(),
    moved: new Map(),
    served: new Map(),
    servedDb: new Map(),
    hasServedColumn: false,
  };
  const lines: number[] = [];
  const pending = new Map<string, number[]>();
  for await (const row of importRows(source, fail)) {
    const i = plan.count++;
    plan.kind = grow(plan.kind, i);
    plan.parentIdx = grow(plan.parentIdx, i);
    lines.push(row.line);
    plan.kind[i] = assetKinds.indexOf(row.kind);
    const seen = plan.refIdx.get(row.reference);
    if (seen !== undefined) {
      fail({
        line: row.line,
        column: 'reference',
        value: row.reference,
        code: 'import.duplicate_reference',
        message: `Référence en double : déjà ligne ${lines[seen]}.`,
      });
    } else {
      plan.refIdx.set(row.reference, i);
      for (const child of pending.get(row.reference) ?? []) plan.parentIdx[child] = i;
      pending.delete(row.reference);
    }
    if (row.parentReference === row.reference) {
      fail({
        line: row.line,
        column: 'parent_reference',
        value: row.parentReference,
        code: 'import.cycle',
        message: 'Un élément ne peut pas être son propre parent.',
      });
      plan.parentIdx[i] = -1;
    } else if (row.parentReference) {
      const p = plan.refIdx.get(row.parentReference);
      plan.parentIdx[i] = p ?? -2;
      if (p === undefined) pending.set(row.parentReference, [...(pending.get(row.parentReference) ?? []), i]);
    } else {
      plan.parentIdx[i] = -1;
      if (row.communeCode) plan.rootCommune.set(i, row.communeCode);
    }
    if (row.served !== null) plan.hasServedColumn = true;
    if (row.served && row.served.length > 0) plan.served.set(i, row.served);
    if (plan.count % 20000 === 0) await progress(plan.count);
  }
  await progress(plan.count);
  const n = plan.count;
  plan.num = new Float64Array(Math.max(1, n));
  plan.exists = new Uint8Array(Math.max(1, n));
  plan.oldType = new Uint8Array(Math.max(1, n)).fill(255);
  plan.fileDepth = new Uint8Array(Math.max(1, n));

  // Parents not in the file: existing elements of the owner, or errors.
  const pendingRefs = [...pending.keys()];
  for (let b = 0; b < pendingRefs.length; b += LOOKUP_BATCH) {
    const found = await lookup(db, ownerId, pendingRefs.slice(b, b + LOOKUP_BATCH));
    for (const el of found) {
      for (const child of pending.get(el.reference) ?? []) plan.dbParentOf.set(child, el);
      pending.delete(el.reference);
    }
  }
  for (const [ref, children] of pending) {
    for (const c of children) {
      fail({
        line: lines[c] ?? 0,
        column: 'parent_reference',
        value: ref,
        code: 'import.unknown_parent',
        message: `Parent inconnu : aucune ligne ni aucun élément n’a la référence ${ref}.`,
      });
      plan.parentIdx[c] = -3; // reported: no placement check on a missing parent
    }
  }

  // Existing elements updated by the file.
  const existingParent = new Map<number, string | null>();
  const existingCommune = new Map<number, string | null>();
  const refs = [...plan.refIdx.keys()];
  for (let b = 0; b < refs.length; b += LOOKUP_BATCH) {
    for (const el of await lookup(db, ownerId, refs.slice(b, b + LOOKUP_BATCH))) {
      const i = plan.refIdx.get(el.reference);
      if (i === undefined) continue;
      plan.num[i] = el.num;
      plan.exists[i] = 1;
      plan.oldType[i] = sharedTypes.indexOf(el.shared_type as (typeof sharedTypes)[number]);
      existingParent.set(i, el.parent_id);
      if (!el.parent_id) existingCommune.set(i, el.commune_code);
    }
  }
  let fresh = 0;
  for (let i = 0; i < n; i++) if (!plan.exists[i]) fresh++;
  const nums: number[] = [];
  for (let b = 0; b < fresh; b += 100_000) nums.push(...(await nextAssetNums(db, Math.min(100_000, fresh - b))));
  let k = 0;
  for (let i = 0; i < n; i++) if (!plan.exists[i]) plan.num[i] = nums[k++] ?? 0;

  checkStructure(plan, lines, fail);
  await checkMovesAndRetypes(db, ownerId, plan, lines, existingParent, existingCommune, fail);
  await resolveServed(db, ownerId, plan, lines, fail);
  return { plan, errors, errorCount };
}

/** Placement rules, commune of top elements, cycles in the file, depth in the file. */
function checkStructure(plan: ImportPlan, lines: number[], fail: (e: ImportError) => void) {
  const state = new Uint8Array(plan.count);
  for (let i = 0; i < plan.count; i++) {
    const kind = assetKinds[plan.kind[i] ?? 0] as AssetKind;
    const p = plan.parentIdx[i] ?? -1;
    if (p === -3) continue;
    const parentKind = p >= 0 ? (assetKinds[plan.kind[p] ?? 0] as AssetKind) : (plan.dbParentOf.get(i)?.kind ?? null);
    if (!isPlacementAllowed(kind, parentKind)) {
      fail({
        line: lines[i] ?? 0,
        column: parentKind ? 'parent_reference' : 'kind',
        value: kind,
        code: 'import.forbidden_parent',
        message: parentKind
          ? `Un élément de type « ${kind} » ne peut pas être placé sous un élément de type « ${parentKind} ».`
          : `Un élément de type « ${kind} » ne peut pas être à la racine : indiquez sa référence parent.`,
      });
    }
    if (p === -1 && !plan.dbParentOf.has(i)) {
      const code = plan.rootCommune.get(i);
      if (!code || !findCommune(code)) {
        fail({
          line: lines[i] ?? 0,
          column: 'commune_code',
          value: code ?? null,
          code: 'import.commune_required',
          message: 'Un élément à la racine doit indiquer sa commune (code INSEE).',
        });
      }
    }
    if (state[i]) continue;
    const stack: number[] = [];
    let j = i;
    while (j >= 0 && state[j] === 0) {
      state[j] = 1;
      stack.push(j);
      j = plan.parentIdx[j] ?? -1;
    }
    if (j >= 0 && state[j] === 1) {
      const start = stack.indexOf(j);
      for (const c of stack.slice(start)) {
        fail({
          line: lines[c] ?? 0,
          column: 'parent_reference',
          value: null,
          code: 'import.cycle',
          message: 'Cycle : cet élément se retrouve sous lui-même.',
        });
        plan.parentIdx[c] = -1;
      }
    }
    let depth = j >= 0 && state[j] === 2 ? (plan.fileDepth[j] ?? 0) + 1 : 0;
    for (let s = stack.length - 1; s >= 0; s--) {
      const c = stack[s] ?? 0;
      plan.fileDepth[c] = Math.min(250, depth);
      state[c] = 2;
      depth++;
    }
  }
}

async function checkMovesAndRetypes(
  db: DbOrTx,
  ownerId: string,
  plan: ImportPlan,
  lines: number[],
  existingParent: Map<number, string | null>,
  existingCommune: Map<number, string | null>,
  fail: (e: ImportError) => void,
) {
  const retyped: string[] = [];
  const refOf = new Map<number, string>();
  for (const [ref, i] of plan.refIdx) {
    if (!plan.exists[i]) continue;
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

async function resolveServed(
  db: DbOrTx,
  ownerId: string,
  plan: ImportPlan,
  lines: number[],
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
