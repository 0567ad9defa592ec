import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/client';

/** A fresh database for one bench run: PGlite on disk in a temp dir, or a new PostgreSQL database (dropped). */
export async function openEngine(engine: 'pglite' | 'postgresql') {
  if (engine === 'pglite') {
    // On disk, as in the product (an in-memory engine would count the data in the RSS).
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'raccord-bench-'));
    const database = await openDatabase({ thread: true, dataDir });
    return { database, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.DATABASE_URL ?? '';
  const name = `raccord_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
