/**
 * Synchronisation figures of issue 5, each next to a baseline measured in the same run:
 * - materialising a ~260,000-element shared set (30 % of the owner, most shared types) with the
 *   product's job (`materialiseContract`), next to one bare `INSERT … SELECT` of the same rows;
 * - the full NDJSON export of that set through the API (real HTTP, streamed), next to one bare
 *   `SELECT` of the same rows;
 * - light API requests (health + a small authenticated read) while a materialisation runs, next to
 *   the same requests on an idle server.
 * Called by `bench/run.ts` (after its own figures, or alone with `--only sync`) on a database that
 * already holds the generated patrimoine.
 */
import { sharedTypes as allSharedTypes, type Perimeter, type SharedType } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { Config } from '../apps/server/src/config';
import type { Database } from '../apps/server/src/db/client';
import { countPerimeter } from '../apps/server/src/modules/perimeter/perimeter.engine';
import { materialiseContract } from '../apps/server/src/modules/sync/sync.materialise';
import { systemClock } from '../apps/server/src/shared/clock';
import type { App } from '../apps/server/src/shared/http';
import { newId } from '../apps/server/src/shared/ids';
import { measureLatency, p } from './util';

export interface SyncFigures {
  engine: 'pglite' | 'postgresql';
  elements: number;
  sharedSet: number;
  materialise: { ms: number; baselineMs: number; chunkSize: number };
  export: { elementsPerSecond: number; ms: number; baselineMs: number; bytes: number };
  lightP99: { duringMaterialise: number; idle: number; samples: number; materialiseMs: number };
}

interface SyncBenchEnv {
  database: Database;
  engine: 'pglite' | 'postgresql';
  app: App;
  config: Config;
  ownerId: string;
  elements: number;
}

async function orgId(database: Database, name: string) {
  const r = await database.db.execute(sql`SELECT id FROM organizations WHERE name = ${name}`);
  return String((r.rows[0] as { id: string }).id);
}

/** The largest départements until 30 % of the elements: their codes and how many elements they hold. */
export async function thirtyPercent(database: Database, ownerId: string, elements: number) {
  const deps = (
    await database.db.execute(sql`
      SELECT subpath(path, 1, 1)::text AS d, sum(n)::int AS n FROM asset_rollup
      WHERE owner_id = ${ownerId} AND nlevel(path) = 2 GROUP BY 1 ORDER BY 2 DESC`)
  ).rows as Array<{ d: string; n: number }>;
  const codes: string[] = [];
  let covered = 0;
  for (const d of deps) {
    if (covered >= elements * 0.3) break;
    codes.push(d.d.slice(1));
    covered += Number(d.n);
  }
  return { codes, covered };
}

/** Drops the smallest types that fit until the set is about 26 % of the owner (260k of 1M). */
function pickTypes(counts: Record<SharedType, number>, target: number): SharedType[] {
  const present = allSharedTypes.filter((t) => (counts[t] ?? 0) > 0) as SharedType[];
  let total = present.reduce((s, t) => s + counts[t], 0);
  const kept = new Set(present);
  for (const t of [...present].sort((a, b) => counts[b] - counts[a])) {
    if (total - counts[t] >= target) {
      kept.delete(t);
      total -= counts[t];
    }
  }
  return present.filter((t) => kept.has(t));
}

/** An active contract (terms frozen) between the owner and a provider, its sync row pending. */
async function activeContract(
  database: Database,
  ownerId: string,
  providerId: string,
  perimeter: Perimeter,
  types: SharedType[],
) {
  const id = newId('ctr');
  const now = new Date();
  const terms = {
    frozenAt: now.toISOString(),
    label: 'Bench sync',
    trade: { id: 'bench', code: 'bench', label: 'Bench' },
    parties: [
      { role: 'owner', organizationId: ownerId, name: 'owner', reference: `B-${id}` },
      { role: 'provider', organizationId: providerId, name: 'provider', reference: `P-${id}` },
    ],
    perimeter,
    sharedTypes: types,
    counts: null,
  };
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO contract_projects (id, owner_id, label, perimeter, shared_types, state, state_entered_at,
        state_entered_by, frozen_terms, activated_at, created_at, updated_at)
      VALUES (${id}, ${ownerId}, 'Bench sync', ${JSON.stringify(perimeter)}::jsonb, ${JSON.stringify(types)}::jsonb,
        'active', ${now}, 'bench', ${JSON.stringify(terms)}::jsonb, ${now}, ${now}, ${now})`);
    await tx.execute(sql`
      INSERT INTO contract_parties (project_id, role, organization_id, reference, updated_at) VALUES
        (${id}, 'owner', ${ownerId}, ${`B-${id}`}, ${now}), (${id}, 'provider', ${providerId}, ${`P-${id}`}, ${now})`);
  });
  return id;
}

async function resetSync(database: Database, contractId: string) {
  await database.db.execute(sql`DELETE FROM contract_assets WHERE contract_id = ${contractId}`);
  await database.db.execute(sql`DELETE FROM contract_syncs WHERE contract_id = ${contractId}`);
  const now = new Date();
  await database.db.execute(sql`
    INSERT INTO contract_syncs (contract_id, state, started_at, updated_at) VALUES (${contractId}, 'pending', ${now}, ${now})`);
}

async function materialised(database: Database, contractId: string) {
  const r = await database.db.execute(
    sql`SELECT count(*)::int AS n FROM contract_assets WHERE contract_id = ${contractId}`,
  );
  return Number((r.rows[0] as { n: number }).n);
}

export async function benchSync(env: SyncBenchEnv): Promise<SyncFigures> {
  const { database, engine, app, config, ownerId, elements } = env;
  const { db } = database;
  const providerId = await orgId(database, 'Ascenseurs Demo');
  const deps = (await thirtyPercent(database, ownerId, elements)).codes;
  const perimeter: Perimeter = { include: deps.map((code) => ({ kind: 'departement' as const, code })), exclude: [] };
  const counts = await countPerimeter(db, ownerId, perimeter);
  const types = pickTypes(counts, Math.round(elements * 0.26));
  const expected = types.reduce((s, t) => s + counts[t], 0);
  console.log(`   sync: shared set of ${expected} elements (${deps.length} départements, ${types.length} types)`);
  const contractId = await activeContract(database, ownerId, providerId, perimeter, types);
  const baselineId = await activeContract(database, ownerId, providerId, perimeter, types);
  const jobDeps = { db, clock: systemClock, engine, config };

  // Baseline: one bare INSERT … SELECT of the same rows into the same table (a second contract).
  const roots = deps.map((d) => `d${d}`);
  const baselineRuns: number[] = [];
  for (let i = 0; i < 2; i++) {
    await db.execute(sql`DELETE FROM contract_assets WHERE contract_id = ${baselineId}`);
    await db.execute(sql`VACUUM contract_assets`);
    const t = performance.now();
    await db.execute(sql`
      INSERT INTO contract_assets (contract_id, asset_id, reference, label, type, parent_id, path)
      SELECT ${baselineId}, id, reference, label, shared_type, parent_id, path::text FROM assets
      WHERE owner_id = ${ownerId} AND subpath(path, 1, 1) = ANY(${sql.param(roots)}::ltree[])
        AND shared_type = ANY(${sql.param(types)}::text[])`);
    baselineRuns.push(performance.now() - t);
  }
  const baselineN = await materialised(database, baselineId);
  await db.execute(sql`DELETE FROM contract_assets WHERE contract_id = ${baselineId}`);

  // Raccord: the job itself, from a pending sync row to done.
  const runs: number[] = [];
  for (let i = 0; i < 2; i++) {
    await resetSync(database, contractId);
    await db.execute(sql`VACUUM contract_assets`);
    const t = performance.now();
    const res = await materialiseContract(jobDeps, contractId);
    runs.push(performance.now() - t);
    if (res !== 'done') throw new Error(`materialisation: ${res}`);
  }
  const n = await materialised(database, contractId);
  if (n !== expected || baselineN !== expected) {
    throw new Error(`sync bench: ${n} materialised, ${baselineN} by the baseline, ${expected} expected`);
  }
  const materialiseMs = Math.min(...runs);
  const baselineMs = Math.min(...baselineRuns);
  console.log(`   materialise: ${materialiseMs.toFixed(0)} ms (baseline INSERT … SELECT ${baselineMs.toFixed(0)} ms)`);

  // Export through real HTTP, streamed, as the provider.
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@ascenseurs-demo.fr', password: 'raccord-demo' }),
  });
  const session = /raccord_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`login: ${login.status}`);
  const cookie = `raccord_session=${session}`;
  const exportOnce = async () => {
    const t = performance.now();
    const res = await fetch(`${address}/api/contracts/${contractId}/assets`, {
      headers: { cookie, accept: 'application/x-ndjson' },
    });
    if (!res.ok || !res.body) throw new Error(`export: ${res.status}`);
    let lines = 0;
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    return { ms: performance.now() - t, lines, bytes };
  };
  const exports = [await exportOnce(), await exportOnce()];
  const best = exports.reduce((a, b) => (b.ms < a.ms ? b : a));
  if (best.lines !== expected) throw new Error(`export: ${best.lines} lines, ${expected} expected`);
  const selectRuns: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    await database.pool.query({
      text: 'SELECT asset_id, reference, label, type, parent_id FROM contract_assets WHERE contract_id = $1',
      values: [contractId],
    });
    selectRuns.push(performance.now() - t);
  }
  const elementsPerSecond = Math.round(expected / (best.ms / 1000));
  console.log(`   export: ${elementsPerSecond} elements/s (${best.ms.toFixed(0)} ms, ${best.bytes} bytes)`);

  // Light requests: idle, then while a materialisation runs (the job, as the worker runs it).
  await resetSync(database, contractId);
  // Two requests per round: GET /api/health and GET /api/contracts/{id}/sync (session, two queries).
  const lightPair = async (into: number[]) => {
    const h = performance.now();
    const health = await fetch(`${address}/api/health`);
    await health.arrayBuffer();
    const mid = performance.now();
    const progress = await fetch(`${address}/api/contracts/${contractId}/sync`, { headers: { cookie } });
    await progress.arrayBuffer();
    if (!health.ok || !progress.ok) throw new Error(`light: ${health.status} ${progress.status}`);
    into.push(mid - h, performance.now() - mid);
  };
  const during: number[] = [];
  const latencies = measureLatency(() => lightPair(during), 20);
  const t = performance.now();
  await materialiseContract(jobDeps, contractId);
  const duringMs = performance.now() - t;
  await latencies.stop();
  const idleSplit: number[] = [];
  for (let i = 0; i < 40; i++) await lightPair(idleSplit);
  console.log(
    `   light p99 during materialisation: ${p(during, 99).toFixed(1)} ms (${during.length} requests over ${duringMs.toFixed(0)} ms; idle ${p(idleSplit, 99).toFixed(1)} ms)`,
  );
  await db.execute(sql`DELETE FROM contract_projects WHERE id IN (${contractId}, ${baselineId})`);
  return {
    engine,
    elements,
    sharedSet: expected,
    materialise: { ms: materialiseMs, baselineMs, chunkSize: config.syncChunkSize },
    export: {
      elementsPerSecond,
      ms: best.ms,
      baselineMs: Math.min(...selectRuns),
      bytes: best.bytes,
    },
    lightP99: {
      duringMaterialise: p(during, 99),
      idle: p(idleSplit, 99),
      samples: during.length,
      materialiseMs: duringMs,
    },
  };
}

export function printSyncTable(results: SyncFigures[]) {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const rows: string[][] = [['engine', 'figure', 'Raccord', 'baseline', 'ratio', 'target']];
  for (const r of results) {
    const size = r.sharedSet.toLocaleString('fr-FR');
    rows.push([
      r.engine,
      `materialise ${size} elements`,
      ms(r.materialise.ms),
      `${ms(r.materialise.baselineMs)} (INSERT … SELECT)`,
      `${(r.materialise.ms / r.materialise.baselineMs).toFixed(2)}×`,
      r.engine === 'postgresql' ? '≤ 1 500 ms, ≤ 2×' : '≤ 2×',
    ]);
    rows.push([
      r.engine,
      `NDJSON export via HTTP (${size})`,
      `${r.export.elementsPerSecond.toLocaleString('fr-FR')}/s (${ms(r.export.ms)})`,
      `${ms(r.export.baselineMs)} (bare SELECT)`,
      `${(r.export.ms / r.export.baselineMs).toFixed(2)}×`,
      '≥ 100 000/s',
    ]);
    rows.push([
      r.engine,
      'light request p99 during materialisation',
      `${ms(r.lightP99.duringMaterialise)} (n=${r.lightP99.samples})`,
      `${ms(r.lightP99.idle)} (idle)`,
      '—',
      '≤ 100 ms',
    ]);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
}
