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
  /** How long a claim holds without news from its runner (default 60 s); renewed while it runs. */
  leaseMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
}

/**
 * Runs jobs from the `jobs` table. Any number of runners (threads or processes) may share one
 * database: a job is claimed with FOR UPDATE SKIP LOCKED and leased. A started runner renews the
 * leases of its jobs (every third of the lease), so a long job keeps its claim however long it
 * runs, and a runner killed mid-job stops renewing: its lease lapses within `leaseMs` and another
 * runner takes the job again (handlers are idempotent and resumable). The embedded engine serves
 * one process only: at start-up every job still marked active belongs to a dead process, and
 * `releaseOrphans` hands them back at once.
 */
export class JobRunner {
  private readonly id = `${hostname()}:${process.pid}:${newId('run')}`;
  private running = false;
  private active = 0;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private idle: Array<() => void> = [];

  constructor(private readonly opts: JobRunnerOptions) {}

  private get leaseMs(): number {
    return this.opts.leaseMs ?? 60_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.heartbeat = setInterval(() => void this.renew(), Math.max(250, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    this.schedule(0);
  }

  /** Stops claiming; resolves once the jobs in progress have finished. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /**
   * Embedded engine only (one process owns the database): jobs left active by a previous process
   * (killed, crashed) are queued again now rather than when their lease lapses. Returns how many.
   */
  async releaseOrphans(): Promise<number> {
    const res = await this.opts.db.execute(sql`
      UPDATE jobs SET state = 'queued', locked_until = NULL, locked_by = NULL, run_at = ${this.opts.clock.now()}
      WHERE state = 'active' AND locked_by IS DISTINCT FROM ${this.id}
      RETURNING id`);
    return res.rows.length;
  }

  /** Extends the leases of the jobs this runner is running. */
  private async renew(): Promise<void> {
    if (this.active === 0) return;
    const until = new Date(this.opts.clock.now().getTime() + this.leaseMs);
    await this.opts.db
      .execute(sql`UPDATE jobs SET locked_until = ${until} WHERE state = 'active' AND locked_by = ${this.id}`)
      .catch((err: unknown) => this.opts.log?.('warn', 'job lease renewal failed', { err: String(err) }));
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
      // The slot is taken before the claim: stop() waits for a claim in flight too (its job would
      // otherwise start after stop() returned), and a tick running meanwhile sees the slot taken.
      this.active++;
      let job: ClaimedJob | null = null;
      try {
        job = await this.claim();
      } catch (err) {
        this.opts.log?.('error', 'job claim failed', { err: String(err) });
      }
      if (!job) {
        this.release();
        break;
      }
      claimed++;
      void this.execute(job).finally(() => {
        this.release();
        if (this.running) this.schedule(0);
      });
    }
    if (this.running && claimed === 0 && !this.timer) this.schedule(this.opts.pollMs ?? 500);
  }

  private release(): void {
    this.active--;
    if (this.active === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  private async claim(): Promise<ClaimedJob | null> {
    const now = this.opts.clock.now();
    const lease = new Date(now.getTime() + this.leaseMs);
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
          AND ((state = 'queued' AND run_at <= ${now})
            -- A lapsed lease of another runner; never one of ours (still running here, its renewal late).
            OR (state = 'active' AND locked_until < ${now} AND locked_by IS DISTINCT FROM ${this.id}))
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
