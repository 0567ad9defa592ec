import type { TreeNode } from '@raccord/schemas';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Skeleton } from 'antd';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useRef } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { LoadingRow, MoreRow, NodeRow, ROW_HEIGHT } from './AssetTreeRow';
import type { AssetTreeState } from './use-asset-tree';

interface AssetTreeProps {
  tree: AssetTreeState;
  selectedKey: string | null;
  onSelect: (node: TreeNode) => void;
  /** Height of the scrolling area, in pixels. */
  height?: number;
  /** Something drawn before a node's icon (the wizard's checkbox). */
  renderPrefix?: (node: TreeNode) => ReactNode;
  ariaLabel: string;
  /** Shown when the owner has no element at all. */
  empty?: ReactNode;
}

/**
 * The owner's patrimoine as a lazy, virtualised tree: geography on top, then sites, buildings…
 * Only expanded nodes are loaded, page by page, and only the visible rows are drawn.
 */
export function AssetTree({
  tree,
  selectedKey,
  onSelect,
  height = 560,
  renderPrefix,
  ariaLabel,
  empty,
}: AssetTreeProps) {
  const { rows, focus, toggle, load } = tree;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  const scrolledFor = useRef(0);
  useEffect(() => {
    if (!focus || scrolledFor.current === focus.seq) return;
    const index = rows.findIndex((r) => r.key === focus.key);
    if (index < 0) return;
    scrolledFor.current = focus.seq;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [focus, rows, virtualizer]);

  const loadMore = useCallback((parent: string, offset: number) => void load(parent, offset), [load]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = rows.findIndex((r) => r.key === selectedKey);
    const current = rows[index];
    const pick = (i: number) => {
      const row = rows[i];
      if (row?.kind !== 'node') return;
      onSelect(row.node);
      virtualizer.scrollToIndex(i);
    };
    if (e.key === 'ArrowDown') pick(Math.min(rows.length - 1, index + 1));
    else if (e.key === 'ArrowUp') pick(Math.max(0, index - 1));
    else if (current?.kind === 'node' && current.node.hasChildren) {
      if ((e.key === 'ArrowRight' && !current.expanded) || (e.key === 'ArrowLeft' && current.expanded)) {
        toggle(current.key);
      } else return;
    } else return;
    e.preventDefault();
  };

  if (tree.error && !tree.rootLoaded) return <ErrorState error={tree.error} onRetry={() => void load('')} />;
  if (!tree.rootLoaded) return <Skeleton active paragraph={{ rows: 10 }} style={{ padding: 16 }} />;
  if (tree.isEmpty && empty) return <>{empty}</>;

  return (
    <div
      ref={scrollRef}
      role="tree"
      aria-label={ariaLabel}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ height, overflow: 'auto', outline: 'none', contain: 'strict' }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'node' && (
                <NodeRow
                  row={row}
                  selected={row.key === selectedKey}
                  onToggle={toggle}
                  onSelect={onSelect}
                  prefix={renderPrefix?.(row.node)}
                />
              )}
              {row.kind === 'more' && <MoreRow row={row} onLoad={loadMore} />}
              {row.kind === 'loading' && <LoadingRow depth={row.depth} />}
            </div>
          );
        })}
      </div>
    </div>
  );
}
