import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/** A contract as seen by the sender of a log: found by the sender organisation's own reference. */
export interface SenderContract {
  id: string;
  ownerId: string;
  label: string;
  state: string;
  role: string;
  reference: string;
  sharedTypes: string[];
}

/**
 * The contracts the sender's organisation is a live party of, by its own references
 * (case-insensitive, as the unique index `contract_parties_reference_uq` compares them).
 */
export async function contractsByReferences(
  db: DbOrTx,
  organizationId: string,
  references: string[],
): Promise<Map<string, SenderContract>> {
  const out = new Map<string, SenderContract>();
  if (references.length === 0) return out;
  const res = await db.execute(sql`
    SELECT c.id, c.owner_id AS "ownerId", c.label, c.state, p.role, p.reference,
           coalesce(c.frozen_terms->'sharedTypes', '[]'::jsonb) AS "sharedTypes"
    FROM contract_parties p JOIN contract_projects c ON c.id = p.project_id
    WHERE p.organization_id = ${organizationId} AND p.is_live AND p.reference IS NOT NULL
      AND lower(p.reference) IN (SELECT lower(r) FROM jsonb_array_elements_text(${JSON.stringify(references)}::jsonb) r)`);
  for (const row of res.rows as unknown as SenderContract[]) out.set(row.reference.toLowerCase(), row);
  return out;
}

/** The sender's party row on one contract (CSV uploads name the contract in the URL). */
export async function contractOfParty(
  db: DbOrTx,
  organizationId: string,
  contractId: string,
): Promise<SenderContract | null> {
  const res = await db.execute(sql`
    SELECT c.id, c.owner_id AS "ownerId", c.label, c.state, p.role, coalesce(p.reference, '') AS reference,
           coalesce(c.frozen_terms->'sharedTypes', '[]'::jsonb) AS "sharedTypes"
    FROM contract_parties p JOIN contract_projects c ON c.id = p.project_id
    WHERE p.organization_id = ${organizationId} AND c.id = ${contractId} AND c.frozen_terms IS NOT NULL`);
  return (res.rows[0] as unknown as SenderContract | undefined) ?? null;
}

/**
 * Which (contract, owner reference) pairs name an element of the contract's shared set: the
 * owner's unique (owner, reference) index finds the element, the shared set's primary key checks
 * it is shared. Returns `contractId|reference` → { assetId, type }.
 */
export async function sharedAssetsByReference(
  db: DbOrTx,
  pairs: Array<{ contractId: string; reference: string }>,
): Promise<Map<string, { assetId: string; type: string }>> {
  const out = new Map<string, { assetId: string; type: string }>();
  if (pairs.length === 0) return out;
  const res = await db.execute(sql`
    SELECT x.c AS "contractId", x.r AS reference, ca.asset_id AS "assetId", ca.type
    FROM json_to_recordset(${JSON.stringify(pairs.map((p) => ({ c: p.contractId, r: p.reference })))}::json)
         AS x(c text, r text)
    JOIN contract_projects cp ON cp.id = x.c
    JOIN assets a ON a.owner_id = cp.owner_id AND a.reference = x.r
    JOIN contract_assets ca ON ca.contract_id = x.c AND ca.asset_id = a.id`);
  for (const row of res.rows as Array<{ contractId: string; reference: string; assetId: string; type: string }>) {
    out.set(`${row.contractId}|${row.reference}`, { assetId: row.assetId, type: row.type });
  }
  return out;
}

/** One accepted log, ready to store (snake-case keys: read by json_to_recordset). */
export interface LogRow {
  op_id: string;
  contract_id: string;
  sender_org_id: string;
  reference: string;
  dedup_key: string;
  operation_type: string;
  status: string;
  event: string;
  event_date: string;
  log_date: string;
  work_type: string;
  asset_id: string;
  asset_reference: string;
  service_code: string;
  critical_level: string | null;
  visit_attempt: number | null;
  equipment_working_order: string | null;
  contacts: Array<Record<string, string>>;
  origin: string | null;
  description: string | null;
}

/**
 * The batch's latest log of an operation replaces its current status when it is not older. Evaluated
 * in SET against the row being updated, so two batches racing on one operation both fold correctly.
 */
const newer = sql.raw('(o.log_count = 0 OR (l.event_date, l.log_date) >= (o.status_event_at, o.status_log_at))');

const recordset = sql.raw(`(op_id text, contract_id text, sender_org_id text, reference text, dedup_key text,
  operation_type text, status text, event text, event_date timestamptz, log_date timestamptz, work_type text,
  asset_id text, asset_reference text, service_code text, critical_level text, visit_attempt int,
  equipment_working_order text, contacts jsonb, origin text, description text)`);

/**
 * Stores a batch of accepted logs, set-based, in the caller's transaction: one INSERT creates the
 * operations not seen yet; one statement inserts the logs (ON CONFLICT on the dedup key: a resent
 * log is skipped) and folds the inserted ones into their operations (count, first / last dates,
 * current status by the latest (eventDate, logDate)). Returns the dedup keys actually inserted.
 */
export async function storeLogs(
  tx: DbOrTx,
  rows: LogRow[],
  meta: { via: 'api' | 'csv'; receivedBy: string; now: Date },
): Promise<Map<string, string>> {
  const inserted = new Map<string, string>();
  if (rows.length === 0) return inserted;
  const json = JSON.stringify(rows);
  // The latest log of each operation in the batch seeds a new operation (log_count 0 until folded).
  const seeds = new Map<string, LogRow>();
  for (const r of rows) {
    const key = `${r.contract_id}|${r.sender_org_id}|${r.reference}`;
    const seen = seeds.get(key);
    const newer =
      !seen || r.event_date > seen.event_date || (r.event_date === seen.event_date && r.log_date > seen.log_date);
    if (newer) seeds.set(key, r);
  }
  // Sorted by key: concurrent batches take the unique index's locks in one order.
  const ops = [...seeds.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, r]) => r)
    .map(({ critical_level, visit_attempt, equipment_working_order, contacts, origin, description, ...op }) => op);
  await tx.execute(sql`
    INSERT INTO operations (id, contract_id, sender_org_id, reference, operation_type, status, event, work_type,
      asset_id, asset_reference, service_code, status_event_at, status_log_at, first_event_at, last_event_at,
      log_count, created_at, updated_at)
    SELECT op_id, contract_id, sender_org_id, reference, operation_type, status, event, work_type, asset_id,
      asset_reference, service_code, event_date, log_date, event_date, event_date, 0, ${meta.now}::timestamptz,
      ${meta.now}::timestamptz
    FROM json_to_recordset(${JSON.stringify(ops)}::json) AS x ${recordset}
    ON CONFLICT (contract_id, sender_org_id, reference) DO NOTHING`);
  const res = await tx.execute(sql`
    WITH x AS (SELECT * FROM json_to_recordset(${json}::json) AS x ${recordset}),
    ins AS (
      INSERT INTO operation_logs (operation_id, contract_id, sender_org_id, dedup_key, operation_type, status, event,
        event_date, log_date, work_type, asset_id, asset_reference, service_code, critical_level, visit_attempt,
        equipment_working_order, contacts, origin, description, via, received_by, received_at)
      SELECT o.id, x.contract_id, x.sender_org_id, x.dedup_key, x.operation_type, x.status, x.event, x.event_date,
        x.log_date, x.work_type, x.asset_id, x.asset_reference, x.service_code, x.critical_level, x.visit_attempt,
        x.equipment_working_order, coalesce(x.contacts, '[]'::jsonb), x.origin, x.description, ${meta.via},
        ${meta.receivedBy}, ${meta.now}::timestamptz
      FROM x JOIN operations o
        ON o.contract_id = x.contract_id AND o.sender_org_id = x.sender_org_id AND o.reference = x.reference
      ORDER BY x.dedup_key
      ON CONFLICT (contract_id, dedup_key) DO NOTHING
      RETURNING id, operation_id, dedup_key, status, event, event_date, log_date, work_type, asset_id,
        asset_reference, service_code),
    -- One pass over the inserted logs: each operation's latest log, with the batch's count and dates.
    l AS (
      SELECT DISTINCT ON (operation_id) operation_id, status, event, event_date, log_date, work_type, asset_id,
        asset_reference, service_code, count(*) OVER w AS n, min(event_date) OVER w AS first_at,
        max(event_date) OVER w AS last_at
      FROM ins WINDOW w AS (PARTITION BY operation_id)
      ORDER BY operation_id, event_date DESC, log_date DESC, id DESC),
    upd AS (
      UPDATE operations o SET
        log_count = o.log_count + l.n,
        first_event_at = CASE WHEN o.log_count = 0 THEN l.first_at ELSE least(o.first_event_at, l.first_at) END,
        last_event_at = CASE WHEN o.log_count = 0 THEN l.last_at ELSE greatest(o.last_event_at, l.last_at) END,
        status = CASE WHEN ${newer} THEN l.status ELSE o.status END,
        event = CASE WHEN ${newer} THEN l.event ELSE o.event END,
        work_type = CASE WHEN ${newer} THEN l.work_type ELSE o.work_type END,
        asset_id = CASE WHEN ${newer} THEN l.asset_id ELSE o.asset_id END,
        asset_reference = CASE WHEN ${newer} THEN l.asset_reference ELSE o.asset_reference END,
        service_code = CASE WHEN ${newer} THEN l.service_code ELSE o.service_code END,
        status_event_at = CASE WHEN ${newer} THEN l.event_date ELSE o.status_event_at END,
        status_log_at = CASE WHEN ${newer} THEN l.log_date ELSE o.status_log_at END,
        updated_at = ${meta.now}::timestamptz
      FROM l WHERE o.id = l.operation_id
      RETURNING o.id)
    SELECT dedup_key, operation_id FROM ins`);
  for (const row of res.rows as Array<{ dedup_key: string; operation_id: string }>) {
    inserted.set(row.dedup_key, row.operation_id);
  }
  return inserted;
}

/** Adds to the per-contract, per-day counters (sorted, so concurrent batches lock in one order). */
export async function addDailyCounts(
  tx: DbOrTx,
  day: string,
  counts: Array<{ contractId: string; outcome: 'accepted' | 'refused'; code: string; count: number }>,
): Promise<void> {
  const rows = counts
    .filter((c) => c.count > 0)
    .sort((a, b) => `${a.contractId}|${a.outcome}|${a.code}`.localeCompare(`${b.contractId}|${b.outcome}|${b.code}`))
    .map((c) => ({ c: c.contractId, o: c.outcome, k: c.code, n: c.count }));
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO operation_daily_counts (contract_id, day, outcome, code, count)
    SELECT x.c, ${day}::date, x.o, x.k, x.n FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(c text, o text, k text, n int)
    ON CONFLICT (contract_id, day, outcome, code) DO UPDATE SET count = operation_daily_counts.count + excluded.count`);
}
