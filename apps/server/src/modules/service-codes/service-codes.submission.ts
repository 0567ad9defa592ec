import type { Alignment, Submission } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import { type Actor, requireUser } from '../../shared/actor';
import { recordAudit } from '../audit/audit.repository';
import {
  type CodesAccess,
  type CodesDeps,
  contractUrl,
  requireCodesReader,
  requireCodesWriter,
  tellPeople,
} from './service-codes.access';
import { serviceCodeErrors } from './service-codes.errors';
import { codeKey, codesState, uncoveredOwnerCodes } from './service-codes.models';
import * as repo from './service-codes.repository';
import { alignmentView, bumpVersion } from './service-codes.table';
import type { IntegratedSnapshot } from './service-codes.tables';

/**
 * Either party sends the aligned table to the service client: every pair accepted by both, every
 * owner code of the métier handled (a pair, or "no match"). The table is then locked.
 */
export async function submitTable(deps: CodesDeps, actor: Actor | null, contractId: string, expectedVersion: number) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireCodesWriter(tx, actor, contractId);
    const alignment = await repo.ensureAlignment(tx, deps.clock, contractId, true);
    if (alignment.version !== expectedVersion) throw serviceCodeErrors.staleVersion(alignment.version);
    if (alignment.phase === 'submitted') throw serviceCodeErrors.locked();
    const c = access.contract;
    const pairs = await repo.listPairs(tx, contractId);
    const ownerCodes = (await repo.listCatalogue(tx, c.ownerId, c.tradeId)).map((r) => r.code);
    if (codesState('open', pairs, ownerCodes) !== 'aligned') {
      throw serviceCodeErrors.notAligned({
        pending: pairs.filter((p) => p.status !== 'accepted').length,
        uncovered: uncoveredOwnerCodes(ownerCodes, pairs),
        empty: pairs.length === 0,
      });
    }
    await bumpVersion(tx, deps, access, alignment, 'submitted', {
      phase: 'submitted',
      submittedBy: access.who.kind === 'user' ? access.who.email : access.who.keyName,
      returnComment: null,
    });
    await recordAudit(tx, deps.clock, access.who, {
      action: 'service_code.submitted',
      organizationId: access.who.organizationId,
      targetType: 'contract',
      targetId: contractId,
      details: { version: alignment.version + 1, pairs: pairs.length },
    });
    await tellPeople(tx, deps, 'operators', {
      kind: 'service_code.submitted',
      subject: `Codes de prestation à intégrer — « ${c.label} »`,
      paragraphs: [
        `${c.ownerName} et ${c.providerName} ont aligné ${pairs.length} code(s) de prestation (${c.tradeLabel}).`,
        'La table attend son intégration au contrat par le service client.',
      ],
      url: `${deps.config.publicUrl}/service-client/codes-prestation`,
    });
    await tellPeople(
      tx,
      deps,
      { organizations: [c.ownerId, c.providerId] },
      {
        kind: 'service_code.submitted',
        subject: `Codes de prestation transmis — « ${c.label} »`,
        paragraphs: ['La table d’alignement est transmise au service client pour intégration.'],
        url: contractUrl(deps, c.id),
      },
    );
    return alignmentView(tx, access);
  });
  deps.wakeJobs?.();
  return result;
}

/** Operators only: refused with its own code before anything else is read. */
async function requireOperatorOn(deps: CodesDeps, actor: Actor | null, contractId: string) {
  const user = requireUser(actor);
  if (!user.isOperator) throw serviceCodeErrors.operatorOnly();
  return requireCodesReader(deps.db, user, contractId);
}

async function decide(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
  expectedVersion: number,
  decision: { kind: 'integrated' } | { kind: 'sent_back'; comment: string },
): Promise<Alignment> {
  await requireOperatorOn(deps, actor, contractId);
  const result = await deps.db.transaction(async (tx) => {
    const access: CodesAccess = await requireCodesReader(tx, actor, contractId);
    const alignment = await repo.ensureAlignment(tx, deps.clock, contractId, true);
    if (alignment.phase !== 'submitted') throw serviceCodeErrors.notSubmitted(alignment.phase);
    if (alignment.version !== expectedVersion) throw serviceCodeErrors.staleVersion(alignment.version);
    const c = access.contract;
    if (decision.kind === 'integrated') {
      const pairs = await repo.listPairs(tx, contractId);
      const labels = new Map(
        (await repo.listCatalogue(tx, c.ownerId, c.tradeId)).map((r) => [codeKey(r.code), r.label]),
      );
      const integrated: IntegratedSnapshot = {
        version: alignment.version + 1,
        pairs: pairs.map((p) => ({
          ownerCode: p.ownerCode,
          ownerLabel: labels.get(codeKey(p.ownerCode)) ?? p.ownerCode,
          providerCode: p.providerCode,
          relation: p.relation,
        })),
      };
      await bumpVersion(tx, deps, access, alignment, 'integrated', {
        phase: 'integrated',
        integrated,
        integratedAt: deps.clock.now(),
      });
    } else {
      await bumpVersion(tx, deps, access, alignment, 'sent_back', { phase: 'open', returnComment: decision.comment });
    }
    await recordAudit(tx, deps.clock, access.who, {
      action: `service_code.${decision.kind}`,
      organizationId: null,
      targetType: 'contract',
      targetId: contractId,
      details: {
        version: alignment.version + 1,
        ...(decision.kind === 'sent_back' ? { comment: decision.comment } : {}),
      },
    });
    await tellPeople(
      tx,
      deps,
      { organizations: [c.ownerId, c.providerId] },
      {
        kind: `service_code.${decision.kind}`,
        subject:
          decision.kind === 'integrated'
            ? `Codes de prestation intégrés — « ${c.label} »`
            : `Codes de prestation renvoyés — « ${c.label} »`,
        paragraphs:
          decision.kind === 'integrated'
            ? [
                'Le service client a intégré la table d’alignement au contrat.',
                'Les opérations reçues portent désormais aussi le code du propriétaire.',
              ]
            : ['Le service client vous renvoie la table d’alignement.', `Commentaire : ${decision.comment}`],
        url: contractUrl(deps, c.id),
      },
    );
    return alignmentView(tx, access);
  });
  deps.wakeJobs?.();
  return result;
}

export const integrateTable = (deps: CodesDeps, actor: Actor | null, contractId: string, expectedVersion: number) =>
  decide(deps, actor, contractId, expectedVersion, { kind: 'integrated' });

export const sendBackTable = (
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
  input: { expectedVersion: number; comment: string },
) => decide(deps, actor, contractId, input.expectedVersion, { kind: 'sent_back', comment: input.comment });

/** The service client's queue: submitted tables first (oldest first), then integrated ones. */
export async function listSubmissions(
  deps: CodesDeps,
  actor: Actor | null,
  q: { state?: 'submitted' | 'integrated' | 'all' | undefined },
): Promise<{ items: Submission[] }> {
  const user = requireUser(actor);
  if (!user.isOperator) throw serviceCodeErrors.operatorOnly();
  const state = q.state ?? 'submitted';
  const phases = state === 'all' ? ['submitted', 'integrated'] : [state];
  const result = await deps.db.execute<{
    contract_id: string;
    label: string;
    trade: string;
    owner: string;
    provider: string;
    version: number;
    phase: 'submitted' | 'integrated';
    phase_entered_at: Date | string | null;
    submitted_by: string | null;
    pairs: number;
  }>(sql`
    SELECT a.contract_id, k.label, k.frozen_terms->'trade'->>'label' AS trade,
           (SELECT o.name FROM contract_parties p JOIN organizations o ON o.id = p.organization_id
             WHERE p.project_id = k.id AND p.role = 'owner') AS owner,
           (SELECT o.name FROM contract_parties p JOIN organizations o ON o.id = p.organization_id
             WHERE p.project_id = k.id AND p.role = 'provider') AS provider,
           a.version, a.phase, a.phase_entered_at, a.submitted_by,
           (SELECT count(*)::int FROM service_code_pairs s WHERE s.contract_id = a.contract_id) AS pairs
    FROM service_code_alignments a JOIN contract_projects k ON k.id = a.contract_id
    WHERE a.phase IN (${sql.join(
      phases.map((p) => sql`${p}`),
      sql`, `,
    )})
    ORDER BY CASE a.phase WHEN 'submitted' THEN 0 ELSE 1 END, a.phase_entered_at, a.contract_id
    LIMIT 200`);
  return {
    items: result.rows.map((r) => ({
      contractId: r.contract_id,
      contractLabel: r.label,
      trade: r.trade,
      owner: r.owner,
      provider: r.provider,
      version: r.version,
      state: r.phase,
      pairCount: r.pairs,
      submittedAt: r.phase_entered_at ? new Date(r.phase_entered_at).toISOString() : null,
      submittedBy: r.submitted_by,
    })),
  };
}
