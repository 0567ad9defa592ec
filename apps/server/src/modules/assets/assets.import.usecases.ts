import type { AssetImport, ImportError } from '@raccord/schemas';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, SystemActor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import { enqueueJob } from '../jobs/jobs.queue';
import { requireOwnerAdmin, requireOwnerMember } from './assets.access';
import type { ImportSource } from './assets.import.check';
import { runImport } from './assets.import.run';
import { assetImportChunks, assetImports } from './assets.tables';

export const IMPORT_JOB = 'assets.import';
const CHUNK = 1 << 20;

export const importErrors = {
  notFound: () => new AppError('import.not_found', 404, 'Import introuvable.'),
  tooLarge: (max: number) =>
    new AppError('import.too_large', 413, `Fichier trop volumineux (${Math.round(max / 1048576)} Mo au plus).`, {
      field: 'file',
    }),
  invalidFile: (message: string) => new AppError('import.invalid_file', 400, message, { field: 'file' }),
};

type ImportRow = typeof assetImports.$inferSelect;

function toImport(r: ImportRow): AssetImport {
  const total = r.rowsTotal ?? 0;
  // Reading counts for 40 %, writing for 60 % (bytes are known before the rows are).
  const read = r.bytesTotal > 0 ? Math.min(1, r.bytesRead / r.bytesTotal) : 0;
  const progress =
    r.state === 'succeeded' || r.state === 'failed'
      ? 100
      : r.state === 'applying'
        ? 40 + (total > 0 ? (60 * r.rowsApplied) / total : 0)
        : 40 * (r.rowsRead > 0 && r.bytesTotal > 0 ? read : 0);
  return {
    id: r.id,
    format: r.format,
    filename: r.filename,
    state: r.state,
    phase: r.phase,
    bytesTotal: r.bytesTotal,
    rowsRead: r.rowsRead,
    rowsApplied: r.rowsApplied,
    rowsTotal: r.rowsTotal,
    progress: Math.round(progress * 10) / 10,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    moved: r.moved,
    errorCount: r.errorCount,
    errors: r.errors as ImportError[],
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt ? r.startedAt.toISOString() : null,
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  };
}

/**
 * Receives the file (streamed, kept in the database in 1 MB chunks so any worker process can read
 * it), then queues the import job. Returns at once with the import's id; GET shows the progress.
 */
export async function startImport(
  deps: { db: Db; clock: Clock; wakeJobs: () => void; maxBytes: number },
  actor: Actor | null,
  input: { format?: 'csv' | 'json'; filename?: string; contentType: string; body: AsyncIterable<Uint8Array> },
): Promise<AssetImport> {
  const { user, ownerId } = await requireOwnerAdmin(deps.db, actor);
  const id = newId('imp');
  let format = input.format ?? (input.contentType.includes('json') ? 'json' : undefined);
  await deps.db.insert(assetImports).values({
    id,
    ownerId,
    createdBy: user.userId,
    format: format ?? 'csv',
    filename: input.filename ?? null,
    state: 'queued',
    phase: 'upload',
    createdAt: deps.clock.now(),
  });
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const flush = async () => {
    if (pendingSize === 0) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingSize = 0;
    await deps.db.insert(assetImportChunks).values({ importId: id, seq: seq++, data });
  };
  try {
    for await (const chunk of input.body) {
      size += chunk.length;
      if (size > deps.maxBytes) throw importErrors.tooLarge(deps.maxBytes);
      if (!format) {
        const first = Buffer.from(chunk)
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trimStart()[0];
        format = first === '[' || first === '{' ? 'json' : 'csv';
      }
      pending.push(Buffer.from(chunk));
      pendingSize += chunk.length;
      if (pendingSize >= CHUNK) await flush();
    }
    await flush();
    if (size === 0) throw importErrors.invalidFile('Le fichier est vide.');
  } catch (err) {
    await deps.db
      .update(assetImports)
      .set({ state: 'failed', phase: null, finishedAt: deps.clock.now() })
      .where(eq(assetImports.id, id));
    await deps.db.delete(assetImportChunks).where(eq(assetImportChunks.importId, id));
    throw err;
  }
  const row = await deps.db.transaction(async (tx) => {
    const [r] = await tx
      .update(assetImports)
      .set({ bytesTotal: size, format: format ?? 'csv', phase: null })
      .where(eq(assetImports.id, id))
      .returning();
    await enqueueJob(tx, deps.clock, IMPORT_JOB, { importId: id }, { maxAttempts: 3 });
    await recordAudit(tx, deps.clock, user, {
      action: 'asset.import_started',
      organizationId: ownerId,
      targetType: 'asset_import',
      targetId: id,
      details: { bytes: size, filename: input.filename ?? null },
    });
    return r;
  });
  deps.wakeJobs();
  if (!row) throw importErrors.notFound();
  return toImport(row);
}

/** The stored file, read chunk by chunk (one query per megabyte). */
export function storedFile(db: Db, importId: string, onBytes?: (n: number) => void): () => AsyncIterable<Uint8Array> {
  return async function* () {
    let seq = -1;
    let read = 0;
    for (;;) {
      const [chunk] = await db
        .select()
        .from(assetImportChunks)
        .where(and(eq(assetImportChunks.importId, importId), gt(assetImportChunks.seq, seq)))
        .orderBy(asc(assetImportChunks.seq))
        .limit(1);
      if (!chunk) return;
      seq = chunk.seq;
      read += chunk.data.length;
      onBytes?.(read);
      yield chunk.data;
    }
  };
}

/** The job: runs a queued import (again from the start if a worker died during it). */
export async function runImportJob(
  deps: { db: Db; clock: Clock; engine: 'pglite' | 'postgresql' },
  importId: string,
  jobId?: number,
): Promise<void> {
  const [imp] = await deps.db.select().from(assetImports).where(eq(assetImports.id, importId));
  if (!imp || imp.state === 'succeeded' || imp.state === 'failed') return;
  const busy = await deps.db.execute(sql`
    SELECT 1 FROM asset_imports WHERE owner_id = ${imp.ownerId} AND id <> ${importId}
      AND state IN ('validating', 'applying') LIMIT 1`);
  if (busy.rows.length > 0) throw new Error('another import of this owner is running; retried later');
  let lastBytes = 0;
  const onBytes = (n: number) => {
    if (n - lastBytes < 4 * 1048576) return;
    lastBytes = n;
    void deps.db
      .update(assetImports)
      .set({ bytesRead: n })
      .where(eq(assetImports.id, importId))
      .catch(() => {});
  };
  const actor: SystemActor = { kind: 'system', label: `import ${importId}` };
  const source: ImportSource = { format: imp.format, open: storedFile(deps.db, importId, onBytes) };
  // A large import outlasts the job's 5-minute lease: keep the lease so no runner takes it again.
  const heartbeat = setInterval(() => {
    if (jobId === undefined) return;
    const until = new Date(deps.clock.now().getTime() + 5 * 60_000);
    void deps.db
      .execute(sql`UPDATE jobs SET locked_until = ${until} WHERE id = ${jobId} AND state = 'active'`)
      .catch(() => {});
  }, 60_000);
  try {
    await runImport(deps, { importId, ownerId: imp.ownerId, actor, source });
  } catch (err) {
    await deps.db
      .update(assetImports)
      .set({
        state: 'failed',
        phase: null,
        finishedAt: deps.clock.now(),
        errorCount: 1,
        errors: [
          {
            line: 0,
            column: null,
            value: null,
            code: 'import.failed',
            message: 'L’import a échoué : aucune modification n’a été faite.',
          },
        ],
      })
      .where(eq(assetImports.id, importId));
    throw err;
  } finally {
    clearInterval(heartbeat);
  }
}

export async function getImport(deps: { db: Db }, actor: Actor | null, id: string): Promise<AssetImport> {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  const [row] = await deps.db
    .select()
    .from(assetImports)
    .where(and(eq(assetImports.id, id), eq(assetImports.ownerId, ownerId)));
  if (!row) throw importErrors.notFound();
  return toImport(row);
}

export async function listImports(deps: { db: Db }, actor: Actor | null) {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  const rows = await deps.db
    .select()
    .from(assetImports)
    .where(eq(assetImports.ownerId, ownerId))
    .orderBy(desc(assetImports.createdAt))
    .limit(20);
  return { items: rows.map(toImport) };
}
