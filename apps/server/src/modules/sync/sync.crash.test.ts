/**
 * Crash test of the materialisation, with a real process: the product (main.ts, from source) is
 * started as a child process on its own database — the embedded engine's data directory on disk,
 * or a fresh database of the PostgreSQL server when DATABASE_URL is set — a contract over the whole
 * demo patrimoine (4,000 elements) is validated through the API, the process is killed with SIGKILL
 * while the materialisation runs, then started again on the same data. The set it ends with must be
 * exactly what the perimeter engine resolves: nothing missing, nothing twice, and the change feed
 * empty (the diff that follows the copy found nothing to repair).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FrozenTerms, sharedTypes } from '@raccord/schemas';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { geography } from '../assets/assets.geo';
import { listPerimeterAssets } from '../perimeter/perimeter.engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const serverUrl = process.env.DATABASE_URL;
let dataDir = '';
let databaseUrl = '';
let child: ChildProcess | null = null;
let logs: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
    srv.on('error', reject);
  });
}

/** Starts the product; resolves once it answers (and, with `until`, once it has logged that). */
async function start(until?: string): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  logs = [];
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts'), 'all'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      NODE_ENV: 'production',
      RACCORD_DEMO: '1',
      LOG_LEVEL: 'info',
      LOGIN_MIN_DELAY_MS: '0',
      // Many small chunks, so that the kill lands part-way; a short lease, so that a restarted
      // PostgreSQL worker takes the dead one's job over within seconds.
      SYNC_CHUNK_SIZE: '20',
      JOB_LEASE_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  proc.stdout?.on('data', (b: Buffer) => logs.push(b.toString()));
  proc.stderr?.on('data', (b: Buffer) => logs.push(b.toString()));
  const deadline = Date.now() + 150_000;
  let up = false;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${logs.join('').slice(-3000)}`);
    if (!up)
      up = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    if (up && (!until || logs.join('').includes(until))) return url;
    if (Date.now() > deadline) throw new Error(`server not ready: ${logs.join('').slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(signal: NodeJS.Signals) {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill(signal);
  await exited;
}

interface Session {
  headers: Record<string, string>;
  organizationId: string;
}

async function login(url: string, email: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'raccord-demo' }),
  });
  const body = (await res.json()) as { csrfToken: string; user: { organizationId: string } };
  const cookie = /raccord_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!res.ok || !cookie) throw new Error(`login ${email}: ${res.status}`);
  return {
    headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' },
    organizationId: body.user.organizationId,
  };
}

async function api<T>(url: string, s: Session, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: body === undefined ? { cookie: s.headers.cookie ?? '' } : s.headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

interface Progress {
  state: string;
  done: number;
  total: number | null;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'raccord-crash-'));
  if (serverUrl) {
    const name = `raccord_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
  }
});

afterAll(async () => {
  await stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl && serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  }
});

describe('materialisation under kill -9', () => {
  it('ends with the exact set after the process is killed mid-way and started again', async () => {
    let url = await start('demo patrimoine ready');
    const owner = await login(url, 'admin@habitat-demo.fr');
    const provider = await login(url, 'admin@ascenseurs-demo.fr');
    const trades = await api<Array<{ id: string; code: string }> | { items: Array<{ id: string; code: string }> }>(
      url,
      owner,
      'GET',
      '/api/trades',
    );
    const trade = (Array.isArray(trades) ? trades : trades.items).find((t) => t.code === 'ASCENSEURS');
    // Every region and every type: the owner's whole demo patrimoine.
    const perimeter = {
      include: [...geography().regions.keys()].map((code) => ({ kind: 'region' as const, code })),
      exclude: [],
    };
    const created = await api<{ id: string; version: number }>(url, owner, 'POST', '/api/contract-projects', {
      label: 'Crash test',
      tags: [],
    });
    const patched = await api<{ version: number }>(url, owner, 'PATCH', `/api/contract-projects/${created.id}`, {
      version: created.version,
      tradeId: trade?.id,
      providerId: provider.organizationId,
      parties: { owner: { reference: `CRASH-${Date.now()}`, contacts: [{ name: 'Claire Martin' }] } },
      perimeter,
      sharedTypes: [...sharedTypes],
    });
    const notified = await api<{ version: number }>(url, owner, 'POST', `/api/contract-projects/${created.id}/notify`, {
      version: patched.version,
      invitees: [{ role: 'provider', email: 'admin@ascenseurs-demo.fr' }],
    });
    await api(url, provider, 'POST', `/api/contract-projects/${created.id}/submit`, {
      version: notified.version,
      reference: `ASC-CRASH-${Date.now()}`,
      contacts: [{ email: 'sophie.durand@ascenseurs-demo.fr' }],
    });
    await api(url, owner, 'POST', `/api/contract-projects/${created.id}/validate`, {});

    // Watch the progress; kill -9 as soon as some chunks are committed and the copy still runs.
    const progress = `/api/contracts/${created.id}/sync`;
    let seen: Progress | null = null;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const res = await fetch(`${url}${progress}`, { headers: { cookie: owner.headers.cookie ?? '' } });
      if (res.ok) {
        const p = (await res.json()) as Progress;
        if (p.state === 'done') throw new Error('the copy finished before the kill: make the set larger');
        if (p.state === 'running' && p.done > 0) {
          seen = p;
          break;
        }
      } else await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 5));
    }
    if (!seen) throw new Error(`the copy never ran: ${logs.join('').slice(-3000)}`);
    await stop('SIGKILL');
    console.info(`crash test: killed at ${seen.done} of ${seen.total} elements`);
    expect(seen.total).toBeGreaterThan(1000);

    url = await start();
    const again = await login(url, 'admin@habitat-demo.fr');
    let final: Progress | null = null;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
      final = await api<Progress>(url, again, 'GET', progress);
      if (final.state === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(final?.state).toBe('done');
    const takenOver = logs.join('').includes('jobs of a previous process taken over');
    console.info(`crash test: restarted, done ${final?.done} of ${final?.total}; orphans released: ${takenOver}`);
    // Let the diff that follows the copy run (it would write feed entries if anything were off).
    await new Promise((r) => setTimeout(r, 3000));
    await stop('SIGTERM');

    const database = await openDatabase(
      databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: path.join(dataDir, 'pglite') },
    );
    try {
      const q = (text: string) => database.pool.query(text, [created.id]);
      const terms = (await q('SELECT owner_id, frozen_terms FROM contract_projects WHERE id = $1')).rows[0] as {
        owner_id: string;
        frozen_terms: FrozenTerms;
      };
      const expected: string[] = [];
      let after: string | undefined;
      do {
        const page = await listPerimeterAssets(
          database.db,
          terms.owner_id,
          terms.frozen_terms.perimeter,
          terms.frozen_terms.sharedTypes,
          { after, limit: 1000 },
        );
        expected.push(...page.items.map((i) => i.id));
        after = page.next ?? undefined;
      } while (after);
      const got = (await q('SELECT asset_id FROM contract_assets WHERE contract_id = $1')).rows.map(
        (r: { asset_id: string }) => r.asset_id,
      );
      expect(new Set(expected).size).toBe(expected.length);
      expect(got.length).toBe(expected.length);
      expect([...got].sort()).toEqual([...expected].sort());
      const sync = (await q('SELECT state, done, total FROM contract_syncs WHERE contract_id = $1')).rows[0];
      expect(sync).toEqual({ state: 'done', done: expected.length, total: expected.length });
      // The copy writes no feed entries (clients read the set, then the feed from its cursor); the
      // diff that follows found nothing to add or remove: the copy itself was exact.
      const feed = (await q('SELECT kind, count(*)::int AS n FROM contract_changes WHERE contract_id = $1 GROUP BY 1'))
        .rows;
      expect(feed).toEqual([]);
      const jobs = (
        await q(`SELECT state, attempts FROM jobs WHERE name = 'sync.materialise' AND payload->>'contractId' = $1`)
      ).rows as Array<{ state: string; attempts: number }>;
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.state).toBe('done');
      expect(jobs[0]?.attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await database.close();
    }
  }, 400_000);
});
