import type { Db, DbOrTx } from '../../db/client';
import { type Actor, type ApiKeyActor, requireOrganizationActor, type UserActor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { commonErrors } from '../../shared/errors';
import { renderMail } from '../mail/mail.templates';
import { queueMail } from '../mail/mail.usecases';
import { adminEmails } from '../organizations/organizations.repository';
import { serviceCodeErrors } from './service-codes.errors';
import * as repo from './service-codes.repository';

export interface CodesDeps {
  db: Db;
  clock: Clock;
  config: { publicUrl: string };
  wakeJobs?: () => void;
}

export type CodesRole = 'owner' | 'provider' | 'thirdParty' | 'operator';

export interface CodesAccess {
  who: UserActor | ApiKeyActor;
  contract: repo.ContractForCodes;
  role: CodesRole;
}

/**
 * Who sees a contract's table: its parties (owner, provider, and the third party, read-only) and
 * the service client's operators. The contract must be active or after (terms frozen). Anyone else
 * is told the contract does not exist.
 */
export async function requireCodesReader(db: DbOrTx, actor: Actor | null, contractId: string): Promise<CodesAccess> {
  const who = requireOrganizationActor(actor);
  const contract = await repo.loadContract(db, contractId, who.organizationId);
  if (!contract) throw serviceCodeErrors.contractNotFound();
  if (contract.role) return { who, contract, role: contract.role };
  if (who.kind === 'user' && who.isOperator) return { who, contract, role: 'operator' };
  throw serviceCodeErrors.contractNotFound();
}

/** The owner or the provider (administrators, or an API key of theirs), on an active contract. */
export async function requireCodesWriter(
  db: DbOrTx,
  actor: Actor | null,
  contractId: string,
): Promise<CodesAccess & { role: 'owner' | 'provider' }> {
  const access = await requireCodesReader(db, actor, contractId);
  const { role, who } = access;
  if (role !== 'owner' && role !== 'provider') throw serviceCodeErrors.readOnly();
  if (who.kind === 'user' && who.role !== 'admin') {
    throw commonErrors.forbidden('Réservé aux administrateurs des parties du contrat.');
  }
  if (access.contract.state !== 'active') throw serviceCodeErrors.contractNotActive(access.contract.state);
  return { ...access, role };
}

export const otherParty = (c: repo.ContractForCodes, role: 'owner' | 'provider') =>
  role === 'owner' ? c.providerId : c.ownerId;

export const contractUrl = (deps: CodesDeps, contractId: string) =>
  `${deps.config.publicUrl}/contrats/projets/${contractId}#codes`;

/** E-mails the administrators of these organisations (or the operators), inside the caller's transaction. */
export async function tellPeople(
  tx: DbOrTx,
  deps: CodesDeps,
  to: { organizations: string[] } | 'operators',
  mail: { kind: string; subject: string; paragraphs: string[]; url: string },
) {
  const recipients = to === 'operators' ? await repo.operatorEmails(tx) : await adminEmails(tx, to.organizations);
  for (const r of recipients) {
    const content = renderMail({
      subject: mail.subject,
      greeting: 'Bonjour,',
      paragraphs: mail.paragraphs,
      action: { label: 'Voir les codes de prestation', url: mail.url },
    });
    await queueMail(tx, deps.clock, { ...content, to: r.email, kind: mail.kind, organizationId: r.organizationId });
  }
}
