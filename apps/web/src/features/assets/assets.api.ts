import type { CreateAssetBody, UpdateAssetBody } from '@raccord/schemas';
import {
  assetDetailSchema,
  assetSchema,
  errorBodySchema,
  importListSchema,
  importSchema,
  totalsSchema,
  treeChildrenSchema,
  treeSearchSchema,
} from '@raccord/schemas';
import { z } from 'zod';
import { ApiError, api } from '../../lib/api-client';

export const TREE_PAGE = 100;

export function fetchTotals(signal?: AbortSignal) {
  return api.get('/api/assets/totals', totalsSchema, { signal });
}

/** Children of a tree node (`null` = the top: regions), with their counts per type. */
export function fetchTreeChildren(node: string | null, offset: number, limit = TREE_PAGE, signal?: AbortSignal) {
  return api.get('/api/assets/tree', treeChildrenSchema, { query: { node, offset, limit }, signal });
}

export function searchTree(q: string, signal?: AbortSignal) {
  return api.get('/api/assets/tree/search', treeSearchSchema, { query: { q, limit: 20 }, signal });
}

export function fetchAsset(id: string, signal?: AbortSignal) {
  return api.get(`/api/assets/${encodeURIComponent(id)}`, assetDetailSchema, { signal });
}

export function createAsset(body: CreateAssetBody) {
  return api.post('/api/assets', body, assetSchema);
}

export function updateAsset(id: string, body: UpdateAssetBody) {
  return api.patch(`/api/assets/${encodeURIComponent(id)}`, body, assetSchema);
}

export function deleteAsset(id: string) {
  return api.delete(`/api/assets/${encodeURIComponent(id)}`, z.object({ deleted: z.number().int() }));
}

export function listImports(signal?: AbortSignal) {
  return api.get('/api/assets/imports', importListSchema, { signal });
}

export function fetchImport(id: string, signal?: AbortSignal) {
  return api.get(`/api/assets/imports/${encodeURIComponent(id)}`, importSchema, { signal });
}

export const exportUrl = '/api/assets/export.csv';

/** The format of a file, from its name (the server also guesses it from the content). */
export function importFormatOf(file: File): 'csv' | 'json' {
  return /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'csv';
}

/** Sends the file as the raw body (streamed by the server, never parsed as a form). */
export async function startImport(file: File, csrfToken: string) {
  const format = importFormatOf(file);
  const query = new URLSearchParams({ format, filename: file.name });
  let response: Response;
  try {
    response = await fetch(`/api/assets/imports?${query.toString()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': format === 'json' ? 'application/json' : 'text/csv',
        'x-csrf-token': csrfToken,
      },
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
  return importSchema.parse(body);
}
