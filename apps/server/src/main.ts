import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { seedDemo, seedDemoPatrimoine } from './demo/demo.seed';
import { seedDemoContracts } from './demo/demo-contracts.seed';
import { seedDemoServiceCodes } from './demo/demo-service-codes.seed';
import { seedReference } from './demo/reference.seed';
import { API_KEY_EXPIRY_JOB } from './modules/auth/auth.api-keys.expiry';
import { enqueueJob, JobRunner } from './modules/jobs/jobs.queue';
import { createSmtpTransport } from './modules/mail/mail.transport';
import { CONNECTOR_SILENCE_JOB } from './modules/operations/operations.connector';
import { systemClock } from './shared/clock';
import { CLEANUP_JOB, jobHandlers } from './worker';

type Role = 'all' | 'api' | 'worker';

async function main() {
  const role = (process.argv[2] ?? 'all') as Role;
  if (!['all', 'api', 'worker'].includes(role)) throw new Error(`Unknown role ${role}: all | api | worker`);
  const started = Date.now();
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  if (config.engine === 'pglite' && role !== 'all') {
    throw new Error('The embedded database serves one process: set DATABASE_URL to run api and worker apart.');
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
    thread: true,
  });
  await runMigrations(database.pool);
  const clock = systemClock;
  if (role !== 'worker') await seedReference({ db: database.db, clock });
  if (config.demo && role !== 'worker') {
    // Organisations and accounts now; the generated patrimoine after listening (below).
    const seeded = await seedDemo({ db: database.db, clock, engine: database.engine }, { patrimoine: false });
    if (seeded) log.info('demo data seeded (accounts: see README, password raccord-demo)');
    if (await seedDemoContracts({ db: database.db, clock, config })) log.info('demo contract projects seeded');
    if (await seedDemoServiceCodes({ db: database.db, clock })) log.info('demo service codes seeded');
  }

  let runner: JobRunner | null = null;
  if (role !== 'api') {
    runner = new JobRunner({
      db: database.db,
      clock,
      concurrency: config.workerConcurrency,
      leaseMs: config.jobLeaseMs,
      handlers: jobHandlers({
        config,
        db: database.db,
        engine: database.engine,
        clock,
        transport: config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.mailFrom) : null,
        log: (level, msg, data) => log[level](data ?? {}, msg),
      }),
      log: (level, msg, data) => log[level](data ?? {}, msg),
    });
    const scheduleCleanup = () =>
      Promise.all(
        [CLEANUP_JOB, CONNECTOR_SILENCE_JOB, API_KEY_EXPIRY_JOB].map((name) =>
          enqueueJob(database.db, clock, name, {}, { singletonKey: name }),
        ),
      ).catch((err: unknown) => log.warn({ err }, 'could not schedule cleanup'));
    if (database.engine === 'pglite') {
      // One process owns the embedded database: what a previous process left running is orphaned.
      const released = await runner.releaseOrphans();
      if (released > 0) log.warn({ released }, 'jobs of a previous process taken over');
    }
    await scheduleCleanup();
    setInterval(() => void scheduleCleanup(), 3_600_000).unref();
    runner.start();
  }

  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  if (role !== 'worker') {
    app = await buildApp({
      config,
      db: database.db,
      engine: database.engine,
      clock,
      wakeJobs: () => runner?.wake(),
    });
    await app.listen({ port: config.port, host: config.host });
  }
  if (config.demo && role !== 'worker') {
    // A few thousand generated elements per demo owner, loaded through the import (an upsert by
    // reference, so a start interrupted half-way simply loads again), while the console is up.
    seedDemoPatrimoine({ db: database.db, clock, engine: database.engine }).then(
      () => log.info('demo patrimoine ready'),
      (err: unknown) => log.warn({ err }, 'demo patrimoine could not be loaded'),
    );
  }
  log.info(
    { role, engine: database.engine, url: role !== 'worker' ? config.publicUrl : undefined, ms: Date.now() - started },
    `Raccord ready (${role}, ${database.engine}) in ${Date.now() - started} ms`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app?.close();
    await runner?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
