/**
 * Stable, dotted error codes shared by the server and the console.
 * The server answers `{ error: { code, message, details, requestId } }`; the console maps the code
 * to a French or English message (see apps/web/src/i18n) and falls back to the server's message.
 */
import { operationErrorCodes } from './operations';
import { serviceCodeErrorCodes } from './service-codes';
import { syncErrorCodes } from './sync';
import { webhookErrorCodes } from './webhooks';

const coreErrorCodes = [
  'validation.failed',
  'request.too_large',
  'request.not_found',
  'request.rate_limited',
  'internal.error',
  'auth.required',
  'auth.invalid_credentials',
  'auth.rate_limited',
  'auth.csrf_invalid',
  'auth.forbidden',
  'auth.session_expired',
  'auth.password_too_weak',
  'auth.wrong_password',
  'auth.invalid_api_key',
  'auth.api_key_expired',
  'auth.session_required',
  'api_key.not_found',
  'organization.not_found',
  'organization.siren_invalid',
  'organization.siren_taken',
  'organization.kinds_required',
  'user.not_found',
  'user.email_taken',
  'user.last_admin',
  'trade.not_found',
  'trade.code_taken',
  'trade.label_taken',
  'trade.inactive',
  'trade_request.not_found',
  'trade_request.closed',
  'contract.not_found',
  'contract.not_party',
  'contract.field_not_owned',
  'contract.stale_version',
  'contract.reference_taken',
  'contract.not_editable',
  'contract.not_ready',
  'contract.incomplete',
  'contract.invalid_party',
  'contract.duplicate_party',
  'contract.not_cancellable',
  'contract.not_invitable',
  'contract.reminder_limit',
  'invitation.not_found',
  'invitation.expired',
  'invitation.revoked',
  'invitation.used',
  'invitation.account_exists',
  'asset.not_found',
  'asset.not_owner',
  'asset.reference_taken',
  'asset.forbidden_parent',
  'asset.invalid_kind',
  'asset.commune_required',
  'asset.unknown_commune',
  'asset.cycle',
  'asset.frozen',
  'asset.invalid_served_site',
  'asset.import_in_progress',
  'import.not_found',
  'import.invalid_file',
  'import.too_large',
  'perimeter.unknown_node',
  'sync.contract_not_found',
  'sync.contract_suspended',
  'sync.contract_terminated',
  'sync.not_owner_admin',
  'sync.invalid_transition',
] as const;

/** Every code; each later module keeps its own list in its schema file (operations, service codes). */
export const errorCodes = [
  ...coreErrorCodes,
  ...operationErrorCodes,
  ...serviceCodeErrorCodes,
  ...syncErrorCodes,
  ...webhookErrorCodes,
] as const;

export type ErrorCode = (typeof errorCodes)[number] | (string & {});

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: Record<string, unknown>;
    requestId?: string;
  };
}
