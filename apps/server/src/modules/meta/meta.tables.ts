import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';

/** Markers of one-time work (reference data, demo seed), so a restart never redoes it. */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull(),
});
