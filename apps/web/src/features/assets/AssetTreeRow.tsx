import { LoadingOutlined, RightOutlined } from '@ant-design/icons';
import type { TreeNode } from '@raccord/schemas';
import { Button, Flex, Spin, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AssetIcon } from './AssetIcon';
import { formatCount, isGeoLevel, levelLabel } from './asset-types';
import { TypeCountChips } from './TypeCountChips';
import type { TreeRow } from './use-asset-tree';

export const ROW_HEIGHT = 40;
const INDENT = 20;

interface NodeRowProps {
  row: Extract<TreeRow, { kind: 'node' }>;
  selected: boolean;
  onToggle: (key: string) => void;
  onSelect: (node: TreeNode) => void;
  prefix?: ReactNode;
}

/** One node of the tree: caret, icon, label, reference, what it is, and what it holds. */
export function NodeRow({ row, selected, onToggle, onSelect, prefix }: NodeRowProps) {
  const { t } = useTranslation();
  const { node } = row;
  const geo = isGeoLevel(node.level);
  const caret = row.loading ? (
    <LoadingOutlined style={{ fontSize: 11 }} />
  ) : (
    <RightOutlined
      style={{ fontSize: 10, transition: 'transform 0.15s', transform: row.expanded ? 'rotate(90deg)' : 'none' }}
    />
  );
  return (
    <Flex
      role="treeitem"
      aria-level={row.depth + 1}
      aria-selected={selected}
      aria-expanded={node.hasChildren ? row.expanded : undefined}
      data-key={node.key}
      align="center"
      gap={8}
      onClick={() => onSelect(node)}
      onDoubleClick={() => node.hasChildren && onToggle(node.key)}
      style={{
        height: ROW_HEIGHT,
        paddingInlineStart: 8 + row.depth * INDENT,
        paddingInlineEnd: 12,
        cursor: 'pointer',
        background: selected ? '#e8f0fb' : undefined,
        boxShadow: selected ? 'inset 3px 0 0 #1f5faa' : undefined,
        borderBottom: '1px solid #f3f4f7',
      }}
    >
      {node.hasChildren ? (
        <Button
          type="text"
          size="small"
          aria-label={row.expanded ? t('assets.tree.collapse') : t('assets.tree.expand')}
          icon={caret}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(node.key);
          }}
          style={{ width: 22, minWidth: 22, height: 22 }}
        />
      ) : (
        <span style={{ width: 22, flex: 'none' }} />
      )}
      {prefix}
      <AssetIcon type={node.type ?? node.level} boxed size={13} />
      <Flex vertical style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Flex align="baseline" gap={8} style={{ minWidth: 0 }}>
          <Typography.Text strong={geo} ellipsis style={{ minWidth: 40 }}>
            {node.label}
          </Typography.Text>
          {node.reference && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', fontFamily: 'monospace' }}>
              {node.reference}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {levelLabel(t, node.level, node.type)}
          </Typography.Text>
        </Flex>
      </Flex>
      {node.hasChildren && (
        <Flex align="center" gap={10} style={{ flex: 'none' }}>
          <TypeCountChips counts={node.counts} max={3} />
          <Typography.Text
            style={{ fontSize: 12, minWidth: 52, textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}
            title={t('assets.tree.total', { n: formatCount(node.total) })}
          >
            {formatCount(node.total)}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

interface MoreRowProps {
  row: Extract<TreeRow, { kind: 'more' }>;
  onLoad: (parent: string, offset: number) => void;
}

/** The end of a loaded page: loads the next one as soon as it scrolls into view. */
export function MoreRow({ row, onLoad }: MoreRowProps) {
  const { t } = useTranslation();
  const { parent, shown } = row;
  useEffect(() => {
    onLoad(parent, shown);
  }, [onLoad, parent, shown]);
  return (
    <Flex
      align="center"
      gap={8}
      style={{ height: ROW_HEIGHT, paddingInlineStart: 38 + row.depth * INDENT, color: '#8c8c8c', fontSize: 12 }}
    >
      <Spin size="small" />
      {t('assets.tree.more', { shown: formatCount(row.shown), total: formatCount(row.total) })}
    </Flex>
  );
}

export function LoadingRow({ depth }: { depth: number }) {
  const { t } = useTranslation();
  return (
    <Flex
      align="center"
      gap={8}
      style={{ height: ROW_HEIGHT, paddingInlineStart: 38 + depth * INDENT, color: '#8c8c8c', fontSize: 12 }}
    >
      <Spin size="small" />
      {t('common.loading')}
    </Flex>
  );
}
