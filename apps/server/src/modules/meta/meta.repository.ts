import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/** Claims a one-time marker; returns false when it was already there (the work was done). */
export async function claimMarker(db: DbOrTx, key: string, now: Date): Promise<boolean> {
  const res = await db.execute(
    sql`INSERT INTO app_meta (key, value, created_at) VALUES (${key}, '{}'::jsonb, ${now}) ON CONFLICT (key) DO NOTHING RETURNING key`,
  );
  return res.rows.length > 0;
}
