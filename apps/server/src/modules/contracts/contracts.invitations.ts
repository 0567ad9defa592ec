import type { ContractProjectDetail, InviteeRole, NotifyContractProjectBody } from '@raccord/schemas';
import type { Db, DbOrTx } from '../../db/client';
import { type Actor, actorLabel, requireUser, type SystemActor, type UserActor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { commonErrors } from '../../shared/errors';
import { hashSecret, newId, newSecret } from '../../shared/ids';
import { enqueueJob } from '../jobs/jobs.queue';
import { renderMail } from '../mail/mail.templates';
import { queueMail } from '../mail/mail.usecases';
import { findOrganization } from '../organizations/organizations.repository';
import { contractErrors } from './contracts.errors';
import { editableStates, missingBeforeNotify } from './contracts.models';
import * as repo from './contracts.repository';
import { auditContract, type ContractDeps, finishWrite, setState } from './contracts.shared';
import { factsOf, loadDetail } from './contracts.views';

export const REMINDER_JOB = 'contracts.invitation_reminder';
/** Automatic reminders: after this long without the invitee completing its block, at most this often. */
export const REMINDER_DELAY_MS = 3 * 86_400_000;
export const MAX_AUTO_REMINDERS = 3;

/** The console route an invitation link opens. */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/invitation/${token}`;
}

interface InviteInput {
  project: repo.ProjectRow;
  role: InviteeRole;
  organizationId: string;
  email: string;
  remindersSent: number;
  kind: 'invitation' | 'reminder';
}

/**
 * Creates an invitation (a fresh token, only its hash stored), its e-mail and its first automatic
 * reminder, in the caller's transaction. Returns nothing about the token: no API returns it.
 */
async function createInvitation(tx: DbOrTx, deps: ContractDeps, actor: Actor, input: InviteInput) {
  const now = deps.clock.now();
  const token = newSecret();
  const id = newId('inv');
  await repo.insertInvitation(tx, {
    id,
    projectId: input.project.id,
    role: input.role,
    organizationId: input.organizationId,
    email: input.email,
    tokenHash: hashSecret(token),
    sentAt: now,
    expiresAt: new Date(now.getTime() + deps.config.invitationTtlMs),
    remindersSent: input.remindersSent,
    createdBy: actorLabel(actor),
  });
  const owner = await findOrganization(tx, input.project.ownerId);
  const invitee = await findOrganization(tx, input.organizationId);
  const ttlDays = Math.round(deps.config.invitationTtlMs / 86_400_000);
  const ownerName = owner?.name ?? 'Un propriétaire';
  const mail = renderMail({
    subject:
      input.kind === 'reminder'
        ? `Relance : projet de contrat « ${input.project.label} » de ${ownerName}`
        : `${ownerName} vous invite à compléter le contrat « ${input.project.label} »`,
    greeting: 'Bonjour,',
    paragraphs: [
      `${ownerName} prépare sur Raccord le contrat de partage « ${input.project.label} » avec ${invitee?.name ?? 'votre organisation'}, en tant que ${input.role === 'provider' ? 'prestataire' : 'tiers'}.`,
      'Ouvrez le lien ci-dessous pour consulter le projet, puis renseignez la référence de contrat de votre organisation et un contact.',
      `Ce lien est personnel et expire dans ${ttlDays} jours.`,
    ],
    action: { label: 'Ouvrir le projet de contrat', url: invitationUrl(deps.config.publicUrl, token) },
  });
  await queueMail(tx, deps.clock, {
    ...mail,
    to: input.email,
    kind: input.kind === 'reminder' ? 'contract.invitation_reminder' : 'contract.invitation',
    organizationId: input.organizationId,
  });
  if (input.remindersSent < MAX_AUTO_REMINDERS) {
    await enqueueJob(
      tx,
      deps.clock,
      REMINDER_JOB,
      { invitationId: id },
      { runAt: new Date(now.getTime() + REMINDER_DELAY_MS), singletonKey: `${REMINDER_JOB}:${id}`, maxAttempts: 3 },
    );
  }
  return id;
}

async function ownerWrite(tx: DbOrTx, user: UserActor, projectId: string) {
  const row = await repo.lockProject(tx, projectId);
  if (!row) throw contractErrors.notFound();
  if (row.ownerId !== user.organizationId || user.isOperator) {
    const role = await repo.isPartyOf(tx, projectId, user.organizationId);
    throw role && row.state !== 'draft'
      ? commonErrors.forbidden('Seul le propriétaire invite les parties.')
      : contractErrors.notParty();
  }
  return row;
}

/**
 * End of step 4: e-mails each invitee a personal link. A draft becomes `awaiting_parties`. A new
 * e-mail address for a party revokes its previous link; the same address gets a new link.
 */
export async function notifyParties(
  deps: ContractDeps,
  actor: Actor | null,
  projectId: string,
  input: NotifyContractProjectBody,
): Promise<ContractProjectDetail> {
  const user = requireUser(actor);
  const detail = await deps.db.transaction(async (tx) => {
    let row = await ownerWrite(tx, user, projectId);
    if (row.version !== input.version) {
      throw contractErrors.staleVersion(await loadDetail(tx, row, user, deps.clock.now()));
    }
    if (!editableStates.includes(row.state)) throw contractErrors.notEditable(row.state);
    const parties = await repo.listParties(tx, [row.id]);
    const missing = missingBeforeNotify(
      factsOf(
        row,
        parties.map((p) => p.party),
      ),
    );
    if (missing) throw contractErrors.incomplete(missing);
    const now = deps.clock.now();
    for (const [i, invitee] of input.invitees.entries()) {
      const party = parties.find((p) => p.party.role === invitee.role)?.party;
      if (!party || party.submittedAt) throw contractErrors.notInvitable(`invitees.${i}.role`);
      const previous = await repo.findCurrentInvitation(tx, row.id, invitee.role);
      const sameEmail = previous?.email === invitee.email;
      await repo.revokeInvitations(tx, row.id, now, sameEmail ? 'replaced' : 'invitee_changed', invitee.role);
      await createInvitation(tx, deps, user, {
        project: row,
        role: invitee.role,
        organizationId: party.organizationId,
        email: invitee.email,
        remindersSent: 0,
        kind: 'invitation',
      });
      await auditContract(tx, deps.clock, user, row, 'contract.party_notified', {
        role: invitee.role,
        email: invitee.email,
      });
    }
    if (row.state === 'draft') row = await setState(tx, deps.clock, user, row, 'awaiting_parties');
    const finished = await finishWrite(tx, deps.clock, user, row);
    return loadDetail(tx, finished, user, now);
  });
  deps.wakeJobs?.();
  return detail;
}

/** **Relancer**: the invitation again, with a new link (the previous one stops working). */
export async function remindParty(
  deps: ContractDeps,
  actor: Actor | null,
  projectId: string,
  role: InviteeRole,
): Promise<ContractProjectDetail> {
  const user = requireUser(actor);
  const detail = await deps.db.transaction(async (tx) => {
    const row = await ownerWrite(tx, user, projectId);
    if (!editableStates.includes(row.state) || row.state === 'draft') throw contractErrors.notEditable(row.state);
    const party = (await repo.listParties(tx, [row.id])).find((p) => p.party.role === role)?.party;
    const [latest] = (await repo.listInvitations(tx, [row.id])).filter(
      (i) => i.role === role && i.organizationId === party?.organizationId,
    );
    if (!party || party.submittedAt || !latest) throw contractErrors.notInvitable('role');
    await repo.revokeInvitations(tx, row.id, deps.clock.now(), 'replaced', role);
    await createInvitation(tx, deps, user, {
      project: row,
      role,
      organizationId: party.organizationId,
      email: latest.email,
      remindersSent: latest.remindersSent,
      kind: 'reminder',
    });
    await auditContract(tx, deps.clock, user, row, 'contract.party_reminded', { role, email: latest.email });
    return loadDetail(tx, row, user, deps.clock.now());
  });
  deps.wakeJobs?.();
  return detail;
}

const reminderActor: SystemActor = { kind: 'system', label: 'relance automatique' };

/**
 * Job: the automatic reminder of one invitation. Idempotent: an invitation already replaced,
 * completed, revoked or expired, or a project no longer awaiting, ends the chain.
 */
export async function sendAutomaticReminder(
  deps: { db: Db; clock: Clock; config: ContractDeps['config'] },
  invitationId: string,
): Promise<void> {
  const first = await repo.findInvitation(deps.db, invitationId);
  if (!first) return;
  await deps.db.transaction(async (tx) => {
    const row = await repo.lockProject(tx, first.projectId);
    const inv = await repo.findInvitation(tx, invitationId);
    if (!row || !inv || inv.revokedAt || inv.completedAt) return;
    if (row.state !== 'awaiting_parties' && row.state !== 'ready_to_validate') return;
    if (inv.remindersSent >= MAX_AUTO_REMINDERS || inv.expiresAt <= deps.clock.now()) return;
    const party = (await repo.listParties(tx, [row.id])).find((p) => p.party.role === inv.role)?.party;
    if (!party || party.submittedAt || party.organizationId !== inv.organizationId) return;
    await repo.revokeInvitations(tx, row.id, deps.clock.now(), 'replaced', inv.role);
    await createInvitation(tx, deps, reminderActor, {
      project: row,
      role: inv.role,
      organizationId: inv.organizationId,
      email: inv.email,
      remindersSent: inv.remindersSent + 1,
      kind: 'reminder',
    });
    await auditContract(tx, deps.clock, reminderActor, row, 'contract.party_reminded', {
      role: inv.role,
      email: inv.email,
      automatic: true,
      count: inv.remindersSent + 1,
    });
  });
}
