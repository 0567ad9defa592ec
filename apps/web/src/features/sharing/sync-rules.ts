import type { ContractProjectDetail, ContractState, SyncProgress } from '@raccord/schemas';
import type { LifecycleVerb } from './sharing.api';

/** States whose terms are frozen: the contract has (had) a shared set and a synchronisation. */
export const sharingStates: readonly ContractState[] = ['active', 'suspended', 'terminated'];

export function hasSharing(state: ContractState): boolean {
  return sharingStates.includes(state);
}

/** 0–100, null while the total is not known yet (the engine counts first). */
export function syncPercent(p: Pick<SyncProgress, 'done' | 'total' | 'state'>): number | null {
  if (p.state === 'done') return 100;
  if (p.total === null) return null;
  if (p.total === 0) return 100;
  return Math.min(100, Math.floor((p.done / p.total) * 100));
}

/** Poll while the copy is under way; stop once it is done or stopped. */
export function syncRefetchInterval(p: Pick<SyncProgress, 'state'> | undefined): number | false {
  if (!p) return false;
  return p.state === 'pending' || p.state === 'running' ? 1_500 : false;
}

/** What an owner administrator may do from a contract's state (the server checks again). */
export function lifecycleVerbs(state: ContractState, ownerAdmin: boolean): LifecycleVerb[] {
  if (!ownerAdmin) return [];
  if (state === 'active') return ['suspend', 'terminate'];
  if (state === 'suspended') return ['resume', 'terminate'];
  return [];
}

/** The reason given when the contract entered its current state (suspension, termination…). */
export function currentStateReason(project: Pick<ContractProjectDetail, 'state' | 'states'>): {
  reason: string | null;
  by: string | null;
  at: string | null;
} {
  const entry = [...project.states].reverse().find((s) => s.state === project.state);
  return { reason: entry?.reason ?? null, by: entry?.enteredBy ?? null, at: entry?.enteredAt ?? null };
}
