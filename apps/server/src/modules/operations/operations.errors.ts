import type { OperationErrorCode } from '@raccord/schemas';
import { AppError } from '../../shared/errors';

/** Why one log of a batch (or one CSV line) was refused: a stable code, a French message, the field. */
export interface Refusal {
  code: OperationErrorCode | 'validation.failed';
  message: string;
  field?: string;
}

const stateLabels: Record<string, string> = {
  draft: 'brouillon',
  awaiting_parties: 'en attente des parties',
  ready_to_validate: 'prêt à valider',
  validating: 'en cours de validation',
  cancelled: 'annulé',
};

export const refusals = {
  invalid: (field: string, message: string): Refusal => ({ code: 'operation.invalid_log', message, field }),
  statusEvent: (status: string, event: string): Refusal => ({
    code: 'operation.invalid_status_event',
    message: `Le couple statut / événement « ${status} / ${event} » n’est pas reconnu.`,
    field: 'event',
  }),
  invalidDate: (field: string): Refusal => ({
    code: 'operation.invalid_date',
    message: 'Date illisible : format ISO 8601 attendu (ex. 2026-03-02T09:30:00Z).',
    field,
  }),
  future: (field: string): Refusal => ({
    code: 'operation.date_in_future',
    message: 'Date trop loin dans le futur.',
    field,
  }),
  tooOld: (field: string): Refusal => ({
    code: 'operation.date_too_old',
    message: 'Date antérieure au 1er janvier 2000.',
    field,
  }),
  contractNotFound: (reference: string): Refusal => ({
    code: 'operation.contract_not_found',
    message: `Aucun contrat de votre organisation ne porte la référence « ${reference} ».`,
    field: 'contractReference',
  }),
  contractMismatch: (reference: string): Refusal => ({
    code: 'operation.contract_mismatch',
    message: `La référence de contrat « ${reference} » n’est pas celle de ce contrat.`,
    field: 'contractReference',
  }),
  notActive: (state: string): Refusal => ({
    code: 'operation.contract_not_active',
    message: `Le contrat n’est pas encore actif (état : ${stateLabels[state] ?? state}).`,
    field: 'contractReference',
  }),
  suspended: (): Refusal => ({
    code: 'operation.contract_suspended',
    message: 'Le contrat est suspendu : aucune opération n’est acceptée.',
    field: 'contractReference',
  }),
  terminated: (): Refusal => ({
    code: 'operation.contract_terminated',
    message: 'Le contrat est résilié : aucune opération n’est acceptée.',
    field: 'contractReference',
  }),
  notProvider: (): Refusal => ({
    code: 'operation.sender_not_provider',
    message: 'Seuls le prestataire et le tiers du contrat envoient des opérations.',
    field: 'contractReference',
  }),
  assetNotShared: (reference: string): Refusal => ({
    code: 'operation.asset_not_shared',
    message: `L’élément « ${reference} » ne fait pas partie du patrimoine partagé par ce contrat.`,
    field: 'location.assetReference',
  }),
};

export const operationErrors = {
  batchTooLarge: (max: number, got: number) =>
    new AppError('operation.batch_too_large', 413, `Un lot compte au plus ${max} journaux (reçu : ${got}).`, {
      max,
      got,
      field: 'logs',
    }),
  batchEmpty: () =>
    new AppError('operation.batch_empty', 400, 'Le lot est vide : envoyez un journal ou { "logs": [ … ] }.', {
      field: 'logs',
    }),
  csvInvalid: (message: string, line?: number) =>
    new AppError('operation.csv_invalid', 400, message, line !== undefined ? { line } : {}),
  notFound: () => new AppError('operation.not_found', 404, 'Opération introuvable.'),
  senderNotProvider: () =>
    new AppError(
      'operation.sender_not_provider',
      403,
      'Seuls le prestataire et le tiers du contrat envoient des opérations.',
    ),
  invalidCursor: () =>
    new AppError('operation.invalid_cursor', 400, 'Curseur de pagination invalide.', { field: 'after' }),
};
