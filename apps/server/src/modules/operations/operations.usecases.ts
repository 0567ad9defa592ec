import { MAX_LOGS_PER_BATCH } from '@raccord/schemas';
import { type Actor, requireOrganizationActor } from '../../shared/actor';
import { syncErrors } from '../sync/sync.errors';
import { parseLogsCsv } from './operations.csv';
import { operationErrors } from './operations.errors';
import { type IngestDeps, type IngestItem, ingestLogs } from './operations.ingest';
import { contractOfParty } from './operations.repository';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `POST /api/operations/logs`: one log, `{ logs: [ … ] }` (or a bare array) of up to 1,000.
 * A malformed item is refused on its own; only the envelope can fail the whole request.
 */
export async function receiveLogs(deps: IngestDeps, actor: Actor | null, body: unknown) {
  requireOrganizationActor(actor);
  let raw: unknown[];
  if (Array.isArray(body)) raw = body;
  else if (isObject(body) && 'logs' in body) {
    if (!Array.isArray(body.logs)) throw operationErrors.batchEmpty();
    raw = body.logs;
  } else if (isObject(body)) raw = [body];
  else throw operationErrors.batchEmpty();
  if (raw.length === 0) throw operationErrors.batchEmpty();
  if (raw.length > MAX_LOGS_PER_BATCH) throw operationErrors.batchTooLarge(MAX_LOGS_PER_BATCH, raw.length);
  return ingestLogs(
    deps,
    actor,
    raw.map((r) => ({ raw: r })),
    { via: 'api' },
  );
}

/**
 * CSV upload on one contract (console or API): each line is a log, checked like a batch item and
 * answered with its line number. Stored 1,000 lines per transaction: a failure part-way keeps the
 * committed batches, and a resend of the whole file stores each remaining log once.
 */
export async function receiveLogsCsv(deps: IngestDeps, actor: Actor | null, contractId: string, text: string) {
  const sender = requireOrganizationActor(actor);
  const contract = await contractOfParty(deps.db, sender.organizationId, contractId);
  if (!contract) throw syncErrors.contractNotFound();
  if (contract.role === 'owner') throw operationErrors.senderNotProvider();
  const items = parseLogsCsv(text);
  const total = {
    results: [] as Awaited<ReturnType<typeof ingestLogs>>['results'],
    accepted: 0,
    duplicates: 0,
    refused: 0,
  };
  for (let start = 0; start < items.length; start += MAX_LOGS_PER_BATCH) {
    const chunk: IngestItem[] = items.slice(start, start + MAX_LOGS_PER_BATCH);
    const out = await ingestLogs(deps, actor, chunk, { via: 'csv', fixed: contract });
    total.results.push(...out.results.map((r) => ({ ...r, index: r.index + start })));
    total.accepted += out.accepted;
    total.duplicates += out.duplicates;
    total.refused += out.refused;
  }
  return total;
}
