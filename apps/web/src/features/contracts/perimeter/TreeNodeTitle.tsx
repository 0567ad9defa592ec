import type { TreeNode } from '@raccord/schemas';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, topCounts } from './type-counts';

/** One line of the tree: the node, its level, what it holds. */
export function TreeNodeTitle({ node, excluded }: { node: TreeNode; excluded: boolean }) {
  const { t } = useTranslation();
  const geo = node.level === 'region' || node.level === 'departement' || node.level === 'commune';
  return (
    <Flex gap={8} align="center" style={{ minWidth: 0, width: '100%', overflow: 'hidden' }}>
      <Typography.Text strong={geo} ellipsis style={{ flex: '0 1 auto', minWidth: 60 }}>
        {node.label}
      </Typography.Text>
      {node.reference && (
        <Typography.Text code style={{ fontSize: 11 }}>
          {node.reference}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', flex: 'none' }}>
        {t(`contracts.perimeter.levels.${node.level}`)}
      </Typography.Text>
      {excluded && (
        <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
          {t('contracts.perimeter.excludedTag')}
        </Tag>
      )}
      <Typography.Text
        type="secondary"
        ellipsis
        style={{ fontSize: 12, marginInlineStart: 'auto', flex: '0 1 auto', minWidth: 0, textAlign: 'end' }}
      >
        {t('contracts.perimeter.elements', { count: node.total, n: formatCount(node.total) })}
        {node.total > 0 ? ` — ${topCounts(t, node.counts, 2)}` : ''}
      </Typography.Text>
    </Flex>
  );
}
