import type {
  ContractProjectDetail,
  CreateContractProjectBody,
  InviteeRole,
  NotifyContractProjectBody,
  SubmitPartyBody,
  UpdateContractProjectBody,
} from '@raccord/schemas';
import { contractProjectDetailSchema } from '@raccord/schemas';
import type { QueryClient } from '@tanstack/react-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api-client';
import {
  cancelProject,
  closeTradeRequest,
  createProject,
  createTrade,
  notifyParties,
  remindParty,
  requestTrade,
  submitParty,
  updateProject,
  validateProject,
} from './contracts.api';
import { contractKeys } from './use-contract-queries';

/** The project as it is now, when a write was refused for a stale version (409 `contract.stale_version`). */
export function staleCurrent(error: unknown): ContractProjectDetail | null {
  if (!(error instanceof ApiError) || error.code !== 'contract.stale_version') return null;
  const parsed = contractProjectDetailSchema.safeParse(error.details.current);
  return parsed.success ? parsed.data : null;
}

/** After any write: the answer is the new project; the lists are re-read. */
function storeProject(queryClient: QueryClient, project: ContractProjectDetail) {
  queryClient.setQueryData(contractKeys.project(project.id), project);
  void queryClient.invalidateQueries({ queryKey: ['contracts', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['contracts', 'projects'] });
}

function useProjectWrite<V>(write: (vars: V) => Promise<ContractProjectDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (project) => storeProject(queryClient, project),
    onError: (error) => {
      const current = staleCurrent(error);
      if (current) storeProject(queryClient, current);
    },
  });
}

export function useCreateProject() {
  return useProjectWrite((body: CreateContractProjectBody) => createProject(body));
}

export function useUpdateProject(id: string) {
  return useProjectWrite((body: UpdateContractProjectBody) => updateProject(id, body));
}

export function useNotifyParties(id: string) {
  return useProjectWrite((body: NotifyContractProjectBody) => notifyParties(id, body));
}

export function useRemindParty() {
  return useProjectWrite(({ id, role }: { id: string; role: InviteeRole }) => remindParty(id, role));
}

export function useSubmitParty(id: string) {
  return useProjectWrite((body: SubmitPartyBody) => submitParty(id, body));
}

export function useValidateProject(id: string) {
  return useProjectWrite((version: number) => validateProject(id, version));
}

export function useCancelProject() {
  return useProjectWrite(({ id, reason }: { id: string; reason: string }) => cancelProject(id, reason));
}

export function useRequestTrade() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestTrade,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractKeys.tradeRequests }),
  });
}

/** Service client: closes a request, first creating the métier when it is added. */
export function useCloseTradeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      id: string;
      outcome: 'added' | 'rejected';
      note?: string | undefined;
      newTrade?: { code: string; label: string } | undefined;
      tradeId?: string | undefined;
    }) => {
      const created = input.newTrade ? await createTrade(input.newTrade) : null;
      return closeTradeRequest(input.id, {
        outcome: input.outcome,
        tradeId: created ?? input.tradeId,
        note: input.note,
      });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contractKeys.tradeRequests }),
        queryClient.invalidateQueries({ queryKey: ['trades'] }),
        queryClient.invalidateQueries({ queryKey: contractKeys.trades }),
      ]),
  });
}
