/**
 * npx tsx bench/profile-import.ts [--elements 100000] [--engine pglite|postgresql]
 * Loads a generated patrimoine through the import and prints the time of each phase
 * (RACCORD_IMPORT_TRACE=1) and the peak RSS / heap. A tool to iterate on the import's speed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/client';
import { runMigrations } from '../apps/server/src/db/migrate';
import { seedDemo } from '../apps/server/src/demo/demo.seed';
import { loadGeneratedPatrimoine } from '../apps/server/src/modules/assets/assets.generate.load';
import { systemClock } from '../apps/server/src/shared/clock';

const { values } = parseArgs({
  options: {
    elements: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'pglite' },
    keep: { type: 'boolean', default: false },
  },
});
const elements = Number(values.elements);
const engine = values.engine === 'postgresql' ? 'postgresql' : 'pglite';
process.env.RACCORD_IMPORT_TRACE = '1';

let dropDb = async () => {};
let database: Awaited<ReturnType<typeof openDatabase>>;
if (engine === 'pglite') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'raccord-prof-'));
  database = await openDatabase({ thread: true, dataDir });
  dropDb = async () => rmSync(dataDir, { recursive: true, force: true });
} else {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `raccord_prof_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  dropDb = async () => {
    if (values.keep) return console.log(`kept database ${name}`);
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}
try {
  await runMigrations(database.pool);
  await seedDemo({ db: database.db, clock: systemClock, engine }, { patrimoine: false });
  const owner = (await database.db.execute(sql`SELECT id FROM organizations WHERE name = 'Habitat Demo'`)).rows[0]
    ?.id as string;
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const rss0 = peak;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await loadGeneratedPatrimoine(
    { db: database.db, clock: systemClock, engine },
    { ownerId: owner, elements, seed: 42 },
  );
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpu0);
  let backendCpu = '';
  if (engine === 'postgresql') {
    // CPU time of this database's server processes (the machine is shared: wall time is noisy).
    const pids = (await database.db.execute(sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`))
      .rows as Array<{ pid: number }>;
    let ticks = 0;
    for (const { pid } of pids) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks += Number(f[11]) + Number(f[12]);
      } catch {}
    }
    backendCpu = `, server cpu ${(ticks / 100).toFixed(1)} s`;
  }
  console.log(`cpu of this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s${backendCpu}`);
  console.log(
    `${engine}: ${elements} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round(elements / (ms / 1000))} rows/s; ` +
      `RSS ${Math.round(rss0 / 1048576)} → peak ${Math.round(peak / 1048576)} MB, peak heap ${Math.round(peakHeap / 1048576)} MB`,
  );
} finally {
  await database.close();
  await dropDb();
}
