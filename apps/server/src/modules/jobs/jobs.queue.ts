import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { newId } from '../../shared/ids';

export interface EnqueueOptions {
  runAt?: Date;
  /** While a job with this key is queued or running, enqueuing another is a no-op. */
  singletonKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job. Pass the transaction of the change that causes it (transactional outbox): the job
 * exists if and only if the change committed.
 */
export async function enqueueJob(
  db: DbOrTx,
  clock: Clock,
  name: string,
  payload: Record<string, unknown>,
  opts: EnqueueOptions = {},
): Promise<void> {
  const now = clock.now();
  await db.execute(sql`
    INSERT INTO jobs (name, payload, state, run_at, attempts, max_attempts, singleton_key, created_at)
    VALUES (${name}, ${JSON.stringify(payload)}::jsonb, 'queued', ${opts.runAt ?? now}, 0,
            ${opts.maxAttempts ?? 5}, ${opts.singletonKey ?? null}, ${now})
    ON CONFLICT (singleton_key) WHERE state IN ('queued','active') DO NOTHING`);
}

export interface JobContext {
  jobId: number;
  attempt: number;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

interface ClaimedJob {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
}

/**
 * Runs jobs from the `jobs` table. Any number of runners (threads or processes) may share one
 * database: a job is claimed with FOR UPDATE SKIP LOCKED and leased; a runner killed mid-job lets
 * its lease expire and another runner takes the job again (handlers are idempotent).
 */
export class JobRunner {
  private readonly id = `${hostname()}:${process.pid}:${newId('run')}`;
  private running = false;
  private active = 0;
  private timer: NodeJS.Timeout | null = null;
  private idle: Array<() => void> = [];

  constructor(private readonly opts: JobRunnerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops claiming; resolves once the jobs in progress have finished. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.active === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Asks the runner to look for work now (after a usecase enqueued a job in this process). */
  wake(): void {
    if (this.running) this.schedule(0);
  }

  /** Runs every due job until none is left (tests and scripts). Returns how many ran. */
  async drain(maxJobs = 1000): Promise<number> {
    let n = 0;
    while (n < maxJobs) {
      const job = await this.claim();
      if (!job) break;
      await this.execute(job);
      n++;
    }
    return n;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    const slots = (this.opts.concurrency ?? 2) - this.active;
    let claimed = 0;
    for (let i = 0; i < slots; i++) {
      let job: ClaimedJob | null = null;
      try {
        job = await this.claim();
      } catch (err) {
        this.opts.log?.('error', 'job claim failed', { err: String(err) });
        break;
      }
      if (!job) break;
      claimed++;
      this.active++;
      void this.execute(job).finally(() => {
        this.active--;
        if (this.active === 0) for (const resolve of this.idle.splice(0)) resolve();
        if (this.running) this.schedule(0);
      });
    }
    if (this.running && claimed === 0 && !this.timer) this.schedule(this.opts.pollMs ?? 500);
  }

  private async claim(): Promise<ClaimedJob | null> {
    const now = this.opts.clock.now();
    const lease = new Date(now.getTime() + (this.opts.leaseMs ?? 5 * 60_000));
    const names = Object.keys(this.opts.handlers);
    if (names.length === 0) return null;
    const res = await this.opts.db.execute(sql`
      UPDATE jobs SET state = 'active', attempts = attempts + 1, locked_until = ${lease}, locked_by = ${this.id}
      WHERE id = (
        SELECT id FROM jobs
        WHERE name IN (${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )})
          AND ((state = 'queued' AND run_at <= ${now}) OR (state = 'active' AND locked_until < ${now}))
        ORDER BY run_at, id
        FOR UPDATE SKIP LOCKED
        LIMIT 1)
      RETURNING id, name, payload, attempts, max_attempts`);
    const row = res.rows[0] as unknown as ClaimedJob | undefined;
    return row ?? null;
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const handler = this.opts.handlers[job.name];
    try {
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      await handler(job.payload, { jobId: job.id, attempt: job.attempts });
      await this.opts.db.execute(sql`
        UPDATE jobs SET state = 'done', finished_at = ${this.opts.clock.now()}, locked_until = NULL, last_error = NULL
        WHERE id = ${job.id} AND locked_by = ${this.id}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const finalFailure = job.attempts >= job.max_attempts;
      // Exponential backoff: 2 s, 4 s, 8 s… capped at 10 minutes.
      const delay = Math.min(600_000, 1000 * 2 ** job.attempts);
      const runAt = new Date(this.opts.clock.now().getTime() + delay);
      this.opts.log?.(finalFailure ? 'error' : 'warn', 'job failed', { job: job.name, id: job.id, err: message });
      await this.opts.db
        .execute(sql`
          UPDATE jobs SET state = ${finalFailure ? 'failed' : 'queued'}, run_at = ${runAt}, locked_until = NULL,
                 last_error = ${message.slice(0, 2000)}, finished_at = ${finalFailure ? this.opts.clock.now() : null}
          WHERE id = ${job.id} AND locked_by = ${this.id}`)
        .catch((e: unknown) => this.opts.log?.('error', 'job bookkeeping failed', { err: String(e) }));
    }
  }
}
