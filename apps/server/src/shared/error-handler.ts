import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors';

interface Issue {
  path: (string | number)[];
  message: string;
  code?: string;
}

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  message: string,
  details?: object,
) {
  return reply.status(status).send({ error: { code, message, details: details ?? {}, requestId: req.id } });
}

/** The one error handler: every failure leaves as `{ error: { code, message, details, requestId } }`. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.code === 'auth.rate_limited' && typeof err.details.retryAfterSeconds === 'number') {
      reply.header('retry-after', String(err.details.retryAfterSeconds));
    }
    return send(reply, req, err.status, err.code, err.message, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues: Issue[] = err.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      const keys = (v.params as { keys?: unknown }).keys;
      if (v.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
        // Unknown fields are refused; name the first one as the field at fault.
        return { path: [...path, String(keys[0])], message: `Champ inconnu : ${keys.join(', ')}`, code: v.keyword };
      }
      return { path, message: v.message ?? 'Valeur invalide', code: v.keyword };
    });
    const first = issues[0];
    const field = first ? first.path.join('.') : undefined;
    const where = err.validationContext === 'querystring' ? 'paramètre' : 'champ';
    const message = first ? `${where} « ${field || err.validationContext} » : ${first.message}` : 'Requête invalide.';
    return send(reply, req, 400, 'validation.failed', message, { field, location: err.validationContext, issues });
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    return send(reply, req, 500, 'internal.error', 'Erreur interne du serveur.');
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(reply, req, 413, 'request.too_large', 'Le corps de la requête est trop volumineux.');
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(reply, req, 415, 'validation.unsupported_media_type', 'Type de contenu non pris en charge.');
  }
  if (
    err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    err instanceof SyntaxError ||
    err.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
  ) {
    return send(reply, req, 400, 'validation.failed', 'Le corps JSON est invalide.', { location: 'body' });
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return send(reply, req, err.statusCode, 'request.invalid', err.message);
  }
  req.log.error({ err }, 'unhandled error');
  return send(reply, req, 500, 'internal.error', 'Erreur interne du serveur.');
}
