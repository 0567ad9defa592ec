import type {
  CreatedWebhook,
  CreateWebhookBody,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEvent,
} from '@raccord/schemas';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { type Actor, requireAdminOf, requireUser } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { newId, newSecret } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import { contractProjects } from '../contracts/contracts.tables';
import { queueDelivery } from './webhooks.deliver';
import { webhookErrors } from './webhooks.errors';
import { webhookDeliveries, webhookEndpoints } from './webhooks.tables';
import { checkWebhookUrl } from './webhooks.url';

export interface WebhookDeps {
  db: Db;
  clock: Clock;
  config: { webhookAllowInsecure: boolean };
  wakeJobs?: () => void;
}

const MAX_ENDPOINTS = 20;
const SECRET_PREFIX = 'whsec_';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const toEndpoint = (
  r: EndpointRow,
  last: DeliveryRow | null = null,
  labels: Map<string, string> = new Map(),
): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events as WebhookEvent[],
  contracts: (r.contractIds ?? []).map((id) => ({ id, label: labels.get(id) ?? id })),
  secretPrefix: r.secret.slice(0, SECRET_PREFIX.length + 4),
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdByLabel,
  lastDelivery: last
    ? {
        state: last.state as 'pending' | 'delivered' | 'failed',
        at: (last.lastAttemptAt ?? last.createdAt).toISOString(),
        status: last.lastStatus,
      }
    : null,
});

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: String(r.id),
  event: r.event,
  contractId: r.contractId,
  state: r.state as WebhookDelivery['state'],
  attempts: r.attempts,
  lastStatus: r.lastStatus,
  lastError: r.lastError,
  lastDurationMs: r.lastDurationMs,
  createdAt: r.createdAt.toISOString(),
  lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
  nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
  deliveredAt: r.deliveredAt?.toISOString() ?? null,
  payload: r.payload,
});

/** The admin's organisation's endpoint, or `webhook.not_found` (another organisation's too). */
async function ownEndpoint(deps: WebhookDeps, organizationId: string, id: string): Promise<EndpointRow> {
  const [row] = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.id, id),
        eq(webhookEndpoints.organizationId, organizationId),
        isNull(webhookEndpoints.deletedAt),
      ),
    );
  if (!row) throw webhookErrors.notFound();
  return row;
}

/** The organisation's endpoints, each with its latest delivery (administrators). */
export async function listWebhooks(deps: WebhookDeps, actor: Actor | null): Promise<{ items: WebhookEndpoint[] }> {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  const rows = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, user.organizationId), isNull(webhookEndpoints.deletedAt)))
    .orderBy(desc(webhookEndpoints.createdAt));
  const ids = rows.map((r) => r.id);
  const last = new Map<string, DeliveryRow>();
  if (ids.length > 0) {
    const latest = await deps.db
      .selectDistinctOn([webhookDeliveries.endpointId])
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.endpointId, ids))
      .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.id));
    for (const r of latest) last.set(r.endpointId, r);
  }
  const labels = await contractLabels(
    deps.db,
    rows.flatMap((r) => r.contractIds ?? []),
  );
  return { items: rows.map((r) => toEndpoint(r, last.get(r.id) ?? null, labels)) };
}

async function contractLabels(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: contractProjects.id, label: contractProjects.label })
    .from(contractProjects)
    .where(inArray(contractProjects.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.label]));
}

/**
 * The contracts an endpoint may be limited to: those where the organisation is a live party other
 * than the owner (events go to those parties only). Anything else is refused, without saying
 * whether the contract exists.
 */
async function checkContracts(
  db: DbOrTx,
  organizationId: string,
  ids: string[],
): Promise<{ ids: string[] | null; labels: Map<string, string> }> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return { ids: null, labels: new Map() };
  const res = await db.execute(sql`
    SELECT p.project_id AS id, c.label FROM contract_parties p
    JOIN contract_projects c ON c.id = p.project_id AND c.owner_id <> p.organization_id
    WHERE p.organization_id = ${organizationId} AND p.is_live
      AND p.project_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb))`);
  const labels = new Map((res.rows as Array<{ id: string; label: string }>).map((r) => [r.id, r.label]));
  const unknown = wanted.filter((id) => !labels.has(id));
  if (unknown.length > 0) throw webhookErrors.unknownContract(unknown);
  return { ids: wanted.sort(), labels };
}

/** Declares an endpoint; the signing secret is returned this once. */
export async function createWebhook(
  deps: WebhookDeps,
  actor: Actor | null,
  input: CreateWebhookBody,
): Promise<CreatedWebhook> {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  const url = checkWebhookUrl(input.url, deps.config.webhookAllowInsecure);
  const secret = `${SECRET_PREFIX}${newSecret()}`;
  const now = deps.clock.now();
  const endpoint = await deps.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = (
      await tx.execute(sql`
        SELECT count(*)::int AS n FROM webhook_endpoints
        WHERE organization_id = ${user.organizationId} AND deleted_at IS NULL`)
    ).rows as Array<{ n: number }>;
    if (Number(n) >= MAX_ENDPOINTS) throw webhookErrors.tooMany(MAX_ENDPOINTS);
    const { ids: contractIds, labels } = await checkContracts(tx, user.organizationId, input.contractIds ?? []);
    const [inserted] = await tx
      .insert(webhookEndpoints)
      .values({
        id: newId('whk'),
        organizationId: user.organizationId,
        url,
        description: input.description ?? '',
        events: [...new Set(input.events)],
        contractIds,
        secret,
        createdByUserId: user.userId,
        createdByLabel: user.email,
        createdAt: now,
      })
      .returning();
    if (!inserted) throw webhookErrors.notFound();
    await recordAudit(tx, deps.clock, user, {
      action: 'webhook.created',
      organizationId: user.organizationId,
      targetType: 'webhook',
      targetId: inserted.id,
      details: { url, events: inserted.events, contractIds },
    });
    return toEndpoint(inserted, null, labels);
  });
  return { ...endpoint, secret };
}

/** Deletes an endpoint: nothing more is sent to it (its pending deliveries end as failed). */
export async function deleteWebhook(deps: WebhookDeps, actor: Actor | null, id: string): Promise<{ ok: true }> {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ deletedAt: deps.clock.now() })
      .where(
        and(
          eq(webhookEndpoints.id, id),
          eq(webhookEndpoints.organizationId, user.organizationId),
          isNull(webhookEndpoints.deletedAt),
        ),
      )
      .returning();
    if (!row) throw webhookErrors.notFound();
    await recordAudit(tx, deps.clock, user, {
      action: 'webhook.deleted',
      organizationId: user.organizationId,
      targetType: 'webhook',
      targetId: id,
      details: { url: row.url },
    });
  });
  return { ok: true };
}

/** An endpoint's deliveries, newest first (keyset on the id). */
export async function listDeliveries(
  deps: WebhookDeps,
  actor: Actor | null,
  id: string,
  query: { state?: 'pending' | 'delivered' | 'failed'; before?: string; limit: number },
): Promise<WebhookDeliveryPage> {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  await ownEndpoint(deps, user.organizationId, id);
  const rows = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, id),
        query.state ? eq(webhookDeliveries.state, query.state) : undefined,
        query.before ? sql`${webhookDeliveries.id} < ${Number(query.before)}` : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(toDelivery);
  return { items, next: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
}

/** Sends a `ping` event to the endpoint now (the console's "Envoyer un test"). */
export async function pingWebhook(deps: WebhookDeps, actor: Actor | null, id: string): Promise<WebhookDelivery> {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  const endpoint = await ownEndpoint(deps, user.organizationId, id);
  const row = await deps.db.transaction((tx) =>
    queueDelivery(tx, deps.clock, {
      endpointId: endpoint.id,
      event: 'ping',
      contractId: null,
      payload: { message: 'Test envoyé depuis Raccord', organizationId: user.organizationId },
    }),
  );
  deps.wakeJobs?.();
  return toDelivery(row);
}

/** Sends a delivery again now, whatever its state (a fix on the receiver's side). */
export async function redeliver(
  deps: WebhookDeps,
  actor: Actor | null,
  id: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  const endpoint = await ownEndpoint(deps, user.organizationId, id);
  const [original] = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, Number(deliveryId)), eq(webhookDeliveries.endpointId, endpoint.id)));
  if (!original) throw webhookErrors.notFound();
  const row = await deps.db.transaction((tx) =>
    queueDelivery(tx, deps.clock, {
      endpointId: endpoint.id,
      event: original.event,
      contractId: original.contractId,
      payload: original.payload,
    }),
  );
  deps.wakeJobs?.();
  return toDelivery(row);
}
