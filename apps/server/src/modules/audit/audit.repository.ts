import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type Actor, actorLabel } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { auditEvents } from './audit.tables';

export interface AuditEntry {
  action: string;
  organizationId: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Appends one audit row; call it inside the transaction of the change it records. */
export async function recordAudit(db: DbOrTx, clock: Clock, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    organizationId: entry.organizationId,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: actorLabel(actor),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: actor.kind === 'system' ? null : actor.ip,
    userAgent: actor.kind === 'system' ? null : actor.userAgent,
    createdAt: clock.now(),
  });
}

export interface AuditFilter {
  organizationId?: string;
  action?: string;
  targetId?: string;
  limit: number;
  offset: number;
}

export async function listAuditEvents(db: DbOrTx, f: AuditFilter) {
  const conds: SQL[] = [];
  if (f.organizationId) conds.push(eq(auditEvents.organizationId, f.organizationId));
  if (f.action) conds.push(eq(auditEvents.action, f.action));
  if (f.targetId) conds.push(eq(auditEvents.targetId, f.targetId));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, totals] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
