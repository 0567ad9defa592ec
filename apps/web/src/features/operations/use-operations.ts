import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../auth/use-session';
import {
  fetchConnector,
  fetchOperation,
  fetchOperations,
  type OperationFilters,
  uploadOperationsCsv,
} from './operations.api';

export const operationKeys = {
  all: (contractId: string) => ['operations', contractId] as const,
  list: (contractId: string, filters: OperationFilters, after: string | null) =>
    ['operations', contractId, 'list', filters, after] as const,
  detail: (contractId: string, id: string) => ['operations', contractId, 'detail', id] as const,
  connector: (contractId: string) => ['operations', contractId, 'connector'] as const,
};

export function useOperations(contractId: string, filters: OperationFilters, after: string | null) {
  return useQuery({
    queryKey: operationKeys.list(contractId, filters, after),
    queryFn: ({ signal }) => fetchOperations(contractId, filters, after, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOperation(contractId: string, id: string | null) {
  return useQuery({
    queryKey: operationKeys.detail(contractId, id ?? ''),
    queryFn: ({ signal }) => fetchOperation(contractId, id ?? '', signal),
    enabled: id !== null,
  });
}

/** The connector's activation; refreshed every 30 s while the page is open. */
export function useConnector(contractId: string) {
  return useQuery({
    queryKey: operationKeys.connector(contractId),
    queryFn: ({ signal }) => fetchConnector(contractId, signal),
    refetchInterval: 30_000,
  });
}

export function useUploadOperationsCsv(contractId: string) {
  const { csrfToken } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadOperationsCsv(contractId, file, csrfToken),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: operationKeys.all(contractId) }),
  });
}
