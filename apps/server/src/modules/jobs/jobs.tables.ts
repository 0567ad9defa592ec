import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';

export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: ['queued', 'active', 'done', 'failed'] }).notNull(),
    runAt: ts('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedUntil: ts('locked_until'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    /** At most one queued-or-active job per key (e.g. one validation per contract). */
    singletonKey: text('singleton_key'),
    createdAt: ts('created_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('jobs_ready_idx').on(t.runAt).where(sql`${t.state} = 'queued'`),
    index('jobs_active_idx').on(t.lockedUntil).where(sql`${t.state} = 'active'`),
    uniqueIndex('jobs_singleton_uq').on(t.singletonKey).where(sql`${t.state} in ('queued','active')`),
    check('jobs_state_ck', sql`${t.state} in ('queued','active','done','failed')`),
  ],
);
