import type {
  CreateMemberBody,
  CreateOrganizationBody,
  Organization,
  OrganizationKind,
  UpdateMemberBody,
  UpdateOrganizationBody,
  User,
} from '@raccord/schemas';
import type { Db } from '../../db/client';
import { type Actor, requireAdminOf, requireOperator, requireUser } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { isUniqueViolation } from '../../shared/db-errors';
import { commonErrors } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/auth.passwords';
import { deleteSessionsOfUser } from '../auth/auth.repository';
import { organizationErrors } from './organizations.errors';
import { directoryPatterns, organizationSearchText, toOrganization, toUser } from './organizations.models';
import * as repo from './organizations.repository';

export interface OrgDeps {
  db: Db;
  clock: Clock;
}

export interface DirectoryInput {
  q?: string;
  kind?: OrganizationKind;
  page: number;
  pageSize: number;
}

/** The directory, for any signed-in user (the parties step searches it). */
export async function searchDirectory(deps: OrgDeps, actor: Actor | null, input: DirectoryInput) {
  const user = requireUser(actor);
  const { rows, total } = await repo.searchOrganizations(deps.db, {
    patterns: directoryPatterns(input.q),
    kind: input.kind,
    includePlatform: user.isOperator,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { items: rows.map(toOrganization), total, page: input.page, pageSize: input.pageSize };
}

export async function getOrganization(deps: OrgDeps, actor: Actor | null, id: string): Promise<Organization> {
  const user = requireUser(actor);
  const row = await repo.findOrganization(deps.db, id);
  if (!row || (row.isPlatform && !user.isOperator && user.organizationId !== id)) throw organizationErrors.notFound();
  return toOrganization(row);
}

export async function createOrganization(deps: OrgDeps, actor: Actor | null, input: CreateOrganizationBody) {
  const operator = requireOperator(actor);
  const now = deps.clock.now();
  const id = newId('org');
  try {
    await deps.db.transaction(async (tx) => {
      await repo.insertOrganization(tx, {
        id,
        name: input.name,
        siren: input.siren,
        kinds: [...new Set(input.kinds)],
        city: input.city ?? null,
        onboardingEmail: input.onboardingEmail ?? null,
        ready: input.ready,
        searchText: organizationSearchText({ name: input.name, siren: input.siren, city: input.city ?? null }),
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, deps.clock, operator, {
        action: 'organization.created',
        organizationId: id,
        targetType: 'organization',
        targetId: id,
        details: { name: input.name, siren: input.siren },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'organizations_siren_uq')) {
      const holder = await repo.findOrganizationBySiren(deps.db, input.siren);
      throw organizationErrors.sirenTaken(input.siren, holder?.name ?? '?');
    }
    throw err;
  }
  const row = await repo.findOrganization(deps.db, id);
  if (!row) throw organizationErrors.notFound();
  return toOrganization(row);
}

/** Operators change anything; an organisation's admins change their city and onboarding contact. */
export async function updateOrganization(
  deps: OrgDeps,
  actor: Actor | null,
  id: string,
  input: UpdateOrganizationBody,
) {
  const user = requireAdminOf(actor, id);
  if (!user.isOperator && (input.name !== undefined || input.kinds !== undefined || input.ready !== undefined)) {
    throw commonErrors.forbidden('Seul le service client modifie le nom, les types et le statut « connecté ».');
  }
  return deps.db.transaction(async (tx) => {
    const current = await repo.findOrganization(tx, id);
    if (!current) throw organizationErrors.notFound();
    const next = {
      name: input.name ?? current.name,
      city: input.city === undefined ? current.city : input.city,
      siren: current.siren,
    };
    const row = await repo.updateOrganizationRow(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kinds !== undefined ? { kinds: [...new Set(input.kinds)] } : {}),
      ...(input.city !== undefined ? { city: input.city } : {}),
      ...(input.onboardingEmail !== undefined ? { onboardingEmail: input.onboardingEmail } : {}),
      ...(input.ready !== undefined ? { ready: input.ready } : {}),
      searchText: organizationSearchText(next),
      updatedAt: deps.clock.now(),
    });
    if (!row) throw organizationErrors.notFound();
    await recordAudit(tx, deps.clock, user, {
      action: 'organization.updated',
      organizationId: id,
      targetType: 'organization',
      targetId: id,
      details: { fields: Object.keys(input) },
    });
    return toOrganization(row);
  });
}

export async function listOrganizationMembers(deps: OrgDeps, actor: Actor | null, organizationId: string) {
  requireAdminOf(actor, organizationId);
  const org = await repo.findOrganization(deps.db, organizationId);
  if (!org) throw organizationErrors.notFound();
  const rows = await repo.listMembers(deps.db, organizationId);
  return { items: rows.map((r) => toUser(r, org)) };
}

export async function createMember(
  deps: OrgDeps,
  actor: Actor | null,
  organizationId: string,
  input: CreateMemberBody,
): Promise<User> {
  const admin = requireAdminOf(actor, organizationId);
  const org = await repo.findOrganization(deps.db, organizationId);
  if (!org) throw organizationErrors.notFound();
  const now = deps.clock.now();
  const id = newId('usr');
  const passwordHash = await hashPassword(input.password);
  try {
    await deps.db.transaction(async (tx) => {
      await repo.insertUser(tx, {
        id,
        organizationId,
        email: input.email,
        name: input.name,
        passwordHash,
        role: input.role,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, deps.clock, admin, {
        action: 'user.created',
        organizationId,
        targetType: 'user',
        targetId: id,
        details: { email: input.email, role: input.role },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_uq')) throw organizationErrors.emailTaken(input.email);
    throw err;
  }
  const row = await repo.findUserById(deps.db, id);
  if (!row) throw organizationErrors.userNotFound();
  return toUser(row, org);
}

export async function updateMember(
  deps: OrgDeps,
  actor: Actor | null,
  organizationId: string,
  userId: string,
  input: UpdateMemberBody,
): Promise<User> {
  const admin = requireAdminOf(actor, organizationId);
  return deps.db.transaction(async (tx) => {
    const org = await repo.findOrganization(tx, organizationId);
    const current = await repo.findUserInOrganization(tx, organizationId, userId);
    if (!org || !current) throw organizationErrors.userNotFound();
    const losesAdmin =
      current.role === 'admin' && current.isActive && (input.role === 'member' || input.isActive === false);
    if (losesAdmin && (await repo.countOtherActiveAdmins(tx, organizationId, userId)) === 0) {
      throw organizationErrors.lastAdmin();
    }
    const row = await repo.updateUserRow(tx, organizationId, userId, {
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      updatedAt: deps.clock.now(),
    });
    if (!row) throw organizationErrors.userNotFound();
    if (input.isActive === false) await deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, deps.clock, admin, {
      action: 'user.updated',
      organizationId,
      targetType: 'user',
      targetId: userId,
      details: { ...input },
    });
    return toUser(row, org);
  });
}
