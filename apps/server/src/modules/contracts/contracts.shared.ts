import type { ContractState } from '@raccord/schemas';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import { type Actor, actorLabel, type UserActor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { isUniqueViolation } from '../../shared/db-errors';
import { recordAudit } from '../audit/audit.repository';
import { contractErrors } from './contracts.errors';
import { canTransition, projectSearchText, stateAfterEdit } from './contracts.models';
import * as repo from './contracts.repository';
import { factsOf } from './contracts.views';

/** What the contracts usecases use of the process. */
export interface ContractDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'invitationTtlMs' | 'publicUrl'>;
  /** Tells this process's job runner that work was enqueued (no-op when the worker runs elsewhere). */
  wakeJobs?: () => void;
}

export const REFERENCE_INDEX = 'contract_parties_reference_uq';

/** Moves a project to a state (refusing a transition the machine does not allow) and records it. */
export async function setState(
  tx: DbOrTx,
  clock: Clock,
  actor: Actor,
  row: repo.ProjectRow,
  to: ContractState,
  extra: Partial<repo.ProjectRow> & { reason?: string } = {},
): Promise<repo.ProjectRow> {
  if (!canTransition(row.state, to)) throw new Error(`transition ${row.state} → ${to} is not allowed`);
  const { reason, ...patch } = extra;
  if (row.state === to && Object.keys(patch).length === 0) return row;
  const now = clock.now();
  const label = actorLabel(actor);
  const changed = row.state !== to;
  const next = await repo.updateProjectRow(tx, row.id, {
    ...patch,
    state: to,
    ...(changed ? { stateEnteredAt: now, stateEnteredBy: label } : {}),
    updatedAt: now,
  });
  if (!next) throw contractErrors.notFound();
  if (changed) {
    await repo.insertStateEvent(tx, {
      projectId: row.id,
      state: to,
      enteredAt: now,
      enteredBy: label,
      reason: reason ?? null,
    });
  }
  return next;
}

/**
 * Ends every write: the state that follows from the fields (awaiting ⇄ ready), the search text,
 * and the version, which every write bumps so that a stale edit is detected.
 */
export async function finishWrite(
  tx: DbOrTx,
  clock: Clock,
  actor: Actor,
  row: repo.ProjectRow,
): Promise<repo.ProjectRow> {
  const parties = await repo.listParties(tx, [row.id]);
  const facts = factsOf(
    row,
    parties.map((p) => p.party),
  );
  let current = row;
  const next = stateAfterEdit(facts);
  if (next !== row.state) current = await setState(tx, clock, actor, row, next);
  const [trade] = row.tradeId ? await repo.listTradesByIds(tx, [row.tradeId]) : [];
  const searchText = projectSearchText({
    label: current.label,
    trade: trade?.label ?? null,
    parties: parties.map((p) => ({ name: p.organization.name, reference: p.party.reference })),
  });
  const updated = await repo.updateProjectRow(tx, row.id, {
    version: current.version + 1,
    searchText,
    updatedAt: clock.now(),
  });
  if (!updated) throw contractErrors.notFound();
  return updated;
}

export async function auditContract(
  tx: DbOrTx,
  clock: Clock,
  actor: Actor,
  project: { id: string; ownerId: string },
  action: string,
  details: Record<string, unknown> = {},
) {
  await recordAudit(tx, clock, actor, {
    action,
    organizationId: actor.kind === 'user' && !actor.isOperator ? actor.organizationId : project.ownerId,
    targetType: 'contract',
    targetId: project.id,
    details,
  });
}

/** May this user see the project? Operators see all; parties see it once it left draft. */
export async function canSee(db: DbOrTx, actor: UserActor, row: repo.ProjectRow): Promise<boolean> {
  if (actor.isOperator || row.ownerId === actor.organizationId) return true;
  if (row.state === 'draft') return false;
  return (await repo.isPartyOf(db, row.id, actor.organizationId)) !== null;
}

/**
 * Turns a violation of the reference index into `contract.reference_taken`, naming the holder
 * when the user may see it. Runs after the failed transaction is over (one connection on PGlite).
 */
export async function referenceTakenError(
  db: Db,
  actor: UserActor,
  err: unknown,
  attempt: { field: string; reference: string; organizationId: string; projectId?: string } | null,
): Promise<unknown> {
  if (!attempt || !isUniqueViolation(err, REFERENCE_INDEX)) return err;
  const holder = await repo.findReferenceHolder(db, attempt.organizationId, attempt.reference, attempt.projectId);
  const visible = holder && (await canSee(db, actor, holder));
  return contractErrors.referenceTaken(
    attempt.field,
    attempt.reference,
    visible && holder ? { id: holder.id, label: holder.label } : null,
  );
}
