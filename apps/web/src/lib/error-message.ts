import { i18n } from '../i18n';
import { ApiError } from './api-client';

/** Plain values of the error's details, usable in translations as {{d_<key>}}, plus {{minutes}}. */
function interpolationValues(details: Record<string, unknown>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') values[`d_${key}`] = value;
  }
  const retry = details.retryAfterSeconds;
  if (typeof retry === 'number') values.minutes = Math.max(1, Math.ceil(retry / 60));
  return values;
}

/** The message to show for an error: the translation of its code, else the server's own message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key, interpolationValues(error.details));
    return error.message || i18n.t('errors.unknown');
  }
  if (error instanceof Error && error.message) return error.message;
  return i18n.t('errors.unknown');
}
