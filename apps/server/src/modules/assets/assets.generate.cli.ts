/**
 * npm run demo:generate -- --owner <organisation id or name> --elements 1000000 --seed 42
 * Loads a realistic, deterministic patrimoine into an owner (DATABASE_URL, or the embedded data).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { systemClock } from '../../shared/clock';
import { loadGeneratedPatrimoine } from './assets.generate.load';

async function main() {
  const { values } = parseArgs({
    options: {
      owner: { type: 'string' },
      elements: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '42' },
      prefix: { type: 'string', default: '' },
    },
  });
  if (!values.owner) throw new Error('--owner <organisation id or name> is required');
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
    thread: true,
  });
  try {
    await runMigrations(database.pool);
    const found = await database.db.execute(
      sql`SELECT id, name FROM organizations WHERE (id = ${values.owner} OR lower(name) = lower(${values.owner})) AND 'owner' = ANY(kinds)`,
    );
    const owner = found.rows[0] as { id: string; name: string } | undefined;
    if (!owner) throw new Error(`no owner organisation "${values.owner}"`);
    const started = Date.now();
    const result = await loadGeneratedPatrimoine(
      { db: database.db, clock: systemClock, engine: database.engine },
      { ownerId: owner.id, elements: Number(values.elements), seed: Number(values.seed), prefix: values.prefix },
    );
    const s = (Date.now() - started) / 1000;
    console.log(
      `${owner.name}: ${result.rows} elements (${result.result?.created ?? 0} created, ${result.result?.updated ?? 0} updated, ${result.result?.unchanged ?? 0} unchanged) in ${s.toFixed(1)} s — ${Math.round(result.rows / s)} rows/s`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
