import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/client';

/**
 * A database for one bench run: PGlite on disk in a temp dir, or a new PostgreSQL database, both
 * dropped at the end. With `keep` (bench --keep), a stable name per size that is kept and reused.
 */
export async function openEngine(engine: 'pglite' | 'postgresql', opts: { keep?: boolean; elements?: number } = {}) {
  const keep = opts.keep === true;
  if (engine === 'pglite') {
    // On disk, as in the product (an in-memory engine would count the data in the RSS).
    const dataDir = keep
      ? path.join(os.tmpdir(), `raccord-bench-keep-${opts.elements ?? 0}`)
      : mkdtempSync(path.join(os.tmpdir(), 'raccord-bench-'));
    mkdirSync(dataDir, { recursive: true });
    const database = await openDatabase({ thread: true, dataDir });
    return { database, drop: async () => (keep ? undefined : rmSync(dataDir, { recursive: true, force: true })) };
  }
  const serverUrl = process.env.DATABASE_URL ?? '';
  const name = keep ? `raccord_bench_keep_${opts.elements ?? 0}` : `raccord_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    database,
    drop: async () => {
      if (keep) return;
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
