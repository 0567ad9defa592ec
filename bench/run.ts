/**
 * npm run bench [-- --elements 1000000]      every figure (generates the patrimoine)
 * npm run bench -- --engine pglite|postgresql  one engine only (its peak RSS is then its own)
 * npm run bench -- --only operations          operation ingestion alone (bench/operations.ts)
 * npm run bench -- --only sync [--keep]       synchronisation figures alone (bench/sync.ts)
 * Generates a patrimoine, then on PGlite (always) and PostgreSQL (when DATABASE_URL is set, in a
 * fresh database dropped at the end) measures the issue's figures next to a naive baseline
 * (recursive CTE over parent_id) in the same run. Prints a table; saves JSON under bench/results/.
 * `--only sync`: only the synchronisation figures (bench/sync.ts). `--keep`: keep the database (a
 * stable name per size) and reuse its patrimoine on the next `--keep` run instead of importing again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import type { Database } from '../apps/server/src/db/client';
import { runMigrations } from '../apps/server/src/db/migrate';
import { seedDemo } from '../apps/server/src/demo/demo.seed';
import { loadGeneratedPatrimoine } from '../apps/server/src/modules/assets/assets.generate.load';
import { listTreeChildren } from '../apps/server/src/modules/assets/assets.tree';
import { countPerimeter } from '../apps/server/src/modules/perimeter/perimeter.engine';
import { systemClock } from '../apps/server/src/shared/clock';
import { openEngine } from './engine';
import { benchOperations } from './operations';
import { benchSync, printSyncTable, type SyncFigures, thirtyPercent } from './sync';
import { type Figures, measureLatency, p, printTable, timeIt } from './util';

const { values } = parseArgs({
  options: {
    elements: { type: 'string', default: '1000000' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    /** `pglite` or `postgresql` alone; default: PGlite, then PostgreSQL when DATABASE_URL is set. */
    engine: { type: 'string' },
  },
});
const elements = Number(values.elements);
if (values.only !== undefined && values.only !== 'operations' && values.only !== 'sync')
  throw new Error(`--only: operations | sync (got ${values.only})`);
if (values.only === 'operations') {
  // Operation ingestion alone: it needs no generated million-element patrimoine.
  await benchOperations();
  process.exit(0);
}
const onlySync = values.only === 'sync';
const keep = values.keep;

async function ownerIds(database: Database) {
  const rows = (await database.db.execute(sql`SELECT id, name FROM organizations WHERE 'owner' = ANY(kinds)`))
    .rows as Array<{ id: string; name: string }>;
  const byName = (n: string) => rows.find((r) => r.name === n)?.id ?? '';
  return { big: byName('Habitat Demo'), small: byName('Logis Test') };
}

async function loadedElements(database: Database, ownerId: string) {
  const r = await database.db.execute(sql`SELECT count(*)::int AS n FROM assets WHERE owner_id = ${ownerId}`);
  return Number((r.rows[0] as { n: number }).n);
}

/** Rows per second of a bare INSERT … SELECT of the owner's subtrees under `roots` into a copy of `assets`. */
async function bareWriteRate(db: Database['db'], ownerId: string, roots: string[]) {
  await db.execute(sql`DROP TABLE IF EXISTS bench_assets_copy`);
  await db.execute(sql`CREATE TABLE bench_assets_copy (LIKE assets INCLUDING ALL)`);
  await db.execute(sql`
    ALTER TABLE bench_assets_copy
      ADD FOREIGN KEY (owner_id) REFERENCES organizations (id) ON DELETE RESTRICT,
      ADD FOREIGN KEY (parent_id) REFERENCES bench_assets_copy (id) ON DELETE CASCADE`);
  try {
    const t = performance.now();
    const res = await db.execute(sql`
      INSERT INTO bench_assets_copy SELECT * FROM assets
      WHERE owner_id = ${ownerId} AND subpath(path, 1, 1) = ANY(${sql.param(roots)}::ltree[])`);
    const ms = performance.now() - t;
    const rows = res.rowCount ?? 0;
    return { rowsPerSecond: Math.round(rows / (ms / 1000)), rows };
  } finally {
    await db.execute(sql`DROP TABLE bench_assets_copy`);
  }
}

async function run(engine: 'pglite' | 'postgresql'): Promise<{ figures?: Figures; sync: SyncFigures }> {
  console.log(`\n== ${engine}: generating and importing ${elements.toLocaleString('fr-FR')} elements…`);
  const { database, drop } = await openEngine(engine, { keep, elements });
  const { db } = database;
  try {
    await runMigrations(database.pool);
    await seedDemo({ db, clock: systemClock, engine }, { patrimoine: false });
    const owners = await ownerIds(database);
    const reuse = keep && (await loadedElements(database, owners.big)) >= elements;
    if (!reuse) {
      await loadGeneratedPatrimoine(
        { db, clock: systemClock, engine },
        { ownerId: owners.small, elements: 3000, seed: 7 },
      );
    }
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const app = await buildApp(
      {
        config,
        db,
        engine,
        clock: systemClock,
        wakeJobs: () => {},
      },
      { webDist: null, logger: false },
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@logis-test.fr', password: 'raccord-demo' },
    });
    const cookie = `raccord_session=${login.cookies.find((c) => c.name === 'raccord_session')?.value}`;
    const syncFigures = async () => benchSync({ database, engine, app, config, ownerId: owners.big, elements });
    if (onlySync && reuse) {
      console.log('   reusing the patrimoine already loaded (--keep)');
      const sync = await syncFigures();
      await app.close();
      return { sync };
    }
    const light = async () => {
      const res = await app.inject({ method: 'GET', url: '/api/assets/tree', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(res.body);
    };

    // Import (the heavy work), with light API requests running alongside.
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const latencies = measureLatency(light, 50);
    const t0 = performance.now();
    await loadGeneratedPatrimoine({ db, clock: systemClock, engine }, { ownerId: owners.big, elements, seed: 42 });
    const importMs = performance.now() - t0;
    const during = await latencies.stop();
    clearInterval(sampler);
    console.log(
      `   import: ${Math.round(elements / (importMs / 1000))} rows/s, light p99 ${p(during, 99).toFixed(1)} ms`,
    );
    // Settle the database as it would be minutes after such an import (autovacuum on the server):
    // hint bits and visibility map set, the import's WAL checkpointed. Otherwise the figures below
    // pay for the import's tail (a spread checkpoint writing for minutes, first reads dirtying pages).
    await db.execute(sql`VACUUM ANALYZE`);
    await db.execute(sql`CHECKPOINT`);
    if (onlySync) {
      const sync = await syncFigures();
      await app.close();
      return { sync };
    }

    const big = owners.big;
    // 50 nodes: sites and buildings drawn across the patrimoine.
    const picks = (
      await db.execute(sql`
      SELECT id FROM assets WHERE owner_id = ${big} AND kind IN ('site', 'building')
      ORDER BY md5(id) LIMIT 50`)
    ).rows.map((r) => String(r.id));
    const perimeter50 = { include: picks.map((id) => ({ kind: 'asset' as const, id })), exclude: [] };
    const count50 = await timeIt(20, () => countPerimeter(db, big, perimeter50));
    const base50 = await timeIt(5, () =>
      db.execute(sql`
        WITH RECURSIVE t AS (
          SELECT id, shared_type FROM assets WHERE owner_id = ${big} AND id = ANY(${sql.param(picks)}::text[])
          UNION ALL SELECT a.id, a.shared_type FROM assets a JOIN t ON a.parent_id = t.id)
        SELECT shared_type, count(*) FROM t GROUP BY 1`),
    );

    // About 30 % of the elements: the largest départements until 30 % is reached.
    const { codes: chosen, covered } = await thirtyPercent(database, big, elements);
    const perimeter30 = { include: chosen.map((code) => ({ kind: 'departement' as const, code })), exclude: [] };
    const count30 = await timeIt(10, () => countPerimeter(db, big, perimeter30));
    const base30 = await timeIt(3, () =>
      db.execute(sql`
        WITH RECURSIVE t AS (
          SELECT id, shared_type FROM assets WHERE owner_id = ${big} AND parent_id IS NULL
            AND subpath(path, 1, 1) = ANY(${sql.param(chosen.map((c) => `d${c}`))}::ltree[])
          UNION ALL SELECT a.id, a.shared_type FROM assets a JOIN t ON a.parent_id = t.id)
        SELECT shared_type, count(*) FROM t GROUP BY 1`),
    );

    // Children with counts: regions, départements, communes, sites, buildings, entrances.
    const nodes = [
      undefined,
      ...picks.slice(0, 25).map((id) => `asset:${id}`),
      ...chosen.slice(0, 5).map((c) => `departement:${c}`),
    ];
    let k = 0;
    const children = await timeIt(60, () => listTreeChildren(db, big, nodes[k++ % nodes.length], 0, 100));
    let j = 0;
    const baseChildren = await timeIt(25, () =>
      db.execute(sql`
        WITH RECURSIVE t AS (
          SELECT id AS child, id, shared_type FROM assets WHERE owner_id = ${big} AND parent_id = ${picks[j++ % 25] ?? ''}
          UNION ALL SELECT t.child, a.id, a.shared_type FROM assets a JOIN t ON a.parent_id = t.id)
        SELECT child, shared_type, count(*) FROM t GROUP BY 1, 2`),
    );

    // The import's ceiling on this machine: the same rows (the 30 % départements, whole subtrees),
    // already stored and parsed, written by one bare INSERT … SELECT into an empty copy of `assets`
    // with its indexes, checks and foreign keys — no file, no validation, no rollup, no upsert.
    const bareWrite = await bareWriteRate(
      db,
      big,
      chosen.map((c) => `d${c}`),
    );
    console.log(`   bare write: ${bareWrite.rowsPerSecond} rows/s (${bareWrite.rows} rows)`);

    // Light requests while a heavy resolution runs (the 30 % perimeter, in a loop).
    let stop = false;
    const heavy = (async () => {
      while (!stop) await countPerimeter(db, big, perimeter30);
    })();
    const lat2 = measureLatency(light, 50);
    await new Promise((r) => setTimeout(r, 5000));
    const duringResolution = await lat2.stop();
    stop = true;
    await heavy;
    const sync = await syncFigures();
    await app.close();
    const figures: Figures = {
      engine,
      elements,
      count50: { p50: p(count50, 50), baselineP50: p(base50, 50) },
      count30: { p50: p(count30, 50), baselineP50: p(base30, 50), coveredShare: covered / elements },
      children: { p50: p(children, 50), baselineP50: p(baseChildren, 50) },
      import: {
        rowsPerSecond: Math.round(elements / (importMs / 1000)),
        seconds: importMs / 1000,
        peakRssMb: Math.round(peakRss / 1048576),
        bareWrite,
      },
      lightP99: {
        duringImport: p(during, 99),
        duringResolution: p(duringResolution, 99),
        samples: during.length + duringResolution.length,
      },
    };
    return { figures, sync };
  } finally {
    await database.close();
    await drop();
  }
}

const runs = [];
if (values.engine !== 'postgresql') runs.push(await run('pglite'));
if (process.env.DATABASE_URL && values.engine !== 'pglite') runs.push(await run('postgresql'));
const results = runs.flatMap((r) => (r.figures ? [r.figures] : []));
const sync = runs.map((r) => r.sync);
if (results.length > 0) printTable(results);
console.log('');
printSyncTable(sync);
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
mkdirSync(dir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
/**
 * Writes `file` with this run's figures, keeping the other engine's latest ones of the same size:
 * engines run one per process (--engine), and the latest file holds both.
 */
function writeLatest(file: string, run: { results?: Figures[]; sync: SyncFigures[] }) {
  const before = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { results?: Figures[]; sync?: SyncFigures[] })
    : {};
  const ran = new Set<string>(run.sync.map((s) => s.engine));
  const others = <T extends { engine: string; elements: number }>(list: T[] | undefined) =>
    (list ?? []).filter((f) => f.elements === elements && !ran.has(f.engine));
  const merged = {
    date: new Date().toISOString(),
    node: process.version,
    elements,
    ...(run.results ? { results: [...others(before.results), ...run.results] } : {}),
    sync: [...others(before.sync), ...run.sync],
  };
  writeFileSync(file, JSON.stringify(merged, null, 2));
}

if (onlySync) {
  const json = JSON.stringify({ date: new Date().toISOString(), node: process.version, elements, sync }, null, 2);
  writeFileSync(path.join(dir, `sync-${stamp}.json`), json);
  writeLatest(path.join(dir, 'sync-latest.json'), { sync });
} else {
  const json = JSON.stringify({ date: new Date().toISOString(), node: process.version, results, sync }, null, 2);
  writeFileSync(path.join(dir, `bench-${stamp}.json`), json);
  writeLatest(path.join(dir, 'latest.json'), { results, sync });
}
