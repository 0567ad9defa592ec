import type { ContractProjectDetail, CreateContractProjectBody } from '@raccord/schemas';
import { type Actor, actorLabel, requireUser } from '../../shared/actor';
import { commonErrors } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { findOrganization } from '../organizations/organizations.repository';
import { contractErrors } from './contracts.errors';
import * as repo from './contracts.repository';
import { auditContract, type ContractDeps, finishWrite, referenceTakenError } from './contracts.shared';
import { loadDetail } from './contracts.views';

/**
 * Step 1: **Créer un projet de contrat**. Any user of an owner organisation creates a draft with
 * its organisation as the owner party (and, when given, the owner's reference: step 0).
 */
export async function createProject(
  deps: ContractDeps,
  actor: Actor | null,
  input: CreateContractProjectBody,
): Promise<ContractProjectDetail> {
  const user = requireUser(actor);
  if (user.isOperator) throw commonErrors.forbidden('Un projet de contrat est créé par le propriétaire.');
  const org = await findOrganization(deps.db, user.organizationId);
  if (!org?.kinds.includes('owner')) {
    throw commonErrors.forbidden('Seul un propriétaire / bailleur crée un projet de contrat.');
  }
  const id = newId('ctr');
  const attempt = input.reference
    ? { field: 'reference', reference: input.reference, organizationId: user.organizationId }
    : null;
  try {
    return await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      await repo.insertProject(tx, {
        id,
        ownerId: user.organizationId,
        label: input.label,
        description: input.description || null,
        tags: input.tags,
        state: 'draft',
        stateEnteredAt: now,
        stateEnteredBy: actorLabel(user),
        createdByUserId: user.userId,
        createdAt: now,
        updatedAt: now,
      });
      await repo.insertStateEvent(tx, { projectId: id, state: 'draft', enteredAt: now, enteredBy: actorLabel(user) });
      await repo.insertParty(tx, {
        projectId: id,
        role: 'owner',
        organizationId: user.organizationId,
        reference: input.reference ?? null,
        updatedAt: now,
      });
      await auditContract(tx, deps.clock, user, { id, ownerId: user.organizationId }, 'contract.created', {
        label: input.label,
        reference: input.reference ?? null,
      });
      const inserted = await repo.findProject(tx, id);
      if (!inserted) throw contractErrors.notFound();
      // finishWrite bumps the version: a new project starts at version 1.
      const row = await finishWrite(tx, deps.clock, user, { ...inserted, version: 0 });
      return loadDetail(tx, row, user, now);
    });
  } catch (err) {
    throw await referenceTakenError(deps.db, user, err, attempt);
  }
}
