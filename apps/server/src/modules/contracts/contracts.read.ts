import type { ContractListQuery, ContractProjectDetail, ContractProjectListQuery } from '@raccord/schemas';
import type { Db } from '../../db/client';
import { type Actor, requireUser } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { commonErrors } from '../../shared/errors';
import { contractErrors } from './contracts.errors';
import { searchPatterns } from './contracts.models';
import * as repo from './contracts.repository';
import { canSee } from './contracts.shared';
import { loadDetail, loadSummaries } from './contracts.views';

interface ReadDeps {
  db: Db;
  clock: Clock;
}

/** The project page: any state, for the parties (once notified), the owner and operators. */
export async function getProject(deps: ReadDeps, actor: Actor | null, id: string): Promise<ContractProjectDetail> {
  const user = requireUser(actor);
  const row = await repo.findProject(deps.db, id);
  if (!row) throw contractErrors.notFound();
  if (!(await canSee(deps.db, user, row))) throw contractErrors.notParty();
  return loadDetail(deps.db, row, user, deps.clock.now());
}

/** **Contrat à raccorder**: every project not yet active, with its progress. */
export async function listProjects(deps: ReadDeps, actor: Actor | null, q: ContractProjectListQuery) {
  const user = requireUser(actor);
  const { rows, total } = await repo.searchProjects(deps.db, {
    visibleToOrg: user.isOperator ? null : user.organizationId,
    patterns: searchPatterns(q.q),
    states: q.state ? [q.state] : undefined,
    excludeStates: q.state
      ? []
      : q.includeCancelled
        ? ['active', 'suspended', 'terminated']
        : ['active', 'cancelled', 'suspended', 'terminated'],
    sort: '-createdAt',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: await loadSummaries(deps.db, rows, deps.clock.now()), total, page: q.page, pageSize: q.pageSize };
}

/** **Contrats**: every contract the user may see; actif = active, inactif = any other state. */
export async function listContracts(deps: ReadDeps, actor: Actor | null, q: ContractListQuery) {
  const user = requireUser(actor);
  const { rows, total } = await repo.searchProjects(deps.db, {
    visibleToOrg: user.isOperator ? null : user.organizationId,
    patterns: searchPatterns(q.q),
    states: q.status === 'actif' ? ['active'] : undefined,
    excludeStates: q.status === 'inactif' ? ['active'] : [],
    tradeId: q.tradeId,
    partyId: q.partyId,
    hasThirdParty: q.hasThirdParty,
    sort: q.sort,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: await loadSummaries(deps.db, rows, deps.clock.now()), total, page: q.page, pageSize: q.pageSize };
}

/** Step 0, live while typing: is this reference free for my organisation? */
export async function referenceAvailability(
  deps: ReadDeps,
  actor: Actor | null,
  q: { reference: string; organizationId?: string; excludeProjectId?: string },
) {
  const user = requireUser(actor);
  const organizationId = q.organizationId ?? user.organizationId;
  if (organizationId !== user.organizationId && !user.isOperator) {
    throw commonErrors.forbidden('Vous ne vérifiez que les références de votre organisation.');
  }
  const holder = await repo.findReferenceHolder(deps.db, organizationId, q.reference, q.excludeProjectId);
  const visible = holder ? await canSee(deps.db, user, holder) : false;
  return {
    reference: q.reference,
    organizationId,
    available: holder === null,
    heldBy: holder && visible ? { id: holder.id, label: holder.label, state: holder.state } : null,
  };
}
