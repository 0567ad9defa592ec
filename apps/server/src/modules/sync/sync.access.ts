import type { FrozenTerms, PartyRole } from '@raccord/schemas';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type Actor, type ApiKeyActor, requireOrganizationActor, type UserActor } from '../../shared/actor';
import { contractParties, contractProjects } from '../contracts/contracts.tables';
import { syncErrors } from './sync.errors';

export interface PartyAccess {
  actor: UserActor | ApiKeyActor;
  contract: {
    id: string;
    ownerId: string;
    state: string;
    label: string;
    terms: FrozenTerms;
  };
  role: PartyRole;
}

/**
 * The caller (session or API key) must act for a party of a contract whose terms are frozen
 * (active, or suspended / terminated afterwards). The party is looked up by the caller's own
 * organisation: no other organisation's contract is ever loaded for it.
 */
export async function requireContractParty(db: DbOrTx, actor: Actor | null, contractId: string): Promise<PartyAccess> {
  const who = requireOrganizationActor(actor);
  const [row] = await db
    .select({
      id: contractProjects.id,
      ownerId: contractProjects.ownerId,
      state: contractProjects.state,
      label: contractProjects.label,
      terms: contractProjects.frozenTerms,
      role: contractParties.role,
    })
    .from(contractProjects)
    .innerJoin(
      contractParties,
      and(eq(contractParties.projectId, contractProjects.id), eq(contractParties.organizationId, who.organizationId)),
    )
    .where(eq(contractProjects.id, contractId));
  if (!row?.terms) throw syncErrors.contractNotFound();
  const { terms, role, ...contract } = row;
  return { actor: who, contract: { ...contract, terms }, role };
}
