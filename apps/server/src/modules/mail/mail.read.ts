import { count, desc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type Actor, requireOperator } from '../../shared/actor';
import { mailOutbox } from './mail.tables';

/** The outbox, for operators: without SMTP it is where invitation links can be read. */
export async function listOutbox(deps: { db: Db }, actor: Actor | null, q: { page: number; pageSize: number }) {
  requireOperator(actor);
  const [rows, totals] = await Promise.all([
    deps.db
      .select()
      .from(mailOutbox)
      .orderBy(desc(mailOutbox.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(mailOutbox),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      organizationId: r.organizationId,
      to: r.toAddress,
      subject: r.subject,
      text: r.textBody,
      kind: r.kind,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt ? r.sentAt.toISOString() : null,
    })),
    total: totals[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
