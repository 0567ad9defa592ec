import type { ContractSort, ContractState, PartyRole } from '@raccord/schemas';
import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../audit/audit.tables';
import { organizations } from '../organizations/organizations.tables';
import { trades } from '../trades/trades.tables';
import { contractInvitations, contractParties, contractProjects, contractStateEvents } from './contracts.tables';

export type ProjectRow = typeof contractProjects.$inferSelect;
export type PartyRow = typeof contractParties.$inferSelect;
export type InvitationRow = typeof contractInvitations.$inferSelect;

export async function insertProject(db: DbOrTx, row: typeof contractProjects.$inferInsert) {
  await db.insert(contractProjects).values(row);
}

export async function findProject(db: DbOrTx, id: string) {
  const [row] = await db.select().from(contractProjects).where(eq(contractProjects.id, id));
  return row ?? null;
}

/** The project row locked until the end of the transaction (every write goes through it). */
export async function lockProject(db: DbOrTx, id: string) {
  const [row] = await db.select().from(contractProjects).where(eq(contractProjects.id, id)).for('update');
  return row ?? null;
}

export async function updateProjectRow(db: DbOrTx, id: string, patch: Partial<typeof contractProjects.$inferInsert>) {
  const [row] = await db.update(contractProjects).set(patch).where(eq(contractProjects.id, id)).returning();
  return row ?? null;
}

export async function insertStateEvent(db: DbOrTx, row: typeof contractStateEvents.$inferInsert) {
  await db.insert(contractStateEvents).values(row);
}

export async function listStateEvents(db: DbOrTx, projectId: string) {
  return db
    .select()
    .from(contractStateEvents)
    .where(eq(contractStateEvents.projectId, projectId))
    .orderBy(asc(contractStateEvents.id));
}

export async function listProjectAudit(db: DbOrTx, projectId: string, limit = 200) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, 'contract'), eq(auditEvents.targetId, projectId)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

// ---- parties -------------------------------------------------------------------------------

export async function insertParty(db: DbOrTx, row: typeof contractParties.$inferInsert) {
  await db.insert(contractParties).values(row);
}

export async function updateParty(
  db: DbOrTx,
  projectId: string,
  role: PartyRole,
  patch: Partial<typeof contractParties.$inferInsert>,
) {
  await db
    .update(contractParties)
    .set(patch)
    .where(and(eq(contractParties.projectId, projectId), eq(contractParties.role, role)));
}

export async function deleteParty(db: DbOrTx, projectId: string, role: PartyRole) {
  await db.delete(contractParties).where(and(eq(contractParties.projectId, projectId), eq(contractParties.role, role)));
}

export async function releasePartyReferences(db: DbOrTx, projectId: string) {
  await db.update(contractParties).set({ isLive: false }).where(eq(contractParties.projectId, projectId));
}

/** Parties of these projects with their organisation. */
export async function listParties(db: DbOrTx, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select({ party: contractParties, organization: organizations })
    .from(contractParties)
    .innerJoin(organizations, eq(organizations.id, contractParties.organizationId))
    .where(inArray(contractParties.projectId, projectIds));
}

export async function listTradesByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(trades).where(inArray(trades.id, ids));
}

// ---- invitations ---------------------------------------------------------------------------

/** Every invitation of these projects, newest first (the console shows the newest per party). */
export async function listInvitations(db: DbOrTx, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(contractInvitations)
    .where(inArray(contractInvitations.projectId, projectIds))
    .orderBy(desc(contractInvitations.sentAt), desc(contractInvitations.id));
}

export async function findInvitationByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(contractInvitations).where(eq(contractInvitations.tokenHash, tokenHash));
  return row ?? null;
}

export async function findInvitation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(contractInvitations).where(eq(contractInvitations.id, id));
  return row ?? null;
}

export async function findCurrentInvitation(db: DbOrTx, projectId: string, role: PartyRole) {
  const [row] = await db
    .select()
    .from(contractInvitations)
    .where(
      and(
        eq(contractInvitations.projectId, projectId),
        eq(contractInvitations.role, role as 'provider' | 'thirdParty'),
        sql`${contractInvitations.revokedAt} is null`,
      ),
    );
  return row ?? null;
}

export async function insertInvitation(db: DbOrTx, row: typeof contractInvitations.$inferInsert) {
  await db.insert(contractInvitations).values(row);
}

export async function updateInvitation(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof contractInvitations.$inferInsert>,
) {
  await db.update(contractInvitations).set(patch).where(eq(contractInvitations.id, id));
}

/** Revokes the live invitations of a project (all roles, or one). */
export async function revokeInvitations(
  db: DbOrTx,
  projectId: string,
  now: Date,
  reason: 'replaced' | 'invitee_changed' | 'cancelled',
  role?: PartyRole,
) {
  await db
    .update(contractInvitations)
    .set({ revokedAt: now, revokedReason: reason })
    .where(
      and(
        eq(contractInvitations.projectId, projectId),
        sql`${contractInvitations.revokedAt} is null`,
        sql`${contractInvitations.completedAt} is null`,
        role ? eq(contractInvitations.role, role as 'provider' | 'thirdParty') : undefined,
      ),
    );
}

// ---- lists ---------------------------------------------------------------------------------

/** What a user may see: its organisation's projects, and those it is party to once notified. */
export function visibleTo(organizationId: string | null): SQL | undefined {
  if (organizationId === null) return undefined; // operators
  return sql`(${contractProjects.ownerId} = ${organizationId} OR (${contractProjects.state} <> 'draft' AND EXISTS (
    SELECT 1 FROM contract_parties cp WHERE cp.project_id = ${contractProjects.id} AND cp.organization_id = ${organizationId})))`;
}

export interface ProjectFilter {
  visibleToOrg: string | null;
  patterns: string[];
  states?: ContractState[];
  excludeStates?: ContractState[];
  tradeId?: string;
  partyId?: string;
  hasThirdParty?: boolean;
  sort: ContractSort;
  limit: number;
  offset: number;
}

export async function searchProjects(db: DbOrTx, f: ProjectFilter) {
  const conds: SQL[] = f.patterns.map((p) => sql`${contractProjects.searchText} LIKE ${p}`);
  const scope = visibleTo(f.visibleToOrg);
  if (scope) conds.push(scope);
  if (f.states?.length) conds.push(inArray(contractProjects.state, f.states));
  for (const s of f.excludeStates ?? []) conds.push(ne(contractProjects.state, s));
  if (f.tradeId) conds.push(eq(contractProjects.tradeId, f.tradeId));
  if (f.partyId) {
    conds.push(sql`EXISTS (SELECT 1 FROM contract_parties cp WHERE cp.project_id = ${contractProjects.id}
      AND cp.organization_id = ${f.partyId} AND cp.role <> 'owner')`);
  }
  if (f.hasThirdParty !== undefined) {
    conds.push(
      sql`${f.hasThirdParty ? sql`` : sql`NOT `}EXISTS (SELECT 1 FROM contract_parties cp WHERE cp.project_id = ${contractProjects.id} AND cp.role = 'thirdParty')`,
    );
  }
  const where = conds.length ? and(...conds) : undefined;
  const dir = f.sort.startsWith('-') ? desc : asc;
  const key = f.sort.replace(/^-/, '');
  const order =
    key === 'label'
      ? [dir(sql`lower(${contractProjects.label})`)]
      : key === 'activatedAt'
        ? [
            f.sort.startsWith('-')
              ? sql`${contractProjects.activatedAt} DESC NULLS LAST`
              : sql`${contractProjects.activatedAt} ASC NULLS LAST`,
          ]
        : key === 'trade'
          ? [dir(sql`(SELECT lower(t.label) FROM trades t WHERE t.id = ${contractProjects.tradeId})`)]
          : key === 'state'
            ? [dir(contractProjects.state)]
            : [dir(contractProjects.createdAt)];
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(contractProjects)
      .where(where)
      .orderBy(...order, asc(contractProjects.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(contractProjects).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** The live project holding this reference for this organisation, if any. */
export async function findReferenceHolder(
  db: DbOrTx,
  organizationId: string,
  reference: string,
  excludeProjectId?: string,
) {
  const [row] = await db
    .select({ project: contractProjects })
    .from(contractParties)
    .innerJoin(contractProjects, eq(contractProjects.id, contractParties.projectId))
    .where(
      and(
        eq(contractParties.organizationId, organizationId),
        sql`lower(${contractParties.reference}) = lower(${reference})`,
        eq(contractParties.isLive, true),
        excludeProjectId ? ne(contractParties.projectId, excludeProjectId) : undefined,
      ),
    )
    .limit(1);
  return row?.project ?? null;
}

export async function isPartyOf(db: DbOrTx, projectId: string, organizationId: string) {
  const [row] = await db
    .select({ role: contractParties.role })
    .from(contractParties)
    .where(and(eq(contractParties.projectId, projectId), eq(contractParties.organizationId, organizationId)));
  return row?.role ?? null;
}
