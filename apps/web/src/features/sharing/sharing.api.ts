import {
  contractStateChangeResult,
  recentChangesSchema,
  sharedSearchPage,
  sharedTreeChildren,
  syncProgressSchema,
} from '@raccord/schemas';
import { api } from '../../lib/api-client';

const base = (id: string) => `/api/contracts/${encodeURIComponent(id)}`;

export function getSyncProgress(contractId: string, signal?: AbortSignal) {
  return api.get(`${base(contractId)}/sync`, syncProgressSchema, { signal });
}

export type LifecycleVerb = 'suspend' | 'resume' | 'terminate';

export function changeContractState(contractId: string, verb: LifecycleVerb, reason: string) {
  return api.post(`${base(contractId)}/${verb}`, { reason }, contractStateChangeResult);
}

export function getSharedTreeChildren(contractId: string, node: string | null, offset: number, signal?: AbortSignal) {
  return api.get(`${base(contractId)}/shared-tree`, sharedTreeChildren, {
    query: { node, offset, limit: 200 },
    signal,
  });
}

export interface SharedSearchParams {
  q?: string | undefined;
  type?: string | undefined;
  page: number;
  pageSize: number;
}

export function searchShared(contractId: string, p: SharedSearchParams, signal?: AbortSignal) {
  return api.get(`${base(contractId)}/shared-search`, sharedSearchPage, {
    query: { q: p.q, type: p.type, offset: (p.page - 1) * p.pageSize, limit: p.pageSize },
    signal,
  });
}

export function getRecentChanges(contractId: string, signal?: AbortSignal) {
  return api.get(`${base(contractId)}/recent-changes`, recentChangesSchema, { query: { limit: 15 }, signal });
}
