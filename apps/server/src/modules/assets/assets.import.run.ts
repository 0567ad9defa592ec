import type { ImportError } from '@raccord/schemas';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { foreground } from '../../shared/foreground';
import { recordAudit } from '../audit/audit.repository';
import { enqueuePatrimoineChanged } from '../sync/sync.live';
import { type ApplyResult, applyImport } from './assets.import.apply';
import { checkImport, type ImportSource } from './assets.import.check';
import { assetImports } from './assets.tables';

export interface RunImportDeps {
  db: Db;
  engine: 'pglite' | 'postgresql';
  clock: Clock;
}

export interface RunImportResult {
  ok: boolean;
  rows: number;
  errors: ImportError[];
  errorCount: number;
  result: ApplyResult | null;
}

/** Embedded engine: target duration of one write transaction of the import. */
const STEP_TARGET_MS = 25;

async function setImport(db: DbOrTx, id: string, patch: Partial<typeof assetImports.$inferInsert>) {
  await db.update(assetImports).set(patch).where(eq(assetImports.id, id));
}

/**
 * Runs an import: checks the whole file (nothing written), then, only if it has no error, writes it.
 *
 * All or nothing: on PostgreSQL the writes are one transaction (other connections keep reading the
 * old state until it commits). Embedded, PGlite has one connection and a long transaction would
 * freeze every request: the writes go in short transactions of `batchSize` rows, while the owner's
 * patrimoine is locked for writes (`asset.import_in_progress`). The check has already passed, so
 * the writes cannot fail on the data; a crash midway re-runs the job, which re-checks and
 * re-writes idempotently (upsert by reference), so the import always ends complete.
 */
export async function runImport(
  deps: RunImportDeps,
  opts: { importId: string; ownerId: string; actor: Actor; source: ImportSource; batchSize?: number },
): Promise<RunImportResult> {
  const { importId, ownerId } = opts;
  const now = deps.clock.now();
  await setImport(deps.db, importId, {
    state: 'validating',
    phase: 'check',
    startedAt: now,
    rowsRead: 0,
    rowsApplied: 0,
    errorCount: 0,
    errors: [],
  });
  const { plan, errors, errorCount } = await checkImport(deps.db, ownerId, opts.source, (rowsRead) =>
    setImport(deps.db, importId, { rowsRead }),
  );
  if (errorCount > 0 || plan.count === 0) {
    const all =
      plan.count === 0 && errorCount === 0
        ? [
            {
              line: 1,
              column: null,
              value: null,
              code: 'import.empty',
              message: 'Le fichier ne contient aucune ligne.',
            },
          ]
        : errors;
    await setImport(deps.db, importId, {
      state: 'failed',
      phase: null,
      rowsTotal: plan.count,
      errorCount: Math.max(errorCount, all.length),
      errors: all,
      finishedAt: deps.clock.now(),
    });
    return { ok: false, rows: plan.count, errors: all, errorCount: Math.max(errorCount, all.length), result: null };
  }
  await setImport(deps.db, importId, { state: 'applying', phase: 'write', rowsTotal: plan.count });
  const apply = (step: <T>(fn: (tx: DbOrTx) => Promise<T>) => Promise<T>) =>
    applyImport({
      db: deps.db,
      importId,
      ownerId,
      plan,
      source: opts.source,
      now,
      batchSize: opts.batchSize ?? (deps.engine === 'pglite' ? 200 : 5000),
      // Embedded, each batch holds the one connection: keep it short so requests interleave.
      ...(deps.engine === 'pglite' && !opts.batchSize ? { stepTargetMs: STEP_TARGET_MS } : {}),
      step,
      // Server: one transaction, so the rollup can be written once (embedded: with each batch).
      deferRollup: deps.engine === 'postgresql',
      progress: (rowsApplied) => setImport(deps.db, importId, { rowsApplied }),
    });
  // Merges the search index's pending list now rather than in a later search or write.
  const cleanSearchIndex = (tx: DbOrTx) =>
    tx.execute(sql`SELECT gin_clean_pending_list('assets_search_trgm'::regclass)`);
  const finish = async (tx: DbOrTx, result: ApplyResult) => {
    await setImport(tx, importId, {
      state: 'succeeded',
      phase: null,
      ...result,
      rowsApplied: plan.count,
      finishedAt: deps.clock.now(),
    });
    await tx.execute(sql`DELETE FROM asset_import_chunks WHERE import_id = ${importId}`);
    await recordAudit(tx, deps.clock, opts.actor, {
      action: 'asset.imported',
      organizationId: ownerId,
      targetType: 'asset_import',
      targetId: importId,
      details: { rows: plan.count, ...result },
    });
    await enqueuePatrimoineChanged(tx, deps.clock, ownerId);
  };
  let result: ApplyResult;
  if (deps.engine === 'postgresql') {
    result = await deps.db.transaction(async (tx) => {
      const r = await apply((fn) => fn(tx));
      await cleanSearchIndex(tx);
      await finish(tx, r);
      return r;
    });
  } else {
    // Each batch waits until no API request is in flight: requests never queue behind a long run.
    result = await apply(async (fn) => {
      await foreground.idle();
      return deps.db.transaction(fn);
    });
    await foreground.idle();
    await cleanSearchIndex(deps.db);
    await deps.db.transaction((tx) => finish(tx, result));
  }
  return { ok: true, rows: plan.count, errors: [], errorCount: 0, result };
}
