import { createHash } from 'node:crypto';
import { isValidStatusEvent, type OperationLogInput, operationLogInput } from '@raccord/schemas';
import { type Refusal, refusals } from './operations.errors';

/** A log that passed the shape, pair and date checks (contract and element not checked yet). */
export interface ParsedLog extends Omit<OperationLogInput, 'eventDate' | 'logDate' | 'criticalLevel'> {
  eventDate: Date;
  logDate: Date;
  criticalLevel?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const DAY_MS = 86_400_000;
const EARLIEST = Date.UTC(2000, 0, 1);

/**
 * ISO 8601 date or date-time. A date-time without offset is read as UTC (JavaScript would read it
 * in the server's zone), so the stored instant never depends on where the server runs.
 */
export function parseIsoDate(value: string): Date | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const normalized = value.includes(':') && !m[1] ? `${value.replace(' ', 'T')}Z` : value.replace(' ', 'T');
  const d = new Date(normalized);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * How far ahead a date may be: a plan (open/planned, pending/replanned) names a future visit, up to
 * a year ahead; everything else happened already (a day of slack for clocks and time zones).
 */
function maxAhead(field: 'eventDate' | 'logDate', event: string): number {
  return field === 'eventDate' && (event === 'planned' || event === 'replanned') ? 366 * DAY_MS : DAY_MS;
}

function checkDate(field: 'eventDate' | 'logDate', value: string, event: string, now: Date): Date | Refusal {
  const d = parseIsoDate(value);
  if (!d) return refusals.invalidDate(field);
  if (d.getTime() < EARLIEST) return refusals.tooOld(field);
  if (d.getTime() > now.getTime() + maxAhead(field, event)) return refusals.future(field);
  return d;
}

const isRefusal = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'code' in v;

/** Shape, status / event pair and dates of one raw item: a parsed log or the first refusal. */
export function parseLog(raw: unknown, now: Date): { log: ParsedLog } | { refusal: Refusal } {
  const parsed = operationLogInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String) ?? [];
    const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.map(String) : [];
    const field = [...path, ...keys.slice(0, 1)].join('.') || 'log';
    const message =
      issue?.code === 'unrecognized_keys'
        ? `Champ inconnu : ${keys.join(', ')}`
        : (issue?.message ?? 'Valeur invalide');
    return { refusal: refusals.invalid(field, `« ${field} » : ${message}`) };
  }
  const input = parsed.data;
  if (!isValidStatusEvent(input.status, input.event))
    return { refusal: refusals.statusEvent(input.status, input.event) };
  const eventDate = checkDate('eventDate', input.eventDate, input.event, now);
  if (isRefusal(eventDate)) return { refusal: eventDate };
  const logDate = input.logDate === undefined ? eventDate : checkDate('logDate', input.logDate, input.event, now);
  if (isRefusal(logDate)) return { refusal: logDate };
  const { criticalLevel, ...rest } = input;
  return {
    log: {
      ...rest,
      eventDate,
      logDate,
      ...(criticalLevel !== undefined && criticalLevel !== '' ? { criticalLevel: String(criticalLevel) } : {}),
    },
  };
}

/**
 * The identity of a log, for idempotency: the sender, the contract, and either the sender's own
 * idempotency key or the natural key (operation reference, type, status, event, event and log
 * instants). A resent log — same batch or years later — hashes to the same key and is stored once;
 * a correction must carry a new logDate (or a new idempotency key).
 */
export function dedupKeyOf(senderOrgId: string, contractId: string, log: ParsedLog): string {
  const parts = log.idempotencyKey
    ? ['k', log.idempotencyKey]
    : [
        'n',
        log.reference,
        log.operationType,
        log.status,
        log.event,
        log.eventDate.toISOString(),
        log.logDate.toISOString(),
      ];
  return createHash('sha256')
    .update(JSON.stringify([senderOrgId, contractId, ...parts]))
    .digest('base64url');
}

/** The UTC day of an instant, as the daily counters key it. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
