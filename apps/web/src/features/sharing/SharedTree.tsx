import type { SharedTreeNode } from '@raccord/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { Flex, Skeleton, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type Key, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { AssetIcon } from '../assets/AssetIcon';
import { formatCount, levelLabel } from '../assets/asset-types';
import { getSharedTreeChildren } from './sharing.api';
import { sharingKeys, useSharedTreeChildren } from './use-sharing';

type TFn = ReturnType<typeof useTranslation>['t'];

function NodeTitle({ node, t }: { node: SharedTreeNode; t: TFn }) {
  const icon = node.level === 'asset' ? (node.type ?? 'equipment') : node.level;
  return (
    <Flex gap={8} align="center" style={{ minWidth: 0 }}>
      <AssetIcon type={icon} boxed size={12} />
      {node.reference && <Typography.Text code>{node.reference}</Typography.Text>}
      <Typography.Text ellipsis style={{ maxWidth: 360 }}>
        {node.label}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {node.level === 'asset' && node.type ? levelLabel(t, node.type, node.type) : null}
        {node.level !== 'asset'
          ? t('sharing.tree.count', { count: node.total, n: formatCount(node.total) })
          : node.total > 1
            ? ` · ${t('sharing.tree.below', { count: node.total - 1, n: formatCount(node.total - 1) })}`
            : null}
      </Typography.Text>
    </Flex>
  );
}

function toData(nodes: SharedTreeNode[], total: number, t: TFn, parentKey: string): DataNode[] {
  const data: DataNode[] = nodes.map((n) => ({
    key: n.key,
    title: <NodeTitle node={n} t={t} />,
    isLeaf: !n.hasChildren,
  }));
  if (total > nodes.length) {
    data.push({
      key: `${parentKey}:more`,
      isLeaf: true,
      selectable: false,
      title: (
        <Typography.Text type="secondary" italic>
          {t('sharing.tree.more', { n: formatCount(total - nodes.length) })}
        </Typography.Text>
      ),
    });
  }
  return data;
}

function withChildren(list: DataNode[], key: Key, children: DataNode[]): DataNode[] {
  return list.map((n) =>
    n.key === key ? { ...n, children } : n.children ? { ...n, children: withChildren(n.children, key, children) } : n,
  );
}

/** The shared set as a tree: regions, départements, communes (official names), then shared elements. */
export function SharedTree({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useSharedTreeChildren(contractId, null, true);
  const [data, setData] = useState<DataNode[]>([]);

  useEffect(() => {
    if (roots.data) setData(toData(roots.data.items, roots.data.total, t, 'root'));
  }, [roots.data, t]);

  if (roots.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (roots.isError) return <ErrorState error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.items.length === 0) {
    return <EmptyState title={t('sharing.tree.emptyTitle')} description={t('sharing.tree.emptyHelp')} />;
  }

  const loadData = async (node: { key: Key; children?: DataNode[] }) => {
    if (node.children) return;
    const key = String(node.key);
    const page = await queryClient.fetchQuery({
      queryKey: sharingKeys.tree(contractId, key),
      queryFn: ({ signal }) => getSharedTreeChildren(contractId, key, 0, signal),
      staleTime: 30_000,
    });
    setData((current) => withChildren(current, node.key, toData(page.items, page.total, t, key)));
  };

  return (
    <Tree
      aria-label={t('sharing.tree.label')}
      treeData={data}
      loadData={loadData}
      showLine={{ showLeafIcon: false }}
      blockNode
      selectable={false}
      virtual
      height={560}
    />
  );
}
