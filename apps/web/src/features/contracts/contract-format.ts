import type {
  ContractParty,
  ContractProjectSummary,
  ContractState,
  InvitationStatus,
  PartyRole,
  WizardStep,
} from '@raccord/schemas';
import { wizardSteps } from '@raccord/schemas';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

export const stateColors: Record<ContractState, string> = {
  draft: 'default',
  awaiting_parties: 'gold',
  ready_to_validate: 'blue',
  validating: 'cyan',
  active: 'green',
  cancelled: 'red',
  suspended: 'orange',
  terminated: 'default',
};

export const invitationColors: Record<InvitationStatus, string> = {
  sent: 'blue',
  opened: 'cyan',
  expired: 'orange',
  completed: 'green',
  revoked: 'default',
};

export function isWizardStep(value: string | undefined): value is WizardStep {
  return wizardSteps.some((s) => s === value);
}

export function stepIndex(step: WizardStep): number {
  return wizardSteps.indexOf(step);
}

export function nextStepOf(step: WizardStep): WizardStep | null {
  return wizardSteps[stepIndex(step) + 1] ?? null;
}

export function previousStepOf(step: WizardStep): WizardStep | null {
  return wizardSteps[stepIndex(step) - 1] ?? null;
}

/** The wizard's URL for a step of a project. */
export function wizardPath(projectId: string, step: WizardStep): string {
  return `/studio/contrats/projets/${encodeURIComponent(projectId)}/etapes/${step}`;
}

/** The project page (the link of every e-mail). */
export function projectPath(projectId: string): string {
  return `/contrats/projets/${encodeURIComponent(projectId)}`;
}

export function partyOf(project: { parties: ContractParty[] }, role: PartyRole): ContractParty | undefined {
  return project.parties.find((p) => p.role === role);
}

/**
 * The steps the owner has done. Step 4 counts as done on the owner's side once its own reference is
 * filled: the other parties' blocks are theirs to complete.
 */
export function ownerStepsDone(project: Pick<ContractProjectSummary, 'progress' | 'parties'>): WizardStep[] {
  const done = new Set(project.progress.stepsDone);
  if (partyOf(project, 'owner')?.reference && project.parties.some((p) => p.role === 'provider')) {
    done.add('references');
  }
  return wizardSteps.filter((s) => done.has(s));
}

/** Where "resume" opens the wizard: the first step the owner has not done yet. */
export function resumeStep(project: Pick<ContractProjectSummary, 'progress' | 'parties'>): WizardStep {
  const done = ownerStepsDone(project);
  return wizardSteps.find((s) => !done.includes(s)) ?? 'elements';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('DD/MM/YYYY') : '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '—';
}

/** "il y a 3 jours" / "3 days ago", in the interface language (dayjs follows i18n). */
export function fromNow(iso: string): string {
  return dayjs(iso).fromNow();
}
