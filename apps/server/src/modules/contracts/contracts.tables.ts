import type { ContractState, FrozenTerms, PartyContact, PartyRole, Perimeter, SharedType } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { organizations, users } from '../organizations/organizations.tables';
import { trades } from '../trades/trades.tables';

const states = sql`('draft','awaiting_parties','ready_to_validate','validating','active','cancelled','suspended','terminated')`;

/** A contract project; the same row is the contract once active (its terms frozen). */
export const contractProjects = pgTable(
  'contract_projects',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    label: text('label').notNull(),
    description: text('description'),
    tags: jsonb('tags').$type<Array<{ key: string; value: string }>>().notNull().default([]),
    tradeId: text('trade_id').references(() => trades.id, { onDelete: 'restrict' }),
    perimeter: jsonb('perimeter').$type<Perimeter>(),
    sharedTypes: jsonb('shared_types').$type<SharedType[]>().notNull().default([]),
    state: text('state').$type<ContractState>().notNull(),
    stateEnteredAt: ts('state_entered_at').notNull(),
    stateEnteredBy: text('state_entered_by').notNull(),
    /** For `validating`: how many times the activation job ran, and why it last failed. */
    validationAttempts: integer('validation_attempts').notNull().default(0),
    lastError: text('last_error'),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    frozenTerms: jsonb('frozen_terms').$type<FrozenTerms>(),
    activatedAt: ts('activated_at'),
    /** Label, métier, parties' names and references, normalized: what the lists search. */
    searchText: text('search_text').notNull().default(''),
    createdByUserId: text('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('contract_projects_owner_idx').on(t.ownerId, t.createdAt),
    index('contract_projects_state_idx').on(t.state),
    index('contract_projects_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('contract_projects_state_ck', sql`${t.state} in ${states}`),
    check('contract_projects_version_ck', sql`${t.version} >= 1`),
    check('contract_projects_cancel_ck', sql`(${t.state} = 'cancelled') = (${t.cancelReason} is not null)`),
    check(
      'contract_projects_active_ck',
      sql`(${t.state} in ('active','suspended','terminated')) = (${t.frozenTerms} is not null)`,
    ),
  ],
);

/** The parties of a project: the owner, one provider, optionally one third party. */
export const contractParties = pgTable(
  'contract_parties',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    role: text('role').$type<PartyRole>().notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    reference: text('reference'),
    contacts: jsonb('contacts').$type<PartyContact[]>().notNull().default([]),
    submittedAt: ts('submitted_at'),
    /** False once the project is cancelled: its references are free again. */
    isLive: boolean('is_live').notNull().default(true),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.role] }),
    uniqueIndex('contract_parties_org_uq').on(t.projectId, t.organizationId),
    // A reference resolves to one live contract per party organisation (connectors quote it).
    uniqueIndex('contract_parties_reference_uq')
      .on(t.organizationId, sql`lower(${t.reference})`)
      .where(sql`${t.reference} is not null and ${t.isLive}`),
    index('contract_parties_org_idx').on(t.organizationId),
    check('contract_parties_role_ck', sql`${t.role} in ('owner','provider','thirdParty')`),
  ],
);

/** Every state a project entered: when, by whom, why. */
export const contractStateEvents = pgTable(
  'contract_state_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    state: text('state').$type<ContractState>().notNull(),
    enteredAt: ts('entered_at').notNull(),
    enteredBy: text('entered_by').notNull(),
    reason: text('reason'),
  },
  (t) => [index('contract_state_events_project_idx').on(t.projectId, t.id)],
);

/**
 * Invitation links. The token is only stored hashed; a resend revokes the row and makes a new one,
 * so an old link says it was replaced rather than "unknown".
 */
export const contractInvitations = pgTable(
  'contract_invitations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => contractProjects.id, { onDelete: 'cascade' }),
    role: text('role').$type<'provider' | 'thirdParty'>().notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    sentAt: ts('sent_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    openedAt: ts('opened_at'),
    completedAt: ts('completed_at'),
    /** Automatic reminders sent so far (carried over to the replacing invitation). */
    remindersSent: integer('reminders_sent').notNull().default(0),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason').$type<'replaced' | 'invitee_changed' | 'cancelled'>(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('contract_invitations_token_uq').on(t.tokenHash),
    uniqueIndex('contract_invitations_current_uq').on(t.projectId, t.role).where(sql`${t.revokedAt} is null`),
    index('contract_invitations_project_idx').on(t.projectId),
    check('contract_invitations_role_ck', sql`${t.role} in ('provider','thirdParty')`),
  ],
);

/** Step 2: a métier is missing, the user asks the service client to add it. */
export const tradeRequests = pgTable(
  'trade_requests',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    requestedByUserId: text('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    requestedBy: text('requested_by').notNull(),
    label: text('label').notNull(),
    comment: text('comment'),
    projectId: text('project_id').references(() => contractProjects.id, { onDelete: 'set null' }),
    status: text('status').$type<'open' | 'added' | 'rejected'>().notNull().default('open'),
    tradeId: text('trade_id').references(() => trades.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('trade_requests_status_idx').on(t.status, t.createdAt),
    index('trade_requests_org_idx').on(t.organizationId, t.createdAt),
    check('trade_requests_status_ck', sql`${t.status} in ('open','added','rejected')`),
  ],
);
