import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { trades } from './trades.tables';

export async function listTrades(db: DbOrTx, includeInactive: boolean) {
  return db
    .select()
    .from(trades)
    .where(includeInactive ? undefined : eq(trades.isActive, true))
    .orderBy(asc(trades.label));
}

export async function findTrade(db: DbOrTx, id: string) {
  const [row] = await db.select().from(trades).where(eq(trades.id, id));
  return row ?? null;
}

export async function insertTrade(db: DbOrTx, row: typeof trades.$inferInsert) {
  await db.insert(trades).values(row);
}

export async function updateTradeRow(db: DbOrTx, id: string, patch: Partial<typeof trades.$inferInsert>) {
  const [row] = await db.update(trades).set(patch).where(eq(trades.id, id)).returning();
  return row ?? null;
}
