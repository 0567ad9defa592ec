import type { SharedSearchItem } from '@raccord/schemas';
import { Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { AssetIcon } from '../assets/AssetIcon';
import { formatCount, levelLabel, orderedCounts, typeLabel } from '../assets/asset-types';
import { useSharedSearch } from './use-sharing';

/** The shared set as a list: search by the start of the owner's reference or label, filter by type, pages. */
export function SharedList({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const debounced = useDebouncedValue(q.trim(), 300);
  const search = useSharedSearch(contractId, { q: debounced || undefined, type, page, pageSize });
  const counts = search.data?.counts ?? {};

  const columns: ColumnsType<SharedSearchItem> = [
    {
      title: t('sharing.list.reference'),
      dataIndex: 'reference',
      width: 180,
      render: (ref: string) => <Typography.Text code>{ref}</Typography.Text>,
    },
    { title: t('sharing.list.label'), dataIndex: 'label', ellipsis: true },
    {
      title: t('sharing.list.type'),
      dataIndex: 'type',
      width: 170,
      render: (value: string) => (
        <Flex gap={6} align="center">
          <AssetIcon type={value} />
          {levelLabel(t, value, value)}
        </Flex>
      ),
    },
    {
      title: t('sharing.list.commune'),
      key: 'commune',
      width: 150,
      ellipsis: true,
      render: (_, row) => row.commune?.name ?? '—',
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <Input.Search
          aria-label={t('sharing.list.search')}
          placeholder={t('sharing.list.searchPlaceholder')}
          allowClear
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          style={{ width: 340 }}
        />
        <Select<string>
          aria-label={t('sharing.list.typeFilter')}
          placeholder={t('sharing.list.allTypes')}
          allowClear
          value={type}
          onChange={(v) => {
            setType(v ?? undefined);
            setPage(1);
          }}
          options={orderedCounts(counts).map((c) => ({
            value: c.type,
            label: `${typeLabel(t, c.type)} (${formatCount(c.count)})`,
          }))}
          style={{ width: 260 }}
        />
      </Flex>
      {search.isError ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : (
        <Table<SharedSearchItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={search.data?.items ?? []}
          loading={search.isFetching}
          locale={{
            emptyText: search.isPending ? (
              ' '
            ) : (
              <EmptyState
                title={t(debounced || type ? 'sharing.list.noMatch' : 'sharing.tree.emptyTitle')}
                description={debounced || type ? t('sharing.list.noMatchHelp') : t('sharing.tree.emptyHelp')}
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: search.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('sharing.list.total', { count: total, n: formatCount(total) }),
            onChange: (p, size) => {
              setPage(size === pageSize ? p : 1);
              setPageSize(size);
            },
          }}
        />
      )}
    </Flex>
  );
}
