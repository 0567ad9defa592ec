import type { TradeRequest } from '@raccord/schemas';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type Actor, actorLabel, requireOperator, requireUser } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { newId } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import { renderMail } from '../mail/mail.templates';
import { queueMail } from '../mail/mail.usecases';
import { organizations, users } from '../organizations/organizations.tables';
import { findTrade } from '../trades/trades.repository';
import { tradeErrors } from '../trades/trades.usecases';
import { contractErrors, tradeRequestErrors } from './contracts.errors';
import * as repo from './contracts.repository';
import { canSee } from './contracts.shared';
import { tradeRequests } from './contracts.tables';

interface Deps {
  db: Db;
  clock: Clock;
  config: { publicUrl: string };
}

type Row = typeof tradeRequests.$inferSelect;

function toTradeRequest(r: Row, org: { id: string; name: string }): TradeRequest {
  return {
    id: r.id,
    label: r.label,
    comment: r.comment,
    status: r.status,
    organization: org,
    requestedBy: r.requestedBy,
    projectId: r.projectId,
    tradeId: r.tradeId,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

async function platformAddress(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ email: organizations.onboardingEmail })
    .from(organizations)
    .where(eq(organizations.isPlatform, true))
    .limit(1);
  return row?.email ?? null;
}

/** Step 2: the métier is missing; the user asks the service client (e-mailed, listed for operators). */
export async function requestTrade(
  deps: Deps,
  actor: Actor | null,
  input: { label: string; comment?: string; projectId?: string },
): Promise<TradeRequest> {
  const user = requireUser(actor);
  if (input.projectId) {
    const project = await repo.findProject(deps.db, input.projectId);
    if (!project) throw contractErrors.notFound();
    if (!(await canSee(deps.db, user, project))) throw contractErrors.notParty();
  }
  const to = await platformAddress(deps.db);
  const id = newId('trq');
  const row = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [inserted] = await tx
      .insert(tradeRequests)
      .values({
        id,
        organizationId: user.organizationId,
        requestedByUserId: user.userId,
        requestedBy: actorLabel(user),
        label: input.label,
        comment: input.comment || null,
        projectId: input.projectId ?? null,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, deps.clock, user, {
      action: 'trade.requested',
      organizationId: user.organizationId,
      targetType: 'trade_request',
      targetId: id,
      details: { label: input.label },
    });
    if (to) {
      const mail = renderMail({
        subject: `Demande de métier : « ${input.label} »`,
        paragraphs: [
          `${user.name} (${user.email}) demande l’ajout du métier « ${input.label} ».`,
          ...(input.comment ? [`Commentaire : ${input.comment}`] : []),
        ],
        action: { label: 'Voir les demandes', url: `${deps.config.publicUrl}/service-client/metiers` },
      });
      await queueMail(tx, deps.clock, { ...mail, to, kind: 'trade.requested', organizationId: null });
    }
    return inserted;
  });
  if (!row) throw tradeRequestErrors.notFound();
  const [org] = await deps.db.select().from(organizations).where(eq(organizations.id, user.organizationId));
  return toTradeRequest(row, { id: user.organizationId, name: org?.name ?? '' });
}

/** Operators list every request; others see their organisation's. */
export async function listTradeRequests(
  deps: Deps,
  actor: Actor | null,
  q: { status?: 'open' | 'added' | 'rejected'; page: number; pageSize: number },
) {
  const user = requireUser(actor);
  const conds: SQL[] = [];
  if (!user.isOperator) conds.push(eq(tradeRequests.organizationId, user.organizationId));
  if (q.status) conds.push(eq(tradeRequests.status, q.status));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, totals] = await Promise.all([
    deps.db
      .select({ r: tradeRequests, org: { id: organizations.id, name: organizations.name } })
      .from(tradeRequests)
      .innerJoin(organizations, eq(organizations.id, tradeRequests.organizationId))
      .where(where)
      .orderBy(desc(tradeRequests.createdAt), desc(tradeRequests.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(tradeRequests).where(where),
  ]);
  return {
    items: rows.map(({ r, org }) => toTradeRequest(r, org)),
    total: totals[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The service client closes a request: the métier was added (POST /api/trades) or refused. */
export async function closeTradeRequest(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: { outcome: 'added' | 'rejected'; tradeId?: string; note?: string },
): Promise<TradeRequest> {
  const operator = requireOperator(actor);
  if (input.tradeId && !(await findTrade(deps.db, input.tradeId))) {
    throw tradeErrors.notFound();
  }
  const result = await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(tradeRequests).where(eq(tradeRequests.id, id)).for('update');
    if (!current) throw tradeRequestErrors.notFound();
    if (current.status !== 'open') throw tradeRequestErrors.closed();
    const [row] = await tx
      .update(tradeRequests)
      .set({
        status: input.outcome,
        tradeId: input.tradeId ?? null,
        note: input.note || null,
        closedAt: deps.clock.now(),
      })
      .where(eq(tradeRequests.id, id))
      .returning();
    await recordAudit(tx, deps.clock, operator, {
      action: 'trade.request_closed',
      organizationId: current.organizationId,
      targetType: 'trade_request',
      targetId: id,
      details: { outcome: input.outcome, tradeId: input.tradeId ?? null },
    });
    const [requester] = current.requestedByUserId
      ? await tx.select().from(users).where(eq(users.id, current.requestedByUserId))
      : [];
    if (requester?.isActive) {
      const mail = renderMail({
        subject: `Votre demande de métier « ${current.label} »`,
        greeting: 'Bonjour,',
        paragraphs: [
          input.outcome === 'added'
            ? `Le métier « ${current.label} » est désormais proposé : vous pouvez le choisir à l’étape Métier.`
            : `Le service client n’a pas ajouté le métier « ${current.label} ».`,
          ...(input.note ? [input.note] : []),
        ],
      });
      await queueMail(tx, deps.clock, {
        ...mail,
        to: requester.email,
        kind: 'trade.request_closed',
        organizationId: current.organizationId,
      });
    }
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, current.organizationId));
    return row ? toTradeRequest(row, { id: current.organizationId, name: org?.name ?? '' }) : null;
  });
  if (!result) throw tradeRequestErrors.notFound();
  return result;
}
