import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { countPerimeter, isInPerimeter, listPerimeterAssets } from './perimeter.engine';

let ctx: TestContext;
let admin: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin@habitat-demo.fr');
  const make = async (key: string, payload: object) => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/assets', headers: admin.headers, payload });
    if (res.statusCode !== 201) throw new Error(res.body);
    ids[key] = res.json().id;
  };
  await make('a', { reference: 'PA', label: 'Site A', kind: 'site', communeCode: '69123' });
  await make('b', { reference: 'PB', label: 'Site B', kind: 'site', communeCode: '69266' });
  await make('ba', { reference: 'PBA', label: 'Bâtiment B1', kind: 'building', parentId: ids.b });
  await make('u1', { reference: 'PU1', label: 'Logement 1', kind: 'unit', parentId: ids.ba });
  await make('u2', { reference: 'PU2', label: 'Logement 2', kind: 'unit', parentId: ids.ba });
  await make('boiler', {
    reference: 'PCH',
    label: 'Chaufferie commune',
    kind: 'equipment',
    equipmentKind: 'collective_boiler_room',
    parentId: ids.a,
    servedSiteIds: [ids.b],
  });
});
afterAll(() => ctx.close());

describe('equipment serving several sites', () => {
  it('is in the perimeter of every site it serves', async () => {
    const db = ctx.database.db;
    const perimeter = { include: [{ kind: 'asset' as const, id: ids.b ?? '' }], exclude: [] };
    const counts = await countPerimeter(db, admin.organizationId, perimeter);
    expect(counts['equipment.collective_boiler_room']).toBe(1);
    expect(counts.unit).toBe(2);
    expect(
      await isInPerimeter(db, admin.organizationId, perimeter, ['equipment.collective_boiler_room'], ids.boiler ?? ''),
    ).toBe(true);
    const page = await listPerimeterAssets(
      db,
      admin.organizationId,
      perimeter,
      ['site', 'equipment.collective_boiler_room'],
      { limit: 10 },
    );
    expect(page.items.map((i) => i.reference)).toEqual(['PB', 'PCH']);
    const excluded = { include: perimeter.include, exclude: [{ kind: 'asset' as const, id: ids.b ?? '' }] };
    expect((await countPerimeter(db, admin.organizationId, excluded))['equipment.collective_boiler_room']).toBe(0);
  });
});

describe('POST /api/perimeter/preview', () => {
  it('gives counts grouped by patrimoine and equipment and a summary of the chosen levels', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/perimeter/preview',
      headers: admin.headers,
      payload: {
        perimeter: { include: [{ kind: 'departement', code: '69' }], exclude: [{ kind: 'asset', id: ids.u2 }] },
        types: ['unit'],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      patrimoine: [
        { type: 'site', count: 2 },
        { type: 'building', count: 1 },
        { type: 'unit', count: 1 },
      ],
      equipment: [{ type: 'equipment.collective_boiler_room', count: 1 }],
      total: 1,
      included: { departement: 1 },
      excluded: { unit: 1 },
    });
    expect(res.json().nodes[0]).toMatchObject({ label: 'Rhône', mode: 'include' });
  });

  it('refuses an unknown node with its field', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/perimeter/preview',
      headers: admin.headers,
      payload: {
        perimeter: {
          include: [
            { kind: 'commune', code: '69123' },
            { kind: 'asset', id: 'ast_nope000000' },
          ],
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'perimeter.unknown_node',
      details: { field: 'perimeter.include.1' },
    });
  });

  it('shows another owner nothing of this patrimoine, and refuses providers', async () => {
    const other = await ctx.login('admin@logis-test.fr');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/perimeter/preview',
      headers: other.headers,
      payload: { perimeter: { include: [{ kind: 'asset', id: ids.b }] } },
    });
    expect(res.json().error.code).toBe('perimeter.unknown_node');
    const geo = await ctx.app.inject({
      method: 'POST',
      url: '/api/perimeter/preview',
      headers: other.headers,
      payload: { perimeter: { include: [{ kind: 'departement', code: '69' }] } },
    });
    expect(geo.json().total).toBe(0);
    const provider = await ctx.login('admin@ascenseurs-demo.fr');
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/perimeter/preview',
      headers: provider.headers,
      payload: { perimeter: { include: [{ kind: 'departement', code: '69' }] } },
    });
    expect(refused.statusCode).toBe(403);
  });
});
