import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';

export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    siren: text('siren').notNull(),
    kinds: text('kinds').array().notNull(),
    city: text('city'),
    onboardingEmail: text('onboarding_email'),
    ready: boolean('ready').notNull().default(false),
    isPlatform: boolean('is_platform').notNull().default(false),
    /** name + SIREN + city, lower-case without accents: what the directory search matches. */
    searchText: text('search_text').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('organizations_siren_uq').on(t.siren),
    index('organizations_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // search_text starts with the normalized name: it is also the accent-insensitive sort order.
    index('organizations_sort_idx').on(t.searchText, t.id),
    check('organizations_siren_ck', sql`${t.siren} ~ '^[0-9]{9}$'`),
    check('organizations_kinds_ck', sql`${t.kinds} <@ array['owner','provider','manager']::text[]`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role', { enum: ['admin', 'member'] }).notNull(),
    locale: text('locale', { enum: ['fr', 'en'] })
      .notNull()
      .default('fr'),
    isActive: boolean('is_active').notNull().default(true),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    index('users_org_idx').on(t.organizationId),
    check('users_role_ck', sql`${t.role} in ('admin','member')`),
    check('users_email_lower_ck', sql`${t.email} = lower(${t.email})`),
  ],
);
