import { mkdirSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Shared buffers of the embedded engine (see below). */
const SHARED_BUFFERS = '32MB';

/**
 * Starting PGlite on a new data directory runs initdb in a WebAssembly instance of its own, and
 * applying the configuration restarts the engine: the dead instances' memories (hundreds of MB of
 * RSS) are freed only by a full garbage collection, which this thread's small JS heap may not
 * trigger for a long time. One collection after the start releases them.
 */
function releaseDeadInstances() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

/**
 * PGlite's WebAssembly compiled by TurboFan only, without the quick baseline (Liftoff) code V8
 * otherwise keeps beside it for every function that runs: ~100 MB less RSS, same query speed
 * (measured: engine reopened 411 → 314 MB, 100,000 trigram-indexed inserts 2.9 → 3.1 s). A V8
 * flag, read when a module is compiled: set before PGlite compiles its module (process-wide;
 * other WebAssembly modules of the process, none today, would be compiled the same way).
 */
function compileWasmOptimizedOnly() {
  v8.setFlagsFromString('--no-liftoff');
}

export interface PgliteServerHandle {
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

/**
 * Opens PGlite (on disk under `dataDir`, or in memory when it is undefined) and serves it on a
 * Unix socket with the PostgreSQL wire protocol, so the application talks to the embedded engine
 * through the same driver (node-postgres) as to a server. In the product this runs in a worker
 * thread, so a long query never blocks the HTTP event loop.
 */
export async function startPgliteServer(opts: {
  dataDir?: string;
  socketPath: string;
  /** A tarball from `dumpDataDir` to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
}): Promise<PgliteServerHandle> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  compileWasmOptimizedOnly();
  const db = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { ltree, pg_trgm },
    // PGlite's memory is this process's: 128 MB of shared buffers (the default) cost ~100 MB of
    // RSS for little gain (the files are in the OS cache; the working set of writes is small).
    postgresqlconf: [`shared_buffers = ${SHARED_BUFFERS}`],
  });
  releaseDeadInstances();
  const server = new PGLiteSocketServer({ db, path: opts.socketPath, maxConnections: 1 });
  await server.start();
  return {
    dump: () => db.dumpDataDir('gzip'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
