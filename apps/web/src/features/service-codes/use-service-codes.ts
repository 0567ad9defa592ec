import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCode,
  deleteCode,
  dismissSuggestion,
  getAlignment,
  importCodes,
  listCodes,
  listSubmissions,
  listSuggestions,
  listVersions,
  type TableAction,
  tableAction,
  updateCode,
} from './service-codes.api';

export const codeKeys = {
  all: ['service-codes'] as const,
  catalogue: (tradeId: string) => ['service-codes', 'catalogue', tradeId] as const,
  contract: (contractId: string) => ['service-codes', 'contract', contractId] as const,
  submissions: (state: string) => ['service-codes', 'submissions', state] as const,
};

export function useCatalogue(tradeId: string | undefined) {
  return useQuery({
    queryKey: codeKeys.catalogue(tradeId ?? ''),
    queryFn: ({ signal }) => listCodes(tradeId ?? '', signal),
    enabled: tradeId !== undefined,
  });
}

/** Any catalogue write: every service-code query is refreshed (tables show the catalogues too). */
export function useCatalogueMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: codeKeys.all });
  return {
    create: useMutation({ mutationFn: createCode, onSuccess }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Parameters<typeof updateCode>[1] }) => updateCode(id, body),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: deleteCode, onSuccess }),
    importCsv: useMutation({
      mutationFn: ({ tradeId, csv }: { tradeId: string; csv: string }) => importCodes(tradeId, csv),
      onSuccess,
    }),
  };
}

export function useAlignment(contractId: string) {
  return useQuery({
    queryKey: codeKeys.contract(contractId),
    queryFn: ({ signal }) => getAlignment(contractId, signal),
  });
}

export function useSuggestions(contractId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...codeKeys.contract(contractId), 'suggestions'],
    queryFn: ({ signal }) => listSuggestions(contractId, signal),
    enabled,
  });
}

export function useVersions(contractId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...codeKeys.contract(contractId), 'versions'],
    queryFn: ({ signal }) => listVersions(contractId, signal),
    enabled,
  });
}

export function useSubmissions(state: 'submitted' | 'integrated' | 'all') {
  return useQuery({ queryKey: codeKeys.submissions(state), queryFn: ({ signal }) => listSubmissions(state, signal) });
}

/** A write on a contract's table; on success or a stale version the table is read again. */
export function useTableAction(contractId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: codeKeys.all });
  return useMutation({
    mutationFn: (a: TableAction) => tableAction(contractId, a),
    onSuccess: refresh,
    onError: refresh,
  });
}

export function useDismissSuggestion(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ownerCode: string; providerCode: string }) => dismissSuggestion(contractId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: codeKeys.contract(contractId) }),
  });
}
