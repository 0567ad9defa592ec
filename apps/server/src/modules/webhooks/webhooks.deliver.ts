import { createHmac } from 'node:crypto';
import type { WebhookEvent } from '@raccord/schemas';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { enqueueJob } from '../jobs/jobs.queue';
import { type SendOptions, sendWebhook } from './webhooks.send';
import { webhookDeliveries } from './webhooks.tables';

export const WEBHOOK_DELIVER_JOB = 'webhooks.deliver';

/** Waits before attempts 2, 3, …: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h (7 attempts over ~21 h). */
export const RETRY_SCHEDULE_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000];
const TIMEOUT_MS = 10_000;

/** `Raccord-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Records one delivery and enqueues its first attempt, in the caller's transaction. */
export async function queueDelivery(
  tx: DbOrTx,
  clock: Clock,
  d: { endpointId: string; event: string; contractId: string | null; payload: Record<string, unknown> },
) {
  const now = clock.now();
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({ ...d, state: 'pending', attempts: 0, createdAt: now, nextAttemptAt: now })
    .returning();
  if (!row) throw new Error('webhook delivery not recorded');
  await enqueueJob(tx, clock, WEBHOOK_DELIVER_JOB, { deliveryId: row.id }, { maxAttempts: 3 });
  return row;
}

/**
 * Tells every live party of the contract other than its owner, through each of its endpoints
 * subscribed to `event`. Called in the transaction of the change: the deliveries exist if and
 * only if the change committed. `data` is the event's own content; each receiver also gets the
 * contract as it knows it (its own reference).
 */
export async function emitContractEvent(
  tx: DbOrTx,
  clock: Clock,
  event: WebhookEvent,
  contractId: string,
  data: Record<string, unknown>,
): Promise<number> {
  const res = await tx.execute(sql`
    SELECT e.id, p.reference, p.role FROM webhook_endpoints e
    JOIN contract_parties p ON p.organization_id = e.organization_id AND p.project_id = ${contractId} AND p.is_live
    JOIN contract_projects c ON c.id = p.project_id AND c.owner_id <> p.organization_id
    WHERE e.deleted_at IS NULL AND e.events @> ${JSON.stringify([event])}::jsonb
      AND (e.contract_ids IS NULL OR e.contract_ids ? ${contractId})
    ORDER BY e.id`);
  const targets = res.rows as Array<{ id: string; reference: string | null; role: string }>;
  for (const t of targets) {
    await queueDelivery(tx, clock, {
      endpointId: t.id,
      event,
      contractId,
      payload: { contract: { id: contractId, reference: t.reference, role: t.role }, data },
    });
  }
  return targets.length;
}

export interface DeliverDeps {
  db: Db;
  clock: Clock;
  /** WEBHOOK_ALLOW_INSECURE: receivers on private addresses are allowed (development only). */
  config: { webhookAllowInsecure: boolean };
  /** Tests inject a resolver; the product uses the system's. */
  lookup?: SendOptions['lookup'];
}

/**
 * Job: one attempt of one delivery. A 2xx answer within 10 s delivers it; anything else is
 * recorded (status or error, duration) and the next attempt is scheduled, until the last one
 * marks it failed. Redirects are not followed. The body is signed with the endpoint's secret.
 */
export async function deliverWebhook(deps: DeliverDeps, deliveryId: number): Promise<void> {
  const res = await deps.db.execute(sql`
    SELECT d.id, d.event, d.contract_id, d.payload, d.state, d.attempts, d.created_at,
           e.url, e.secret, e.deleted_at
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ${deliveryId}`);
  const d = res.rows[0] as
    | {
        id: number;
        event: string;
        contract_id: string | null;
        payload: Record<string, unknown>;
        state: string;
        attempts: number;
        created_at: Date;
        url: string;
        secret: string;
        deleted_at: Date | null;
      }
    | undefined;
  if (d?.state !== 'pending') return;
  const now = deps.clock.now();
  if (d.deleted_at) {
    await deps.db
      .update(webhookDeliveries)
      .set({ state: 'failed', lastError: 'Webhook supprimé avant l’envoi.', nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    return;
  }
  const body = JSON.stringify({
    id: String(d.id),
    event: d.event,
    createdAt: new Date(d.created_at).toISOString(),
    ...d.payload,
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = await sendWebhook(
      d.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Raccord-Webhooks/1',
        'raccord-event': d.event,
        'raccord-delivery': String(d.id),
        'raccord-signature': signatureOf(d.secret, timestamp, body),
      },
      body,
      {
        allowPrivate: deps.config.webhookAllowInsecure,
        timeoutMs: TIMEOUT_MS,
        ...(deps.lookup ? { lookup: deps.lookup } : {}),
      },
    );
    if (status < 200 || status >= 300) error = `Réponse HTTP ${status}`;
  } catch (err) {
    error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
  }
  const durationMs = Math.round(performance.now() - started);
  const attempts = d.attempts + 1;
  if (!error) {
    await deps.db
      .update(webhookDeliveries)
      .set({
        state: 'delivered',
        attempts,
        lastStatus: status,
        lastError: null,
        lastDurationMs: durationMs,
        lastAttemptAt: now,
        nextAttemptAt: null,
        deliveredAt: now,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    return;
  }
  const wait = RETRY_SCHEDULE_MS[attempts - 1];
  const next = wait === undefined ? null : new Date(now.getTime() + wait);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        state: next ? 'pending' : 'failed',
        attempts,
        lastStatus: status,
        lastError: error,
        lastDurationMs: durationMs,
        lastAttemptAt: now,
        nextAttemptAt: next,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    if (next) await enqueueJob(tx, deps.clock, WEBHOOK_DELIVER_JOB, { deliveryId }, { runAt: next, maxAttempts: 3 });
  });
}
