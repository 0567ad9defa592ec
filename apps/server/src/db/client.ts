import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type PgliteServerHandle, startPgliteServer } from './pglite-server';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Repositories accept either, so a usecase can run them inside its transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  engine: 'pglite' | 'postgresql';
  close(): Promise<void>;
  /** Embedded engine in this thread only: a tarball of the data directory. */
  dump?: () => Promise<Blob>;
}

// Timestamps come back as Date (timestamptz), bigint counts as JS numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  /** Embedded engine: directory of the data; undefined = in memory (tests). */
  dataDir?: string;
  /** Embedded engine: run PGlite in a worker thread (the product) or in this thread (tests). */
  thread?: boolean;
  poolSize?: number;
  /** Embedded engine in this thread: start from this data directory tarball (test templates). */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // JIT off: our queries are short and index-driven; JIT compilation (tens of ms) was measured
    // costing more than whole tree queries when the planner overestimated a rare branch.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, options: '-c jit=off' });
    pool.on('error', () => {}); // idle client errors are reported by the next query
    return { db: drizzle(pool, { schema }), pool, engine: 'postgresql', close: () => pool.end() };
  }
  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'raccord-pg-'));
  const port = 5432;
  const socketPath = path.join(socketDir, `.s.PGSQL.${port}`);
  let handle: PgliteServerHandle | null = null;
  const stopEngine = opts.thread
    ? await startInWorker(opts.dataDir, socketPath)
    : await startPgliteServer({ dataDir: opts.dataDir, socketPath, loadDataDir: opts.loadDataDir }).then((h) => {
        handle = h;
        return () => h.stop();
      });
  // PGlite has one backend: a single connection, every other query waits for it in the pool. It is
  // kept open (no idle timeout), and kept after a query fails (see `keepConnectionOnQueryError`).
  const pool = keepConnectionOnQueryError(
    new pg.Pool({ host: socketDir, port, user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0 }),
  );
  pool.on('error', () => {});
  return {
    db: drizzle(pool, { schema }),
    pool,
    engine: 'pglite',
    ...(handle ? { dump: (handle as PgliteServerHandle).dump } : {}),
    async close() {
      await pool.end();
      await stopEngine();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/**
 * `pool.query` (what drizzle calls outside a transaction) closes the connection whenever the query
 * fails, even for an error of the query itself (a unique violation, a division by zero) after
 * which the connection is perfectly usable. On the embedded engine that is harmful: the socket
 * server accepts one connection, and the pool's next connection arrives before the server has seen
 * the old one close, so it is refused and the next query — anybody's request — fails with EPIPE.
 * Here a query's own error (the server answered, the connection is ready for the next query)
 * returns the connection to the pool; a broken connection is still dropped (pg marks it not
 * queryable, which the pool checks on release).
 */
function keepConnectionOnQueryError(pool: pg.Pool): pg.Pool {
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const query = async (config: unknown, values?: unknown) => {
    const client = await pool.connect();
    try {
      return await client.query(config as pg.QueryConfig, values as unknown[] | undefined);
    } finally {
      client.release();
    }
  };
  // Callback and submittable forms (unused here) keep the pool's own behaviour.
  (pool as { query: unknown }).query = (...args: unknown[]) =>
    args.some((a) => typeof a === 'function') ||
    (typeof args[0] === 'object' && args[0] !== null && 'submit' in (args[0] as object))
      ? original(...args)
      : query(args[0], args[1]);
  return pool;
}

async function startInWorker(dataDir: string | undefined, socketPath: string): Promise<() => Promise<void>> {
  const here = new URL(import.meta.url);
  const isSource = here.pathname.endsWith('.ts');
  const entry = new URL(isSource ? './pglite-worker.ts' : './pglite-worker.js', here);
  // From source (tests, tsx scripts) the worker registers tsx before loading the TypeScript entry.
  const worker = isSource
    ? new Worker(
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`,
        { eval: true, workerData: { dataDir, socketPath } },
      )
    : new Worker(entry, { workerData: { dataDir, socketPath } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (msg: { type: string; error?: string }) => {
      if (msg.type === 'ready') resolve();
      else reject(new Error(`Embedded database failed to start: ${msg.error}`));
    });
    worker.once('error', reject);
  });
  return () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        void worker.terminate().then(() => resolve());
      }, 10_000);
      worker.once('message', () => {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve());
      });
      worker.postMessage('stop');
    });
}
