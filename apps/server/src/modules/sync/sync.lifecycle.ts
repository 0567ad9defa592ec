import type { ContractState, FrozenTerms } from '@raccord/schemas';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { type Actor, requireUser } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { unfreezeAssets } from '../assets/assets.freeze';
import { canTransition } from '../contracts/contracts.models';
import * as contractsRepo from '../contracts/contracts.repository';
import { auditContract, finishWrite, setState } from '../contracts/contracts.shared';
import { enqueueJob } from '../jobs/jobs.queue';
import { renderMail } from '../mail/mail.templates';
import { queueMail } from '../mail/mail.usecases';
import { adminEmails } from '../organizations/organizations.repository';
import { emitContractEvent } from '../webhooks/webhooks.deliver';
import { syncErrors, syncStateErrors } from './sync.errors';
import { announceFeedEntries, enqueuePatrimoineChanged, type WrittenEntries } from './sync.live';
import { MATERIALISE_JOB } from './sync.materialise';
import { contractSyncs } from './sync.tables';

export interface LifecycleDeps {
  db: Db;
  clock: Clock;
  config: { publicUrl: string };
  wakeJobs?: () => void;
}

export interface LifecycleResult {
  id: string;
  state: ContractState;
  stateEnteredAt: string;
}

const verbs = {
  suspended: { action: 'contract.suspended', title: 'suspendu', line: 'Le contrat est suspendu' },
  active: { action: 'contract.resumed', title: 'de nouveau actif', line: 'Le contrat est de nouveau actif' },
  terminated: { action: 'contract.terminated', title: 'résilié', line: 'Le contrat est résilié' },
} as const;

/**
 * Suspends, resumes or terminates an active contract (owner admins, with a reason; both parties
 * e-mailed). Suspension stops the provider's access and the synchronisation; resuming restarts
 * them; termination records a final "removed" entry per shared element, empties the shared set and
 * unfreezes the elements the terms named. One transaction for the state, audit, feed and mails.
 */
export async function changeContractState(
  deps: LifecycleDeps,
  actor: Actor | null,
  contractId: string,
  to: 'suspended' | 'active' | 'terminated',
  reason: string,
): Promise<LifecycleResult> {
  const user = requireUser(actor);
  const result = await deps.db.transaction(async (tx) => {
    const row = await contractsRepo.lockProject(tx, contractId);
    const party = row ? await contractsRepo.isPartyOf(tx, row.id, user.organizationId) : null;
    if (!row?.frozenTerms || !party) throw syncErrors.contractNotFound();
    if (row.ownerId !== user.organizationId || user.role !== 'admin') throw syncStateErrors.notOwnerAdmin();
    const allowed = row.state !== to && canTransition(row.state, to) && (to !== 'active' || row.state === 'suspended');
    if (!allowed) throw syncStateErrors.invalidTransition(row.state, to);
    const next = await setState(tx, deps.clock, user, row, to, { reason });
    const now = deps.clock.now();
    await emitContractEvent(tx, deps.clock, 'contract.state_changed', row.id, { state: to, reason });
    if (to === 'terminated') await endSharing(tx, deps.clock, now, row.id);
    if (to === 'active') {
      // Whatever changed while suspended: finish the copy if it was cut short, then diff.
      const [sync] = await tx.select().from(contractSyncs).where(eq(contractSyncs.contractId, row.id));
      if (sync && sync.state !== 'done') {
        await enqueueJob(
          tx,
          deps.clock,
          MATERIALISE_JOB,
          { contractId: row.id },
          { singletonKey: `${MATERIALISE_JOB}:${row.id}`, maxAttempts: 10 },
        );
      } else await enqueuePatrimoineChanged(tx, deps.clock, row.ownerId);
    }
    await auditContract(tx, deps.clock, user, row, verbs[to].action, { reason });
    await tellParties(tx, deps, row, row.frozenTerms, to, reason);
    const finished = await finishWrite(tx, deps.clock, user, next);
    return { id: finished.id, state: finished.state, stateEnteredAt: finished.stateEnteredAt.toISOString() };
  });
  deps.wakeJobs?.();
  return result;
}

async function endSharing(tx: DbOrTx, clock: Clock, now: Date, contractId: string) {
  const res = await tx.execute(sql`
    WITH gone AS (DELETE FROM contract_assets WHERE contract_id = ${contractId}
                  RETURNING asset_id, reference, label, type, parent_id, path),
    written AS (
      INSERT INTO contract_changes (contract_id, kind, asset_id, reference, label, type, parent_id, at)
      SELECT ${contractId}, 'removed', asset_id, reference, label, type, parent_id, ${now}::timestamptz
      FROM gone ORDER BY path::ltree, asset_id
      RETURNING id)
    SELECT count(*)::int AS n, min(id)::bigint AS first_id, max(id)::bigint AS last_id FROM written`);
  await announceFeedEntries(tx, clock, contractId, res.rows[0] as WrittenEntries | undefined);
  await tx
    .update(contractSyncs)
    .set({ state: 'stopped', cursor: null, finishedAt: now, updatedAt: now })
    .where(eq(contractSyncs.contractId, contractId));
  await unfreezeAssets(tx, { type: 'contract', id: contractId });
}

async function tellParties(
  tx: DbOrTx,
  deps: LifecycleDeps,
  row: { id: string; label: string },
  terms: FrozenTerms,
  to: keyof typeof verbs,
  reason: string,
) {
  for (const party of terms.parties) {
    const admins = await adminEmails(tx, [party.organizationId]);
    for (const admin of admins) {
      const mail = renderMail({
        subject: `Contrat « ${row.label} » ${verbs[to].title}`,
        greeting: 'Bonjour,',
        paragraphs: [`${verbs[to].line} (votre référence : ${party.reference}).`, `Motif : ${reason}`],
        action: { label: 'Voir le contrat', url: `${deps.config.publicUrl}/contrats/projets/${row.id}` },
      });
      await queueMail(tx, deps.clock, {
        ...mail,
        to: admin.email,
        kind: verbs[to].action,
        organizationId: party.organizationId,
      });
    }
  }
}
