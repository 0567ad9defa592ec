import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contractKeys } from '../contracts/use-contract-queries';
import {
  changeContractState,
  getRecentChanges,
  getSharedTreeChildren,
  getSyncProgress,
  type LifecycleVerb,
  type SharedSearchParams,
  searchShared,
} from './sharing.api';
import { syncRefetchInterval } from './sync-rules';

export const sharingKeys = {
  all: (id: string) => ['sharing', id] as const,
  sync: (id: string) => ['sharing', id, 'sync'] as const,
  tree: (id: string, node: string | null) => ['sharing', id, 'tree', node] as const,
  search: (id: string, p: SharedSearchParams) => ['sharing', id, 'search', p] as const,
  changes: (id: string) => ['sharing', id, 'changes'] as const,
};

/** The synchronisation's progress, refreshed while it runs. */
export function useSyncProgress(contractId: string, enabled = true) {
  return useQuery({
    queryKey: sharingKeys.sync(contractId),
    queryFn: ({ signal }) => getSyncProgress(contractId, signal),
    enabled,
    refetchInterval: (query) => syncRefetchInterval(query.state.data),
  });
}

/** Suspend / resume / terminate; refreshes the project and everything read of its shared set. */
export function useContractLifecycle(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ verb, reason }: { verb: LifecycleVerb; reason: string }) =>
      changeContractState(contractId, verb, reason),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: contractKeys.project(contractId) }),
        queryClient.invalidateQueries({ queryKey: sharingKeys.all(contractId) }),
        queryClient.invalidateQueries({ queryKey: contractKeys.all }),
      ]);
    },
  });
}

export function useSharedTreeChildren(contractId: string, node: string | null, enabled: boolean) {
  return useQuery({
    queryKey: sharingKeys.tree(contractId, node),
    queryFn: ({ signal }) => getSharedTreeChildren(contractId, node, 0, signal),
    enabled,
    // The tree keeps its expanded branches in local state: a background refetch would fold them.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSharedSearch(contractId: string, params: SharedSearchParams) {
  return useQuery({
    queryKey: sharingKeys.search(contractId, params),
    queryFn: ({ signal }) => searchShared(contractId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRecentChanges(contractId: string, enabled = true) {
  return useQuery({
    queryKey: sharingKeys.changes(contractId),
    queryFn: ({ signal }) => getRecentChanges(contractId, signal),
    enabled,
    refetchInterval: 30_000,
  });
}
