import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let admin: Session;
let member: Session;
let otherOwner: Session;
let provider: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  [admin, member, otherOwner, provider] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('membre@habitat-demo.fr'),
    ctx.login('admin@logis-test.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
  ]);
});
afterAll(() => ctx.close());

const post = (s: Session, url: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url, headers: s.headers, payload });
const get = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: s.headers });
const patch = (s: Session, url: string, payload: object) =>
  ctx.app.inject({ method: 'PATCH', url, headers: s.headers, payload });
const del = (s: Session, url: string) => ctx.app.inject({ method: 'DELETE', url, headers: s.headers });

async function create(payload: object, s = admin) {
  const res = await post(s, '/api/assets', payload);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as { id: string; reference: string };
}

describe('patrimoine CRUD', () => {
  let site: { id: string };
  let building: { id: string };
  let entrance: { id: string };

  it('creates a site in a commune, a building, an entrance, units and a lift', async () => {
    site = await create({
      reference: 'T-SITE-1',
      label: 'Résidence Les Érables',
      kind: 'site',
      communeCode: '69123',
      address: '12 rue Édouard Herriot',
      postcode: '69002',
    });
    building = await create({ reference: 'T-BAT-1', label: 'Bâtiment A', kind: 'building', parentId: site.id });
    entrance = await create({ reference: 'T-ENT-1', label: 'Entrée 1', kind: 'entrance', parentId: building.id });
    for (let i = 1; i <= 3; i++) {
      await create({ reference: `T-LOG-${i}`, label: `Logement ${i}`, kind: 'unit', parentId: entrance.id });
    }
    await create({
      reference: 'T-ASC-1',
      label: 'Ascenseur',
      kind: 'equipment',
      equipmentKind: 'lift',
      parentId: entrance.id,
      brand: 'Otis',
    });
    const res = await get(admin, `/api/assets/${entrance.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ entrance: 1, unit: 3, 'equipment.lift': 1 });
    expect(body.breadcrumb.map((b: { label: string }) => b.label)).toEqual([
      'Auvergne-Rhône-Alpes',
      'Rhône',
      'Lyon',
      'Résidence Les Érables',
      'Bâtiment A',
      'Entrée 1',
    ]);
  });

  it('refuses a reference already held by another element of the owner', async () => {
    const res = await post(admin, '/api/assets', {
      reference: 'T-LOG-1',
      label: 'x',
      kind: 'unit',
      parentId: entrance.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('asset.reference_taken');
    expect(res.json().error.details.field).toBe('reference');
  });

  it('lets another owner use the same reference', async () => {
    const other = await create(
      { reference: 'T-SITE-1', label: 'Autre site', kind: 'site', communeCode: '13055' },
      otherOwner,
    );
    expect(other.id).toMatch(/^ast_/);
  });

  it('refuses a kind under a parent that cannot hold it, and a top element without commune', async () => {
    const res = await post(admin, '/api/assets', { reference: 'T-X', label: 'x', kind: 'entrance', parentId: site.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('asset.forbidden_parent');
    const root = await post(admin, '/api/assets', { reference: 'T-Y', label: 'y', kind: 'site' });
    expect(root.json().error.code).toBe('asset.commune_required');
    const unknown = await post(admin, '/api/assets', {
      reference: 'T-Z',
      label: 'z',
      kind: 'site',
      communeCode: '99999',
    });
    expect(unknown.json().error.code).toBe('asset.unknown_commune');
    const unit = await post(admin, '/api/assets', { reference: 'T-W', label: 'w', kind: 'unit', communeCode: '69123' });
    expect(unit.json().error.code).toBe('asset.forbidden_parent');
  });

  it('moves a building with its subtree to another site in another commune, keeping counts right', async () => {
    const site2 = await create({ reference: 'T-SITE-2', label: 'Cité Jardin', kind: 'site', communeCode: '69266' });
    const res = await patch(admin, `/api/assets/${building.id}`, { parentId: site2.id });
    expect(res.statusCode).toBe(200);
    const tree = await get(admin, `/api/assets/tree?node=${encodeURIComponent(`asset:${site2.id}`)}`);
    expect(tree.json().items[0].counts).toEqual({ building: 1, entrance: 1, unit: 3, 'equipment.lift': 1 });
    const lyon = await get(admin, '/api/assets/tree?node=commune:69123');
    expect(lyon.json().items[0].counts).toEqual({ site: 1 });
    const cycle = await patch(admin, `/api/assets/${building.id}`, { parentId: building.id });
    expect(cycle.json().error.code).toBe('asset.cycle');
  });

  it('refuses to place an element under its own descendant', async () => {
    const site3 = await create({ reference: 'T-SITE-3', label: 'Site 3', kind: 'site', communeCode: '69123' });
    const b = await create({ reference: 'T-BAT-3', label: 'Bât 3', kind: 'building', parentId: site3.id });
    const e = await create({ reference: 'T-ENT-3', label: 'Entrée 3', kind: 'entrance', parentId: b.id });
    const res = await patch(admin, `/api/assets/${b.id}`, { kind: 'building', parentId: null, communeCode: '69123' });
    expect(res.statusCode).toBe(200);
    const back = await patch(admin, `/api/assets/${e.id}`, { parentId: b.id });
    expect(back.statusCode).toBe(200);
  });

  it('retypes only when the children still fit', async () => {
    const res = await patch(admin, `/api/assets/${entrance.id}`, { kind: 'floor' });
    expect(res.statusCode).toBe(200);
    const bad = await patch(admin, `/api/assets/${entrance.id}`, { kind: 'unit' });
    expect(bad.json().error.code).toBe('asset.forbidden_parent');
  });

  it('searches by reference, label or address without accents', async () => {
    const res = await get(admin, '/api/assets?q=edouard%20herriot');
    expect(res.json().items.map((i: { reference: string }) => i.reference)).toEqual(['T-SITE-1']);
    const byLabel = await get(admin, '/api/assets?q=erables');
    expect(byLabel.json().items).toHaveLength(1);
    const tree = await get(admin, '/api/assets/tree/search?q=lyon');
    expect(tree.json().items[0]).toMatchObject({ key: 'commune:69123', ancestors: ['region:84', 'departement:69'] });
  });

  it('gives totals and a tree from the regions down', async () => {
    const totals = await get(member, '/api/assets/totals');
    expect(totals.json().counts.unit).toBe(3);
    const top = await get(member, '/api/assets/tree');
    expect(top.json().items.map((i: { label: string }) => i.label)).toEqual(['Auvergne-Rhône-Alpes']);
  });

  it('deletes a subtree', async () => {
    const res = await del(admin, `/api/assets/${building.id}`);
    expect(res.json().deleted).toBe(6);
    const totals = await get(admin, '/api/assets/totals');
    expect(totals.json().counts.unit).toBeUndefined();
  });
});

describe('only the owner sees and changes its patrimoine', () => {
  let site: { id: string };
  beforeAll(async () => {
    site = await create({ reference: 'P-SITE', label: 'Site privé', kind: 'site', communeCode: '69123' });
  });

  it('hides it from another owner on every endpoint', async () => {
    expect((await get(otherOwner, `/api/assets/${site.id}`)).statusCode).toBe(404);
    expect((await patch(otherOwner, `/api/assets/${site.id}`, { label: 'x' })).statusCode).toBe(404);
    expect((await del(otherOwner, `/api/assets/${site.id}`)).statusCode).toBe(404);
    expect((await get(otherOwner, '/api/assets?q=prive')).json().items).toEqual([]);
    expect((await get(otherOwner, `/api/assets/tree?node=asset:${site.id}`)).statusCode).toBe(404);
    expect((await get(otherOwner, '/api/assets/tree?node=commune:69123')).json().items).toEqual([]);
    const child = await post(otherOwner, '/api/assets', {
      reference: 'X',
      label: 'x',
      kind: 'building',
      parentId: site.id,
    });
    expect(child.statusCode).toBe(404);
    expect((await get(otherOwner, `/api/assets?under=${site.id}`)).statusCode).toBe(404);
  });

  it('refuses a provider on every endpoint', async () => {
    for (const url of [
      '/api/assets',
      '/api/assets/totals',
      '/api/assets/tree',
      `/api/assets/${site.id}`,
      '/api/assets/tree/search?q=site',
    ]) {
      const res = await get(provider, url);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('asset.not_owner');
    }
    expect((await patch(provider, `/api/assets/${site.id}`, { label: 'x' })).statusCode).toBe(403);
    expect((await del(provider, `/api/assets/${site.id}`)).statusCode).toBe(403);
    expect(
      (await post(provider, '/api/assets', { reference: 'X', label: 'x', kind: 'site', communeCode: '69123' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets members read but not write', async () => {
    expect((await get(member, `/api/assets/${site.id}`)).statusCode).toBe(200);
    expect((await patch(member, `/api/assets/${site.id}`, { label: 'x' })).statusCode).toBe(403);
  });

  it('refuses unknown fields', async () => {
    const res = await post(admin, '/api/assets', {
      reference: 'U',
      label: 'u',
      kind: 'site',
      communeCode: '69123',
      color: 'red',
    });
    expect(res.statusCode).toBe(400);
  });
});
