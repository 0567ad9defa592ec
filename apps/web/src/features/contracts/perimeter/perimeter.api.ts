import type { Perimeter, SharedType } from '@raccord/schemas';
import { assetDetailSchema, perimeterPreviewSchema, treeChildrenSchema, treeSearchSchema } from '@raccord/schemas';
import { api } from '../../../lib/api-client';

/** Children of a tree node (the top: regions), with their counts per type. */
export function treeChildren(node: string | null, offset: number, limit: number, signal?: AbortSignal) {
  return api.get('/api/assets/tree', treeChildrenSchema, { query: { node, offset, limit }, signal });
}

export function treeSearch(q: string, signal?: AbortSignal) {
  return api.get('/api/assets/tree/search', treeSearchSchema, { query: { q, limit: 20 }, signal });
}

/** An element with its breadcrumb (to place a saved rule in the tree). */
export function assetDetail(id: string, signal?: AbortSignal) {
  return api.get(`/api/assets/${encodeURIComponent(id)}`, assetDetailSchema, { signal });
}

export function previewPerimeter(perimeter: Perimeter, types: SharedType[] | undefined, signal?: AbortSignal) {
  return api.post('/api/perimeter/preview', { perimeter, types }, perimeterPreviewSchema, { signal });
}
