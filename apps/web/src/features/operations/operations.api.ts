import {
  connectorStatusSchema,
  errorBodySchema,
  ingestResponse,
  type OperationListQuery,
  operationDetailSchema,
  operationPage,
} from '@raccord/schemas';
import { ApiError, api } from '../../lib/api-client';

export type OperationFilters = Partial<Omit<OperationListQuery, 'limit' | 'after'>>;

export function fetchOperations(
  contractId: string,
  filters: OperationFilters,
  after: string | null,
  signal?: AbortSignal,
) {
  return api.get(`/api/contracts/${contractId}/operations`, operationPage, {
    query: { ...filters, after, limit: 25 },
    signal,
  });
}

export function fetchOperation(contractId: string, operationId: string, signal?: AbortSignal) {
  return api.get(`/api/contracts/${contractId}/operations/${operationId}`, operationDetailSchema, { signal });
}

export function fetchConnector(contractId: string, signal?: AbortSignal) {
  return api.get(`/api/contracts/${contractId}/connector`, connectorStatusSchema, { signal });
}

/** Sends the CSV file as the raw body; the answer lists every line. */
export async function uploadOperationsCsv(contractId: string, file: File, csrfToken: string) {
  let response: Response;
  try {
    response = await fetch(`/api/contracts/${contractId}/operations/csv`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'text/csv', 'x-csrf-token': csrfToken },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network.error', message: 'Network error' });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, details, requestId } = parsed.data.error;
      throw new ApiError({ status: response.status, code, message, details, requestId });
    }
    throw new ApiError({ status: response.status, code: 'request.failed', message: response.statusText });
  }
  return ingestResponse.parse(body);
}
