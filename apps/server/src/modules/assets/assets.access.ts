import type { DbOrTx } from '../../db/client';
import { type Actor, requireUser, type UserActor } from '../../shared/actor';
import { commonErrors } from '../../shared/errors';
import { findOrganization } from '../organizations/organizations.repository';
import { assetErrors } from './assets.errors';

export interface OwnerAccess {
  user: UserActor;
  /** The organisation whose patrimoine the user works on: always the user's own. */
  ownerId: string;
}

/**
 * A user of an owner organisation: the patrimoine is its own, and no one else's (providers,
 * other owners and operators are refused; every query is then scoped by `ownerId`).
 */
export async function requireOwnerMember(db: DbOrTx, actor: Actor | null): Promise<OwnerAccess> {
  const user = requireUser(actor);
  const org = await findOrganization(db, user.organizationId);
  if (!org?.kinds.includes('owner') || org.isPlatform) throw assetErrors.notOwner();
  return { user, ownerId: org.id };
}

/** An administrator of an owner organisation: writes and imports. */
export async function requireOwnerAdmin(db: DbOrTx, actor: Actor | null): Promise<OwnerAccess> {
  const access = await requireOwnerMember(db, actor);
  if (access.user.role !== 'admin') {
    throw commonErrors.forbidden('Réservé aux administrateurs du propriétaire.');
  }
  return access;
}
