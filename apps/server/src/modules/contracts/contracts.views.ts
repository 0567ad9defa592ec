import type {
  ContractParty,
  ContractProjectDetail,
  ContractProjectSummary,
  InvitationView,
  PartyRole,
} from '@raccord/schemas';
import { partyRoles } from '@raccord/schemas';
import type { DbOrTx } from '../../db/client';
import type { UserActor } from '../../shared/actor';
import {
  awaitedRoles,
  cancellableStates,
  editableStates,
  invitationStatus,
  type ProjectFacts,
  stepsDone,
} from './contracts.models';
import * as repo from './contracts.repository';

type PartyWithOrg = Awaited<ReturnType<typeof repo.listParties>>[number];

function toInvitationView(inv: repo.InvitationRow, now: Date): InvitationView {
  return {
    id: inv.id,
    email: inv.email,
    status: invitationStatus(inv, now),
    sentAt: inv.sentAt.toISOString(),
    openedAt: inv.openedAt?.toISOString() ?? null,
    expiresAt: inv.expiresAt.toISOString(),
    remindersSent: inv.remindersSent,
    completedAt: inv.completedAt?.toISOString() ?? null,
  };
}

export function factsOf(
  row: repo.ProjectRow,
  parties: Array<Pick<repo.PartyRow, 'role' | 'reference' | 'submittedAt'>>,
): ProjectFacts {
  return {
    state: row.state,
    label: row.label,
    tradeId: row.tradeId,
    perimeterIncludes: row.perimeter?.include.length ?? 0,
    sharedTypes: row.sharedTypes.length,
    parties: parties.map((p) => ({ role: p.role, reference: p.reference, submittedAt: p.submittedAt })),
  };
}

const roleOrder = (r: PartyRole) => partyRoles.indexOf(r);

/** Summaries of these rows, in the same order, with parties, invitations and progress. */
export async function loadSummaries(db: DbOrTx, rows: repo.ProjectRow[], now: Date): Promise<ContractProjectSummary[]> {
  const ids = rows.map((r) => r.id);
  // Sequential: inside a transaction these run on one connection.
  const parties = await repo.listParties(db, ids);
  const invitations = await repo.listInvitations(db, ids);
  const tradeIds = [...new Set(rows.map((r) => r.tradeId).filter((t): t is string => t !== null))];
  const tradeRows = await repo.listTradesByIds(db, tradeIds);
  const partiesOf = new Map<string, PartyWithOrg[]>();
  for (const p of parties) {
    const list = partiesOf.get(p.party.projectId) ?? [];
    list.push(p);
    partiesOf.set(p.party.projectId, list);
  }
  // Newest invitation per (project, role).
  const invitationOf = new Map<string, repo.InvitationRow>();
  for (const inv of invitations) {
    const key = `${inv.projectId}:${inv.role}`;
    if (!invitationOf.has(key)) invitationOf.set(key, inv);
  }
  const tradeOf = new Map(tradeRows.map((t) => [t.id, t]));
  return rows.map((row) => {
    const own = (partiesOf.get(row.id) ?? []).sort((a, b) => roleOrder(a.party.role) - roleOrder(b.party.role));
    const facts = factsOf(
      row,
      own.map((p) => p.party),
    );
    const awaiting = awaitedRoles(facts);
    const done = stepsDone(facts);
    const trade = row.tradeId ? tradeOf.get(row.tradeId) : undefined;
    const partyViews: ContractParty[] = own.map(({ party, organization }) => {
      const inv = invitationOf.get(`${row.id}:${party.role}`);
      return {
        role: party.role,
        organization: {
          id: organization.id,
          name: organization.name,
          siren: organization.siren,
          onboardingEmail: organization.onboardingEmail,
          ready: organization.ready,
        },
        reference: party.reference,
        contacts: party.contacts,
        submittedAt: party.submittedAt?.toISOString() ?? null,
        invitation: inv && inv.organizationId === organization.id ? toInvitationView(inv, now) : null,
      };
    });
    return {
      id: row.id,
      label: row.label,
      state: row.state,
      stateEnteredAt: row.stateEnteredAt.toISOString(),
      version: row.version,
      trade: trade ? { id: trade.id, code: trade.code, label: trade.label } : null,
      parties: partyViews,
      progress: {
        stepsDone: done,
        nextStep:
          (['informations', 'metier', 'entites', 'references', 'perimetre', 'elements'] as const).find(
            (s) => !done.includes(s),
          ) ?? null,
        awaiting,
        awaitingOrganizations: own
          .filter((p) => awaiting.includes(p.party.role))
          .map((p) => ({ id: p.organization.id, name: p.organization.name })),
        since: row.stateEnteredAt.toISOString(),
      },
      validation: { attempts: row.validationAttempts, lastError: row.lastError },
      cancelReason: row.cancelReason,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      activatedAt: row.activatedAt?.toISOString() ?? null,
    };
  });
}

/** The role this user's organisation plays in the project (null: none; operators read only). */
export function roleOf(summary: ContractProjectSummary, actor: UserActor): PartyRole | null {
  return summary.parties.find((p) => p.organization.id === actor.organizationId)?.role ?? null;
}

/** The project page: the summary, every field, state history, audit trail and what the user may do. */
export async function loadDetail(
  db: DbOrTx,
  row: repo.ProjectRow,
  actor: UserActor,
  now: Date,
): Promise<ContractProjectDetail> {
  const [summary] = await loadSummaries(db, [row], now);
  if (!summary) throw new Error('summary missing');
  const states = await repo.listStateEvents(db, row.id);
  const audit = await repo.listProjectAudit(db, row.id);
  const role = roleOf(summary, actor);
  const isOwner = role === 'owner';
  const ownerAdmin = isOwner && actor.role === 'admin';
  const editable = editableStates.includes(row.state);
  const own = summary.parties.find((p) => p.role === role);
  return {
    ...summary,
    description: row.description,
    tags: row.tags,
    perimeter: row.perimeter,
    sharedTypes: row.sharedTypes,
    states: states.map((s) => ({
      state: s.state,
      enteredAt: s.enteredAt.toISOString(),
      enteredBy: s.enteredBy,
      reason: s.reason,
    })),
    frozenTerms: row.frozenTerms,
    permissions: {
      ownRole: editable ? role : null,
      canEditOwnerFields: isOwner && editable,
      canNotify: isOwner && editable,
      canSubmit: role !== null && !isOwner && row.state !== 'draft' && editable && own !== undefined,
      canValidate: ownerAdmin && row.state === 'ready_to_validate',
      canCancel: ownerAdmin && cancellableStates.includes(row.state),
    },
    audit: audit.map((a) => ({
      at: a.createdAt.toISOString(),
      actor: a.actorLabel,
      action: a.action,
      details: a.details,
    })),
  };
}
