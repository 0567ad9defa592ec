import {
  type Alignment,
  alignmentSchema,
  type CreateServiceCodeBody,
  importServiceCodesResult,
  type ProposePairBody,
  serviceCodeList,
  serviceCodeSchema,
  submissionList,
  suggestionList,
  type UpdateServiceCodeBody,
  versionList,
} from '@raccord/schemas';
import { z } from 'zod';
import { api } from '../../lib/api-client';

const enc = encodeURIComponent;

export const listCodes = (tradeId: string, signal?: AbortSignal) =>
  api.get('/api/service-codes', serviceCodeList, { query: { tradeId }, signal });
export const createCode = (body: CreateServiceCodeBody) => api.post('/api/service-codes', body, serviceCodeSchema);
export const updateCode = (id: string, body: UpdateServiceCodeBody) =>
  api.patch(`/api/service-codes/${enc(id)}`, body, serviceCodeSchema);
export const deleteCode = (id: string) => api.delete(`/api/service-codes/${enc(id)}`, z.unknown());
export const importCodes = (tradeId: string, csv: string) =>
  api.post('/api/service-codes/import', { tradeId, csv }, importServiceCodesResult);
export const exportUrl = (tradeId: string) => `/api/service-codes/export.csv?tradeId=${enc(tradeId)}`;

const base = (contractId: string) => `/api/contracts/${enc(contractId)}/service-codes`;

export const getAlignment = (contractId: string, signal?: AbortSignal) =>
  api.get(base(contractId), alignmentSchema, { signal });
export const listSuggestions = (contractId: string, signal?: AbortSignal) =>
  api.get(`${base(contractId)}/suggestions`, suggestionList, { signal });
export const listVersions = (contractId: string, signal?: AbortSignal) =>
  api.get(`${base(contractId)}/versions`, versionList, { signal });
export const listSubmissions = (state: 'submitted' | 'integrated' | 'all', signal?: AbortSignal) =>
  api.get('/api/service-code-submissions', submissionList, { query: { state }, signal });

/** Every write on the table: the path after `/service-codes` and its body (expectedVersion included). */
export type TableAction =
  | { kind: 'propose'; body: ProposePairBody }
  | { kind: 'accept' | 'remove'; pairId: string; expectedVersion: number }
  | { kind: 'reject'; pairId: string; expectedVersion: number; comment: string }
  | { kind: 'counter'; pairId: string; body: ProposePairBody }
  | { kind: 'submit' | 'integrate'; expectedVersion: number }
  | { kind: 'send-back'; expectedVersion: number; comment: string };

export function tableAction(contractId: string, a: TableAction): Promise<Alignment> {
  const b = base(contractId);
  switch (a.kind) {
    case 'propose':
      return api.post(`${b}/pairs`, a.body, alignmentSchema);
    case 'accept':
    case 'remove':
      return api.post(`${b}/pairs/${enc(a.pairId)}/${a.kind}`, { expectedVersion: a.expectedVersion }, alignmentSchema);
    case 'reject':
      return api.post(
        `${b}/pairs/${enc(a.pairId)}/reject`,
        { expectedVersion: a.expectedVersion, comment: a.comment },
        alignmentSchema,
      );
    case 'counter':
      return api.post(`${b}/pairs/${enc(a.pairId)}/counter`, a.body, alignmentSchema);
    case 'submit':
    case 'integrate':
      return api.post(`${b}/${a.kind}`, { expectedVersion: a.expectedVersion }, alignmentSchema);
    case 'send-back':
      return api.post(`${b}/send-back`, { expectedVersion: a.expectedVersion, comment: a.comment }, alignmentSchema);
  }
}

export const dismissSuggestion = (contractId: string, body: { ownerCode: string; providerCode: string }) =>
  api.post(`${base(contractId)}/suggestions/dismiss`, body, z.unknown());
