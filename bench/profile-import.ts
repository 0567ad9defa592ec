/**
 * npx tsx bench/profile-import.ts [--elements 100000] [--engine pglite|postgresql]
 * Loads a generated patrimoine through the import and prints the time of each phase
 * (RACCORD_IMPORT_TRACE=1) and the peak RSS / heap. A tool to iterate on the import's speed.
 * `--latency`: also runs a light query every 50 ms during the import and prints the slowest ones
 * with the time they started and this thread's event-loop delay at that moment (a stall of the
 * thread itself vs a wait for the database).
 * `--sql "<statement>; …"`: runs statements after the migrations (settings to try).
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/client';
import { runMigrations } from '../apps/server/src/db/migrate';
import { seedDemo } from '../apps/server/src/demo/demo.seed';
import { loadGeneratedPatrimoine } from '../apps/server/src/modules/assets/assets.generate.load';
import { systemClock } from '../apps/server/src/shared/clock';
import { foreground } from '../apps/server/src/shared/foreground';

const { values } = parseArgs({
  options: {
    elements: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'pglite' },
    keep: { type: 'boolean', default: false },
    latency: { type: 'boolean', default: false },
    sql: { type: 'string' },
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
  // `--sql "<statement>; …"`: settings to try (e.g. an index option), each run once after the migrations.
  for (const statement of (values.sql ?? '').split(';').filter((x) => x.trim())) await database.pool.query(statement);
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
  const samples: Array<{ at: number; ms: number; loopMaxMs: number }> = [];
  let probing = values.latency;
  const probe = (async () => {
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    while (probing) {
      const t = performance.now();
      loop.reset();
      // Counted as a request in flight, as the HTTP server does (background steps wait for it).
      foreground.enter();
      try {
        await database.db.execute(sql`SELECT count(*) FROM organizations`);
      } finally {
        foreground.leave();
      }
      samples.push({ at: t, ms: performance.now() - t, loopMaxMs: loop.max / 1e6 });
      await new Promise((r) => setTimeout(r, 50));
    }
    loop.disable();
  })();
  await loadGeneratedPatrimoine(
    { db: database.db, clock: systemClock, engine },
    { ownerId: owner, elements, seed: 42 },
  );
  const ms = performance.now() - t0;
  probing = false;
  await probe;
  if (values.latency && samples.length > 0) {
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
    console.log(`light query: n=${samples.length}, p50 ${q(50)} ms, p90 ${q(90)} ms, p99 ${q(99)} ms`);
    for (const s of [...samples]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 25)
      .sort((a, b) => a.at - b.at)) {
      console.log(
        `  @${(s.at / 1000).toFixed(2)} s: ${s.ms.toFixed(0)} ms (event loop max delay ${s.loopMaxMs.toFixed(0)} ms)`,
      );
    }
  }
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
