import type { ContractProjectDetail } from '@raccord/schemas';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ContractListParams, ProjectListParams } from './contracts.api';
import {
  getProject,
  listActiveTrades,
  listContracts,
  listProjects,
  listTradeRequests,
  openInvitation,
  referenceAvailability,
} from './contracts.api';

export const contractKeys = {
  all: ['contracts'] as const,
  contracts: (params: ContractListParams) => ['contracts', 'list', params] as const,
  projects: (params: ProjectListParams) => ['contracts', 'projects', params] as const,
  project: (id: string) => ['contracts', 'project', id] as const,
  reference: (reference: string, excludeProjectId: string | undefined) =>
    ['contracts', 'reference', reference, excludeProjectId ?? null] as const,
  trades: ['contracts', 'trades'] as const,
  tradeRequests: ['contracts', 'trade-requests'] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

export function useContracts(params: ContractListParams) {
  return useQuery({
    queryKey: contractKeys.contracts(params),
    queryFn: ({ signal }) => listContracts(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProjects(params: ProjectListParams) {
  return useQuery({
    queryKey: contractKeys.projects(params),
    queryFn: ({ signal }) => listProjects(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** One project; polled every second while the platform activates it. */
export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: contractKeys.project(id ?? ''),
    queryFn: ({ signal }) => getProject(id ?? '', signal),
    enabled: id !== undefined,
    staleTime: 5_000,
    refetchInterval: (query) => {
      const data: ContractProjectDetail | undefined = query.state.data;
      return data?.state === 'validating' ? 1_000 : false;
    },
  });
}

export function useActiveTrades() {
  return useQuery({
    queryKey: contractKeys.trades,
    queryFn: ({ signal }) => listActiveTrades(signal),
    staleTime: 5 * 60_000,
  });
}

/** Live check of a reference (already debounced and well-formed). */
export function useReferenceAvailability(reference: string | null, excludeProjectId: string | undefined) {
  return useQuery({
    queryKey: contractKeys.reference(reference ?? '', excludeProjectId),
    queryFn: ({ signal }) => referenceAvailability(reference ?? '', excludeProjectId, signal),
    enabled: reference !== null,
    staleTime: 0,
    gcTime: 30_000,
  });
}

export function useTradeRequests(params: {
  status?: 'open' | 'added' | 'rejected' | undefined;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...contractKeys.tradeRequests, params],
    queryFn: ({ signal }) => listTradeRequests(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: contractKeys.invitation(token),
    queryFn: ({ signal }) => openInvitation(token, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
