import type { OrganizationKind } from '@raccord/schemas';
import { and, asc, count, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { organizations, users } from './organizations.tables';

export async function findOrganization(db: DbOrTx, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export async function findOrganizationBySiren(db: DbOrTx, siren: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.siren, siren));
  return row ?? null;
}

export interface DirectoryFilter {
  patterns: string[];
  kind?: OrganizationKind;
  includePlatform: boolean;
  limit: number;
  offset: number;
}

/** The directory: trigram-indexed LIKE over the normalized name/SIREN/city, sorted by name. */
export async function searchOrganizations(db: DbOrTx, f: DirectoryFilter) {
  const conds: SQL[] = f.patterns.map((p) => sql`${organizations.searchText} LIKE ${p}`);
  if (f.kind) conds.push(sql`${organizations.kinds} @> ARRAY[${f.kind}]::text[]`);
  if (!f.includePlatform) conds.push(eq(organizations.isPlatform, false));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(organizations)
      .where(where)
      .orderBy(asc(organizations.searchText), asc(organizations.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function insertOrganization(db: DbOrTx, row: typeof organizations.$inferInsert) {
  await db.insert(organizations).values(row);
}

export async function updateOrganizationRow(db: DbOrTx, id: string, patch: Partial<typeof organizations.$inferInsert>) {
  const [row] = await db.update(organizations).set(patch).where(eq(organizations.id, id)).returning();
  return row ?? null;
}

export async function listMembers(db: DbOrTx, organizationId: string) {
  return db.select().from(users).where(eq(users.organizationId, organizationId)).orderBy(asc(users.name));
}

export async function findUserInOrganization(db: DbOrTx, organizationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  return row ?? null;
}

export async function findUserById(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function insertUser(db: DbOrTx, row: typeof users.$inferInsert) {
  await db.insert(users).values(row);
}

export async function updateUserRow(
  db: DbOrTx,
  organizationId: string,
  userId: string,
  patch: Partial<typeof users.$inferInsert>,
) {
  const [row] = await db
    .update(users)
    .set(patch)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)))
    .returning();
  return row ?? null;
}

/** Active admins other than `exceptUserId`, locked so that two demotions cannot both pass. */
export async function countOtherActiveAdmins(db: DbOrTx, organizationId: string, exceptUserId: string) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.role, 'admin'),
        eq(users.isActive, true),
        ne(users.id, exceptUserId),
      ),
    )
    .for('update');
  return rows.length;
}

/** Active administrators' addresses of these organisations. */
export async function adminEmails(db: DbOrTx, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .select({ email: users.email, organizationId: users.organizationId })
    .from(users)
    .where(and(inArray(users.organizationId, organizationIds), eq(users.role, 'admin'), eq(users.isActive, true)));
}
