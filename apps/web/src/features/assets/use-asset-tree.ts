import type { TreeNode } from '@raccord/schemas';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchTreeChildren, TREE_PAGE } from './assets.api';

/** The loaded children of one node ('' = the top). */
export interface TreeLevel {
  items: TreeNode[];
  total: number;
}

/** One visible line of the flattened tree. */
export type TreeRow =
  | { kind: 'node'; key: string; node: TreeNode; depth: number; expanded: boolean; loading: boolean }
  | { kind: 'more'; key: string; parent: string; depth: number; shown: number; total: number }
  | { kind: 'loading'; key: string; parent: string; depth: number };

const ROOT = '';
/** How many pages a search result may walk through to find a node among its siblings. */
const MAX_REVEAL_PAGES = 20;

function merge(previous: TreeLevel | undefined, items: TreeNode[], total: number, offset: number): TreeLevel {
  if (offset === 0 || !previous) return { items, total };
  const known = new Set(previous.items.map((i) => i.key));
  return { items: [...previous.items, ...items.filter((i) => !known.has(i.key))], total };
}

/**
 * State of the lazy patrimoine tree: loads children page by page, only for expanded nodes, and
 * flattens what is visible for a virtualised list. Shared by the Patrimoine page and the wizard.
 */
export function useAssetTree() {
  const [levels, setLevels] = useState<ReadonlyMap<string, TreeLevel>>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<{ key: string; seq: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const levelsRef = useRef(levels);
  const pending = useRef(new Set<string>());

  const store = useCallback((parent: string, level: TreeLevel) => {
    const next = new Map(levelsRef.current);
    next.set(parent, level);
    levelsRef.current = next;
    setLevels(next);
  }, []);

  const load = useCallback(
    async (parent: string, offset = 0, limit = TREE_PAGE): Promise<TreeLevel | undefined> => {
      const tag = `${parent}@${offset}`;
      if (pending.current.has(tag)) return levelsRef.current.get(parent);
      pending.current.add(tag);
      setLoading((s) => new Set(s).add(parent));
      try {
        const page = await fetchTreeChildren(parent === ROOT ? null : parent, offset, limit);
        const level = merge(levelsRef.current.get(parent), page.items, page.total, offset);
        store(parent, level);
        setError(null);
        return level;
      } catch (cause) {
        setError(cause);
        return undefined;
      } finally {
        pending.current.delete(tag);
        setLoading((s) => {
          const next = new Set(s);
          next.delete(parent);
          return next;
        });
      }
    },
    [store],
  );

  useEffect(() => {
    void load(ROOT);
  }, [load]);

  const toggle = useCallback(
    (key: string) => {
      setExpanded((s) => {
        const next = new Set(s);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      });
      if (!levelsRef.current.has(key)) void load(key);
    },
    [load],
  );

  /** Expands the ancestors of a search result (loading pages until it shows) and focuses it. */
  const reveal = useCallback(
    async (ancestors: string[], target: TreeNode) => {
      const chain = [ROOT, ...ancestors];
      for (let i = 0; i < chain.length; i++) {
        const parent = chain[i] ?? ROOT;
        const child = chain[i + 1] ?? target.key;
        let level = levelsRef.current.get(parent) ?? (await load(parent));
        for (let pages = 1; level && pages < MAX_REVEAL_PAGES; pages++) {
          if (level.items.some((item) => item.key === child) || level.items.length >= level.total) break;
          level = await load(parent, level.items.length, 500);
        }
        if (level && child === target.key && !level.items.some((item) => item.key === child)) {
          store(parent, { items: [...level.items, target], total: level.total });
        }
      }
      setExpanded((s) => new Set([...s, ...ancestors]));
      setFocus((f) => ({ key: target.key, seq: (f?.seq ?? 0) + 1 }));
    },
    [load, store],
  );

  /** Reloads every loaded level (after an import or an edit), keeping what is expanded. */
  const refresh = useCallback(async () => {
    const parents = [...levelsRef.current.entries()];
    await Promise.all(
      parents.map(([parent, level]) => load(parent, 0, Math.min(500, Math.max(TREE_PAGE, level.items.length)))),
    );
  }, [load]);

  const rows = useMemo(() => {
    const out: TreeRow[] = [];
    const walk = (parent: string, depth: number) => {
      const level = levels.get(parent);
      if (!level) {
        out.push({ kind: 'loading', key: `loading:${parent}`, parent, depth });
        return;
      }
      for (const node of level.items) {
        const open = expanded.has(node.key) && node.hasChildren;
        out.push({ kind: 'node', key: node.key, node, depth, expanded: open, loading: loading.has(node.key) });
        if (open) walk(node.key, depth + 1);
      }
      if (level.items.length < level.total) {
        out.push({ kind: 'more', key: `more:${parent}`, parent, depth, shown: level.items.length, total: level.total });
      }
    };
    walk(ROOT, 0);
    return out;
  }, [levels, expanded, loading]);

  const root = levels.get(ROOT);
  return {
    rows,
    levels,
    expanded,
    /** The node a search asked to show (with a sequence number, so the same node can be asked twice). */
    focus,
    error,
    rootLoaded: root !== undefined,
    isEmpty: root?.total === 0,
    load,
    toggle,
    reveal,
    refresh,
  };
}

export type AssetTreeState = ReturnType<typeof useAssetTree>;
