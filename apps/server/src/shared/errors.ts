import type { ErrorCode } from '@raccord/schemas';

/** The one error type of the application: a stable dotted code, an HTTP status, a French message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const commonErrors = {
  authRequired: () => new AppError('auth.required', 401, 'Connexion requise.'),
  forbidden: (why = 'Vous n’avez pas les droits pour cette action.') => new AppError('auth.forbidden', 403, why),
  notFound: (what = 'Ressource') => new AppError('request.not_found', 404, `${what} introuvable.`),
  validation: (field: string, message: string) =>
    new AppError('validation.failed', 400, message, { field, issues: [{ path: field.split('.'), message }] }),
};
