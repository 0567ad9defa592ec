import type { ContractProjectDetail, FrozenTerms } from '@raccord/schemas';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { type Actor, requireUser, type SystemActor, type UserActor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { freezeAssets } from '../assets/assets.freeze';
import { enqueueJob } from '../jobs/jobs.queue';
import { renderMail } from '../mail/mail.templates';
import { queueMail } from '../mail/mail.usecases';
import { findUserById } from '../organizations/organizations.repository';
import { countPerimeter } from '../perimeter/perimeter.engine';
import { startMaterialisation } from '../sync/sync.materialise';
import { contractErrors } from './contracts.errors';
import { cancellableStates, perimeterAssetIds } from './contracts.models';
import * as repo from './contracts.repository';
import { auditContract, type ContractDeps, finishWrite, setState } from './contracts.shared';
import { contractProjects } from './contracts.tables';
import { loadDetail } from './contracts.views';

export const ACTIVATE_JOB = 'contracts.activate';
export const ACTIVATE_MAX_ATTEMPTS = 5;

async function lockAsOwnerAdmin(tx: DbOrTx, user: UserActor, projectId: string) {
  const row = await repo.lockProject(tx, projectId);
  if (!row) throw contractErrors.notFound();
  if (row.ownerId !== user.organizationId || user.isOperator) {
    const role = await repo.isPartyOf(tx, projectId, user.organizationId);
    throw role && row.state !== 'draft' ? contractErrors.ownerAdminOnly() : contractErrors.notParty();
  }
  if (user.role !== 'admin') throw contractErrors.ownerAdminOnly();
  return row;
}

/**
 * **Valider le contrat** (owner admins, in `ready_to_validate` only): moves to `validating` and
 * enqueues the activation in the same transaction. The row lock and the state check make two
 * clicks or two admins produce one validation; the job's singleton key, one activation.
 */
export async function validateProject(
  deps: ContractDeps,
  actor: Actor | null,
  projectId: string,
  input: { version?: number },
): Promise<ContractProjectDetail> {
  const user = requireUser(actor);
  const detail = await deps.db.transaction(async (tx) => {
    const row = await lockAsOwnerAdmin(tx, user, projectId);
    if (input.version !== undefined && row.version !== input.version) {
      throw contractErrors.staleVersion(await loadDetail(tx, row, user, deps.clock.now()));
    }
    if (row.state !== 'ready_to_validate') throw contractErrors.notReady(row.state);
    const validating = await setState(tx, deps.clock, user, row, 'validating', {
      validationAttempts: 0,
      lastError: null,
    });
    await auditContract(tx, deps.clock, user, row, 'contract.validation_requested');
    await enqueueJob(
      tx,
      deps.clock,
      ACTIVATE_JOB,
      { projectId },
      { singletonKey: `${ACTIVATE_JOB}:${projectId}`, maxAttempts: ACTIVATE_MAX_ATTEMPTS },
    );
    const finished = await finishWrite(tx, deps.clock, user, validating);
    return loadDetail(tx, finished, user, deps.clock.now());
  });
  deps.wakeJobs?.();
  return detail;
}

/** Cancels a project before it is active (owner admins), freeing its references and links. */
export async function cancelProject(
  deps: ContractDeps,
  actor: Actor | null,
  projectId: string,
  input: { reason: string },
): Promise<ContractProjectDetail> {
  const user = requireUser(actor);
  return deps.db.transaction(async (tx) => {
    const row = await lockAsOwnerAdmin(tx, user, projectId);
    if (!cancellableStates.includes(row.state)) throw contractErrors.notCancellable(row.state);
    const now = deps.clock.now();
    const cancelled = await setState(tx, deps.clock, user, row, 'cancelled', {
      cancelReason: input.reason,
      reason: input.reason,
    });
    await repo.releasePartyReferences(tx, row.id);
    await repo.revokeInvitations(tx, row.id, now, 'cancelled');
    await auditContract(tx, deps.clock, user, row, 'contract.cancelled', { reason: input.reason });
    const finished = await finishWrite(tx, deps.clock, user, cancelled);
    return loadDetail(tx, finished, user, now);
  });
}

const activationActor: SystemActor = { kind: 'system', label: 'activation du contrat' };

/**
 * Job: freezes the terms and makes the contract active. Idempotent (a project no longer
 * `validating` is left alone); each attempt and its error are recorded on the project, and after
 * the last attempt the project goes back to `ready_to_validate` with the error shown.
 */
export async function activateContract(
  deps: { db: Db; clock: Clock; config: ContractDeps['config'] },
  projectId: string,
  attempt: number,
): Promise<void> {
  await deps.db
    .update(contractProjects)
    .set({ validationAttempts: attempt })
    .where(and(eq(contractProjects.id, projectId), eq(contractProjects.state, 'validating')));
  try {
    await deps.db.transaction(async (tx) => {
      const row = await repo.lockProject(tx, projectId);
      if (row?.state !== 'validating') return;
      const terms = await freezeTerms(tx, row, deps.clock.now());
      const active = await setState(tx, deps.clock, activationActor, row, 'active', {
        frozenTerms: terms,
        activatedAt: deps.clock.now(),
        lastError: null,
      });
      // Elements named by the terms cannot be deleted while the contract is active (assets module).
      await freezeAssets(
        tx,
        deps.clock,
        row.ownerId,
        { type: 'contract', id: row.id, label: row.label },
        perimeterAssetIds(terms.perimeter),
      );
      await auditContract(tx, deps.clock, activationActor, row, 'contract.activated', {
        parties: terms.parties.map((p) => ({ role: p.role, reference: p.reference })),
        counts: terms.counts,
      });
      await tellParties(tx, deps, row, terms);
      await startMaterialisation(tx, deps.clock, row.id);
      await finishWrite(tx, deps.clock, activationActor, active);
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await deps.db.transaction(async (tx) => {
      const row = await repo.lockProject(tx, projectId);
      if (row?.state !== 'validating') return;
      if (attempt < ACTIVATE_MAX_ATTEMPTS) {
        await repo.updateProjectRow(tx, row.id, { lastError: message.slice(0, 1000) });
        return;
      }
      const back = await setState(tx, deps.clock, activationActor, row, 'ready_to_validate', {
        lastError: message.slice(0, 1000),
        reason: message.slice(0, 1000),
      });
      await auditContract(tx, deps.clock, activationActor, row, 'contract.validation_failed', {
        error: message.slice(0, 1000),
        attempts: attempt,
      });
      await finishWrite(tx, deps.clock, activationActor, back);
    });
    throw err;
  }
}

/** The terms as they are at activation: what connectors and the sync rely on afterwards. */
async function freezeTerms(tx: DbOrTx, row: repo.ProjectRow, now: Date): Promise<FrozenTerms> {
  const parties = await repo.listParties(tx, [row.id]);
  const [trade] = row.tradeId ? await repo.listTradesByIds(tx, [row.tradeId]) : [];
  if (!trade) throw new Error('Métier manquant : le contrat ne peut pas être activé.');
  if (!row.perimeter || row.perimeter.include.length === 0) {
    throw new Error('Périmètre de partage vide : le contrat ne peut pas être activé.');
  }
  if (row.sharedTypes.length === 0)
    throw new Error('Aucun type d’élément partagé : le contrat ne peut pas être activé.');
  const frozenParties = parties.map(({ party, organization }) => {
    if (!party.reference) throw new Error(`Référence manquante pour ${organization.name}.`);
    return { role: party.role, organizationId: organization.id, name: organization.name, reference: party.reference };
  });
  // The resolved counts of the shared types, as they are at activation (the perimeter stays live).
  const all = await countPerimeter(tx, row.ownerId, row.perimeter);
  const counts = Object.fromEntries(row.sharedTypes.map((t) => [t, all[t] ?? 0]));
  return {
    frozenAt: now.toISOString(),
    label: row.label,
    trade: { id: trade.id, code: trade.code, label: trade.label },
    parties: frozenParties,
    perimeter: row.perimeter,
    sharedTypes: row.sharedTypes,
    counts,
  };
}

async function tellParties(
  tx: DbOrTx,
  deps: { clock: Clock; config: ContractDeps['config'] },
  row: repo.ProjectRow,
  terms: FrozenTerms,
) {
  const creator = row.createdByUserId ? await findUserById(tx, row.createdByUserId) : null;
  const invitations = await repo.listInvitations(tx, [row.id]);
  const recipients = new Map<string, string>();
  if (creator?.isActive) recipients.set(creator.email, row.ownerId);
  for (const inv of invitations) if (inv.completedAt) recipients.set(inv.email, inv.organizationId);
  const refs = terms.parties.map((p) => `${p.name} : ${p.reference}`).join(' ; ');
  for (const [to, organizationId] of recipients) {
    const mail = renderMail({
      subject: `Contrat « ${row.label} » actif`,
      greeting: 'Bonjour,',
      paragraphs: [
        `Le contrat de partage « ${row.label} » (${terms.trade.label}) est validé et actif.`,
        `Références : ${refs}.`,
        'La synchronisation du patrimoine partagé démarre.',
      ],
      action: { label: 'Voir le contrat', url: `${deps.config.publicUrl}/contrats/projets/${row.id}` },
    });
    await queueMail(tx, deps.clock, { ...mail, to, kind: 'contract.activated', organizationId });
  }
}
