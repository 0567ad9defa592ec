import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { contractProjects } from '../contracts/contracts.tables';

/**
 * The shared set of an active contract, materialised: one row per element the provider may see,
 * with what it sees of it. No foreign key to `assets`: a deleted element stays here until the
 * live-perimeter job diffs it out and writes its "removed" entry to the change feed.
 */
export const contractAssets = pgTable(
  'contract_assets',
  {
    /**
     * The contract: no declarative foreign key (one check query per row, a third of a 260,000-row
     * materialisation). Migration 0011 checks it once per statement instead (triggers on insert and
     * update, the contract rows locked as a foreign key would) and deletes a contract's rows with it.
     */
    contractId: text('contract_id').notNull(),
    assetId: text('asset_id').notNull(),
    reference: text('reference').notNull(),
    label: text('label').notNull(),
    type: text('type').notNull(),
    parentId: text('parent_id'),
    /** The element's path when it was last synchronised (a move shows as an update). */
    path: text('path').notNull(),
  },
  // Keyset pagination of the API reads (contract_id, asset_id) in order: the primary key serves it.
  (t) => [primaryKey({ columns: [t.contractId, t.assetId] })],
);

export const syncStates = ['pending', 'running', 'done', 'stopped'] as const;

/** Progress of a contract's materialisation: one row per contract, readable by both parties. */
export const contractSyncs = pgTable(
  'contract_syncs',
  {
    contractId: text('contract_id')
      .primaryKey()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    state: text('state').$type<(typeof syncStates)[number]>().notNull(),
    /** Where the materialisation resumes (perimeter engine cursor); null before the first chunk. */
    cursor: text('cursor'),
    done: integer('done').notNull().default(0),
    total: integer('total'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('contract_syncs_state_ck', sql`${t.state} in ('pending','running','done','stopped')`)],
);

/** The change feed of a contract: ordered by `id` (the cursor), at-least-once for readers. */
export const contractChanges = pgTable(
  'contract_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'added' | 'updated' | 'removed'>().notNull(),
    assetId: text('asset_id').notNull(),
    reference: text('reference').notNull(),
    label: text('label').notNull(),
    type: text('type').notNull(),
    parentId: text('parent_id'),
    at: ts('at').notNull(),
  },
  (t) => [
    index('contract_changes_feed_idx').on(t.contractId, t.id),
    check('contract_changes_kind_ck', sql`${t.kind} in ('added','updated','removed')`),
  ],
);
