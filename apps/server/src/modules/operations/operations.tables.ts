import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { contractProjects } from '../contracts/contracts.tables';
import { organizations } from '../organizations/organizations.tables';

/**
 * An operation (intervention, quotation, reservation): the series of logs one sender sent under one
 * reference on one contract. Its current status is the one of its latest log by (eventDate,
 * logDate): logs may arrive out of order.
 */
export const operations = pgTable(
  'operations',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    senderOrgId: text('sender_org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    reference: text('reference').notNull(),
    operationType: text('operation_type').notNull(),
    status: text('status').notNull(),
    event: text('event').notNull(),
    workType: text('work_type').notNull(),
    assetId: text('asset_id').notNull(),
    assetReference: text('asset_reference').notNull(),
    serviceCode: text('service_code').notNull(),
    /** Event and log dates of the log that gave the current status. */
    statusEventAt: ts('status_event_at').notNull(),
    statusLogAt: ts('status_log_at').notNull(),
    firstEventAt: ts('first_event_at').notNull(),
    lastEventAt: ts('last_event_at').notNull(),
    logCount: integer('log_count').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('operations_key_uq').on(t.contractId, t.senderOrgId, t.reference),
    // Listings: newest first, keyset on (last_event_at, id), per contract (owners) or sender.
    index('operations_list_idx').on(t.contractId, t.lastEventAt, t.id),
    index('operations_sender_idx').on(t.contractId, t.senderOrgId, t.lastEventAt, t.id),
    check('operations_type_ck', sql`${t.operationType} in ('intervention','quotation','reservation')`),
    check('operations_work_type_ck', sql`${t.workType} in ('preventive','corrective')`),
  ],
);

/**
 * Every accepted log. `dedup_key` (sha256 of the sender, the contract and either the sender's
 * idempotency key or the log's natural key) makes a resent log a no-op.
 */
export const operationLogs = pgTable(
  'operation_logs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    contractId: text('contract_id').notNull(),
    senderOrgId: text('sender_org_id').notNull(),
    dedupKey: text('dedup_key').notNull(),
    operationType: text('operation_type').notNull(),
    status: text('status').notNull(),
    event: text('event').notNull(),
    eventDate: ts('event_date').notNull(),
    logDate: ts('log_date').notNull(),
    workType: text('work_type').notNull(),
    assetId: text('asset_id').notNull(),
    assetReference: text('asset_reference').notNull(),
    /** The sender's code as sent; the owner's code and the mapping status are the service-codes module's. */
    serviceCode: text('service_code').notNull(),
    ownerServiceCode: text('owner_service_code'),
    serviceCodeStatus: text('service_code_status').notNull().default('unchecked'),
    criticalLevel: text('critical_level'),
    visitAttempt: integer('visit_attempt'),
    equipmentWorkingOrder: text('equipment_working_order'),
    contacts: jsonb('contacts').$type<Array<Record<string, string>>>().notNull().default([]),
    origin: text('origin'),
    description: text('description'),
    via: text('via').$type<'api' | 'csv'>().notNull(),
    receivedBy: text('received_by').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('operation_logs_dedup_uq').on(t.contractId, t.dedupKey),
    index('operation_logs_operation_idx').on(t.operationId, t.eventDate, t.id),
    check('operation_logs_via_ck', sql`${t.via} in ('api','csv')`),
  ],
);

/**
 * Counters per contract, UTC day and outcome: `accepted` (code '') or `refused` (one row per
 * refusal code). What the activation panel charts; refused bodies themselves are not kept (the
 * sender got them back item by item), so the table grows by a handful of rows a day per contract.
 */
export const operationDailyCounts = pgTable(
  'operation_daily_counts',
  {
    contractId: text('contract_id')
      .notNull()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    outcome: text('outcome').$type<'accepted' | 'refused'>().notNull(),
    code: text('code').notNull().default(''),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.day, t.outcome, t.code] }),
    check('operation_daily_counts_outcome_ck', sql`${t.outcome} in ('accepted','refused')`),
  ],
);

/** The connector of a contract: no row = waiting for its first data. */
export const contractConnectors = pgTable(
  'contract_connectors',
  {
    contractId: text('contract_id')
      .primaryKey()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    state: text('state').$type<'active' | 'silent'>().notNull(),
    stateEnteredAt: ts('state_entered_at').notNull(),
    firstDataAt: ts('first_data_at').notNull(),
    lastDataAt: ts('last_data_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('contract_connectors_silence_idx').on(t.lastDataAt).where(sql`${t.state} = 'active'`),
    check('contract_connectors_state_ck', sql`${t.state} in ('active','silent')`),
  ],
);
