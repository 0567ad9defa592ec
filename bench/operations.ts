/**
 * npm run bench -- --only operations
 * Operation ingestion through the API (POST /api/operations/logs, API key, batches of 1,000 logs,
 * every check: contract by the sender's reference, shared element, pair, dates, idempotency,
 * operations folded, counters, activation) next to a bare multi-row INSERT of the same rows into a
 * table without index or constraint, in the same run. Needs no generated million-element patrimoine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import type { Db } from '../apps/server/src/db/client';
import { runMigrations } from '../apps/server/src/db/migrate';
import { seedDemo } from '../apps/server/src/demo/demo.seed';
import { loadGeneratedPatrimoine } from '../apps/server/src/modules/assets/assets.generate.load';
import { systemClock } from '../apps/server/src/shared/clock';
import { openEngine } from './engine';

const BATCH = 1000;
const BATCHES = 30;
const pairs = [
  ['open', 'requested'],
  ['open', 'planned'],
  ['hold', 'occupant_absent'],
  ['closed', 'done'],
] as const;

interface OperationFigures {
  engine: 'pglite' | 'postgresql';
  logs: number;
  ingestLogsPerSecond: number;
  resendLogsPerSecond: number;
  baselineLogsPerSecond: number;
  batchP50Ms: number;
}

async function orgIdOf(db: Db, name: string): Promise<string> {
  const r = await db.execute(sql`SELECT id FROM organizations WHERE name = ${name}`);
  return String(r.rows[0]?.id);
}

/** An active contract between Logis Test and Ascenseurs Demo sharing all of Logis Test's elements. */
async function benchContract(db: Db, ownerId: string, providerId: string): Promise<string[]> {
  const id = 'ctr_benchoperations01';
  const now = new Date();
  const types = (await db.execute(sql`SELECT DISTINCT shared_type FROM assets WHERE owner_id = ${ownerId}`)).rows.map(
    (r) => String(r.shared_type),
  );
  const terms = {
    frozenAt: now.toISOString(),
    label: 'Bench opérations',
    trade: { id: 'trd_bench', code: 'BENCH', label: 'Bench' },
    parties: [
      { role: 'owner', organizationId: ownerId, name: 'Logis Test', reference: 'BENCH-OWN' },
      { role: 'provider', organizationId: providerId, name: 'Ascenseurs Demo', reference: 'BENCH-PRV' },
    ],
    perimeter: { include: [], exclude: [] },
    sharedTypes: types,
    counts: null,
  };
  await db.execute(sql`
    INSERT INTO contract_projects (id, owner_id, label, shared_types, state, state_entered_at, state_entered_by,
      frozen_terms, activated_at, created_at, updated_at)
    VALUES (${id}, ${ownerId}, 'Bench opérations', ${JSON.stringify(types)}::jsonb, 'active', ${now}, 'bench',
      ${JSON.stringify(terms)}::jsonb, ${now}, ${now}, ${now})`);
  await db.execute(sql`
    INSERT INTO contract_parties (project_id, role, organization_id, reference, updated_at)
    VALUES (${id}, 'owner', ${ownerId}, 'BENCH-OWN', ${now}), (${id}, 'provider', ${providerId}, 'BENCH-PRV', ${now})`);
  await db.execute(sql`
    INSERT INTO contract_assets (contract_id, asset_id, reference, label, type, parent_id, path)
    SELECT ${id}, id, reference, label, shared_type, parent_id, path::text FROM assets WHERE owner_id = ${ownerId}`);
  await db.execute(sql`ANALYZE`);
  const refs = await db.execute(sql`SELECT reference FROM contract_assets WHERE contract_id = ${id} LIMIT 1000`);
  return refs.rows.map((r) => String(r.reference));
}

/** Batch `b`: 250 operations of 4 logs each, spread over the shared elements. */
function batchOf(b: number, assets: string[]) {
  const base = Date.UTC(2026, 0, 1) + b * 60_000;
  return Array.from({ length: BATCH }, (_, i) => {
    const op = Math.floor(i / pairs.length);
    const [status, event] = pairs[i % pairs.length] ?? pairs[0];
    return {
      reference: `OP-${b}-${op}`,
      contractReference: 'BENCH-PRV',
      status,
      event,
      eventDate: new Date(base + (i % pairs.length) * 3_600_000).toISOString(),
      serviceCode: 'P902',
      location: { assetReference: assets[(b * 250 + op) % assets.length] },
      workType: i % 8 < 4 ? 'preventive' : 'corrective',
      description: 'Visite de maintenance programmée',
    };
  });
}

async function run(engine: 'pglite' | 'postgresql'): Promise<OperationFigures> {
  console.log(`\n== ${engine}: operation ingestion, ${BATCHES} batches of ${BATCH}…`);
  const { database, drop } = await openEngine(engine);
  const { db } = database;
  try {
    await runMigrations(database.pool);
    await seedDemo({ db, clock: systemClock, engine }, { patrimoine: false });
    const ownerId = await orgIdOf(db, 'Logis Test');
    await loadGeneratedPatrimoine({ db, clock: systemClock, engine }, { ownerId, elements: 3000, seed: 7 });
    const assets = await benchContract(db, ownerId, await orgIdOf(db, 'Ascenseurs Demo'));
    const app = await buildApp(
      {
        config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
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
      payload: { email: 'admin@ascenseurs-demo.fr', password: 'raccord-demo' },
    });
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const cookie = `raccord_session=${login.cookies.find((c) => c.name === 'raccord_session')?.value}`;
    const key = await app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'Bench' },
    });
    const authorization = `Bearer ${(key.json() as { secret: string }).secret}`;
    const bodies = Array.from({ length: BATCHES + 1 }, (_, b) => JSON.stringify({ logs: batchOf(b, assets) }));
    const send = async (body: string, expect: 'accepted' | 'duplicates') => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/operations/logs',
        headers: { authorization, 'content-type': 'application/json' },
        payload: body,
      });
      const out = res.json() as { accepted: number; duplicates: number };
      if (res.statusCode !== 200 || out[expect] !== BATCH)
        throw new Error(`ingest: ${res.statusCode} ${res.body.slice(0, 300)}`);
    };
    await send(bodies[BATCHES] ?? '', 'accepted'); // warm-up, not measured
    const perBatch: number[] = [];
    const t0 = performance.now();
    for (const body of bodies.slice(0, BATCHES)) {
      const t = performance.now();
      await send(body, 'accepted');
      perBatch.push(performance.now() - t);
    }
    const ingestMs = performance.now() - t0;
    const t1 = performance.now();
    for (const body of bodies.slice(0, BATCHES)) await send(body, 'duplicates');
    const resendMs = performance.now() - t1;

    // Baseline: the same rows, one bare multi-row INSERT per batch, no index, no check.
    await db.execute(sql`CREATE TABLE bench_plain_logs (LIKE operation_logs INCLUDING DEFAULTS)`);
    const rowsets = bodies.slice(0, BATCHES).map((body) =>
      JSON.stringify(
        (JSON.parse(body) as { logs: ReturnType<typeof batchOf> }).logs.map((l, i) => ({
          operation_id: `op_${l.reference}`,
          contract_id: 'ctr_benchoperations01',
          sender_org_id: 'org',
          dedup_key: `${l.reference}-${i}`,
          operation_type: 'intervention',
          status: l.status,
          event: l.event,
          event_date: l.eventDate,
          log_date: l.eventDate,
          work_type: l.workType,
          asset_id: 'ast',
          asset_reference: l.location.assetReference,
          service_code: l.serviceCode,
          description: l.description,
        })),
      ),
    );
    const t2 = performance.now();
    for (const rows of rowsets) {
      await db.execute(sql`
        INSERT INTO bench_plain_logs (operation_id, contract_id, sender_org_id, dedup_key, operation_type, status, event,
          event_date, log_date, work_type, asset_id, asset_reference, service_code, description, via, received_by, received_at)
        SELECT x.*, 'api', 'bench', now() FROM jsonb_to_recordset(${rows}::jsonb) AS x(operation_id text, contract_id text,
          sender_org_id text, dedup_key text, operation_type text, status text, event text, event_date timestamptz,
          log_date timestamptz, work_type text, asset_id text, asset_reference text, service_code text, description text)`);
    }
    const baselineMs = performance.now() - t2;
    await app.close();
    const logs = BATCHES * BATCH;
    const sorted = [...perBatch].sort((a, b) => a - b);
    const figures: OperationFigures = {
      engine,
      logs,
      ingestLogsPerSecond: Math.round(logs / (ingestMs / 1000)),
      resendLogsPerSecond: Math.round(logs / (resendMs / 1000)),
      baselineLogsPerSecond: Math.round(logs / (baselineMs / 1000)),
      batchP50Ms: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    };
    console.log(`   ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    await database.close();
    await drop();
  }
}

function printOperations(results: OperationFigures[]) {
  const n = (v: number) => v.toLocaleString('fr-FR');
  const rows = [['engine', 'figure', 'Raccord', 'baseline (bare INSERT)', 'ratio', 'target']];
  for (const r of results) {
    rows.push([
      r.engine,
      'operation ingestion, batches of 1,000 (logs/s)',
      `${n(r.ingestLogsPerSecond)} (p50 ${r.batchP50Ms.toFixed(0)} ms/batch)`,
      n(r.baselineLogsPerSecond),
      `${(r.ingestLogsPerSecond / r.baselineLogsPerSecond).toFixed(2)}×`,
      r.engine === 'postgresql' ? '≥ 10 000/s' : '—',
    ]);
    rows.push([r.engine, 'same batches resent (all duplicates, logs/s)', n(r.resendLogsPerSecond), '—', '—', '—']);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
}

/** Runs the figure on PGlite, and on PostgreSQL when DATABASE_URL is set; saves bench/results/operations-*.json. */
export async function benchOperations(): Promise<void> {
  const results = [await run('pglite')];
  if (process.env.DATABASE_URL) results.push(await run('postgresql'));
  printOperations(results);
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2);
  writeFileSync(path.join(dir, `operations-${stamp}.json`), json);
  writeFileSync(path.join(dir, 'operations-latest.json'), json);
}
