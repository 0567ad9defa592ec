import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { generatedSource } from './assets.generate';
import { runImport } from './assets.import.run';
import { assetImports } from './assets.tables';

let ctx: TestContext;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin@logis-test.fr');
});
afterAll(() => ctx.close());

async function upload(body: string | Buffer, s = admin, query = '', contentType = 'text/csv') {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/assets/imports${query}`,
    headers: { ...s.headers, 'content-type': contentType },
    payload: body,
  });
  return res;
}

async function importFile(body: string | Buffer, query = '', contentType = 'text/csv') {
  const res = await upload(body, admin, query, contentType);
  if (res.statusCode !== 202) throw new Error(res.body);
  await ctx.runner.drain();
  const status = await ctx.app.inject({
    method: 'GET',
    url: `/api/assets/imports/${res.json().id}`,
    headers: admin.headers,
  });
  return status.json();
}

const totals = async () =>
  (await ctx.app.inject({ method: 'GET', url: '/api/assets/totals', headers: admin.headers })).json().counts;

const frenchCsv = [
  '\uFEFFRéférence;Référence parent;Type;Type d’équipement;Libellé;Adresse;Code postal;Code INSEE;Année de construction',
  // children before their parents: allowed
  'LOG-1;ENT-1;logement;;Logement 1;;;;',
  'LOG-2;ENT-1;Logement;;"Logement 2; duplex";;;;',
  'ASC-1;ENT-1;équipement;Ascenseur;Ascenseur A;;;;',
  'ENT-1;BAT-1;Entrée;;Entrée 1;;;;',
  'BAT-1;GRP-1;bâtiment;;Bâtiment A;;;;1972',
  'GRP-1;;ensemble immobilier;;Résidence du Port;2 quai du Port;13002;13055;',
].join('\r\n');

describe('import', () => {
  it('imports a French CSV with BOM, parents after their children, and reports counts', async () => {
    const imp = await importFile(frenchCsv);
    expect(imp).toMatchObject({
      state: 'succeeded',
      created: 6,
      updated: 0,
      unchanged: 0,
      errorCount: 0,
      progress: 100,
    });
    expect(await totals()).toEqual({ site: 1, building: 1, entrance: 1, unit: 2, 'equipment.lift': 1 });
  });

  it('changes nothing when the same file comes again, and updates what differs', async () => {
    expect(await importFile(frenchCsv)).toMatchObject({ state: 'succeeded', created: 0, updated: 0, unchanged: 6 });
    const changed = await importFile(
      'reference,parent_reference,kind,equipment_kind,label\nASC-1,ENT-1,equipment,vmc,VMC 1\nLOG-3,ENT-1,unit,,Logement 3\n',
    );
    expect(changed).toMatchObject({ state: 'succeeded', created: 1, updated: 1, unchanged: 0 });
    expect(await totals()).toEqual({ site: 1, building: 1, entrance: 1, unit: 3, 'equipment.vmc': 1 });
  });

  it('round-trips: exporting then importing changes nothing', async () => {
    const exported = await ctx.app.inject({ method: 'GET', url: '/api/assets/export.csv', headers: admin.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.body.startsWith('\uFEFFRéférence;Référence parent;Type')).toBe(true);
    const back = await importFile(exported.rawPayload);
    expect(back).toMatchObject({ state: 'succeeded', created: 0, updated: 0, unchanged: 7 });
  });

  it('imports JSON (an array of objects) and moves an element with its subtree', async () => {
    const json = JSON.stringify([
      { reference: 'GRP-2', kind: 'site', label: 'Les Calanques', commune_code: '13055' },
      { reference: 'BAT-1', parent_reference: 'GRP-2', kind: 'building', label: 'Bâtiment A', year_built: 1972 },
    ]);
    const imp = await importFile(json, '', 'application/json');
    expect(imp).toMatchObject({ state: 'succeeded', created: 1, moved: 1 });
    const search = await ctx.app.inject({ method: 'GET', url: '/api/assets?q=logement%203', headers: admin.headers });
    const detail = await ctx.app.inject({
      method: 'GET',
      url: `/api/assets/${search.json().items[0].id}`,
      headers: admin.headers,
    });
    expect(detail.json().breadcrumb.map((b: { label: string }) => b.label)).toContain('Les Calanques');
    const tree = await ctx.app.inject({
      method: 'GET',
      url: '/api/assets/tree?node=commune:13055',
      headers: admin.headers,
    });
    const counts = Object.fromEntries(
      tree.json().items.map((i: { reference: string; total: number }) => [i.reference, i.total]),
    );
    expect(counts).toEqual({ 'GRP-1': 1, 'GRP-2': 7 });
  });

  it('refuses a bad file whole, with every error (line, column, value, French message)', async () => {
    const before = await totals();
    const bad = [
      'reference;parent_reference;kind;label;commune_code;year_built',
      'X-1;NOPE;unit;Orphelin;;', // unknown parent
      'X-2;;chateau;Château;13055;', // unknown kind
      'X-3;;site;Site sans commune;;', // commune required
      'X-4;GRP-1;unit;Logement sous un site;;', // forbidden parent
      'X-5;X-6;entrance;Cycle A;;', // cycle
      'X-6;X-5;building;Cycle B;;',
      `X-7;;site;${'A'.repeat(3000)};13055;`, // cell too long
      'X-8;;site;Site;13055;19x2', // bad year
      'X-9;;site;Site;13055;',
      'X-9;;site;Doublon;13055;', // duplicate reference
    ].join('\n');
    const imp = await importFile(bad);
    expect(imp.state).toBe('failed');
    const codes = imp.errors.map((e: { line: number; code: string }) => `${e.line}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '2:import.unknown_parent',
        '3:import.unknown_kind',
        '4:import.commune_required',
        '5:import.forbidden_parent',
        '6:import.cycle',
        '7:import.cycle',
        '8:import.cell_too_long',
        '9:import.invalid_year',
        '11:import.duplicate_reference',
      ]),
    );
    const unknownParent = imp.errors.find((e: { code: string }) => e.code === 'import.unknown_parent');
    expect(unknownParent).toMatchObject({ column: 'parent_reference', value: 'NOPE' });
    expect(unknownParent.message).toMatch(/Parent inconnu/);
    expect(await totals()).toEqual(before);
  });

  it('refuses missing columns, a file that is not UTF-8, and an empty file', async () => {
    const missing = await importFile('reference;label\nA;B\n');
    expect(missing.errors[0]).toMatchObject({ line: 1, code: 'import.missing_columns', column: 'kind' });
    const latin1 = await importFile(
      Buffer.from('reference;kind;label;commune_code\nA;site;R\xe9sidence;13055\n', 'latin1'),
    );
    expect(latin1.errors[0]).toMatchObject({ code: 'import.invalid_file' });
    expect(latin1.errors[0].message).toMatch(/UTF-8/);
    const empty = await upload('');
    expect(empty.statusCode).toBe(400);
  });

  it('keeps imports to their owner: another owner and a provider cannot see or start one', async () => {
    const res = await upload('reference;kind;label;commune_code\nZ;site;Z;13055\n');
    const id = res.json().id;
    const other = await ctx.login('admin@habitat-demo.fr');
    const seen = await ctx.app.inject({ method: 'GET', url: `/api/assets/imports/${id}`, headers: other.headers });
    expect(seen.statusCode).toBe(404);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/assets/imports', headers: other.headers });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const provider = await ctx.login('admin@ascenseurs-demo.fr');
    expect((await upload('reference;kind;label\n', provider)).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/assets/export.csv', headers: provider.headers })).statusCode,
    ).toBe(403);
    const member = await ctx.login('membre@habitat-demo.fr');
    expect((await upload('reference;kind;label\n', member)).statusCode).toBe(403);
    await ctx.runner.drain();
  });
  it('keeps the rollup equal to a fresh count, written once (one transaction) or with each batch', async () => {
    const owner = (await ctx.login('admin@habitat-demo.fr')).organizationId;
    const { db } = ctx.database;
    // The rollup as stored, and as counted again from the rows, for this owner.
    const rollupMismatch = async () => {
      const res = await db.execute(sql`
        WITH fresh AS (
          SELECT subpath(a.path, 0, k)::text AS path, a.shared_type, count(*)::int AS n
          FROM assets a, generate_series(1, LEAST(5, nlevel(a.path))) k
          WHERE a.owner_id = ${owner} GROUP BY 1, 2),
        stored AS (SELECT path::text AS path, shared_type, n FROM asset_rollup WHERE owner_id = ${owner} AND n <> 0)
        (SELECT 'missing' AS side, * FROM fresh EXCEPT SELECT 'missing', * FROM stored)
        UNION ALL (SELECT 'extra', * FROM stored EXCEPT SELECT 'extra', * FROM fresh)`);
      return res.rows;
    };
    expect(await rollupMismatch()).toEqual([]);
    let n = 0;
    const run = async (engine: 'pglite' | 'postgresql', csv: string) => {
      const id = `imp_rollup_${engine}_${n++}`;
      await db
        .insert(assetImports)
        .values({ id, ownerId: owner, format: 'csv', state: 'queued', createdAt: new Date() });
      const source = {
        format: 'csv' as const,
        open: async function* () {
          yield Buffer.from(csv);
        },
      };
      const res = await runImport(
        { db, engine, clock: systemClock },
        { importId: id, ownerId: owner, actor: { kind: 'system', label: 'test' }, source, batchSize: 3 },
      );
      expect(res.ok, JSON.stringify(res.errors)).toBe(true);
      return res.result;
    };
    // The server path (one transaction, rollup written once) needs a second connection for the
    // progress updates: only on a server; the embedded path (rollup with each batch) everywhere.
    const engines = ctx.database.engine === 'postgresql' ? (['postgresql', 'pglite'] as const) : (['pglite'] as const);
    for (const engine of engines) {
      const p = engine === 'pglite' ? 'E' : 'S';
      // New rows, children before their parents (set aside, written after), in small batches.
      expect(
        await run(
          engine,
          [
            'reference;parent_reference;kind;equipment_kind;label;commune_code',
            `RU-${p}-L1;RU-${p}-E1;unit;;Logement 1;`,
            `RU-${p}-L2;RU-${p}-E1;unit;;Logement 2;`,
            `RU-${p}-A1;RU-${p}-E1;equipment;lift;Ascenseur;`,
            `RU-${p}-E1;RU-${p}-B1;entrance;;Entrée;`,
            `RU-${p}-B1;RU-${p}-S1;building;;Bâtiment;`,
            `RU-${p}-B2;RU-${p}-S1;building;;Bâtiment 2;`,
            `RU-${p}-S1;;site;;Résidence Marseille;13055`,
            `RU-${p}-S2;;site;;Résidence Lyon;69123`,
          ].join('\n'),
        ),
      ).toMatchObject({ created: 8 });
      expect(await rollupMismatch()).toEqual([]);
      // Then a retype, a new row under the moved building, and the move of a building to another site.
      expect(
        await run(
          engine,
          [
            'reference;parent_reference;kind;equipment_kind;label',
            `RU-${p}-A1;RU-${p}-E1;equipment;vmc;VMC`,
            `RU-${p}-L3;RU-${p}-E1;unit;;Logement 3`,
            `RU-${p}-B1;RU-${p}-S2;building;;Bâtiment`,
          ].join('\n'),
        ),
      ).toMatchObject({ created: 1, updated: 1, moved: 1 });
      expect(await rollupMismatch()).toEqual([]);
    }
  });

  it('gives the same result with adaptive batches (embedded) as with fixed ones', async () => {
    const owner = admin.organizationId;
    const { db } = ctx.database;
    const run = async (batchSize: number | undefined, prefix: string) => {
      const id = `imp_adaptive_${prefix}`;
      await db
        .insert(assetImports)
        .values({ id, ownerId: owner, format: 'csv', state: 'queued', createdAt: new Date() });
      return runImport(
        // The embedded path (short transactions, adaptive batches), whatever the test engine.
        { db, engine: 'pglite', clock: systemClock },
        {
          importId: id,
          ownerId: owner,
          actor: { kind: 'system', label: 'test' },
          source: generatedSource({ elements: 1200, seed: 3, prefix }),
          batchSize,
        },
      );
    };
    const fixed = await run(97, 'FX');
    const adaptive = await run(undefined, 'AD');
    expect(fixed.ok && adaptive.ok).toBe(true);
    expect(adaptive.result).toEqual(fixed.result);
    expect(adaptive.result?.created).toBe(fixed.rows);
  });
});
