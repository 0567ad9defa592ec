import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { FakeClock } from '../../shared/clock';
import { createTestDatabase } from '../../test/test-db';
import { enqueueJob, JobRunner } from './jobs.queue';

let database: Database;
const clock = new FakeClock(new Date('2026-05-01T10:00:00Z'));
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const states = async (name: string) =>
  (await database.pool.query('SELECT state, attempts, last_error FROM jobs WHERE name = $1 ORDER BY id', [name])).rows;

describe('job queue', () => {
  it('runs a job enqueued in a committed transaction, and not one whose transaction rolled back', async () => {
    const seen: unknown[] = [];
    const runner = new JobRunner({ db: database.db, clock, handlers: { 'test.a': async (p) => void seen.push(p.n) } });
    await database.db.transaction(async (tx) => enqueueJob(tx, clock, 'test.a', { n: 1 }));
    await database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, clock, 'test.a', { n: 2 });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await runner.drain()).toBe(1);
    expect(seen).toEqual([1]);
    expect(await states('test.a')).toEqual([{ state: 'done', attempts: 1, last_error: null }]);
  });

  it('retries a failing job with backoff, keeps its last error, and gives up after maxAttempts', async () => {
    let calls = 0;
    const runner = new JobRunner({
      db: database.db,
      clock,
      handlers: {
        'test.fail': async () => {
          calls++;
          throw new Error(`boom ${calls}`);
        },
      },
    });
    await enqueueJob(database.db, clock, 'test.fail', {}, { maxAttempts: 2 });
    await runner.drain();
    expect(await states('test.fail')).toEqual([{ state: 'queued', attempts: 1, last_error: 'boom 1' }]);
    expect(await runner.drain()).toBe(0); // not due yet
    clock.advance(5_000);
    await runner.drain();
    expect(await states('test.fail')).toEqual([{ state: 'failed', attempts: 2, last_error: 'boom 2' }]);
  });

  it('keeps one queued job per singleton key', async () => {
    for (let i = 0; i < 3; i++) await enqueueJob(database.db, clock, 'test.single', { i }, { singletonKey: 'k1' });
    expect(await states('test.single')).toHaveLength(1);
  });

  it('takes over a job whose runner died (lease expired) and never runs one job twice at once', async () => {
    await enqueueJob(database.db, clock, 'test.lease', {});
    // A runner claims it then "dies": simulate by marking the job active with a lease in the past.
    await database.db.execute(
      sql`UPDATE jobs SET state = 'active', attempts = 1, locked_by = 'dead', locked_until = ${new Date(clock.now().getTime() - 1000)} WHERE name = 'test.lease'`,
    );
    let runs = 0;
    const handlers = { 'test.lease': async () => void runs++ };
    const a = new JobRunner({ db: database.db, clock, handlers });
    const b = new JobRunner({ db: database.db, clock, handlers });
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(1);
    expect(runs).toBe(1);
    expect(await states('test.lease')).toEqual([{ state: 'done', attempts: 2, last_error: null }]);
  });

  it('start() picks up work by polling and stop() waits for the job in progress', async () => {
    let finished = false;
    const runner = new JobRunner({
      db: database.db,
      clock,
      pollMs: 20,
      handlers: {
        'test.slow': async () => {
          await new Promise((r) => setTimeout(r, 100));
          finished = true;
        },
      },
    });
    runner.start();
    await enqueueJob(database.db, clock, 'test.slow', {});
    runner.wake();
    for (let i = 0; i < 50 && (await states('test.slow'))[0]?.state !== 'active'; i++)
      await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(finished).toBe(true);
  });
});
