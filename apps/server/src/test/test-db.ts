import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';

/**
 * A fresh, migrated database for one test file, copied from the run's template (global-setup.ts):
 * PGlite in memory by default, or a new database on the PostgreSQL server of DATABASE_URL (dropped
 * at the end) when it is set. `demo` gives the demo organisations and accounts.
 */
export async function createTestDatabase(opts: { demo?: boolean } = {}): Promise<Database> {
  const templates = inject('testTemplates');
  const template = opts.demo ? templates.demo : templates.bare;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const tarball = new Blob([readFileSync(template)]);
    const database = await openDatabase({ loadDataDir: tarball });
    await runMigrations(database.pool); // a no-op unless a migration was added since the template
    return database;
  }
  const name = `raccord_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        // Two files copying the template at the same instant may collide; try again shortly.
        if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
