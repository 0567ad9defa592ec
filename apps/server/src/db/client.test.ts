import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: false });
}, 120_000);
afterAll(() => ctx.close());

describe('database connections', () => {
  it('a query that fails leaves the connection usable: the next queries, anybody’s, succeed', async () => {
    const { db, pool } = ctx.database;
    for (let i = 0; i < 3; i++) {
      await expect(pool.query('SELECT 1 / 0')).rejects.toMatchObject({ code: '22012' });
      expect((await pool.query('SELECT $1::int AS n', [i])).rows).toEqual([{ n: i }]);
      await expect(db.execute(sql`SELECT 1 / ${0}::int`)).rejects.toThrow();
      expect((await db.execute(sql`SELECT ${i}::int AS n`)).rows).toEqual([{ n: i }]);
    }
    // A failing request and others in flight at the same moment: only the failing one fails.
    const results = await Promise.allSettled([
      db.execute(sql`SELECT 1 AS n`),
      db.execute(sql`SELECT * FROM no_such_table`),
      db.execute(sql`SELECT 2 AS n`),
      db.execute(sql`SELECT 3 AS n`),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  });

  it('a transaction that fails is rolled back and the connection serves the next one', async () => {
    const { db } = ctx.database;
    await db.execute(sql`CREATE TABLE IF NOT EXISTS conn_probe (id int PRIMARY KEY)`);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO conn_probe VALUES (1)`);
        await tx.execute(sql`INSERT INTO conn_probe VALUES (1)`);
      }),
    ).rejects.toThrow();
    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO conn_probe VALUES (2)`);
    });
    expect((await db.execute(sql`SELECT id FROM conn_probe ORDER BY id`)).rows).toEqual([{ id: 2 }]);
    await db.execute(sql`DROP TABLE conn_probe`);
  });
});
