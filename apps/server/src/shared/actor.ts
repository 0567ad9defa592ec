import type { UserRole } from '@raccord/schemas';
import { AppError, commonErrors } from './errors';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** A signed-in person (console session). */
export interface UserActor extends RequestMeta {
  kind: 'user';
  userId: string;
  organizationId: string;
  role: UserRole;
  isOperator: boolean;
  email: string;
  name: string;
}

/** Work done by the platform itself (jobs, seeding). */
export interface SystemActor {
  kind: 'system';
  label: string;
}

/** A connector or integration acting for its organisation with an API key. */
export interface ApiKeyActor extends RequestMeta {
  kind: 'api_key';
  keyId: string;
  keyName: string;
  organizationId: string;
}

export type Actor = UserActor | SystemActor | ApiKeyActor;

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'api_key') return `clé API « ${actor.keyName} »`;
  return `système (${actor.label})`;
}

/** Narrows to a signed-in user, or refuses: 401 without credentials, 403 for an API key. */
export function requireUser(actor: Actor | null): UserActor {
  if (actor?.kind === 'api_key') {
    throw new AppError(
      'auth.session_required',
      403,
      'Cette opération demande une session utilisateur ; les clés API servent aux intégrations.',
    );
  }
  if (actor?.kind !== 'user') throw commonErrors.authRequired();
  return actor;
}

/** A user or an API key: whoever acts for an organisation (integration endpoints). */
export function requireOrganizationActor(actor: Actor | null): UserActor | ApiKeyActor {
  if (actor?.kind === 'user' || actor?.kind === 'api_key') return actor;
  throw commonErrors.authRequired();
}

export function requireOperator(actor: Actor | null): UserActor {
  const user = requireUser(actor);
  if (!user.isOperator) throw commonErrors.forbidden('Réservé au service client.');
  return user;
}

/** An admin of this organisation, or an operator. */
export function requireAdminOf(actor: Actor | null, organizationId: string): UserActor {
  const user = requireUser(actor);
  if (user.isOperator) return user;
  if (user.organizationId !== organizationId || user.role !== 'admin') {
    throw commonErrors.forbidden('Réservé aux administrateurs de l’organisation.');
  }
  return user;
}

/** Any user of this organisation, or an operator. */
export function requireMemberOf(actor: Actor | null, organizationId: string): UserActor {
  const user = requireUser(actor);
  if (user.isOperator || user.organizationId === organizationId) return user;
  throw commonErrors.forbidden();
}
