import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_MIN_DELAY_MS: '150' } });
});
afterAll(() => ctx.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('returns the user, its organisation and a CSRF token, and sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await login('admin@habitat-demo.fr', 'raccord-demo');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.email).toBe('admin@habitat-demo.fr');
    expect(body.organization.name).toBe('Habitat Demo');
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'raccord_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43);
  });

  it('marks the cookie Secure when served over HTTPS (behind a proxy)', async () => {
    const proxied = await createTestContext({ env: { TRUST_PROXY: '1' } });
    try {
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'admin@habitat-demo.fr', password: 'raccord-demo' },
      });
      expect(res.cookies.find((c) => c.name === 'raccord_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('stores the password as argon2id and the session id only as a hash', async () => {
    const users = await ctx.database.pool.query(
      `SELECT password_hash FROM users WHERE email = 'admin@habitat-demo.fr'`,
    );
    expect(users.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const res = await login('admin@habitat-demo.fr', 'raccord-demo');
    const token = res.cookies.find((c) => c.name === 'raccord_session')?.value ?? '';
    const rows = await ctx.database.pool.query('SELECT id_hash FROM sessions');
    expect(rows.rows.map((r) => r.id_hash)).not.toContain(token);
  });

  it('gives the same answer for an unknown e-mail and a wrong password, with the same minimum delay', async () => {
    const t0 = Date.now();
    const unknown = await login('nobody@nowhere.fr', 'whatever-password', '10.0.0.2');
    const t1 = Date.now();
    const wrong = await login('admin@logis-test.fr', 'wrong-password', '10.0.0.3');
    const t2 = Date.now();
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('auth.invalid_credentials');
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(t1 - t0).toBeGreaterThanOrEqual(140);
    expect(t2 - t1).toBeGreaterThanOrEqual(140);
  });

  it('rate-limits repeated failures on one e-mail, from any IP, with a state kept in the database', async () => {
    for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3']) {
      expect((await login('admin@thermique-demo.fr', 'bad-password', ip)).statusCode).toBe(401);
    }
    const blocked = await login('admin@thermique-demo.fr', 'raccord-demo', '10.1.0.4');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('auth.rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const rows = await ctx.database.pool.query(
      `SELECT failures FROM login_throttle WHERE key = 'email:admin@thermique-demo.fr'`,
    );
    expect(rows.rows[0].failures).toBe(3);
    ctx.clock.advance(16 * 60_000);
    expect((await login('admin@thermique-demo.fr', 'raccord-demo', '10.1.0.4')).statusCode).toBe(200);
  });

  it('rate-limits one IP trying many accounts, with a larger allowance (offices share an address)', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 30; i++) {
      expect((await login(`inconnu${i}@exemple.fr`, 'bad-password', ip)).statusCode).toBe(401);
    }
    const blocked = await login('admin@gestion-demo.fr', 'raccord-demo', ip);
    expect(blocked.statusCode).toBe(429);
    expect((await login('admin@gestion-demo.fr', 'raccord-demo', '10.2.0.2')).statusCode).toBe(200);
  });

  it('refuses unknown fields and malformed bodies with the field at fault', async () => {
    const extra = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.fr', password: 'x', admin: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('validation.failed');
    expect(extra.json().error.details.field).toBe('admin');
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.fr' } });
    expect(missing.json().error.details.field).toBe('password');
    const broken = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('validation.failed');
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.fr', password: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
  });
});

describe('sessions', () => {
  it('answers GET /api/auth/session with the user, or 401 without a session', async () => {
    const s = await ctx.login('admin@ascenseurs-demo.fr');
    const ok = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.email).toBe('admin@ascenseurs-demo.fr');
    const none = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('auth.required');
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'raccord_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, with 403', async () => {
    const s = await ctx.login('admin@ascenseurs-demo.fr');
    const without = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: s.cookie },
      payload: { name: 'X' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('auth.csrf_invalid');
    const wrong = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: s.cookie, 'x-csrf-token': 'nope' },
      payload: { name: 'X' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: s.headers,
      payload: { name: 'Sophie D.' },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().name).toBe('Sophie D.');
  });

  it('expires a session after its idle lifetime', async () => {
    const s = await ctx.login('admin@gestion-demo.fr');
    ctx.clock.advance(ctx.config.sessionTtlMs + 1000);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('signs out: the session stops working', async () => {
    const s = await ctx.login('admin@gestion-demo.fr');
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(200);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('changes the password only with the current one, and closes the other sessions', async () => {
    const a = await ctx.login('admin@multiservices-demo.fr');
    const b = await ctx.login('admin@multiservices-demo.fr');
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: a.headers,
      payload: { currentPassword: 'nope', newPassword: 'a-new-long-password' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('auth.wrong_password');
    const weak = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: a.headers,
      payload: { currentPassword: 'raccord-demo', newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.field).toBe('newPassword');
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: a.headers,
      payload: { currentPassword: 'raccord-demo', newPassword: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: a.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: b.cookie } })).statusCode,
    ).toBe(401);
    await ctx.login('admin@multiservices-demo.fr', 'a-new-long-password');
  });

  it('records sign-ins and failures in the audit trail, with IP and user agent', async () => {
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@logis-test.fr', password: 'raccord-demo' },
      headers: { 'user-agent': 'vitest-agent' },
      remoteAddress: '10.9.9.9',
    });
    const rows = await ctx.database.pool.query(
      `SELECT action, ip, user_agent FROM audit_events WHERE actor_label = 'admin@logis-test.fr' ORDER BY id`,
    );
    const actions = rows.rows.map((r) => r.action);
    expect(actions).toContain('auth.login_failed');
    expect(rows.rows.at(-1)).toMatchObject({ action: 'auth.login', ip: '10.9.9.9', user_agent: 'vitest-agent' });
    await expect(ctx.database.pool.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });
});
