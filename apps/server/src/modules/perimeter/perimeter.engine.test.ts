import {
  type AssetKind,
  allowedParentKinds,
  assetKinds,
  equipmentKinds,
  type Perimeter,
  type PerimeterNode,
  type SharedType,
  sharedTypes,
} from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import { createTestContext, type TestContext } from '../../test/test-app';
import { findCommune } from '../assets/assets.geo';
import { compareLtree } from '../assets/assets.models';
import { createAsset, deleteAsset, updateAsset } from '../assets/assets.usecases';
import {
  consumePerimeterPage,
  countPerimeter,
  isInPerimeter,
  listPerimeterAssets,
  resolvePerimeter,
  rootSizes,
  validatePerimeter,
} from './perimeter.engine';

let ctx: TestContext;
let actor: UserActor;
let ownerId: string;
const communes = ['69123', '69266', '13055', '2A004'];

beforeAll(async () => {
  ctx = await createTestContext();
  const s = await ctx.login('admin@habitat-demo.fr');
  ownerId = s.organizationId;
  actor = {
    kind: 'user',
    userId: s.userId,
    organizationId: ownerId,
    role: 'admin',
    isOperator: false,
    email: 'admin@habitat-demo.fr',
    name: 'Admin',
    ip: null,
    userAgent: null,
  };
});
afterAll(() => ctx.close());

interface Spec {
  parent: number; // index of an earlier node, or -1 for the top
  kindPick: number;
  commune: number;
  equipment: number;
  served: number[];
}
interface Op {
  kind: 'move' | 'retype' | 'delete';
  target: number;
  to: number;
  pick: number;
}

const specArb = fc.record({
  parent: fc.integer({ min: -1, max: 40 }),
  kindPick: fc.nat(20),
  commune: fc.nat(communes.length - 1),
  equipment: fc.nat(equipmentKinds.length - 1),
  served: fc.array(fc.nat(40), { maxLength: 2 }),
});
const opArb = fc.record({
  kind: fc.constantFrom('move', 'retype', 'delete') as fc.Arbitrary<Op['kind']>,
  target: fc.nat(40),
  to: fc.integer({ min: -1, max: 40 }),
  pick: fc.nat(20),
});

const deps = () => ({ db: ctx.database.db, clock: ctx.clock });

async function ignoreRefusals(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
  }
}

/** Builds a tree through the usecases (so the rollup is maintained as in the product). */
async function build(specs: Spec[], ops: Op[]) {
  await ctx.database.db.execute(sql`DELETE FROM assets WHERE owner_id = ${ownerId}`);
  await ctx.database.db.execute(sql`DELETE FROM asset_rollup WHERE owner_id = ${ownerId}`);
  const made: Array<{ id: string; kind: AssetKind }> = [];
  for (const [i, s] of specs.entries()) {
    const parent = s.parent >= 0 && made.length > 0 ? made[s.parent % made.length] : undefined;
    const options = assetKinds.filter((k) => allowedParentKinds[k].includes(parent ? parent.kind : null));
    if (options.length === 0) continue;
    const kind = options[s.kindPick % options.length] as AssetKind;
    const sites = made.filter((m) => m.kind === 'site');
    const served =
      kind === 'equipment' ? [...new Set(s.served.map((n) => sites[n % Math.max(1, sites.length)]?.id))] : [];
    const created = await createAsset(deps(), actor, {
      reference: `R${i}`,
      label: `Élément ${i}`,
      kind,
      parentId: parent?.id ?? null,
      communeCode: parent ? null : communes[s.commune],
      equipmentKind: kind === 'equipment' ? equipmentKinds[s.equipment] : null,
      servedSiteIds: served.filter((x): x is string => !!x),
    });
    made.push({ id: created.id, kind });
  }
  for (const op of ops) {
    const target = made[op.target % Math.max(1, made.length)];
    if (!target) break;
    if (op.kind === 'delete') await ignoreRefusals(() => deleteAsset(deps(), actor, target.id));
    if (op.kind === 'move') {
      const to = op.to >= 0 ? made[op.to % made.length] : undefined;
      await ignoreRefusals(() =>
        updateAsset(deps(), actor, target.id, {
          parentId: to?.id ?? null,
          communeCode: communes[op.pick % communes.length],
        }),
      );
    }
    if (op.kind === 'retype') {
      const kind = assetKinds[op.pick % assetKinds.length] as AssetKind;
      await ignoreRefusals(() =>
        updateAsset(deps(), actor, target.id, { kind, equipmentKind: kind === 'equipment' ? 'lift' : null }),
      );
    }
  }
}

interface Row {
  id: string;
  parent_id: string | null;
  shared_type: SharedType;
  commune_code: string | null;
}

/** The reference: walk up the parent links, geography from the top element's commune. */
async function bruteForce() {
  const rows = (
    await ctx.database.db.execute(
      sql`SELECT id, parent_id, shared_type, commune_code FROM assets WHERE owner_id = ${ownerId}`,
    )
  ).rows as unknown as Row[];
  const served = (
    await ctx.database.db.execute(sql`SELECT asset_id, site_id FROM asset_served_sites WHERE owner_id = ${ownerId}`)
  ).rows as Array<{ asset_id: string; site_id: string }>;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ancestors = (id: string): string[] => {
    const keys: string[] = [];
    let cur = byId.get(id);
    let top = cur;
    while (cur) {
      keys.push(`asset:${cur.id}`);
      top = cur;
      cur = cur.parent_id ? byId.get(cur.parent_id) : undefined;
    }
    const c = top?.commune_code ? findCommune(top.commune_code) : null;
    if (c) keys.push(`commune:${c.code}`, `departement:${c.departement}`, `region:${c.region}`);
    return keys;
  };
  const key = (n: PerimeterNode) => (n.kind === 'asset' ? `asset:${n.id}` : `${n.kind}:${n.code}`);
  const covered = (id: string, p: Perimeter) => {
    const a = ancestors(id);
    return p.include.some((n) => a.includes(key(n))) && !p.exclude.some((n) => a.includes(key(n)));
  };
  const inPerimeter = (id: string, p: Perimeter) =>
    covered(id, p) || served.some((s) => s.asset_id === id && covered(s.site_id, p));
  return { rows, inPerimeter, covered };
}

/**
 * Pages as the materialisation reads them: with the roots' sizes (whole roots unordered when they
 * fit), the last element being the greatest path of what the page returned.
 */
async function pagesWithRootSizes(perimeter: Perimeter, types: SharedType[], limit: number) {
  const db = ctx.database.db;
  const resolved = await resolvePerimeter(db, ownerId, perimeter);
  const sizes = await rootSizes(db, ownerId, resolved, types);
  const ids: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 200; page++) {
    const { next } = await consumePerimeterPage(
      db,
      ownerId,
      resolved,
      types,
      { after, limit, rootSizes: sizes },
      async (select, phase) => {
        const rows = (await db.execute(select)).rows as Array<{ id: string; path: string }>;
        ids.push(...rows.map((r) => r.id));
        let last: { id: string; path: string } | null = null;
        for (const r of rows) {
          if (!last) last = r;
          else if (phase === 'tree' ? compareLtree(r.path, last.path) > 0 : r.id > last.id) last = r;
        }
        return { count: rows.length, last };
      },
    );
    if (!next) break;
    after = next;
  }
  return { ids, sizes };
}

function nodePool(ids: string[]): PerimeterNode[] {
  const pool: PerimeterNode[] = ids.map((id) => ({ kind: 'asset', id }));
  for (const code of communes) {
    const c = findCommune(code);
    if (!c) continue;
    pool.push(
      { kind: 'commune', code },
      { kind: 'departement', code: c.departement },
      { kind: 'region', code: c.region },
    );
  }
  pool.push({ kind: 'commune', code: '33063' });
  return pool;
}

describe('the perimeter engine equals a brute-force walk of the tree', () => {
  it('on random trees, random writes and random perimeters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(specArb, { minLength: 1, maxLength: 30 }),
        fc.array(opArb, { maxLength: 6 }),
        fc.array(fc.nat(200), { minLength: 0, maxLength: 5 }),
        fc.array(fc.nat(200), { maxLength: 3 }),
        fc.subarray([...sharedTypes], { minLength: 1 }),
        async (specs, ops, inc, exc, types) => {
          await build(specs, ops);
          const { rows, inPerimeter } = await bruteForce();
          const pool = nodePool(rows.map((r) => r.id));
          const pick = (n: number) => pool[n % pool.length] as PerimeterNode;
          const perimeter: Perimeter = { include: inc.map(pick), exclude: exc.map(pick) };
          await validatePerimeter(ctx.database.db, ownerId, perimeter);

          const expected = Object.fromEntries(sharedTypes.map((t) => [t, 0])) as Record<SharedType, number>;
          for (const r of rows) if (inPerimeter(r.id, perimeter)) expected[r.shared_type]++;
          expect(await countPerimeter(ctx.database.db, ownerId, perimeter)).toEqual(expected);

          const wanted = rows
            .filter((r) => types.includes(r.shared_type) && inPerimeter(r.id, perimeter))
            .map((r) => r.id);
          for (const r of rows) {
            expect(await isInPerimeter(ctx.database.db, ownerId, perimeter, types, r.id)).toBe(wanted.includes(r.id));
          }
          const listed: string[] = [];
          let after: string | undefined;
          for (let page = 0; page < 100; page++) {
            const res = await listPerimeterAssets(ctx.database.db, ownerId, perimeter, types, { after, limit: 3 });
            listed.push(...res.items.map((i) => i.id));
            if (!res.next) break;
            after = res.next;
          }
          expect(listed.sort()).toEqual(wanted.sort());

          // The roots' sizes add up to the tree part of the set; pages reading whole roots
          // unordered when they fit still give each element once.
          const { covered } = await bruteForce();
          const treePart = rows.filter((r) => types.includes(r.shared_type) && covered(r.id, perimeter)).length;
          const whole = await pagesWithRootSizes(perimeter, types, 4);
          expect([...whole.sizes.values()].reduce((a, b) => a + b, 0)).toBe(treePart);
          expect([...whole.ids].sort()).toEqual([...wanted].sort());
          expect(new Set(whole.ids).size).toBe(whole.ids.length);
        },
      ),
      { numRuns: 25, seed: 42 },
    );
  }, 120_000);

  it('refuses a node that does not exist or belongs to another owner', async () => {
    const other = await ctx.login('admin@logis-test.fr');
    const otherActor = { ...actor, userId: other.userId, organizationId: other.organizationId };
    const theirs = await createAsset(deps(), otherActor, {
      reference: 'L1',
      label: 'Leur site',
      kind: 'site',
      communeCode: '13055',
    });
    for (const node of [
      { kind: 'asset', id: theirs.id },
      { kind: 'asset', id: 'ast_zzzzzzzzzz' },
      { kind: 'commune', code: '99999' },
    ] as PerimeterNode[]) {
      const err = await validatePerimeter(ctx.database.db, ownerId, { include: [node], exclude: [] }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe('perimeter.unknown_node');
      expect(err.details).toEqual({ field: 'perimeter.include.0', node });
    }
  });
});
