import type { Suggestion, VersionDiff } from '@raccord/schemas';
import type { Actor } from '../../shared/actor';
import { recordAudit } from '../audit/audit.repository';
import { type CodesDeps, requireCodesReader, requireCodesWriter } from './service-codes.access';
import { codeKey, diffVersions, pairKey, suggestPairs } from './service-codes.models';
import * as repo from './service-codes.repository';
import { serviceCodeDismissals } from './service-codes.tables';

/**
 * Pairs worth proposing for the owner codes the table does not handle yet: those the same two
 * organisations agreed in their other contracts of the métier, then the most similar labels.
 * Suggestions already in the table, or dismissed on this contract, are not offered again.
 */
export async function listSuggestions(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
): Promise<{ items: Suggestion[] }> {
  const { contract: c } = await requireCodesReader(deps.db, actor, contractId);
  const [owner, provider, pairs, dismissedRows, history] = [
    await repo.listCatalogue(deps.db, c.ownerId, c.tradeId),
    await repo.listCatalogue(deps.db, c.providerId, c.tradeId),
    await repo.listPairs(deps.db, contractId),
    await repo.listDismissed(deps.db, contractId),
    await repo.agreedElsewhere(deps.db, c),
  ];
  const dismissed = new Set(dismissedRows.map((d) => `${d.o}\u001f${d.p}`));
  for (const p of pairs) dismissed.add(pairKey(p.ownerCode, p.providerCode));
  const pairedOwnerKeys = new Set(pairs.filter((p) => p.status !== 'rejected').map((p) => codeKey(p.ownerCode)));
  return { items: suggestPairs({ owner, provider, pairedOwnerKeys, dismissed, history }) };
}

/** A person dismisses a suggestion: remembered for this contract (the table does not change). */
export async function dismissSuggestion(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
  input: { ownerCode: string; providerCode: string },
) {
  const access = await requireCodesWriter(deps.db, actor, contractId);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(serviceCodeDismissals)
      .values({
        contractId,
        ownerKey: codeKey(input.ownerCode),
        providerKey: codeKey(input.providerCode),
        dismissedBy: access.who.kind === 'user' ? access.who.email : access.who.keyName,
        at: deps.clock.now(),
      })
      .onConflictDoNothing();
    await recordAudit(tx, deps.clock, access.who, {
      action: 'service_code.suggestion_dismissed',
      organizationId: access.who.organizationId,
      targetType: 'contract',
      targetId: contractId,
      details: input,
    });
  });
  return { dismissed: true };
}

/** Every version of the table, newest first, each with what it added, changed and removed. */
export async function listTableVersions(
  deps: CodesDeps,
  actor: Actor | null,
  contractId: string,
): Promise<{ items: VersionDiff[] }> {
  await requireCodesReader(deps.db, actor, contractId);
  const versions = await repo.listVersions(deps.db, contractId);
  const items: VersionDiff[] = versions.map((v, i) => ({
    version: v.version,
    at: v.at.toISOString(),
    actor: v.actorLabel,
    action: v.action,
    ...diffVersions(versions[i - 1]?.pairs ?? [], v.pairs),
  }));
  return { items: items.reverse() };
}
