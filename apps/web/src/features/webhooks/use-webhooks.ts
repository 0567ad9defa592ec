import type { CreateWebhookBody } from '@raccord/schemas';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, pingWebhook, redeliver } from './webhooks.api';

const keys = ['webhooks'] as const;

/** The endpoints, refreshed while a last delivery is still pending. */
export function useWebhooks() {
  return useQuery({
    queryKey: keys,
    queryFn: ({ signal }) => listWebhooks(signal),
    refetchInterval: (q) => (q.state.data?.items.some((w) => w.lastDelivery?.state === 'pending') ? 3000 : false),
  });
}

/** An endpoint's delivery log, refreshed while something is still pending. */
export function useDeliveries(id: string | null, before: string | null) {
  return useQuery({
    queryKey: [...keys, id, 'deliveries', before],
    queryFn: ({ signal }) => listDeliveries(id ?? '', before, signal),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.state === 'pending') ? 3000 : false),
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => createWebhook(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWebhook(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys }),
  });
}

export function usePingWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => pingWebhook(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys }),
  });
}

export function useRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; deliveryId: string }) => redeliver(v.id, v.deliveryId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys }),
  });
}
