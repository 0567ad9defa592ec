import type { SessionResponse } from '@raccord/schemas';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor, RequestMeta } from './actor';
import type { Clock } from './clock';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules get: narrowed dependencies, never the whole process. */
export interface AppDeps {
  config: Config;
  db: Db;
  engine: 'pglite' | 'postgresql';
  clock: Clock;
  /** Tells this process's job runner that work was enqueued (no-op when the worker runs elsewhere). */
  wakeJobs: () => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Hash of the session id when the request came with a valid session cookie. */
    sessionIdHash: string | null;
    /** The session as GET /api/auth/session returns it (set with sessionIdHash). */
    sessionView: SessionResponse | null;
  }
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 400) : null };
}

export const SESSION_COOKIE = 'raccord_session';
