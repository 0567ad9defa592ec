import type { AuditEvent } from '@raccord/schemas';
import type { Db } from '../../db/client';
import { type Actor, requireUser } from '../../shared/actor';
import { commonErrors } from '../../shared/errors';
import { listAuditEvents } from './audit.repository';

export interface ListAuditInput {
  organizationId?: string;
  action?: string;
  targetId?: string;
  page: number;
  pageSize: number;
}

/** Operators read every trail; an organisation's admins read their organisation's. */
export async function listAudit(deps: { db: Db }, actor: Actor | null, input: ListAuditInput) {
  const user = requireUser(actor);
  let organizationId = input.organizationId;
  if (!user.isOperator) {
    if (user.role !== 'admin') throw commonErrors.forbidden('Réservé aux administrateurs.');
    if (organizationId && organizationId !== user.organizationId) throw commonErrors.forbidden();
    organizationId = user.organizationId;
  }
  const { rows, total } = await listAuditEvents(deps.db, {
    organizationId,
    action: input.action,
    targetId: input.targetId,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const items: AuditEvent[] = rows.map((r) => ({
    id: String(r.id),
    organizationId: r.organizationId,
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    details: r.details,
    ip: r.ip,
    userAgent: r.userAgent,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}
