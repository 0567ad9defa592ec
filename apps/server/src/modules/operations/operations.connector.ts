import type { ConnectorStatus } from '@raccord/schemas';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { renderMail } from '../mail/mail.templates';
import { queueMail } from '../mail/mail.usecases';
import { adminEmails } from '../organizations/organizations.repository';
import { requireContractParty } from '../sync/sync.access';
import { utcDay } from './operations.models';
import { contractConnectors } from './operations.tables';

export const CONNECTOR_SILENCE_JOB = 'operations.connector_silence';
const DAY_MS = 86_400_000;

interface ContractRef {
  id: string;
  ownerId: string;
  label: string;
}

/**
 * Records accepted data on contracts, in the ingestion transaction: the first accepted log makes
 * the connector active, new data after a silence makes it active again; either e-mails the
 * owner's admins (outbox, same transaction).
 */
export async function recordAcceptedData(
  tx: DbOrTx,
  deps: { clock: Clock; config: { publicUrl: string } },
  contracts: ContractRef[],
): Promise<void> {
  if (contracts.length === 0) return;
  const now = deps.clock.now();
  const ids = contracts.map((c) => c.id).sort();
  const res = await tx.execute(sql`
    WITH old AS (
      SELECT contract_id, state FROM contract_connectors
      WHERE contract_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)) FOR UPDATE),
    up AS (
      INSERT INTO contract_connectors (contract_id, state, state_entered_at, first_data_at, last_data_at, updated_at)
      SELECT c, 'active', ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) c
      ON CONFLICT (contract_id) DO UPDATE SET
        last_data_at = greatest(contract_connectors.last_data_at, excluded.last_data_at),
        state_entered_at = CASE WHEN contract_connectors.state = 'active' THEN contract_connectors.state_entered_at
                                ELSE excluded.state_entered_at END,
        state = 'active', updated_at = excluded.updated_at
      RETURNING contract_id, (xmax = 0) AS inserted)
    SELECT up.contract_id AS id, up.inserted, old.state AS before FROM up LEFT JOIN old USING (contract_id)`);
  for (const row of res.rows as Array<{ id: string; inserted: boolean; before: string | null }>) {
    if (!row.inserted && row.before !== 'silent') continue;
    const contract = contracts.find((c) => c.id === row.id);
    if (contract) await tellOwner(tx, deps, contract, row.inserted ? 'active' : 'resumed');
  }
}

const mails = {
  active: {
    kind: 'connector.active',
    subject: (l: string) => `Connecteur actif sur le contrat « ${l} »`,
    line: 'Le connecteur du prestataire a envoyé ses premières données : il est désormais actif.',
  },
  resumed: {
    kind: 'connector.resumed',
    subject: (l: string) => `Connecteur de nouveau actif sur le contrat « ${l} »`,
    line: 'Le connecteur du prestataire envoie de nouveau des données après une période de silence.',
  },
  silent: {
    kind: 'connector.silent',
    subject: (l: string) => `Connecteur silencieux sur le contrat « ${l} »`,
    line: 'Le connecteur du prestataire n’a envoyé aucune donnée acceptée depuis plusieurs jours.',
  },
} as const;

async function tellOwner(
  tx: DbOrTx,
  deps: { clock: Clock; config: { publicUrl: string } },
  contract: ContractRef,
  what: keyof typeof mails,
  extra: string[] = [],
) {
  const admins = await adminEmails(tx, [contract.ownerId]);
  const m = mails[what];
  for (const admin of admins) {
    const content = renderMail({
      subject: m.subject(contract.label),
      greeting: 'Bonjour,',
      paragraphs: [m.line, ...extra],
      action: {
        label: 'Voir l’activation du connecteur',
        url: `${deps.config.publicUrl}/contrats/projets/${contract.id}#connecteur`,
      },
    });
    await queueMail(tx, deps.clock, { ...content, to: admin.email, kind: m.kind, organizationId: contract.ownerId });
  }
}

/**
 * Job: active connectors of active contracts with no accepted data for `silentDays` become silent,
 * and their owners' admins are e-mailed, in one transaction (a rerun finds nothing left to do).
 */
export async function markSilentConnectors(deps: {
  db: Db;
  clock: Clock;
  config: { publicUrl: string; connectorSilentDays: number };
}): Promise<number> {
  const now = deps.clock.now();
  const limit = new Date(now.getTime() - deps.config.connectorSilentDays * DAY_MS);
  return deps.db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      UPDATE contract_connectors cc SET state = 'silent', state_entered_at = ${now}::timestamptz,
        updated_at = ${now}::timestamptz
      FROM contract_projects c
      WHERE c.id = cc.contract_id AND c.state = 'active' AND cc.state = 'active' AND cc.last_data_at < ${limit}::timestamptz
      RETURNING cc.contract_id AS id, c.owner_id AS "ownerId", c.label, cc.last_data_at AS "lastDataAt"`);
    const rows = res.rows as unknown as Array<ContractRef & { lastDataAt: Date }>;
    for (const row of rows) {
      const last = new Date(row.lastDataAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });
      await tellOwner(tx, deps, row, 'silent', [`Dernière donnée reçue : ${last}.`]);
    }
    return rows.length;
  });
}

/** State, dates, last 30 days of accepted / refused logs and refusals by reason (any party). */
export async function getConnectorStatus(
  deps: { db: Db; clock: Clock; config: { connectorSilentDays: number } },
  actor: Actor | null,
  contractId: string,
): Promise<ConnectorStatus> {
  const { contract } = await requireContractParty(deps.db, actor, contractId);
  const [row] = await deps.db.select().from(contractConnectors).where(eq(contractConnectors.contractId, contract.id));
  const today = utcDay(deps.clock.now());
  const first = utcDay(new Date(Date.parse(today) - 29 * DAY_MS));
  const res = await deps.db.execute(sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, outcome, code, count FROM operation_daily_counts
    WHERE contract_id = ${contract.id} AND day BETWEEN ${first}::date AND ${today}::date`);
  const counts = res.rows as Array<{
    day: string;
    outcome: 'accepted' | 'refused' | 'unknown_code';
    code: string;
    count: number;
  }>;
  const daily = Array.from({ length: 30 }, (_, i) => ({
    day: utcDay(new Date(Date.parse(first) + i * DAY_MS)),
    accepted: 0,
    refused: 0,
  }));
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const reasons = new Map<string, number>();
  const unknown = new Map<string, number>();
  for (const c of counts) {
    if (c.outcome === 'unknown_code') {
      unknown.set(c.code, (unknown.get(c.code) ?? 0) + c.count);
      continue;
    }
    const d = byDay.get(c.day);
    if (d) d[c.outcome] += c.count;
    if (c.outcome === 'refused') reasons.set(c.code, (reasons.get(c.code) ?? 0) + c.count);
  }
  return {
    contractId: contract.id,
    state: row?.state ?? 'waiting',
    stateEnteredAt: row?.stateEnteredAt.toISOString() ?? null,
    firstDataAt: row?.firstDataAt.toISOString() ?? null,
    lastDataAt: row?.lastDataAt.toISOString() ?? null,
    silentAfterDays: deps.config.connectorSilentDays,
    daily,
    refusalsByReason: [...reasons.entries()]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    unknownServiceCodes: [...unknown.entries()]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}
