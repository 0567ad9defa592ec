import { API_KEY_DEFAULT_DAYS, type ApiKey, type CreatedApiKey } from '@raccord/schemas';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type Actor, type ApiKeyActor, type RequestMeta, requireAdminOf, requireUser } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import { hashSecret, newId, newSecret } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import { apiKeys } from './auth.tables';

const KEY_PREFIX = 'rk_';

export const apiKeyErrors = {
  invalid: () => new AppError('auth.invalid_api_key', 401, 'Clé API inconnue ou révoquée.'),
  expired: (at: Date) =>
    new AppError(
      'auth.api_key_expired',
      401,
      `Clé API expirée depuis le ${at.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} : créez-en une autre.`,
    ),
  notFound: () => new AppError('api_key.not_found', 404, 'Clé API introuvable.'),
};

type Row = typeof apiKeys.$inferSelect;
const toApiKey = (r: Row): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdByLabel,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
  expiresAt: r.expiresAt.toISOString(),
});

interface Deps {
  db: Db;
  clock: Clock;
}

/** Lists the organisation's keys (admins). */
export async function listApiKeys(deps: Deps, actor: Actor | null) {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  const rows = await deps.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, user.organizationId))
    .orderBy(desc(apiKeys.createdAt));
  return { items: rows.map(toApiKey) };
}

/** Creates a key for the admin's organisation; the secret is returned this once, stored only hashed. */
export async function createApiKey(
  deps: Deps,
  actor: Actor | null,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<CreatedApiKey> {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  const secret = `${KEY_PREFIX}${newSecret()}`;
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        id: newId('key'),
        organizationId: user.organizationId,
        name: input.name,
        prefix: secret.slice(0, 10),
        secretHash: hashSecret(secret),
        createdByUserId: user.userId,
        createdByLabel: user.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + (input.expiresInDays ?? API_KEY_DEFAULT_DAYS) * 86_400_000),
      })
      .returning();
    if (!inserted) throw apiKeyErrors.notFound();
    await recordAudit(tx, deps.clock, user, {
      action: 'api_key.created',
      organizationId: user.organizationId,
      targetType: 'api_key',
      targetId: inserted.id,
      details: { name: input.name, expiresAt: inserted.expiresAt.toISOString() },
    });
    return inserted;
  });
  return { ...toApiKey(row), secret };
}

export async function revokeApiKey(deps: Deps, actor: Actor | null, keyId: string): Promise<ApiKey> {
  const user = requireUser(actor);
  requireAdminOf(user, user.organizationId);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: deps.clock.now() })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.organizationId, user.organizationId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw apiKeyErrors.notFound();
    await recordAudit(tx, deps.clock, user, {
      action: 'api_key.revoked',
      organizationId: user.organizationId,
      targetType: 'api_key',
      targetId: keyId,
    });
    return toApiKey(row);
  });
}

/** Resolves `Authorization: Bearer <key>` (unknown, revoked and expired keys refused); records the last use at most once a minute. */
export async function resolveApiKey(deps: Deps, secret: string, meta: RequestMeta): Promise<ApiKeyActor> {
  if (!secret.startsWith(KEY_PREFIX)) throw apiKeyErrors.invalid();
  const [row] = await deps.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hashSecret(secret)), isNull(apiKeys.revokedAt)));
  if (!row) throw apiKeyErrors.invalid();
  const now = deps.clock.now();
  if (row.expiresAt <= now) throw apiKeyErrors.expired(row.expiresAt);
  const minuteAgo = new Date(now.getTime() - 60_000);
  await deps.db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, minuteAgo))));
  return { kind: 'api_key', keyId: row.id, keyName: row.name, organizationId: row.organizationId, ...meta };
}
