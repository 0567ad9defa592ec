import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sirenWithKey } from '../../demo/siren';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let habitat: Session;
let logis: Session;
let ascenseurs: Session;
let member: Session;
let operator: Session;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [habitat, logis, ascenseurs, member, operator] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@logis-test.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('membre@habitat-demo.fr'),
    ctx.login('support@raccord.local'),
  ]);
});
afterAll(() => ctx.close());

const get = (s: Session | null, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
const send = (s: Session, method: 'POST' | 'PATCH', url: string, payload: object) =>
  ctx.app.inject({ method, url, headers: s.headers, payload });

describe('directory', () => {
  it('finds organisations by name without accents or case ("theo" finds "Théo")', async () => {
    const res = await get(ascenseurs, '/api/organizations?q=THEO');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { name: string }) => o.name)).toEqual(['Théo Maintenance']);
  });

  it('finds by SIREN and by city, every term having to match', async () => {
    const siren = sirenWithKey('71234567');
    expect((await get(habitat, `/api/organizations?q=${siren}`)).json().items[0].name).toBe('Théo Maintenance');
    const lyon = (await get(habitat, '/api/organizations?q=lyon')).json();
    expect(lyon.items.map((o: { name: string }) => o.name).sort()).toEqual(['Gestion Demo', 'Habitat Demo']);
    const both = (await get(habitat, '/api/organizations?q=lyon%20gestion')).json();
    expect(both.items.map((o: { name: string }) => o.name)).toEqual(['Gestion Demo']);
  });

  it('filters by kind and paginates with a total', async () => {
    const page1 = (await get(habitat, '/api/organizations?kind=provider&pageSize=2&page=1')).json();
    const page2 = (await get(habitat, '/api/organizations?kind=provider&pageSize=2&page=2')).json();
    expect(page1.total).toBeGreaterThanOrEqual(5);
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    for (const o of [...page1.items, ...page2.items]) expect(o.kinds).toContain('provider');
  });

  it('treats LIKE wildcards in the query as plain text', async () => {
    expect((await get(habitat, '/api/organizations?q=%25')).json().total).toBeGreaterThan(0); // "%" is dropped
    expect((await get(habitat, '/api/organizations?q=_')).json().total).toBe(0);
  });

  it('hides the platform organisation from non-operators', async () => {
    const names = (await get(habitat, '/api/organizations?pageSize=100'))
      .json()
      .items.map((o: { name: string }) => o.name);
    expect(names).not.toContain('Raccord — Service client');
    const all = (await get(operator, '/api/organizations?pageSize=100'))
      .json()
      .items.map((o: { name: string }) => o.name);
    expect(all).toContain('Raccord — Service client');
  });

  it('requires a session', async () => {
    expect((await get(null, '/api/organizations')).statusCode).toBe(401);
  });

  it('refuses an unknown query parameter and an out-of-range page size', async () => {
    const unknown = await get(habitat, '/api/organizations?drop=1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.field).toBe('drop');
    expect((await get(habitat, '/api/organizations?pageSize=5000')).json().error.details.field).toBe('pageSize');
  });
});

describe('creating and changing organisations', () => {
  it('lets operators create an organisation, with a checked SIREN', async () => {
    const siren = sirenWithKey('33333333');
    const res = await send(operator, 'POST', '/api/organizations', {
      name: 'Ascenseurs du Sud',
      siren,
      kinds: ['provider'],
      city: 'Nîmes',
      onboardingEmail: 'Contact@Ascenseurs-Sud.fr',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Ascenseurs du Sud',
      siren,
      onboardingEmail: 'contact@ascenseurs-sud.fr',
      ready: false,
    });
    const again = await send(operator, 'POST', '/api/organizations', { name: 'Doublon', siren, kinds: ['owner'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'organization.siren_taken', details: { field: 'siren' } });
  });

  it('refuses a SIREN with a wrong checksum or the wrong length, naming the field', async () => {
    for (const siren of ['123456788', '12345', 'abcdefghi']) {
      const res = await send(operator, 'POST', '/api/organizations', { name: 'X', siren, kinds: ['owner'] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('siren');
    }
  });

  it('refuses organisation creation to non-operators', async () => {
    const res = await send(habitat, 'POST', '/api/organizations', {
      name: 'X',
      siren: sirenWithKey('44444444'),
      kinds: ['owner'],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });

  it('lets an admin change its own city and onboarding contact, but not its name nor another organisation', async () => {
    const ok = await send(habitat, 'PATCH', `/api/organizations/${habitat.organizationId}`, {
      onboardingEmail: 'nouveau@habitat-demo.fr',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().onboardingEmail).toBe('nouveau@habitat-demo.fr');
    const name = await send(habitat, 'PATCH', `/api/organizations/${habitat.organizationId}`, { name: 'Autre' });
    expect(name.statusCode).toBe(403);
    const other = await send(habitat, 'PATCH', `/api/organizations/${logis.organizationId}`, { city: 'Paris' });
    expect(other.statusCode).toBe(403);
    const byMember = await send(member, 'PATCH', `/api/organizations/${habitat.organizationId}`, { city: 'Paris' });
    expect(byMember.statusCode).toBe(403);
    const city = (await get(logis, `/api/organizations/${logis.organizationId}`)).json().city;
    expect(city).toBe('Marseille');
  });
});

describe('members', () => {
  it('lists members to the organisation’s admins and operators only', async () => {
    const own = await get(habitat, `/api/organizations/${habitat.organizationId}/members`);
    expect(own.statusCode).toBe(200);
    expect(
      own
        .json()
        .items.map((u: { email: string }) => u.email)
        .sort(),
    ).toEqual(['admin@habitat-demo.fr', 'membre@habitat-demo.fr']);
    expect((await get(operator, `/api/organizations/${habitat.organizationId}/members`)).statusCode).toBe(200);
    for (const s of [logis, ascenseurs, member]) {
      expect((await get(s, `/api/organizations/${habitat.organizationId}/members`)).statusCode).toBe(403);
    }
  });

  it('lets an admin add a member who can then sign in; an e-mail has one account', async () => {
    const res = await send(logis, 'POST', `/api/organizations/${logis.organizationId}/members`, {
      email: 'Nouveau@Logis-Test.fr',
      name: 'Nouveau Membre',
      role: 'member',
      password: 'un-mot-de-passe-long',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'nouveau@logis-test.fr', role: 'member', isOperator: false });
    const s = await ctx.login('nouveau@logis-test.fr', 'un-mot-de-passe-long');
    expect(s.organizationId).toBe(logis.organizationId);
    const dup = await send(logis, 'POST', `/api/organizations/${logis.organizationId}/members`, {
      email: 'admin@habitat-demo.fr',
      name: 'X',
      role: 'member',
      password: 'un-mot-de-passe-long',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('user.email_taken');
  });

  it('keeps at least one active admin', async () => {
    const me = habitat.userId;
    const res = await send(habitat, 'PATCH', `/api/organizations/${habitat.organizationId}/members/${me}`, {
      role: 'member',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('user.last_admin');
  });

  it('cannot change a user of another organisation, even by guessing ids', async () => {
    const res = await send(habitat, 'PATCH', `/api/organizations/${habitat.organizationId}/members/${logis.userId}`, {
      isActive: false,
    });
    expect(res.statusCode).toBe(404);
    const direct = await send(habitat, 'PATCH', `/api/organizations/${logis.organizationId}/members/${logis.userId}`, {
      isActive: false,
    });
    expect(direct.statusCode).toBe(403);
    expect((await get(logis, '/api/auth/session')).statusCode).toBe(200);
  });

  it('deactivating a member closes its sessions', async () => {
    const created = await send(habitat, 'POST', `/api/organizations/${habitat.organizationId}/members`, {
      email: 'temporaire@habitat-demo.fr',
      name: 'Temporaire',
      role: 'member',
      password: 'un-mot-de-passe-long',
    });
    const s = await ctx.login('temporaire@habitat-demo.fr', 'un-mot-de-passe-long');
    const off = await send(
      habitat,
      'PATCH',
      `/api/organizations/${habitat.organizationId}/members/${created.json().id}`,
      {
        isActive: false,
      },
    );
    expect(off.statusCode).toBe(200);
    expect((await get(s, '/api/auth/session')).statusCode).toBe(401);
  });
});
