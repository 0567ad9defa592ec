import type { IngestItemResult, IngestResponse } from '@raccord/schemas';
import type { Db } from '../../db/client';
import { type Actor, actorLabel, requireOrganizationActor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { newId } from '../../shared/ids';
import { recordAcceptedData } from './operations.connector';
import { type Refusal, refusals } from './operations.errors';
import { dedupKeyOf, type ParsedLog, parseLog, utcDay } from './operations.models';
import {
  addDailyCounts,
  contractsByReferences,
  type LogRow,
  type SenderContract,
  sharedAssetsByReference,
  storeLogs,
} from './operations.repository';

export interface IngestDeps {
  db: Db;
  clock: Clock;
  config: { publicUrl: string };
}

/** One raw item of a batch; `line` for CSV uploads, `refusal` when the file's reader refused the line. */
export interface IngestItem {
  raw: unknown;
  line?: number;
  refusal?: Refusal;
}

interface Pending {
  index: number;
  log: ParsedLog;
  contract: SenderContract;
  assetId?: string;
  key?: string;
}

function refusalOf(contract: SenderContract): Refusal | null {
  if (contract.role === 'owner') return refusals.notProvider();
  if (contract.state === 'active') return null;
  if (contract.state === 'suspended') return refusals.suspended();
  if (contract.state === 'terminated') return refusals.terminated();
  return refusals.notActive(contract.state);
}

/**
 * Checks a batch item by item, then stores the accepted logs of the whole batch in one
 * transaction, set-based (see `storeLogs`): either every accepted log of the batch is committed
 * with its counters and the connector's activation, or none is and the sender resends (duplicates
 * are ignored). The answer has one result per item, in order.
 *
 * `fixed` is the contract named by the URL of a CSV upload: lines without a contract reference
 * belong to it, lines naming another reference are refused.
 */
export async function ingestLogs(
  deps: IngestDeps,
  actor: Actor | null,
  items: IngestItem[],
  opts: { via: 'api' | 'csv'; fixed?: SenderContract },
): Promise<IngestResponse> {
  const sender = requireOrganizationActor(actor);
  const now = deps.clock.now();
  const results: IngestItemResult[] = items.map((it, index) => ({
    index,
    ...(it.line !== undefined ? { line: it.line } : {}),
    status: 'accepted',
  }));
  const refusedByContract: Array<{ contractId: string; code: string }> = [];
  const refuse = (index: number, r: Refusal, contractId?: string) => {
    results[index] = { ...results[index], index, status: 'refused', code: r.code, message: r.message };
    if (r.field) (results[index] as IngestItemResult).field = r.field;
    if (contractId) refusedByContract.push({ contractId, code: r.code });
  };

  // 1. Shape, status / event pair, dates.
  const parsed: Array<{ index: number; log: ParsedLog }> = [];
  // Malformed logs that still name a contract: counted on it, so its owner sees why data is refused.
  const unattributed: Array<{ reference: string; code: string }> = [];
  items.forEach((it, index) => {
    const raw =
      opts.fixed && isObject(it.raw) && it.raw.contractReference === undefined
        ? { ...it.raw, contractReference: opts.fixed.reference }
        : it.raw;
    const out = it.refusal ? { refusal: it.refusal } : parseLog(raw, now);
    if (!('refusal' in out)) {
      parsed.push({ index, log: out.log });
      return;
    }
    refuse(index, out.refusal, opts.fixed?.id);
    const named = isObject(raw) ? raw.contractReference : undefined;
    if (!opts.fixed && typeof named === 'string' && named.trim().length > 0 && named.length <= 120) {
      unattributed.push({ reference: named.trim(), code: out.refusal.code });
    }
  });

  // 2. The contract, by the sender organisation's own reference: being found makes it a party.
  const contracts = opts.fixed
    ? new Map([[opts.fixed.reference.toLowerCase(), opts.fixed]])
    : await contractsByReferences(deps.db, sender.organizationId, [
        ...new Set([...parsed.map((p) => p.log.contractReference), ...unattributed.map((u) => u.reference)]),
      ]);
  for (const u of unattributed) {
    const contract = contracts.get(u.reference.toLowerCase());
    if (contract && contract.role !== 'owner') refusedByContract.push({ contractId: contract.id, code: u.code });
  }
  const pending: Pending[] = [];
  for (const p of parsed) {
    const contract = contracts.get(p.log.contractReference.toLowerCase());
    if (!contract) {
      refuse(
        p.index,
        opts.fixed
          ? refusals.contractMismatch(p.log.contractReference)
          : refusals.contractNotFound(p.log.contractReference),
        opts.fixed?.id,
      );
      continue;
    }
    const r = refusalOf(contract);
    if (r) refuse(p.index, r, contract.id);
    else pending.push({ ...p, contract });
  }

  // 3. The element: in the contract's shared set, of a shared type.
  const assets = await sharedAssetsByReference(
    deps.db,
    uniquePairs(pending.map((p) => ({ contractId: p.contract.id, reference: p.log.location.assetReference }))),
  );
  const seen = new Set<string>();
  const accepted: Pending[] = [];
  for (const p of pending) {
    const asset = assets.get(`${p.contract.id}|${p.log.location.assetReference}`);
    if (!asset || !p.contract.sharedTypes.includes(asset.type)) {
      refuse(p.index, refusals.assetNotShared(p.log.location.assetReference), p.contract.id);
      continue;
    }
    p.assetId = asset.assetId;
    p.key = dedupKeyOf(sender.organizationId, p.contract.id, p.log);
    // The same log twice in one batch: the first one counts, the others are duplicates.
    if (seen.has(p.key)) results[p.index] = { ...results[p.index], index: p.index, status: 'duplicate' };
    else {
      seen.add(p.key);
      accepted.push(p);
    }
  }

  // 4. One transaction: logs, operations, counters, activation.
  const opIds = new Map<string, string>();
  const rows: LogRow[] = accepted.map((p) => toRow(p, sender.organizationId, opIds));
  const inserted = await deps.db.transaction(async (tx) => {
    const stored = await storeLogs(tx, rows, { via: opts.via, receivedBy: actorLabel(sender), now });
    const perContract = new Map<string, { contract: SenderContract; n: number }>();
    for (const p of accepted) {
      if (!p.key || !stored.has(p.key)) continue;
      const entry = perContract.get(p.contract.id) ?? { contract: p.contract, n: 0 };
      entry.n++;
      perContract.set(p.contract.id, entry);
    }
    const refusedCounts = new Map<string, { contractId: string; code: string; count: number }>();
    for (const r of refusedByContract) {
      const k = `${r.contractId}|${r.code}`;
      const c = refusedCounts.get(k) ?? { ...r, count: 0 };
      c.count++;
      refusedCounts.set(k, c);
    }
    await addDailyCounts(tx, utcDay(now), [
      ...[...perContract.values()].map((e) => ({
        contractId: e.contract.id,
        outcome: 'accepted' as const,
        code: '',
        count: e.n,
      })),
      ...[...refusedCounts.values()].map((c) => ({ ...c, outcome: 'refused' as const })),
    ]);
    await recordAcceptedData(
      tx,
      deps,
      [...perContract.values()].map((e) => e.contract),
    );
    return stored;
  });

  for (const p of accepted) {
    const operationId = p.key ? inserted.get(p.key) : undefined;
    results[p.index] = operationId
      ? { ...results[p.index], index: p.index, status: 'accepted', operationId }
      : { ...results[p.index], index: p.index, status: 'duplicate' };
  }
  return {
    results,
    accepted: results.filter((r) => r.status === 'accepted').length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    refused: results.filter((r) => r.status === 'refused').length,
  };
}

function toRow(p: Pending, senderOrgId: string, opIds: Map<string, string>): LogRow {
  const { log } = p;
  const opKey = `${p.contract.id}|${log.reference}`;
  const opId = opIds.get(opKey) ?? newId('op');
  opIds.set(opKey, opId);
  return {
    op_id: opId,
    contract_id: p.contract.id,
    sender_org_id: senderOrgId,
    reference: log.reference,
    dedup_key: p.key ?? '',
    operation_type: log.operationType,
    status: log.status,
    event: log.event,
    event_date: log.eventDate.toISOString(),
    log_date: log.logDate.toISOString(),
    work_type: log.workType,
    asset_id: p.assetId ?? '',
    asset_reference: log.location.assetReference,
    service_code: log.serviceCode,
    critical_level: log.criticalLevel ?? null,
    visit_attempt: log.visitAttempt ?? null,
    equipment_working_order: log.equipmentWorkingOrder || null,
    contacts: (log.contacts ?? []) as Array<Record<string, string>>,
    origin: log.origin || null,
    description: log.description || null,
  };
}

function uniquePairs(pairs: Array<{ contractId: string; reference: string }>) {
  const m = new Map(pairs.map((p) => [`${p.contractId}|${p.reference}`, p]));
  return [...m.values()];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
