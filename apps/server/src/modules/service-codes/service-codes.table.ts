import type { Alignment, PairRelation, ProposePairBody } from '@raccord/schemas';
import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { actorLabel } from '../../shared/actor';
import { isUniqueViolation } from '../../shared/db-errors';
import { newId } from '../../shared/ids';
import { recordAudit } from '../audit/audit.repository';
import {
  type CodesAccess,
  type CodesDeps,
  contractUrl,
  otherParty,
  requireCodesReader,
  requireCodesWriter,
  tellPeople,
} from './service-codes.access';
import { serviceCodeErrors } from './service-codes.errors';
import { codeKey, codesState, uncoveredOwnerCodes } from './service-codes.models';
import * as repo from './service-codes.repository';
import { serviceCodeAlignments, serviceCodePairs, serviceCodeVersions } from './service-codes.tables';

const toPair = (p: repo.PairRow) => repo.toSnapshot(p);

/** The table of a contract as the console shows it (parties and operators). */
export async function getAlignment(deps: CodesDeps, actor: Actor | null, contractId: string): Promise<Alignment> {
  const access = await requireCodesReader(deps.db, actor, contractId);
  return alignmentView(deps.db, access);
}

export async function alignmentView(db: DbOrTx, access: CodesAccess): Promise<Alignment> {
  const { contract: c, role, who } = access;
  const alignment = await repo.findAlignment(db, c.id);
  const pairs = await repo.listPairs(db, c.id);
  const owner = await repo.listCatalogue(db, c.ownerId, c.tradeId);
  const provider = await repo.listCatalogue(db, c.providerId, c.tradeId);
  const ownerCodes = owner.map((o) => o.code);
  const phase = alignment?.phase ?? 'open';
  const state = codesState(phase, pairs, ownerCodes);
  const isAdminish = who.kind === 'api_key' || who.role === 'admin';
  const canEdit = (role === 'owner' || role === 'provider') && isAdminish && c.state === 'active';
  const entry = (r: repo.ServiceCodeRow) => ({ code: r.code, label: r.label, workType: r.workType });
  return {
    contractId: c.id,
    contractLabel: c.label,
    trade: { id: c.tradeId, label: c.tradeLabel },
    owner: { id: c.ownerId, name: c.ownerName },
    provider: { id: c.providerId, name: c.providerName },
    version: alignment?.version ?? 1,
    state,
    stateEnteredAt: alignment?.phaseEnteredAt?.toISOString() ?? null,
    returnComment: phase === 'open' ? (alignment?.returnComment ?? null) : null,
    pairs: pairs.map(toPair),
    ownerCatalogue: owner.map(entry),
    providerCatalogue: provider.map(entry),
    uncoveredOwnerCodes: uncoveredOwnerCodes(ownerCodes, pairs),
    permissions: {
      role,
      canEdit: canEdit && phase !== 'submitted',
      canSubmit: canEdit && state === 'aligned',
      canIntegrate: role === 'operator' && state === 'submitted',
    },
  };
}

export interface TableWrite {
  tx: Tx;
  access: CodesAccess & { role: 'owner' | 'provider' };
  pairs: repo.PairRow[];
}

/**
 * One change of a contract's table, all or nothing: the caller acts for a writing party, the
 * version it read is still the current one, the table is not with the service client; then the
 * change, a new version (with the pairs after it), the audit row and the other party's e-mail.
 */
export async function writeTable(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
  expectedVersion: number,
  action: string,
  change: (w: TableWrite) => Promise<{ summary: string; details?: Record<string, unknown> }>,
): Promise<Alignment> {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireCodesWriter(tx, actor, contractId);
    const alignment = await repo.ensureAlignment(tx, deps.clock, contractId, true);
    if (alignment.version !== expectedVersion) throw serviceCodeErrors.staleVersion(alignment.version);
    if (alignment.phase === 'submitted') throw serviceCodeErrors.locked();
    const pairs = await repo.listPairs(tx, contractId);
    const done = await change({ tx, access, pairs });
    // After an integration the table may change again: the integrated one stays in force until the next.
    await bumpVersion(tx, deps, access, alignment, action, { phase: 'open' });
    await recordAudit(tx, deps.clock, access.who, {
      action: `service_code.${action}`,
      organizationId: access.who.organizationId,
      targetType: 'contract',
      targetId: contractId,
      details: { version: alignment.version + 1, ...done.details },
    });
    const c = access.contract;
    await tellPeople(
      tx,
      deps,
      { organizations: [otherParty(c, access.role)] },
      {
        kind: `service_code.${action}`,
        subject: `Codes de prestation — « ${c.label} »`,
        paragraphs: [
          `${access.role === 'owner' ? c.ownerName : c.providerName} : ${done.summary}`,
          'Votre réponse est attendue dans la table d’alignement du contrat.',
        ],
        url: contractUrl(deps, c.id),
      },
    );
    return alignmentView(tx, access);
  });
  deps.wakeJobs?.();
  return result;
}

/** Adds a version with the pairs as they are now; moves the submission phase when asked. */
export async function bumpVersion(
  tx: Tx,
  deps: CodesDeps,
  access: CodesAccess,
  alignment: repo.AlignmentRow,
  action: string,
  set: Partial<typeof serviceCodeAlignments.$inferInsert>,
) {
  const now = deps.clock.now();
  const version = alignment.version + 1;
  const phaseChanges = set.phase !== undefined && set.phase !== alignment.phase;
  await tx
    .update(serviceCodeAlignments)
    .set({ ...set, version, updatedAt: now, ...(phaseChanges ? { phaseEnteredAt: now } : {}) })
    .where(eq(serviceCodeAlignments.contractId, alignment.contractId));
  const pairs = (await repo.listPairs(tx, alignment.contractId)).map(repo.toSnapshot);
  await tx.insert(serviceCodeVersions).values({
    contractId: alignment.contractId,
    version,
    action,
    actorLabel: actorLabel(access.who),
    actorOrganizationId: access.who.organizationId,
    pairs,
    at: now,
  });
}

/** The pair's codes exist in the catalogues of the contract's métier; returns them as catalogued. */
async function checkCodes(tx: DbOrTx, access: CodesAccess, input: Omit<ProposePairBody, 'expectedVersion'>) {
  const { contract: c } = access;
  const providerCode = input.providerCode ?? null;
  if ((input.relation === 'no_match') !== (providerCode === null)) throw serviceCodeErrors.invalidPair();
  const owner = await repo.listCatalogue(tx, c.ownerId, c.tradeId);
  const ownerRow = owner.find((r) => codeKey(r.code) === codeKey(input.ownerCode));
  if (!ownerRow) throw serviceCodeErrors.unknownCode('ownerCode', input.ownerCode);
  let providerRow: repo.ServiceCodeRow | undefined;
  if (providerCode !== null) {
    const provider = await repo.listCatalogue(tx, c.providerId, c.tradeId);
    providerRow = provider.find((r) => codeKey(r.code) === codeKey(providerCode));
    if (!providerRow) throw serviceCodeErrors.unknownCode('providerCode', providerCode);
  }
  return { ownerCode: ownerRow.code, providerCode: providerRow?.code ?? null };
}

function refuseDuplicate(
  pairs: repo.PairRow[],
  codes: { ownerCode: string; providerCode: string | null },
  except?: string,
) {
  const clash = pairs.find(
    (p) =>
      p.id !== except &&
      codeKey(p.ownerCode) === codeKey(codes.ownerCode) &&
      codeKey(p.providerCode ?? '') === codeKey(codes.providerCode ?? ''),
  );
  if (clash) throw serviceCodeErrors.pairExists(codes.ownerCode, codes.providerCode);
}

const describe = (p: { ownerCode: string; providerCode: string | null; relation: PairRelation }) =>
  `${p.ownerCode} → ${p.providerCode ?? 'aucun code'} (${p.relation})`;

/** Either party proposes a pair; it waits for the other party's answer. */
export async function proposePair(deps: CodesDeps, actor: Actor | null, contractId: string, input: ProposePairBody) {
  try {
    return await writeTable(
      deps,
      actor,
      contractId,
      input.expectedVersion,
      'pair_proposed',
      async ({ tx, access, pairs }) => {
        const codes = await checkCodes(tx, access, input);
        refuseDuplicate(pairs, codes);
        const now = deps.clock.now();
        const pair = {
          id: newId('scp'),
          contractId,
          ...codes,
          relation: input.relation,
          comment: input.comment || null,
          status: 'proposed' as const,
          proposedBy: access.role,
          responseComment: null,
          createdAt: now,
          updatedAt: now,
        };
        await tx.insert(serviceCodePairs).values(pair);
        return {
          summary: `nouvelle correspondance proposée : ${describe(pair)}.`,
          details: { pairId: pair.id, ...codes },
        };
      },
    );
  } catch (err) {
    if (isUniqueViolation(err, 'service_code_pairs_uq')) {
      throw serviceCodeErrors.pairExists(input.ownerCode, input.providerCode ?? null);
    }
    throw err;
  }
}

function pendingFromOther(pairs: repo.PairRow[], pairId: string, role: 'owner' | 'provider') {
  const pair = pairs.find((p) => p.id === pairId);
  if (!pair) throw serviceCodeErrors.pairNotFound();
  if (pair.status !== 'proposed') throw serviceCodeErrors.pairNotPending(pair.status);
  if (pair.proposedBy === role) throw serviceCodeErrors.ownProposal();
  return pair;
}

export function acceptPair(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
  pairId: string,
  expectedVersion: number,
) {
  return writeTable(deps, actor, contractId, expectedVersion, 'pair_accepted', async ({ tx, access, pairs }) => {
    const pair = pendingFromOther(pairs, pairId, access.role);
    await tx
      .update(serviceCodePairs)
      .set({ status: 'accepted', responseComment: null, updatedAt: deps.clock.now() })
      .where(eq(serviceCodePairs.id, pair.id));
    return { summary: `correspondance acceptée : ${describe(pair)}.`, details: { pairId } };
  });
}

export function rejectPair(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
  pairId: string,
  input: { expectedVersion: number; comment: string },
) {
  return writeTable(deps, actor, contractId, input.expectedVersion, 'pair_rejected', async ({ tx, access, pairs }) => {
    const pair = pendingFromOther(pairs, pairId, access.role);
    await tx
      .update(serviceCodePairs)
      .set({ status: 'rejected', responseComment: input.comment, updatedAt: deps.clock.now() })
      .where(eq(serviceCodePairs.id, pair.id));
    return { summary: `correspondance refusée : ${describe(pair)} — « ${input.comment} ».`, details: { pairId } };
  });
}

/** Replaces a pair by another proposal (a counter-proposal, or the proposer's correction). */
export async function counterPair(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
  pairId: string,
  input: ProposePairBody,
) {
  try {
    return await writeTable(
      deps,
      actor,
      contractId,
      input.expectedVersion,
      'pair_countered',
      async ({ tx, access, pairs }) => {
        const pair = pairs.find((p) => p.id === pairId);
        if (!pair) throw serviceCodeErrors.pairNotFound();
        const codes = await checkCodes(tx, access, input);
        refuseDuplicate(pairs, codes, pair.id);
        await tx
          .update(serviceCodePairs)
          .set({
            ...codes,
            relation: input.relation,
            comment: input.comment || null,
            status: 'proposed',
            proposedBy: access.role,
            responseComment: null,
            updatedAt: deps.clock.now(),
          })
          .where(eq(serviceCodePairs.id, pair.id));
        return {
          summary: `contre-proposition : ${describe(pair)} remplacée par ${describe({ ...codes, relation: input.relation })}.`,
          details: { pairId },
        };
      },
    );
  } catch (err) {
    if (isUniqueViolation(err, 'service_code_pairs_uq')) {
      throw serviceCodeErrors.pairExists(input.ownerCode, input.providerCode ?? null);
    }
    throw err;
  }
}

export function removePair(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
  pairId: string,
  expectedVersion: number,
) {
  return writeTable(deps, actor, contractId, expectedVersion, 'pair_removed', async ({ tx, pairs }) => {
    const pair = pairs.find((p) => p.id === pairId);
    if (!pair) throw serviceCodeErrors.pairNotFound();
    await tx.delete(serviceCodePairs).where(eq(serviceCodePairs.id, pair.id));
    return { summary: `correspondance retirée : ${describe(pair)}.`, details: { pairId } };
  });
}
