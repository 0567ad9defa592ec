import { changePasswordBody, loginBody, okSchema, sessionResponse, updateMeBody, userSchema } from '@raccord/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../../shared/actor';
import { commonErrors } from '../../shared/errors';
import { type App, type AppDeps, requestMeta, SESSION_COOKIE } from '../../shared/http';
import { apiKeyErrors, resolveApiKey } from './auth.api-keys';
import { authErrors } from './auth.errors';
import { changePassword, type LoginResult, login, logout, resolveSession, updateMe } from './auth.usecases';

/**
 * Resolves the session cookie into `request.actor`, and enforces the CSRF token on every
 * state-changing request made with that cookie.
 */
export function authHook(deps: AppDeps) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    req.actor = null;
    req.sessionIdHash = null;
    req.sessionView = null;
    const authorization = req.headers.authorization;
    if (authorization) {
      // Integrations: an API key acts for its organisation; no cookie, so no CSRF token either.
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) throw apiKeyErrors.invalid();
      req.actor = await resolveApiKey(deps, match[1], requestMeta(req));
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(deps, token, requestMeta(req));
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== session.csrfToken) throw authErrors.csrfInvalid();
    }
    req.actor = session.actor;
    req.sessionIdHash = session.idHash;
    req.sessionView = session.response;
  };
}

/** Sets the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS); returns the response body. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, result: LoginResult) {
  reply.setCookie(SESSION_COOKIE, result.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    expires: new Date(result.response.expiresAt),
  });
  return result.response;
}

export function authRoutes(app: App, deps: AppDeps) {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Se connecter (pose le cookie de session, renvoie le jeton CSRF)',
        body: loginBody,
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const result = await login(deps, req.body, requestMeta(req));
      return setSessionCookie(req, reply, result);
    },
  );

  app.get(
    '/auth/session',
    { schema: { tags: ['auth'], summary: 'Session en cours', response: { 200: sessionResponse } } },
    async (req) => {
      requireUser(req.actor);
      if (!req.sessionView) throw commonErrors.authRequired();
      return req.sessionView;
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Se déconnecter', response: { 200: okSchema } } },
    async (req, reply) => {
      await logout(deps, req.actor, req.sessionIdHash ?? '');
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.patch(
    '/me',
    { schema: { tags: ['auth'], summary: 'Modifier mon profil', body: updateMeBody, response: { 200: userSchema } } },
    async (req) => updateMe(deps, req.actor, req.body),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Changer mon mot de passe (ferme mes autres sessions)',
        body: changePasswordBody,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await changePassword(deps, req.actor, req.sessionIdHash ?? '', req.body);
      return { ok: true as const };
    },
  );
}
