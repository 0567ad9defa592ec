import type { Perimeter, PerimeterPreview, SharedType, TreeNode } from '@raccord/schemas';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { assetDetail, previewPerimeter, treeChildren, treeSearch } from './perimeter.api';
import { type AncestryOf, nodeKey } from './perimeter-rules';

export const PAGE = 100;

/** Names of the chosen nodes, by key. */
export function previewLabels(preview: PerimeterPreview | undefined): ReadonlyMap<string, string> | undefined {
  return preview ? new Map(preview.nodes.map((n) => [nodeKey(n.node), n.label])) : undefined;
}

/** Elements per type under the perimeter. */
export function previewCounts(preview: PerimeterPreview | undefined): Record<string, number> | undefined {
  if (!preview) return undefined;
  return Object.fromEntries([...preview.patrimoine, ...preview.equipment].map((c) => [c.type, c.count]));
}

/** The running summary of a perimeter (debounced by the caller). */
export function usePerimeterPreview(perimeter: Perimeter | null, types?: SharedType[]) {
  return useQuery({
    queryKey: ['contracts', 'perimeter-preview', perimeter, types ?? null],
    queryFn: ({ signal }) => previewPerimeter(perimeter ?? { include: [], exclude: [] }, types, signal),
    enabled: perimeter !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useTreeSearch(q: string) {
  return useQuery({
    queryKey: ['contracts', 'tree-search', q],
    queryFn: ({ signal }) => treeSearch(q, signal),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

interface Level {
  items: TreeNode[];
  total: number;
}

/**
 * The lazily loaded tree: children per parent key ('' = the top), and the ancestry of every node
 * seen (from the tree, the search, or the breadcrumb of a saved rule) so check states can be shown.
 */
export function usePerimeterTree(saved: Perimeter | null) {
  const queryClient = useQueryClient();
  const [levels, setLevels] = useState<Map<string, Level>>(new Map());
  const [ancestors, setAncestors] = useState<ReadonlyMap<string, readonly string[]>>(new Map());

  const remember = useCallback((key: string, chain: readonly string[]) => {
    setAncestors((current) => {
      if (current.get(key)?.join() === chain.join()) return current;
      return new Map(current).set(key, chain);
    });
  }, []);

  const load = useCallback(
    async (parent: string, offset = 0) => {
      const page = await queryClient.fetchQuery({
        queryKey: ['contracts', 'tree', parent, offset],
        queryFn: ({ signal }) => treeChildren(parent || null, offset, PAGE, signal),
        staleTime: 60_000,
      });
      setAncestors((current) => {
        const chain = parent ? [...(current.get(parent) ?? []), parent] : [];
        const next = new Map(current);
        for (const item of page.items) next.set(item.key, chain);
        return next;
      });
      setLevels((current) => {
        const next = new Map(current);
        const before = offset > 0 ? (current.get(parent)?.items ?? []) : [];
        next.set(parent, { items: [...before, ...page.items], total: page.total });
        return next;
      });
    },
    [queryClient],
  );

  // The top level, and where the saved rules sit (for the partial states of their ancestors).
  useEffect(() => {
    void load('');
    for (const node of [...(saved?.include ?? []), ...(saved?.exclude ?? [])]) {
      const key = nodeKey(node);
      if (node.kind === 'asset') {
        void assetDetail(node.id)
          .then((a) =>
            remember(
              key,
              a.breadcrumb.map((b) => nodeKey(b.node)).filter((k) => k !== key),
            ),
          )
          .catch(() => undefined);
      }
    }
  }, [load, saved, remember]);

  const ancestry: AncestryOf = useCallback((key: string) => ancestors.get(key), [ancestors]);
  return { levels, load, ancestry, remember };
}
