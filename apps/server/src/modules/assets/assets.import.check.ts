import { type AssetKind, assetKinds, type ImportError, isPlacementAllowed, sharedTypes } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { foreground } from '../../shared/foreground';
import { trace } from '../../shared/trace';
import { findCommune } from './assets.geo';
import { checkMovesAndRetypes, resolveServed } from './assets.import.moves';
import { FileError, missingColumns, parseCsv, parseJson } from './assets.import.parse';
import { grow, type ImportPlan, LOOKUP_BATCH, lookup } from './assets.import.plan';
import { RefIndex } from './assets.import.refs';
import { checkRow, type ImportRow } from './assets.import.rows';
import { nextAssetNums } from './assets.repository';

export type { ImportPlan };

export const MAX_ERRORS = 500;

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
      await foreground.slice();
      const { row, errors } = checkRow(r);
      for (const e of errors) onError(e);
      if (row) yield row;
    }
  } catch (err) {
    if (!(err instanceof FileError)) throw err;
    onError({ line: err.line, column: null, value: null, code: 'import.invalid_file', message: err.message });
  }
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
    refIdx: new RefIndex(),
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
  let lines = new Int32Array(1024);
  const pending = new Map<string, number[]>();
  for await (const row of importRows(source, fail)) {
    const i = plan.count++;
    plan.kind = grow(plan.kind, i);
    plan.parentIdx = grow(plan.parentIdx, i);
    lines = grow(lines, i);
    lines[i] = row.line;
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
  trace('check: parse');
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

  trace('check: pending parents');
  // Existing elements updated by the file.
  const existingParent = new Map<number, string | null>();
  const existingCommune = new Map<number, string | null>();
  // An owner without elements (a first import) has none to update: no lookups.
  const ownerHasElements =
    (await db.execute(sql`SELECT 1 FROM assets WHERE owner_id = ${ownerId} LIMIT 1`)).rows.length > 0;
  const refBatches = async function* () {
    if (!ownerHasElements) return;
    let batch: string[] = [];
    for (const ref of plan.refIdx.keys()) {
      batch.push(ref);
      if (batch.length >= LOOKUP_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  };
  for await (const refs of refBatches()) {
    for (const el of await lookup(db, ownerId, refs)) {
      const i = plan.refIdx.get(el.reference);
      if (i === undefined) continue;
      plan.num[i] = el.num;
      plan.exists[i] = 1;
      plan.oldType[i] = sharedTypes.indexOf(el.shared_type as (typeof sharedTypes)[number]);
      existingParent.set(i, el.parent_id);
      if (!el.parent_id) existingCommune.set(i, el.commune_code);
    }
  }
  trace('check: existing lookup');
  let fresh = 0;
  for (let i = 0; i < n; i++) if (!plan.exists[i]) fresh++;
  const nums: number[] = [];
  for (let b = 0; b < fresh; b += 20_000) {
    await foreground.idle();
    nums.push(...(await nextAssetNums(db, Math.min(20_000, fresh - b))));
  }
  let k = 0;
  for (let i = 0; i < n; i++) if (!plan.exists[i]) plan.num[i] = nums[k++] ?? 0;

  trace('check: nums');
  await checkStructure(plan, lines, fail);
  trace('check: structure');
  await checkMovesAndRetypes(db, ownerId, plan, lines, existingParent, existingCommune, fail);
  await resolveServed(db, ownerId, plan, lines, fail);
  trace('check: moves/served');
  return { plan, errors, errorCount };
}

/** Placement rules, commune of top elements, cycles in the file, depth in the file. */
async function checkStructure(plan: ImportPlan, lines: ArrayLike<number>, fail: (e: ImportError) => void) {
  const state = new Uint8Array(plan.count);
  for (let i = 0; i < plan.count; i++) {
    if ((i & 4095) === 0) await foreground.slice();
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
