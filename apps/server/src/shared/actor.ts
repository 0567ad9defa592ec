import type { UserRole } from '@raccord/schemas';
import { commonErrors } from './errors';

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

export type Actor = UserActor | SystemActor;

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : `système (${actor.label})`;
}

/** Narrows to a signed-in user, or refuses with 401. */
export function requireUser(actor: Actor | null): UserActor {
  if (actor?.kind !== 'user') throw commonErrors.authRequired();
  return actor;
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
