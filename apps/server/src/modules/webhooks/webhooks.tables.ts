import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { organizations, users } from '../organizations/organizations.tables';

/**
 * An organisation's webhook endpoint: where Raccord POSTs the events of its contracts. The signing
 * secret is kept as such (it signs every delivery, so it cannot be hashed); it is shown once, at
 * creation, and never returned by the API again.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: jsonb('events').$type<string[]>().notNull(),
    /** Only these contracts' events; null: every contract of the organisation (present and future). */
    contractIds: jsonb('contract_ids').$type<string[]>(),
    secret: text('secret').notNull(),
    createdByUserId: text('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: ts('created_at').notNull(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.organizationId)],
);

/** One event for one endpoint, and how its delivery went (the log shown in the console). */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    contractId: text('contract_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    lastDurationMs: integer('last_duration_ms'),
    createdAt: ts('created_at').notNull(),
    lastAttemptAt: ts('last_attempt_at'),
    nextAttemptAt: ts('next_attempt_at'),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
    check('webhook_deliveries_state_ck', sql`${t.state} in ('pending','delivered','failed')`),
  ],
);
