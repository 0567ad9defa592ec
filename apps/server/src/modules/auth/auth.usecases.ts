import type { SessionResponse } from '@raccord/schemas';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import { type Actor, type RequestMeta, requireUser, type UserActor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { hashSecret, newSecret } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import { type OrganizationRow, toOrganization, toUser, type UserRow } from '../organizations/organizations.models';
import { findOrganization, findUserByEmail, findUserById } from '../organizations/organizations.repository';
import { authErrors } from './auth.errors';
import { hashPassword, verifyPassword } from './auth.passwords';
import * as repo from './auth.repository';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'sessionTtlMs' | 'loginMaxFailures' | 'loginWindowMs' | 'loginMinDelayMs'>;
}

export interface LoginResult {
  sessionToken: string;
  response: SessionResponse;
}

const IP_ALLOWANCE = 10;

async function assertNotThrottled(deps: AuthDeps, keys: string[]) {
  const now = deps.clock.now().getTime();
  for (const key of keys) {
    const row = await repo.getThrottle(deps.db, key);
    if (!row) continue;
    const windowEnd = row.windowStartedAt.getTime() + deps.config.loginWindowMs;
    // One address may hide a whole office behind NAT: it gets ten times the per-account allowance.
    const limit = key.startsWith('ip:') ? deps.config.loginMaxFailures * IP_ALLOWANCE : deps.config.loginMaxFailures;
    if (row.failures >= limit && windowEnd > now) {
      throw authErrors.rateLimited(Math.ceil((windowEnd - now) / 1000));
    }
  }
}

/**
 * Checks e-mail and password and opens a session. An unknown e-mail, a wrong password or a
 * disabled account give the same error after the same delay; failures are counted per e-mail and
 * per IP in the database, so the limit holds across API instances.
 */
export async function login(
  deps: AuthDeps,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const started = Date.now();
  const pad = async () => {
    // Every answer, success or any failure, takes at least loginMinDelayMs.
    const left = deps.config.loginMinDelayMs - (Date.now() - started);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
  };
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, ...(meta.ip ? [`ip:${meta.ip}`] : [])];
  try {
    await assertNotThrottled(deps, keys);
  } catch (err) {
    await pad();
    throw err;
  }
  const user = await findUserByEmail(deps.db, email);
  const ok = await verifyPassword(user?.isActive ? user.passwordHash : null, input.password);
  const now = deps.clock.now();
  if (!user?.isActive || !ok) {
    await deps.db.transaction(async (tx) => {
      for (const key of keys) await repo.recordFailure(tx, key, now, deps.config.loginWindowMs);
      if (user) {
        await recordAudit(
          tx,
          deps.clock,
          {
            kind: 'user',
            userId: user.id,
            organizationId: user.organizationId,
            role: user.role,
            isOperator: false,
            email: user.email,
            name: user.name,
            ...meta,
          },
          { action: 'auth.login_failed', organizationId: user.organizationId, targetType: 'user', targetId: user.id },
        );
      }
    });
    await pad();
    throw authErrors.invalidCredentials();
  }
  const org = await findOrganization(deps.db, user.organizationId);
  if (!org) throw authErrors.invalidCredentials();
  const result = await deps.db.transaction(async (tx) => {
    await repo.clearThrottle(tx, `email:${email}`);
    return openSession(tx, deps, user, org, meta, 'auth.login');
  });
  await pad();
  return result;
}

/**
 * Opens a session for a user in the caller's transaction (sign-in, or an account just created from
 * an invitation link) and records it in the audit trail.
 */
export async function openSession(
  tx: DbOrTx,
  deps: { clock: Clock; config: Pick<AuthDeps['config'], 'sessionTtlMs'> },
  user: UserRow,
  org: OrganizationRow,
  meta: RequestMeta,
  action: string,
): Promise<LoginResult> {
  const now = deps.clock.now();
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlMs);
  await repo.insertSession(tx, {
    idHash: hashSecret(token),
    userId: user.id,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  await repo.markLogin(tx, user.id, now);
  await recordAudit(
    tx,
    deps.clock,
    {
      kind: 'user',
      userId: user.id,
      organizationId: user.organizationId,
      role: user.role,
      isOperator: org.isPlatform,
      email: user.email,
      name: user.name,
      ...meta,
    },
    { action, organizationId: user.organizationId, targetType: 'user', targetId: user.id },
  );
  return {
    sessionToken: token,
    response: {
      user: toUser({ ...user, lastLoginAt: now }, org),
      organization: toOrganization(org),
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    },
  };
}

export interface ResolvedSession {
  actor: UserActor;
  csrfToken: string;
  idHash: string;
  response: SessionResponse;
}

/** Looks a session cookie up; slides its expiry when it was last extended over a minute ago. */
export async function resolveSession(
  deps: AuthDeps,
  token: string,
  meta: RequestMeta,
): Promise<ResolvedSession | null> {
  const idHash = hashSecret(token);
  const now = deps.clock.now();
  const row = await repo.findLiveSession(deps.db, idHash, now);
  if (!row) return null;
  let expiresAt = row.session.expiresAt;
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    expiresAt = new Date(now.getTime() + deps.config.sessionTtlMs);
    await repo.touchSession(deps.db, idHash, now, expiresAt);
  }
  const { user, organization } = row;
  return {
    idHash,
    csrfToken: row.session.csrfToken,
    actor: {
      kind: 'user',
      userId: user.id,
      organizationId: user.organizationId,
      role: user.role,
      isOperator: organization.isPlatform,
      email: user.email,
      name: user.name,
      ...meta,
    },
    response: {
      user: toUser(user, organization),
      organization: toOrganization(organization),
      csrfToken: row.session.csrfToken,
      expiresAt: expiresAt.toISOString(),
    },
  };
}

export async function logout(deps: AuthDeps, actor: Actor | null, idHash: string) {
  const user = requireUser(actor);
  await deps.db.transaction(async (tx) => {
    await repo.deleteSession(tx, idHash);
    await recordAudit(tx, deps.clock, user, {
      action: 'auth.logout',
      organizationId: user.organizationId,
      targetType: 'user',
      targetId: user.userId,
    });
  });
}

export async function updateMe(deps: AuthDeps, actor: Actor | null, patch: { name?: string; locale?: 'fr' | 'en' }) {
  const user = requireUser(actor);
  return deps.db.transaction(async (tx) => {
    const row = await repo.updateProfile(tx, user.userId, patch, deps.clock.now());
    const org = await findOrganization(tx, user.organizationId);
    if (!row || !org) throw authErrors.invalidCredentials();
    await recordAudit(tx, deps.clock, user, {
      action: 'user.profile_updated',
      organizationId: user.organizationId,
      targetType: 'user',
      targetId: user.userId,
      details: { fields: Object.keys(patch) },
    });
    return toUser(row, org);
  });
}

/** Changes the password and closes the user's other sessions. */
export async function changePassword(
  deps: AuthDeps,
  actor: Actor | null,
  currentIdHash: string,
  input: { currentPassword: string; newPassword: string },
) {
  const user = requireUser(actor);
  const row = await findUserById(deps.db, user.userId);
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) throw authErrors.wrongPassword();
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await repo.setPassword(tx, user.userId, passwordHash, now);
    await repo.deleteSessionsOfUser(tx, user.userId, currentIdHash);
    await recordAudit(tx, deps.clock, user, {
      action: 'user.password_changed',
      organizationId: user.organizationId,
      targetType: 'user',
      targetId: user.userId,
    });
  });
}
