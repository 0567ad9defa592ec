import {
  type ContractState,
  type InvitationStatus,
  normalizeForSearch,
  type PartyRole,
  type WizardStep,
  wizardSteps,
} from '@raccord/schemas';

/** States in which the wizard's fields may still change. */
export const editableStates: readonly ContractState[] = ['draft', 'awaiting_parties', 'ready_to_validate'];
/** States a project can be cancelled from (anything before active). */
export const cancellableStates: readonly ContractState[] = [
  'draft',
  'awaiting_parties',
  'ready_to_validate',
  'validating',
];

/** Every transition the state machine allows (tests check the usecases never take another). */
export const allowedTransitions: Readonly<Record<ContractState, readonly ContractState[]>> = {
  draft: ['awaiting_parties', 'cancelled'],
  awaiting_parties: ['ready_to_validate', 'cancelled'],
  ready_to_validate: ['awaiting_parties', 'validating', 'cancelled'],
  // Back to ready_to_validate only when the activation job gave up (its error stays shown).
  validating: ['active', 'ready_to_validate', 'cancelled'],
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  cancelled: [],
  terminated: [],
};

export function canTransition(from: ContractState, to: ContractState): boolean {
  return from === to || allowedTransitions[from].includes(to);
}

/** The facts about a project the rules need (no I/O). */
export interface ProjectFacts {
  state: ContractState;
  label: string;
  tradeId: string | null;
  perimeterIncludes: number;
  sharedTypes: number;
  parties: Array<{ role: PartyRole; reference: string | null; submittedAt: Date | null }>;
}

/** The wizard steps whose fields are complete. Step 4 is done when every party's block is. */
export function stepsDone(p: ProjectFacts): WizardStep[] {
  const done: WizardStep[] = [];
  if (p.label.trim().length > 0) done.push('informations');
  if (p.tradeId) done.push('metier');
  if (p.parties.some((x) => x.role === 'provider')) done.push('entites');
  if (p.parties.length >= 2 && p.parties.every(partyDone)) done.push('references');
  if (p.perimeterIncludes > 0) done.push('perimetre');
  if (p.sharedTypes > 0) done.push('elements');
  return done;
}

/** The owner's block is done when its reference is filled; the others' when they submitted it. */
export function partyDone(p: { role: PartyRole; reference: string | null; submittedAt: Date | null }): boolean {
  return p.reference !== null && (p.role === 'owner' || p.submittedAt !== null);
}

export function isComplete(p: ProjectFacts): boolean {
  return stepsDone(p).length === wizardSteps.length;
}

/** The owner may notify once steps 1–3 are done and its own reference is filled. */
export function missingBeforeNotify(p: ProjectFacts): string | null {
  if (!p.tradeId) return 'tradeId';
  if (!p.parties.some((x) => x.role === 'provider')) return 'providerId';
  if (!p.parties.find((x) => x.role === 'owner')?.reference) return 'parties.owner.reference';
  return null;
}

/**
 * The state after a change of fields: a draft stays a draft until notified; once notified the
 * project is ready to validate exactly when everything is complete.
 */
export function stateAfterEdit(p: ProjectFacts): ContractState {
  if (!editableStates.includes(p.state) || p.state === 'draft') return p.state;
  return isComplete(p) ? 'ready_to_validate' : 'awaiting_parties';
}

/** Who must act now, for the to-connect list. */
export function awaitedRoles(p: ProjectFacts): Array<PartyRole | 'platform'> {
  switch (p.state) {
    case 'draft':
    case 'ready_to_validate':
      return ['owner'];
    case 'awaiting_parties': {
      const waiting: Array<PartyRole | 'platform'> = p.parties.filter((x) => !partyDone(x)).map((x) => x.role);
      const ownerSteps = stepsDone(p);
      if (!waiting.includes('owner') && (!ownerSteps.includes('perimetre') || !ownerSteps.includes('elements'))) {
        waiting.unshift('owner');
      }
      return waiting;
    }
    case 'validating':
      return ['platform'];
    default:
      return [];
  }
}

export function invitationStatus(
  inv: { expiresAt: Date; openedAt: Date | null; completedAt: Date | null; revokedAt: Date | null },
  now: Date,
): InvitationStatus {
  if (inv.completedAt) return 'completed';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return inv.openedAt ? 'opened' : 'sent';
}

export function projectSearchText(input: {
  label: string;
  trade: string | null;
  parties: Array<{ name: string; reference: string | null }>;
}): string {
  return normalizeForSearch(
    [input.label, input.trade ?? '', ...input.parties.flatMap((p) => [p.name, p.reference ?? ''])].join(' '),
  );
}

/** Search terms as LIKE patterns over the normalized text (every term must match). */
export function searchPatterns(q: string | undefined): string[] {
  if (!q) return [];
  return normalizeForSearch(q)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 6)
    .map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** The asset ids a perimeter names (included or excluded): frozen once the contract is active. */
export function perimeterAssetIds(perimeter: {
  include: Array<{ kind: string; id?: string }>;
  exclude: Array<{ kind: string; id?: string }>;
}): string[] {
  const ids = new Set<string>();
  for (const n of [...perimeter.include, ...perimeter.exclude]) if (n.kind === 'asset' && n.id) ids.add(n.id);
  return [...ids];
}
