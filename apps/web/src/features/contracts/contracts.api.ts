import type {
  ContractSort,
  ContractState,
  CreateContractProjectBody,
  InviteeRole,
  NotifyContractProjectBody,
  SubmitPartyBody,
  UpdateContractProjectBody,
} from '@raccord/schemas';
import {
  contractProjectDetailSchema,
  contractProjectPage,
  invitationLandingSchema,
  organizationPage,
  referenceAvailabilitySchema,
  sessionResponse,
  tradeRequestPage,
  tradeRequestSchema,
  tradeSchema,
} from '@raccord/schemas';
import { z } from 'zod';
import { api } from '../../lib/api-client';

const projects = '/api/contract-projects';
const projectPath = (id: string) => `${projects}/${encodeURIComponent(id)}`;

/** **Contrats**: search, sort, filters actif / inactif, métier, tiers sous contrat. */
export interface ContractListParams {
  q?: string | undefined;
  status?: 'actif' | 'inactif' | undefined;
  tradeId?: string | undefined;
  partyId?: string | undefined;
  hasThirdParty?: boolean | undefined;
  sort: ContractSort;
  page: number;
  pageSize: number;
}

export function listContracts(params: ContractListParams, signal?: AbortSignal) {
  return api.get('/api/contracts', contractProjectPage, { query: { ...params }, signal });
}

export interface ProjectListParams {
  q?: string | undefined;
  state?: ContractState | undefined;
  page: number;
  pageSize: number;
}

export function listProjects(params: ProjectListParams, signal?: AbortSignal) {
  return api.get(projects, contractProjectPage, { query: { ...params }, signal });
}

export function getProject(id: string, signal?: AbortSignal) {
  return api.get(projectPath(id), contractProjectDetailSchema, { signal });
}

export function createProject(body: CreateContractProjectBody) {
  return api.post(projects, body, contractProjectDetailSchema);
}

export function updateProject(id: string, body: UpdateContractProjectBody) {
  return api.patch(projectPath(id), body, contractProjectDetailSchema);
}

export function notifyParties(id: string, body: NotifyContractProjectBody) {
  return api.post(`${projectPath(id)}/notify`, body, contractProjectDetailSchema);
}

export function remindParty(id: string, role: InviteeRole) {
  return api.post(`${projectPath(id)}/remind`, { role }, contractProjectDetailSchema);
}

export function submitParty(id: string, body: SubmitPartyBody) {
  return api.post(`${projectPath(id)}/submit`, body, contractProjectDetailSchema);
}

export function validateProject(id: string, version: number) {
  return api.post(`${projectPath(id)}/validate`, { version }, contractProjectDetailSchema);
}

export function cancelProject(id: string, reason: string) {
  return api.post(`${projectPath(id)}/cancel`, { reason }, contractProjectDetailSchema);
}

export function referenceAvailability(reference: string, excludeProjectId: string | undefined, signal?: AbortSignal) {
  return api.get(`${projects}/reference-availability`, referenceAvailabilitySchema, {
    query: { reference, excludeProjectId },
    signal,
  });
}

const tradeList = z.object({ items: z.array(tradeSchema) });

/** The active métiers (step 2). */
export function listActiveTrades(signal?: AbortSignal) {
  return api.get('/api/trades', tradeList, { signal });
}

export function searchDirectory(q: string, kind: 'provider' | undefined, signal?: AbortSignal) {
  return api.get('/api/organizations', organizationPage, { query: { q, kind, page: 1, pageSize: 8 }, signal });
}

export function requestTrade(body: { label: string; comment?: string | undefined; projectId?: string | undefined }) {
  return api.post('/api/trade-requests', body, tradeRequestSchema);
}

export function listTradeRequests(
  params: { status?: 'open' | 'added' | 'rejected' | undefined; page: number; pageSize: number },
  signal?: AbortSignal,
) {
  return api.get('/api/trade-requests', tradeRequestPage, { query: { ...params }, signal });
}

export function closeTradeRequest(
  id: string,
  body: { outcome: 'added' | 'rejected'; tradeId?: string | undefined; note?: string | undefined },
) {
  return api.post(`/api/trade-requests/${encodeURIComponent(id)}/close`, body, tradeRequestSchema);
}

/** Creates a métier (service client), answering its id when the server returns it. */
export async function createTrade(body: { code: string; label: string }): Promise<string | null> {
  const answer = await api.post('/api/trades', body, z.unknown());
  const direct = tradeSchema.safeParse(answer);
  if (direct.success) return direct.data.id;
  const wrapped = z.object({ trade: tradeSchema }).safeParse(answer);
  return wrapped.success ? wrapped.data.trade.id : null;
}

export function openInvitation(token: string, signal?: AbortSignal) {
  return api.get(`/api/invitations/${encodeURIComponent(token)}`, invitationLandingSchema, {
    signal,
    skipAuthRedirect: true,
  });
}

export function createInvitationAccount(token: string, body: { name: string; password: string }) {
  return api.post(`/api/invitations/${encodeURIComponent(token)}/account`, body, sessionResponse, {
    skipAuthRedirect: true,
  });
}
