import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { contractParties, contractProjects } from '../contracts/contracts.tables';
import { organizations, users } from '../organizations/organizations.tables';
import {
  type PairSnapshot,
  serviceCodeAlignments,
  serviceCodeDismissals,
  serviceCodePairs,
  serviceCodes,
  serviceCodeVersions,
} from './service-codes.tables';

export type ServiceCodeRow = typeof serviceCodes.$inferSelect;
export type PairRow = typeof serviceCodePairs.$inferSelect;
export type AlignmentRow = typeof serviceCodeAlignments.$inferSelect;

// ——— Catalogues (always scoped by organisation) ———

export function listCatalogue(db: DbOrTx, organizationId: string, tradeId: string) {
  return db
    .select()
    .from(serviceCodes)
    .where(and(eq(serviceCodes.organizationId, organizationId), eq(serviceCodes.tradeId, tradeId)))
    .orderBy(asc(sql`lower(${serviceCodes.code})`));
}

export async function findCode(db: DbOrTx, id: string) {
  const [row] = await db.select().from(serviceCodes).where(eq(serviceCodes.id, id));
  return row ?? null;
}

/** Contracts (of this organisation, this métier) whose current table names this code. */
export async function contractsUsingCode(db: DbOrTx, row: ServiceCodeRow): Promise<string[]> {
  const result = await db.execute<{ id: string; role: string }>(sql`
    SELECT DISTINCT c.id, cp.role FROM service_code_pairs p
    JOIN contract_projects c ON c.id = p.contract_id
    JOIN contract_parties cp ON cp.project_id = c.id AND cp.organization_id = ${row.organizationId}
    WHERE c.trade_id = ${row.tradeId}
      AND ((cp.role = 'owner' AND lower(p.owner_code) = lower(${row.code}))
        OR (cp.role = 'provider' AND lower(p.provider_code) = lower(${row.code})))`);
  return result.rows.map((r) => r.id);
}

// ——— Contract access ———

export interface ContractForCodes {
  id: string;
  label: string;
  state: string;
  tradeId: string;
  tradeLabel: string;
  ownerId: string;
  ownerName: string;
  providerId: string;
  providerName: string;
  /** The caller organisation's role on it (null: not a party). */
  role: 'owner' | 'provider' | 'thirdParty' | null;
}

/** The contract with its owner and provider, frozen (active or after); null when unknown. */
export async function loadContract(db: DbOrTx, contractId: string, callerOrganizationId: string | null) {
  const [row] = await db
    .select({
      id: contractProjects.id,
      label: contractProjects.label,
      state: contractProjects.state,
      terms: contractProjects.frozenTerms,
    })
    .from(contractProjects)
    .where(eq(contractProjects.id, contractId));
  if (!row?.terms) return null;
  const parties = await db
    .select({ role: contractParties.role, organizationId: contractParties.organizationId, name: organizations.name })
    .from(contractParties)
    .innerJoin(organizations, eq(organizations.id, contractParties.organizationId))
    .where(eq(contractParties.projectId, contractId));
  const owner = parties.find((p) => p.role === 'owner');
  const provider = parties.find((p) => p.role === 'provider');
  if (!owner || !provider) return null;
  const mine = parties.find((p) => p.organizationId === callerOrganizationId);
  const contract: ContractForCodes = {
    id: row.id,
    label: row.label,
    state: row.state,
    tradeId: row.terms.trade.id,
    tradeLabel: row.terms.trade.label,
    ownerId: owner.organizationId,
    ownerName: owner.name,
    providerId: provider.organizationId,
    providerName: provider.name,
    role: mine?.role ?? null,
  };
  return contract;
}

/** The alignment row, created on first use; `lock` takes it FOR UPDATE (writes). */
export async function ensureAlignment(db: DbOrTx, clock: Clock, contractId: string, lock: boolean) {
  await db
    .insert(serviceCodeAlignments)
    .values({ contractId, updatedAt: clock.now() })
    .onConflictDoNothing({ target: serviceCodeAlignments.contractId });
  const q = db.select().from(serviceCodeAlignments).where(eq(serviceCodeAlignments.contractId, contractId));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new Error(`alignment ${contractId} missing`);
  return row;
}

export async function findAlignment(db: DbOrTx, contractId: string) {
  const [row] = await db.select().from(serviceCodeAlignments).where(eq(serviceCodeAlignments.contractId, contractId));
  return row ?? null;
}

export function listPairs(db: DbOrTx, contractId: string) {
  return db
    .select()
    .from(serviceCodePairs)
    .where(eq(serviceCodePairs.contractId, contractId))
    .orderBy(
      asc(sql`lower(${serviceCodePairs.ownerCode})`),
      asc(sql`lower(coalesce(${serviceCodePairs.providerCode}, ''))`),
    );
}

export const toSnapshot = (p: PairRow): PairSnapshot => ({
  id: p.id,
  ownerCode: p.ownerCode,
  providerCode: p.providerCode,
  relation: p.relation,
  comment: p.comment,
  status: p.status,
  proposedBy: p.proposedBy,
  responseComment: p.responseComment,
  updatedAt: p.updatedAt.toISOString(),
});

export function listVersions(db: DbOrTx, contractId: string) {
  return db
    .select()
    .from(serviceCodeVersions)
    .where(eq(serviceCodeVersions.contractId, contractId))
    .orderBy(asc(serviceCodeVersions.version));
}

export async function listDismissed(db: DbOrTx, contractId: string) {
  const rows = await db
    .select({ o: serviceCodeDismissals.ownerKey, p: serviceCodeDismissals.providerKey })
    .from(serviceCodeDismissals)
    .where(eq(serviceCodeDismissals.contractId, contractId));
  return rows;
}

/** Pairs accepted in the other contracts (same métier) between the same owner and provider. */
export async function agreedElsewhere(db: DbOrTx, c: ContractForCodes) {
  const result = await db.execute<{
    owner_code: string;
    provider_code: string;
    relation: PairSnapshot['relation'];
  }>(sql`
    SELECT p.owner_code, p.provider_code, p.relation FROM service_code_pairs p
    JOIN contract_projects k ON k.id = p.contract_id
    JOIN contract_parties o ON o.project_id = k.id AND o.role = 'owner' AND o.organization_id = ${c.ownerId}
    JOIN contract_parties v ON v.project_id = k.id AND v.role = 'provider' AND v.organization_id = ${c.providerId}
    WHERE k.id <> ${c.id} AND k.trade_id = ${c.tradeId} AND p.status = 'accepted' AND p.provider_code IS NOT NULL
    ORDER BY lower(p.owner_code), lower(p.provider_code)`);
  return result.rows.map((r) => ({ ownerCode: r.owner_code, providerCode: r.provider_code, relation: r.relation }));
}

/** Active users of the platform organisation (the service client). */
export function operatorEmails(db: DbOrTx) {
  return db
    .select({ email: users.email, organizationId: users.organizationId })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(organizations.isPlatform, true), eq(users.isActive, true)));
}
