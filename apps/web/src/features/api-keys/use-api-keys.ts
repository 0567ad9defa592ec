import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.api';

const keys = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: keys, queryFn: ({ signal }) => listApiKeys(signal) });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays: number }) => createApiKey(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeApiKey(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys }),
  });
}
