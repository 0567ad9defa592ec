import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedDemo } from '../demo/demo.seed';
import { FakeClock } from '../shared/clock';

/** The instant every test clock starts at (the demo template is seeded at it). */
export const TEST_EPOCH = '2026-03-02T08:00:00.000Z';

export interface TestTemplates {
  engine: 'pglite' | 'postgresql';
  /** PGlite: tarball paths; PostgreSQL: template database names. */
  bare: string;
  demo: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplates: TestTemplates;
  }
}

/**
 * Migrates (and seeds) a database once per test run, so each test file starts from a copy instead
 * of running migrations and the demo seed again: a PGlite data-directory tarball, or a PostgreSQL
 * template database.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  const id = randomBytes(4).toString('hex');
  const build = async (database: Awaited<ReturnType<typeof openDatabase>>, seed: boolean) => {
    await runMigrations(database.pool);
    if (seed) {
      const clock = new FakeClock(new Date(TEST_EPOCH));
      await seedDemo({ db: database.db, clock, engine: database.engine }, { patrimoine: false });
    }
  };

  if (!serverUrl) {
    const files: string[] = [];
    const make = async (seed: boolean) => {
      const database = await openDatabase({});
      await build(database, seed);
      const blob = await database.dump?.();
      await database.close();
      if (!blob) throw new Error('PGlite dump unavailable');
      const file = path.join(os.tmpdir(), `raccord-tpl-${id}-${seed ? 'demo' : 'bare'}.tar.gz`);
      writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
      files.push(file);
      return file;
    };
    const [bare, demo] = await Promise.all([make(false), make(true)]);
    project.provide('testTemplates', { engine: 'pglite', bare, demo });
    return () => {
      for (const f of files) rmSync(f, { force: true });
    };
  }

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const names = { bare: `raccord_tpl_${id}_bare`, demo: `raccord_tpl_${id}_demo` };
  for (const [kind, name] of Object.entries(names)) {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    await build(database, kind === 'demo');
    await database.close();
  }
  await admin.end();
  project.provide('testTemplates', { engine: 'postgresql', ...names });
  return async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    for (const name of Object.values(names)) await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
}
