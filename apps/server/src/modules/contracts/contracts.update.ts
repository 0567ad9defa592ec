import type {
  ContractProjectDetail,
  PartyBlockBody,
  PartyRole,
  SubmitPartyBody,
  UpdateContractProjectBody,
} from '@raccord/schemas';
import type { DbOrTx } from '../../db/client';
import { type Actor, requireUser, type UserActor } from '../../shared/actor';
import { commonErrors } from '../../shared/errors';
import { renderMail } from '../mail/mail.templates';
import { queueMail } from '../mail/mail.usecases';
import { findOrganization, findUserById } from '../organizations/organizations.repository';
import { validatePerimeter } from '../perimeter/perimeter.engine';
import { findTrade } from '../trades/trades.repository';
import { contractErrors } from './contracts.errors';
import { editableStates } from './contracts.models';
import * as repo from './contracts.repository';
import { auditContract, type ContractDeps, finishWrite, referenceTakenError } from './contracts.shared';
import { loadDetail } from './contracts.views';

const ownerFields = [
  'label',
  'description',
  'tags',
  'tradeId',
  'providerId',
  'thirdPartyId',
  'perimeter',
  'sharedTypes',
] as const;

type Attempt = { field: string; reference: string; organizationId: string; projectId: string } | null;

/**
 * Opens a write on a project: lock, party check, field ownership, version, editable state — in
 * that order, so that each refusal has its own code and nothing is written before all pass.
 */
async function openWrite(
  tx: DbOrTx,
  deps: ContractDeps,
  user: UserActor,
  projectId: string,
  version: number,
  touched: { ownerFields: string[]; blocks: PartyRole[] },
) {
  const row = await repo.lockProject(tx, projectId);
  if (!row) throw contractErrors.notFound();
  const role = await repo.isPartyOf(tx, projectId, user.organizationId);
  if (!role || user.isOperator || (role !== 'owner' && row.state === 'draft')) {
    throw user.isOperator
      ? commonErrors.forbidden('Le service client consulte les projets sans les modifier.')
      : contractErrors.notParty();
  }
  const foreignField = role === 'owner' ? undefined : touched.ownerFields[0];
  if (foreignField) throw contractErrors.fieldNotOwned(foreignField);
  const foreignBlock = touched.blocks.find((b) => b !== role);
  if (foreignBlock) throw contractErrors.fieldNotOwned(`parties.${foreignBlock}`);
  if (row.version !== version) throw contractErrors.staleVersion(await loadDetail(tx, row, user, deps.clock.now()));
  if (!editableStates.includes(row.state)) throw contractErrors.notEditable(row.state);
  return { row, role };
}

async function assertPartyOrganization(tx: DbOrTx, field: string, orgId: string, role: 'provider' | 'thirdParty') {
  const org = await findOrganization(tx, orgId);
  if (!org || org.isPlatform) throw contractErrors.invalidParty(field, 'Organisation introuvable dans l’annuaire.');
  if (role === 'provider' && !org.kinds.includes('provider')) {
    throw contractErrors.invalidParty(field, `« ${org.name} » n’est pas un prestataire de services.`);
  }
}

/** Step 3: sets, changes or removes the provider / third party. A change revokes the old invitation. */
async function setPartyOrg(
  tx: DbOrTx,
  deps: ContractDeps,
  row: repo.ProjectRow,
  role: 'provider' | 'thirdParty',
  orgId: string | null,
) {
  const current = (await repo.listParties(tx, [row.id])).find((p) => p.party.role === role);
  if (current?.party.organizationId === orgId) return;
  const now = deps.clock.now();
  if (current) {
    await repo.revokeInvitations(tx, row.id, now, 'invitee_changed', role);
    await repo.deleteParty(tx, row.id, role);
  }
  if (orgId) await repo.insertParty(tx, { projectId: row.id, role, organizationId: orgId, updatedAt: now });
}

async function writeBlock(tx: DbOrTx, deps: ContractDeps, projectId: string, role: PartyRole, block: PartyBlockBody) {
  await repo.updateParty(tx, projectId, role, {
    ...(block.reference !== undefined ? { reference: block.reference } : {}),
    ...(block.contacts !== undefined ? { contacts: block.contacts } : {}),
    // A provider or third party that edits its block submits it again.
    ...(role !== 'owner' ? { submittedAt: null } : {}),
    updatedAt: deps.clock.now(),
  });
}

/** **Suivant** on any step: saves that step's fields, each party only its own. */
export async function updateProject(
  deps: ContractDeps,
  actor: Actor | null,
  projectId: string,
  input: UpdateContractProjectBody,
): Promise<ContractProjectDetail> {
  const user = requireUser(actor);
  const touchedOwner = ownerFields.filter((f) => input[f] !== undefined);
  const blocks = (Object.keys(input.parties ?? {}) as PartyRole[]).filter((r) => input.parties?.[r] !== undefined);
  let attempt: Attempt = null;
  try {
    return await deps.db.transaction(async (tx) => {
      const { row, role } = await openWrite(tx, deps, user, projectId, input.version, {
        ownerFields: touchedOwner,
        blocks,
      });
      if (input.tradeId) {
        const trade = await findTrade(tx, input.tradeId);
        if (!trade || (!trade.isActive && trade.id !== row.tradeId)) throw contractErrors.tradeInactive();
      }
      const ownerId = row.ownerId;
      const parties = await repo.listParties(tx, [row.id]);
      const orgOf = (r: PartyRole) => parties.find((p) => p.party.role === r)?.party.organizationId ?? null;
      const provider = input.providerId === undefined ? orgOf('provider') : input.providerId;
      const third = input.thirdPartyId === undefined ? orgOf('thirdParty') : input.thirdPartyId;
      if (provider === ownerId) throw contractErrors.duplicateParty('providerId');
      if (third !== null && (third === ownerId || third === provider))
        throw contractErrors.duplicateParty('thirdPartyId');
      if (third !== null && provider === null) {
        throw contractErrors.invalidParty('thirdPartyId', 'Choisissez le prestataire avant d’ajouter un tiers.');
      }
      if (input.providerId) await assertPartyOrganization(tx, 'providerId', input.providerId, 'provider');
      if (input.thirdPartyId) await assertPartyOrganization(tx, 'thirdPartyId', input.thirdPartyId, 'thirdParty');
      if (input.providerId !== undefined) await setPartyOrg(tx, deps, row, 'provider', input.providerId);
      if (input.thirdPartyId !== undefined) await setPartyOrg(tx, deps, row, 'thirdParty', input.thirdPartyId);

      // Every node must exist in the owner's patrimoine or the official geography.
      if (input.perimeter) await validatePerimeter(tx, row.ownerId, input.perimeter);
      const now = deps.clock.now();
      const updated = await repo.updateProjectRow(tx, row.id, {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
        ...(input.tradeId !== undefined ? { tradeId: input.tradeId } : {}),
        ...(input.perimeter !== undefined ? { perimeter: input.perimeter } : {}),
        ...(input.sharedTypes !== undefined ? { sharedTypes: [...new Set(input.sharedTypes)] } : {}),
        updatedAt: now,
      });
      if (!updated) throw contractErrors.notFound();
      const block = input.parties?.[role];
      if (block) {
        if (block.reference) {
          attempt = {
            field: `parties.${role}.reference`,
            reference: block.reference,
            organizationId: user.organizationId,
            projectId: row.id,
          };
        }
        await writeBlock(tx, deps, row.id, role, block);
      }
      await auditContract(tx, deps.clock, user, row, 'contract.updated', {
        fields: [...touchedOwner, ...blocks.map((b) => `parties.${b}`)],
        ...(input.providerId !== undefined ? { providerId: input.providerId } : {}),
        ...(input.thirdPartyId !== undefined ? { thirdPartyId: input.thirdPartyId } : {}),
        ...(block?.reference !== undefined ? { reference: block.reference } : {}),
      });
      const finished = await finishWrite(tx, deps.clock, user, updated);
      return loadDetail(tx, finished, user, now);
    });
  } catch (err) {
    throw await referenceTakenError(deps.db, user, err, attempt);
  }
}

/**
 * A provider or third party fills its reference and contacts and submits (from the e-mail link,
 * once signed in). The owner is told by e-mail; the invitation is completed.
 */
export async function submitParty(
  deps: ContractDeps,
  actor: Actor | null,
  projectId: string,
  input: SubmitPartyBody,
): Promise<ContractProjectDetail> {
  const user = requireUser(actor);
  const attempt: Attempt = {
    field: 'reference',
    reference: input.reference,
    organizationId: user.organizationId,
    projectId,
  };
  try {
    const detail = await deps.db.transaction(async (tx) => {
      const role = await repo.isPartyOf(tx, projectId, user.organizationId);
      const { row } = await openWrite(tx, deps, user, projectId, input.version, {
        ownerFields: [],
        blocks: role ? [role] : [],
      });
      if (role === 'owner' || role === null) {
        throw commonErrors.forbidden('Le propriétaire renseigne son bloc à l’étape 4, sans le soumettre.');
      }
      const now = deps.clock.now();
      await repo.updateParty(tx, row.id, role, {
        reference: input.reference,
        contacts: input.contacts,
        submittedAt: now,
        updatedAt: now,
      });
      const invitation = await repo.findCurrentInvitation(tx, row.id, role);
      if (invitation && !invitation.completedAt) await repo.updateInvitation(tx, invitation.id, { completedAt: now });
      await auditContract(tx, deps.clock, user, row, 'contract.party_submitted', { role, reference: input.reference });
      await tellOwner(tx, deps, row, user);
      const finished = await finishWrite(tx, deps.clock, user, row);
      return loadDetail(tx, finished, user, now);
    });
    deps.wakeJobs?.();
    return detail;
  } catch (err) {
    throw await referenceTakenError(deps.db, user, err, attempt);
  }
}

async function tellOwner(tx: DbOrTx, deps: ContractDeps, row: repo.ProjectRow, by: UserActor) {
  const creator = row.createdByUserId ? await findUserById(tx, row.createdByUserId) : null;
  const owner = await findOrganization(tx, row.ownerId);
  const to = creator?.isActive ? creator.email : owner?.onboardingEmail;
  const partyOrg = await findOrganization(tx, by.organizationId);
  if (!to) return;
  const mail = renderMail({
    subject: `${partyOrg?.name ?? 'Une partie'} a complété le projet « ${row.label} »`,
    greeting: 'Bonjour,',
    paragraphs: [
      `${by.name} (${partyOrg?.name ?? by.email}) a renseigné sa référence de contrat pour le projet « ${row.label} ».`,
      'Quand toutes les parties ont complété leur bloc, vous pouvez valider le contrat.',
    ],
    action: { label: 'Voir le projet', url: `${deps.config.publicUrl}/contrats/projets/${row.id}` },
  });
  await queueMail(tx, deps.clock, { ...mail, to, kind: 'contract.party_submitted', organizationId: row.ownerId });
}
