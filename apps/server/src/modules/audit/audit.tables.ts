import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';

/** Append-only (a trigger refuses UPDATE and DELETE; see migration 0001). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: text('organization_id'),
    actorUserId: text('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('audit_org_idx').on(t.organizationId, t.id), index('audit_target_idx').on(t.targetId, t.id)],
);
