import type { OperationDetail, OperationListQuery, OperationPage, OperationSummary } from '@raccord/schemas';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { type PartyAccess, requireContractParty } from '../sync/sync.access';
import { operationErrors } from './operations.errors';

interface SummaryRow {
  id: string;
  contractId: string;
  reference: string;
  operationType: OperationSummary['operationType'];
  status: string;
  event: string;
  workType: OperationSummary['workType'];
  assetId: string;
  assetReference: string;
  serviceCode: string;
  senderName: string;
  firstEventAt: Date;
  lastEventAt: Date;
  logCount: number;
  updatedAt: Date;
}

const summaryColumns = sql`o.id, o.contract_id AS "contractId", o.reference, o.operation_type AS "operationType",
  o.status, o.event, o.work_type AS "workType", o.asset_id AS "assetId", o.asset_reference AS "assetReference",
  o.service_code AS "serviceCode", org.name AS "senderName", o.first_event_at AS "firstEventAt",
  o.last_event_at AS "lastEventAt", o.log_count AS "logCount", o.updated_at AS "updatedAt"`;

function present(r: SummaryRow): OperationSummary {
  return {
    ...r,
    firstEventAt: new Date(r.firstEventAt).toISOString(),
    lastEventAt: new Date(r.lastEventAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** Owners see every operation of their contract; the other parties only those they sent. */
function visibleTo(access: PartyAccess): SQL {
  return access.role === 'owner' ? sql`true` : sql`o.sender_org_id = ${access.actor.organizationId}`;
}

function decodeCursor(after: string): { at: string; id: string } {
  const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) throw operationErrors.invalidCursor();
  return { at, id };
}

function dayBound(value: string, end: boolean): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : value;
}

/** A page of a contract's operations, newest last event first (keyset on (last_event_at, id)). */
export async function listOperations(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
  q: OperationListQuery,
): Promise<OperationPage> {
  const access = await requireContractParty(deps.db, actor, contractId);
  const conds: SQL[] = [sql`o.contract_id = ${access.contract.id}`, visibleTo(access)];
  if (q.status) conds.push(sql`o.status = ${q.status}`);
  if (q.workType) conds.push(sql`o.work_type = ${q.workType}`);
  if (q.operationType) conds.push(sql`o.operation_type = ${q.operationType}`);
  if (q.assetReference) conds.push(sql`o.asset_reference = ${q.assetReference}`);
  if (q.from) conds.push(sql`o.last_event_at >= ${dayBound(q.from, false)}::timestamptz`);
  if (q.to) conds.push(sql`o.last_event_at <= ${dayBound(q.to, true)}::timestamptz`);
  if (q.after) {
    const c = decodeCursor(q.after);
    conds.push(sql`(o.last_event_at, o.id) < (${c.at}::timestamptz, ${c.id})`);
  }
  const res = await deps.db.execute(sql`
    SELECT ${summaryColumns} FROM operations o JOIN organizations org ON org.id = o.sender_org_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY o.last_event_at DESC, o.id DESC LIMIT ${q.limit}`);
  const items = (res.rows as unknown as SummaryRow[]).map(present);
  const last = items[items.length - 1];
  const next =
    items.length === q.limit && last ? Buffer.from(`${last.lastEventAt}|${last.id}`).toString('base64url') : null;
  return { items, next };
}

/** One operation with its logs in event order (same visibility as the list). */
export async function getOperation(
  deps: { db: Db },
  actor: Actor | null,
  contractId: string,
  operationId: string,
): Promise<OperationDetail> {
  const access = await requireContractParty(deps.db, actor, contractId);
  const res = await deps.db.execute(sql`
    SELECT ${summaryColumns} FROM operations o JOIN organizations org ON org.id = o.sender_org_id
    WHERE o.id = ${operationId} AND o.contract_id = ${access.contract.id} AND ${visibleTo(access)}`);
  const row = res.rows[0] as unknown as SummaryRow | undefined;
  if (!row) throw operationErrors.notFound();
  const logs = await deps.db.execute(sql`
    SELECT id::text, status, event, event_date AS "eventDate", log_date AS "logDate", received_at AS "receivedAt",
      service_code AS "serviceCode", owner_service_code AS "ownerServiceCode",
      service_code_status AS "serviceCodeStatus", work_type AS "workType", asset_reference AS "assetReference",
      critical_level AS "criticalLevel", visit_attempt AS "visitAttempt",
      equipment_working_order AS "equipmentWorkingOrder", contacts, origin, description, via,
      received_by AS "receivedBy"
    FROM operation_logs WHERE operation_id = ${row.id} AND contract_id = ${access.contract.id}
    ORDER BY event_date, log_date, id`);
  return {
    ...present(row),
    logs: (logs.rows as Array<Record<string, unknown>>).map((l) => ({
      ...(l as unknown as OperationDetail['logs'][number]),
      eventDate: new Date(l.eventDate as Date).toISOString(),
      logDate: new Date(l.logDate as Date).toISOString(),
      receivedAt: new Date(l.receivedAt as Date).toISOString(),
    })),
  };
}
