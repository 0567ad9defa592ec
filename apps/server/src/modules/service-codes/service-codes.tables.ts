import type { PairRelation, PairStatus, WorkType } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { contractProjects } from '../contracts/contracts.tables';
import { organizations } from '../organizations/organizations.tables';
import { trades } from '../trades/trades.tables';

/** An organisation's service codes for one métier. A code is unique per organisation and métier, case-insensitively. */
export const serviceCodes = pgTable(
  'service_codes',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    tradeId: text('trade_id')
      .notNull()
      .references(() => trades.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    workType: text('work_type').$type<WorkType>(),
    description: text('description'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('service_codes_code_uq').on(t.organizationId, t.tradeId, sql`lower(${t.code})`),
    check('service_codes_work_type_ck', sql`${t.workType} is null or ${t.workType} in ('preventive','corrective')`),
  ],
);

/** One snapshot line of the alignment table (versions and the integrated table keep these). */
export interface PairSnapshot {
  id: string;
  ownerCode: string;
  providerCode: string | null;
  relation: PairRelation;
  comment: string | null;
  status: PairStatus;
  proposedBy: 'owner' | 'provider';
  responseComment: string | null;
  updatedAt: string;
}

/** The integrated table: what operation logs are checked against. Owner labels kept as integrated. */
export interface IntegratedSnapshot {
  version: number;
  pairs: Array<{ ownerCode: string; ownerLabel: string; providerCode: string | null; relation: PairRelation }>;
}

/**
 * The alignment of one contract: its version (every change of the pairs adds one), and the submission
 * cycle. `phase` is stored only for open / submitted / integrated; à aligner, proposés and alignés
 * are derived from the pairs while open.
 */
export const serviceCodeAlignments = pgTable(
  'service_code_alignments',
  {
    contractId: text('contract_id')
      .primaryKey()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    version: integer('version').notNull().default(1),
    phase: text('phase').$type<'open' | 'submitted' | 'integrated'>().notNull().default('open'),
    phaseEnteredAt: ts('phase_entered_at'),
    submittedBy: text('submitted_by'),
    returnComment: text('return_comment'),
    integrated: jsonb('integrated').$type<IntegratedSnapshot>(),
    integratedAt: ts('integrated_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check('service_code_alignments_phase_ck', sql`${t.phase} in ('open','submitted','integrated')`),
    check('service_code_alignments_version_ck', sql`${t.version} >= 1`),
    index('service_code_alignments_phase_idx').on(t.phase),
  ],
);

/** The current pairs of a contract's table. Codes are text (not keys): history stays readable. */
export const serviceCodePairs = pgTable(
  'service_code_pairs',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => serviceCodeAlignments.contractId, { onDelete: 'cascade' }),
    ownerCode: text('owner_code').notNull(),
    providerCode: text('provider_code'),
    relation: text('relation').$type<PairRelation>().notNull(),
    comment: text('comment'),
    status: text('status').$type<PairStatus>().notNull(),
    proposedBy: text('proposed_by').$type<'owner' | 'provider'>().notNull(),
    responseComment: text('response_comment'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('service_code_pairs_uq').on(
      t.contractId,
      sql`lower(${t.ownerCode})`,
      sql`lower(coalesce(${t.providerCode}, ''))`,
    ),
    check('service_code_pairs_status_ck', sql`${t.status} in ('proposed','accepted','rejected')`),
    check('service_code_pairs_relation_ck', sql`${t.relation} in ('equivalent','narrower','broader','no_match')`),
    check('service_code_pairs_no_match_ck', sql`(${t.relation} = 'no_match') = (${t.providerCode} is null)`),
    check('service_code_pairs_by_ck', sql`${t.proposedBy} in ('owner','provider')`),
  ],
);

/** Every version of a contract's table: the pairs as they were after the change. */
export const serviceCodeVersions = pgTable(
  'service_code_versions',
  {
    contractId: text('contract_id')
      .notNull()
      .references(() => serviceCodeAlignments.contractId, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    actorLabel: text('actor_label').notNull(),
    actorOrganizationId: text('actor_organization_id'),
    pairs: jsonb('pairs').$type<PairSnapshot[]>().notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.version] })],
);

/** Suggestions a person dismissed: not offered again on this contract. */
export const serviceCodeDismissals = pgTable(
  'service_code_dismissals',
  {
    contractId: text('contract_id')
      .notNull()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    ownerKey: text('owner_key').notNull(),
    providerKey: text('provider_key').notNull(),
    dismissedBy: text('dismissed_by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.ownerKey, t.providerKey] })],
);
