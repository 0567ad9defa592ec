/** Operation logs sent by providers' connectors, and connector activation (issue 5). */
import { z } from 'zod';
import { isoDate } from './common';
// One list of work types for operation logs and service codes (preventive / corrective).
import { workTypes } from './service-codes';

/** Error codes of operation ingestion and connector activation. */
export const operationErrorCodes = [
  'operation.invalid_log',
  'operation.invalid_status_event',
  'operation.invalid_date',
  'operation.date_in_future',
  'operation.date_too_old',
  'operation.contract_not_found',
  'operation.contract_mismatch',
  'operation.contract_not_active',
  'operation.contract_suspended',
  'operation.contract_terminated',
  'operation.sender_not_provider',
  'operation.asset_not_shared',
  'operation.batch_too_large',
  'operation.batch_empty',
  'operation.csv_invalid',
  'operation.not_found',
  'operation.invalid_cursor',
] as const;
export type OperationErrorCode = (typeof operationErrorCodes)[number];

export const operationTypes = ['intervention', 'quotation', 'reservation'] as const;
export const operationStatuses = ['open', 'pending', 'hold', 'closed', 'denied'] as const;
export const operationEvents = [
  'requested',
  'acknowledged',
  'planned',
  'replanned',
  'occupant_absent',
  'done',
  'partial_repair',
  'canceled',
] as const;

/** The status / event pairs in use on the platform (domain.md): any other pair is refused. */
export const statusEventPairs: ReadonlyArray<readonly [string, string]> = [
  ['open', 'requested'],
  ['open', 'acknowledged'],
  ['open', 'planned'],
  ['pending', 'replanned'],
  ['hold', 'occupant_absent'],
  ['closed', 'done'],
  ['closed', 'partial_repair'],
  ['closed', 'occupant_absent'],
  ['denied', 'canceled'],
];

export function isValidStatusEvent(status: string, event: string): boolean {
  return statusEventPairs.some(([s, e]) => s === status && e === event);
}

/** Largest batch of `POST /api/operations/logs`. */
export const MAX_LOGS_PER_BATCH = 1000;

const str = (max: number) => z.string().trim().min(1).max(max);

/** One log as a connector sends it (the pair and the dates are checked after this shape). */
export const operationLogInput = z.strictObject({
  reference: str(120),
  /** The sender's own reference for the contract (its party's reference). */
  contractReference: str(120),
  operationType: z.enum(operationTypes).default('intervention'),
  status: z.enum(operationStatuses),
  event: z.enum(operationEvents),
  eventDate: str(40),
  /** When the log was written by the sender's system; defaults to `eventDate`. */
  logDate: str(40).optional(),
  serviceCode: str(60),
  location: z.strictObject({ assetReference: str(120) }),
  workType: z.enum(workTypes),
  criticalLevel: z.union([z.string().trim().max(40), z.number().int()]).optional(),
  visitAttempt: z.coerce.number().int().min(0).max(1000).optional(),
  equipmentWorkingOrder: z.string().trim().max(60).optional(),
  /** People to reach about the operation, as free key / value pairs (name, phone, role…). */
  contacts: z
    .array(z.record(z.string().max(40), z.string().trim().max(400)))
    .max(10)
    .optional(),
  origin: z.string().trim().max(60).optional(),
  description: z.string().trim().max(4000).optional(),
  /**
   * Optional idempotency key chosen by the sender. Without it, a log is identified by its
   * operation reference, status, event, eventDate and logDate (see README of the module).
   */
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
});
export type OperationLogInput = z.infer<typeof operationLogInput>;

export const ingestResultStatuses = ['accepted', 'duplicate', 'refused'] as const;

export const ingestItemResult = z.object({
  /** Position in the batch (0-based); for a CSV, `line` is the line number in the file. */
  index: z.number().int(),
  line: z.number().int().optional(),
  status: z.enum(ingestResultStatuses),
  code: z.string().optional(),
  message: z.string().optional(),
  field: z.string().optional(),
  operationId: z.string().optional(),
});
export type IngestItemResult = z.infer<typeof ingestItemResult>;

export const ingestResponse = z.object({
  results: z.array(ingestItemResult),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  refused: z.number().int(),
});
export type IngestResponse = z.infer<typeof ingestResponse>;

export const operationSummarySchema = z.object({
  id: z.string(),
  contractId: z.string(),
  reference: z.string(),
  operationType: z.enum(operationTypes),
  status: z.string(),
  event: z.string(),
  workType: z.enum(workTypes),
  assetId: z.string(),
  assetReference: z.string(),
  serviceCode: z.string(),
  senderName: z.string(),
  firstEventAt: isoDate,
  lastEventAt: isoDate,
  logCount: z.number().int(),
  updatedAt: isoDate,
});
export type OperationSummary = z.infer<typeof operationSummarySchema>;

export const operationLogSchema = z.object({
  id: z.string(),
  status: z.string(),
  event: z.string(),
  eventDate: isoDate,
  logDate: isoDate,
  receivedAt: isoDate,
  serviceCode: z.string(),
  ownerServiceCode: z.string().nullable(),
  serviceCodeStatus: z.string(),
  workType: z.enum(workTypes),
  assetReference: z.string(),
  criticalLevel: z.string().nullable(),
  visitAttempt: z.number().int().nullable(),
  equipmentWorkingOrder: z.string().nullable(),
  contacts: z.array(z.record(z.string(), z.string())),
  origin: z.string().nullable(),
  description: z.string().nullable(),
  via: z.enum(['api', 'csv']),
  receivedBy: z.string(),
});
export type OperationLog = z.infer<typeof operationLogSchema>;

export const operationDetailSchema = operationSummarySchema.extend({ logs: z.array(operationLogSchema) });
export type OperationDetail = z.infer<typeof operationDetailSchema>;

export const operationListQuery = z.strictObject({
  status: z.enum(operationStatuses).optional(),
  workType: z.enum(workTypes).optional(),
  operationType: z.enum(operationTypes).optional(),
  assetReference: z.string().trim().min(1).max(120).optional(),
  /** Operations whose last event is on or after / before this instant (ISO 8601). */
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** The `next` of the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OperationListQuery = z.infer<typeof operationListQuery>;

export const operationPage = z.object({ items: z.array(operationSummarySchema), next: z.string().nullable() });
export type OperationPage = z.infer<typeof operationPage>;

export const operationParams = z.strictObject({ id: z.string().min(1).max(60), operationId: z.string().max(60) });

export const connectorStates = ['waiting', 'active', 'silent'] as const;
export type ConnectorState = (typeof connectorStates)[number];

export const connectorStatusSchema = z.object({
  contractId: z.string(),
  state: z.enum(connectorStates),
  stateEnteredAt: isoDate.nullable(),
  firstDataAt: isoDate.nullable(),
  lastDataAt: isoDate.nullable(),
  silentAfterDays: z.number().int(),
  /** The last 30 days, oldest first (UTC days), zeros included. */
  daily: z.array(z.object({ day: z.string(), accepted: z.number().int(), refused: z.number().int() })),
  refusalsByReason: z.array(z.object({ code: z.string(), count: z.number().int() })),
});
export type ConnectorStatus = z.infer<typeof connectorStatusSchema>;
