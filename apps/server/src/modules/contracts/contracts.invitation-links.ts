import { and, eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import type { RequestMeta } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { isUniqueViolation } from '../../shared/db-errors';
import { hashSecret, newId } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/auth.passwords';
import { type LoginResult, openSession } from '../auth/auth.usecases';
import { findOrganization, findUserByEmail, findUserById, insertUser } from '../organizations/organizations.repository';
import { users } from '../organizations/organizations.tables';
import { invitationErrors } from './contracts.errors';
import * as repo from './contracts.repository';
import { auditContract } from './contracts.shared';
import { loadSummaries } from './contracts.views';

interface LinkDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'sessionTtlMs'>;
}

/** The invitation of a token, or the reason it cannot be used (expired, replaced, used…). */
async function usableInvitation(db: DbOrTx, clock: Clock, token: string) {
  const inv = await repo.findInvitationByTokenHash(db, hashSecret(token));
  if (!inv) throw invitationErrors.notFound();
  if (inv.completedAt) throw invitationErrors.used();
  if (inv.revokedAt) throw invitationErrors.revoked(inv.revokedReason);
  if (inv.expiresAt <= clock.now()) throw invitationErrors.expired();
  return inv;
}

/**
 * Opening the link: shows the project read-only, without a session. It changes nothing but the
 * invitation's first-opened time (the owner sees "ouverte").
 */
export async function openInvitation(deps: LinkDeps, token: string) {
  const inv = await usableInvitation(deps.db, deps.clock, token);
  const now = deps.clock.now();
  if (!inv.openedAt) {
    await deps.db.transaction(async (tx) => {
      await repo.updateInvitation(tx, inv.id, { openedAt: now });
      const project = await repo.findProject(tx, inv.projectId);
      if (project) {
        await auditContract(
          tx,
          deps.clock,
          { kind: 'system', label: `lien d’invitation (${inv.email})` },
          project,
          'contract.invitation_opened',
          {
            role: inv.role,
          },
        );
      }
    });
  }
  const row = await repo.findProject(deps.db, inv.projectId);
  if (!row) throw invitationErrors.notFound();
  const [summary] = await loadSummaries(deps.db, [row], now);
  const org = await findOrganization(deps.db, inv.organizationId);
  if (!summary || !org) throw invitationErrors.notFound();
  const account = await findUserByEmail(deps.db, inv.email);
  return {
    invitation: {
      email: inv.email,
      role: inv.role,
      organization: {
        id: org.id,
        name: org.name,
        siren: org.siren,
        onboardingEmail: org.onboardingEmail,
        ready: org.ready,
      },
      expiresAt: inv.expiresAt.toISOString(),
      accountExists: account !== null,
    },
    project: {
      ...summary,
      description: row.description,
      tags: row.tags,
      perimeter: row.perimeter,
      sharedTypes: row.sharedTypes,
    },
  };
}

/**
 * From the link, an invitee without an account creates one in the invited organisation, for the
 * invited e-mail only, and is signed in. The first account of an organisation is its admin.
 */
export async function createAccountFromInvitation(
  deps: LinkDeps,
  token: string,
  input: { name: string; password: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction(async (tx) => {
      const inv = await usableInvitation(tx, deps.clock, token);
      if (await findUserByEmail(tx, inv.email)) throw invitationErrors.accountExists();
      const org = await findOrganization(tx, inv.organizationId);
      if (!org) throw invitationErrors.notFound();
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organizationId, org.id), eq(users.role, 'admin'), eq(users.isActive, true)));
      const now = deps.clock.now();
      const id = newId('usr');
      await insertUser(tx, {
        id,
        organizationId: org.id,
        email: inv.email,
        name: input.name,
        passwordHash,
        role: admins.length === 0 ? 'admin' : 'member',
        createdAt: now,
        updatedAt: now,
      });
      if (!inv.openedAt) await repo.updateInvitation(tx, inv.id, { openedAt: now });
      const user = await findUserById(tx, id);
      if (!user) throw invitationErrors.notFound();
      await recordAudit(
        tx,
        deps.clock,
        { kind: 'system', label: `lien d’invitation (${inv.email})` },
        {
          action: 'user.created_from_invitation',
          organizationId: org.id,
          targetType: 'user',
          targetId: id,
          details: { email: inv.email, projectId: inv.projectId, role: user.role },
        },
      );
      return openSession(tx, deps, user, org, meta, 'auth.login');
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_uq')) throw invitationErrors.accountExists();
    throw err;
  }
}
