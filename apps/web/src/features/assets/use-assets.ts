import type { AssetImport, CreateAssetBody, UpdateAssetBody } from '@raccord/schemas';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../auth/use-session';
import {
  createAsset,
  deleteAsset,
  fetchAsset,
  fetchImport,
  fetchTotals,
  listImports,
  searchTree,
  startImport,
  updateAsset,
} from './assets.api';

export const assetKeys = {
  all: ['assets'] as const,
  totals: ['assets', 'totals'] as const,
  detail: (id: string) => ['assets', 'detail', id] as const,
  search: (q: string) => ['assets', 'tree-search', q] as const,
  imports: ['assets', 'imports'] as const,
  import: (id: string) => ['assets', 'imports', id] as const,
};

export function useAssetTotals() {
  return useQuery({ queryKey: assetKeys.totals, queryFn: ({ signal }) => fetchTotals(signal) });
}

export function useAssetDetail(id: string | null) {
  return useQuery({
    queryKey: assetKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchAsset(id ?? '', signal),
    enabled: id !== null,
  });
}

/** Matches for the tree's search box (2 characters at least). */
export function useTreeSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: assetKeys.search(term),
    queryFn: ({ signal }) => searchTree(term, signal),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useImports() {
  return useQuery({
    queryKey: assetKeys.imports,
    queryFn: ({ signal }) => listImports(signal),
    // While an import runs (here or elsewhere), its line follows it.
    refetchInterval: (query) => (query.state.data?.items.some((i) => !isImportFinished(i)) ? 1000 : false),
  });
}

export function isImportFinished(imp: AssetImport | undefined): boolean {
  return imp?.state === 'succeeded' || imp?.state === 'failed';
}

/** One import, polled every 500 ms until it has succeeded or failed. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: assetKeys.import(id ?? ''),
    queryFn: ({ signal }) => fetchImport(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (query) => (isImportFinished(query.state.data) ? false : 500),
  });
}

export function useStartImport() {
  const { csrfToken } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => startImport(file, csrfToken),
    onSuccess: (imp) => {
      queryClient.setQueryData(assetKeys.import(imp.id), imp);
      void queryClient.invalidateQueries({ queryKey: assetKeys.imports });
    },
  });
}

/** Writes invalidate every patrimoine query (totals, details, searches, imports). */
function useInvalidateAssets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: assetKeys.all });
}

export function useCreateAsset() {
  const invalidate = useInvalidateAssets();
  return useMutation({ mutationFn: (body: CreateAssetBody) => createAsset(body), onSuccess: invalidate });
}

export function useUpdateAsset() {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateAssetBody }) => updateAsset(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteAsset() {
  const invalidate = useInvalidateAssets();
  return useMutation({ mutationFn: (id: string) => deleteAsset(id), onSuccess: invalidate });
}
