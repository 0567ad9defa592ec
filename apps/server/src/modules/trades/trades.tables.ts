import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';

export const trades = pgTable(
  'trades',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('trades_code_uq').on(t.code), uniqueIndex('trades_label_uq').on(sql`lower(${t.label})`)],
);
