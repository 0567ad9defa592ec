import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { remindExpiringApiKeys } from './auth.api-keys.expiry';

let ctx: TestContext;
let provider: Session;
let owner: Session;
let member: Session;
beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  provider = await ctx.login('admin@ascenseurs-demo.fr');
  owner = await ctx.login('admin@habitat-demo.fr');
  member = await ctx.login('membre@habitat-demo.fr');
});
afterAll(() => ctx.close());

const create = (s: Session, name: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/api-keys', headers: s.headers, payload: { name } });

describe('API keys', () => {
  it('shows the secret once, stores only its hash, and lists the key without it', async () => {
    const res = await create(provider, 'Connecteur GMAO');
    expect(res.statusCode).toBe(201);
    const { secret, id, prefix } = res.json();
    expect(secret).toMatch(/^rk_[\w-]{43}$/);
    expect(secret.startsWith(prefix)).toBe(true);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: provider.cookie } });
    expect(list.json().items).toEqual([expect.objectContaining({ id, name: 'Connecteur GMAO', revokedAt: null })]);
    expect(list.body).not.toContain(secret);
    const rows = await ctx.database.pool.query('SELECT secret_hash FROM api_keys');
    expect(JSON.stringify(rows.rows)).not.toContain(secret);
  });

  it('acts for its organisation with Authorization: Bearer, without CSRF, and records its last use', async () => {
    const { secret, id } = (await create(provider, 'Intégration')).json();
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(res.statusCode).toBe(200);
    const rows = await ctx.database.pool.query('SELECT last_used_at FROM api_keys WHERE id = $1', [id]);
    expect(rows.rows[0].last_used_at).not.toBeNull();
  });

  it('is refused for console-only endpoints (they need a person’s session)', async () => {
    const { secret } = (await create(provider, 'Script')).json();
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/organizations',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.session_required');
  });

  it('stops working once revoked; an unknown or malformed key is refused with 401', async () => {
    const { secret, id } = (await create(provider, 'À révoquer')).json();
    const revoke = await ctx.app.inject({
      method: 'POST',
      url: `/api/api-keys/${id}/revoke`,
      headers: provider.headers,
    });
    expect(revoke.json().revokedAt).not.toBeNull();
    for (const authorization of [`Bearer ${secret}`, 'Bearer rk_unknown', 'Basic abc', 'Bearer']) {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().error.code).toBe('auth.invalid_api_key');
    }
  });

  it('is managed by the organisation’s admins only, each seeing only their own keys', async () => {
    expect((await create(member, 'Non')).statusCode).toBe(403);
    const mine = (await create(provider, 'Clé prestataire')).json();
    const ownerList = await ctx.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: owner.cookie } });
    expect(ownerList.json().items.map((k: { id: string }) => k.id)).not.toContain(mine.id);
    const steal = await ctx.app.inject({
      method: 'POST',
      url: `/api/api-keys/${mine.id}/revoke`,
      headers: owner.headers,
    });
    expect(steal.statusCode).toBe(404);
    const still = await ctx.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { authorization: `Bearer ${mine.secret}` },
    });
    expect(still.statusCode).toBe(200);
  });

  it('expires: one year by default or the days chosen, then refused with its own code', async () => {
    const yearly = (await create(provider, 'Un an')).json();
    const created = new Date(yearly.createdAt).getTime();
    expect(new Date(yearly.expiresAt).getTime() - created).toBe(365 * 86_400_000);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: provider.headers,
      payload: { name: 'Trente jours', expiresInDays: 30 },
    });
    expect(res.statusCode).toBe(201);
    const monthly = res.json();
    expect(new Date(monthly.expiresAt).getTime() - new Date(monthly.createdAt).getTime()).toBe(30 * 86_400_000);
    const listed = await ctx.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: provider.cookie } });
    expect(listed.json().items.find((k: { id: string }) => k.id === monthly.id)?.expiresAt).toBe(monthly.expiresAt);

    const health = (secret: string) =>
      ctx.app.inject({ method: 'GET', url: '/api/health', headers: { authorization: `Bearer ${secret}` } });
    ctx.clock.advance(30 * 86_400_000 - 1000);
    expect((await health(monthly.secret)).statusCode).toBe(200);
    ctx.clock.advance(1000);
    const refused = await health(monthly.secret);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toMatchObject({
      code: 'auth.api_key_expired',
      message: expect.stringMatching(/^Clé API expirée depuis le \d{2}\/\d{2}\/\d{4} : créez-en une autre\.$/),
    });
    expect((await health(yearly.secret)).statusCode).toBe(200);
    ctx.clock.advance(335 * 86_400_000);
    expect((await health(yearly.secret)).json().error.code).toBe('auth.api_key_expired');
    // The sessions made at the start are long expired too.
    provider = await ctx.login('admin@ascenseurs-demo.fr');
  });

  it('refuses a validity out of range or not a whole number of days, naming the field, and stores nothing', async () => {
    const before = (await ctx.database.pool.query('SELECT count(*)::int AS n FROM api_keys')).rows[0].n;
    for (const expiresInDays of [0, -5, 731, 1.5, '30', null]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/api-keys',
        headers: provider.headers,
        payload: { name: 'Hors limites', expiresInDays },
      });
      expect(res.statusCode, String(expiresInDays)).toBe(400);
      expect(res.json().error.details.field, String(expiresInDays)).toBe('expiresInDays');
    }
    const after = (await ctx.database.pool.query('SELECT count(*)::int AS n FROM api_keys')).rows[0].n;
    expect(after).toBe(before);
  });

  it('tells the organisation’s admins once, two weeks before a key expires', async () => {
    const make = async (name: string, expiresInDays: number) => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/api-keys',
        headers: provider.headers,
        payload: { name, expiresInDays },
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; secret: string; prefix: string; expiresAt: string };
    };
    const used = await make('Connecteur à renouveler', 30);
    await make('Jamais servie', 30);
    await make('Courte', 10);
    const revoked = await make('Révoquée', 30);
    await ctx.app.inject({ method: 'POST', url: `/api/api-keys/${revoked.id}/revoke`, headers: provider.headers });
    await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { authorization: `Bearer ${used.secret}` } });
    const admins = (
      await ctx.database.pool.query(
        `SELECT email FROM users WHERE organization_id = $1 AND role = 'admin' AND is_active ORDER BY email`,
        [provider.organizationId],
      )
    ).rows.map((r: { email: string }) => r.email);
    expect(admins.length).toBeGreaterThan(0);
    const deps = { db: ctx.database.db, clock: ctx.clock, config: ctx.config };

    // 15 days left: not yet.
    ctx.clock.advance(15 * 86_400_000);
    await ctx.runner.drain();
    const before = ctx.mail.sent.length;
    expect(await remindExpiringApiKeys(deps)).toBe(0);
    // 14 days left: the two live keys made for longer than the notice are announced.
    ctx.clock.advance(86_400_000);
    expect(await remindExpiringApiKeys(deps)).toBe(2);
    await ctx.runner.drain();
    const mails = ctx.mail.sent.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([...admins, ...admins].sort());
    const date = new Date(used.expiresAt).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
    const toUsed = mails.find((m) => m.subject === `La clé d’API « Connecteur à renouveler » expire le ${date}`);
    expect(toUsed?.text).toContain(`qui commence par ${used.prefix}…`);
    expect(toUsed?.text).toContain('Elle a servi pour la dernière fois le');
    expect(toUsed?.text).toContain('/mon-compte/cles-api');
    const toUnused = mails.find((m) => m.subject.startsWith('La clé d’API « Jamais servie »'));
    expect(toUnused?.text).toContain('Elle n’a encore jamais servi');
    expect(mails.some((m) => /Courte|Révoquée/.test(m.subject))).toBe(false);
    // Once only.
    ctx.clock.advance(86_400_000);
    expect(await remindExpiringApiKeys(deps)).toBe(0);
    // The session made at the start has expired with the days gone by.
    provider = await ctx.login('admin@ascenseurs-demo.fr');
  });

  it('existing keys, at the upgrade that made keys expire: a year from their creation, at least 90 days from then', async () => {
    const migration = readFileSync(new URL('../../db/migrations/0014_api_key_expiry.sql', import.meta.url), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((x) => x.trim().startsWith('UPDATE'));
    expect(backfill).toBeDefined();
    const day = 86_400_000;
    const old = new Date(Date.now() - 700 * day);
    const recent = new Date(Date.now() - 60 * day);
    const [oldId, recentId] = ['key_mig_old', 'key_mig_recent'] as const;
    const ids = [oldId, recentId];
    for (const [id, createdAt] of [
      [oldId, old],
      [recentId, recent],
    ] as const) {
      await ctx.database.pool.query(
        `INSERT INTO api_keys (id, organization_id, name, prefix, secret_hash, created_by_label, created_at, expires_at)
         VALUES ($1, $2, $1, 'rk_mig', $1, 'test', $3, $3)`,
        [id, provider.organizationId, createdAt],
      );
    }
    // The migration's own statement, limited to these two rows (the other tests' keys stay as they are).
    await ctx.database.pool.query(`${(backfill as string).trim().replace(/;$/, '')} WHERE id = ANY($1)`, [ids]);
    const rows = await ctx.database.pool.query('SELECT id, expires_at FROM api_keys WHERE id = ANY($1) ORDER BY id', [
      ids,
    ]);
    const at = new Map<string, number>(
      rows.rows.map((r: { id: string; expires_at: Date }) => [r.id, new Date(r.expires_at).getTime()]),
    );
    // Made 700 days ago: not expired by the upgrade, 90 days left.
    expect(Math.abs((at.get(oldId) ?? 0) - (Date.now() + 90 * day))).toBeLessThan(60_000);
    // Made 60 days ago: a year from its creation.
    expect(at.get(recentId)).toBe(recent.getTime() + 365 * day);
    await ctx.database.pool.query('DELETE FROM api_keys WHERE id = ANY($1)', [ids]);
  });

  it('refuses a key with an empty name, naming the field', async () => {
    const res = await create(provider, '   ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('name');
  });
});
