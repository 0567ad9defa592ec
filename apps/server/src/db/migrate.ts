import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

function migrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // From source (src/db) the folder is beside this file; from the bundle (dist/) it is in src/db.
  return here.endsWith(`${path.sep}dist`)
    ? path.join(here, '..', 'src', 'db', 'migrations')
    : path.join(here, 'migrations');
}

/**
 * Applies pending migrations. An advisory lock makes concurrent starts (several api and worker
 * processes on one server) wait for each other instead of racing.
 */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727274)');
    try {
      await migrate(drizzle(client), { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query('SELECT pg_advisory_unlock(727274)');
    }
  } finally {
    client.release();
  }
}
