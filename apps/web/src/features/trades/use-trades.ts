import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createTrade, listTrades, updateTrade } from './trades.api';

const tradesKey = ['trades'] as const;

export function useTrades(includeInactive: boolean) {
  return useQuery({
    queryKey: [...tradesKey, { includeInactive }],
    queryFn: ({ signal }) => listTrades(includeInactive, signal),
  });
}

export function useCreateTrade() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTrade,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tradesKey }),
  });
}

export function useUpdateTrade() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { label?: string; isActive?: boolean } }) => updateTrade(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tradesKey }),
  });
}
