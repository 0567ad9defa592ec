import type { ServiceCodeResolutionStatus } from '@raccord/schemas';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { contractParties } from '../contracts/contracts.tables';
import { codeKey, relationRank } from './service-codes.models';
import { findAlignment } from './service-codes.repository';

export interface ServiceCodeResolution {
  code: string;
  status: ServiceCodeResolutionStatus;
  ownerCode?: string;
  ownerLabel?: string;
}

/**
 * Checks the service codes an operation log quotes against the contract's **integrated** table
 * (the one the service client integrated last, even while a new version is being aligned):
 * - `known`: the code is in the table; `ownerCode` / `ownerLabel` give the owner's counterpart (a
 *   provider code with several counterparts gives the equivalent one first, then narrower, broader);
 * - `unknown`: the table is integrated but does not hold the code (accepted, to be flagged);
 * - `unchecked`: no table integrated yet on this contract.
 * The sender's role decides which side is read: the owner quotes its own codes, anyone else the
 * provider's. Case-insensitive; the answer keeps the input order and spelling.
 */
export async function resolveServiceCodes(
  db: DbOrTx,
  contractId: string,
  senderOrganizationId: string,
  codes: string[],
): Promise<ServiceCodeResolution[]> {
  const alignment = await findAlignment(db, contractId);
  const table = alignment?.integrated;
  if (!table) return codes.map((code) => ({ code, status: 'unchecked' }));
  const [sender] = await db
    .select({ role: contractParties.role })
    .from(contractParties)
    .where(and(eq(contractParties.projectId, contractId), eq(contractParties.organizationId, senderOrganizationId)));
  const byOwner = sender?.role === 'owner';
  const index = new Map<string, { ownerCode: string; ownerLabel: string; rank: number }>();
  for (const p of table.pairs) {
    const side = byOwner ? p.ownerCode : p.providerCode;
    if (side === null) continue;
    const rank = byOwner ? 0 : relationRank[p.relation];
    const current = index.get(codeKey(side));
    if (
      !current ||
      rank < current.rank ||
      (rank === current.rank && codeKey(p.ownerCode) < codeKey(current.ownerCode))
    ) {
      index.set(codeKey(side), { ownerCode: p.ownerCode, ownerLabel: p.ownerLabel, rank });
    }
  }
  return codes.map((code) => {
    const hit = index.get(codeKey(code));
    return hit
      ? { code, status: 'known', ownerCode: hit.ownerCode, ownerLabel: hit.ownerLabel }
      : { code, status: 'unknown' };
  });
}
