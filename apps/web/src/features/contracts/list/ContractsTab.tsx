import { SearchOutlined } from '@ant-design/icons';
import type { ContractProjectSummary, ContractSort } from '@raccord/schemas';
import { Flex, Input, Segmented, Select, Table, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { OrganizationSelect } from '../../organizations/OrganizationSelect';
import { PartiesList, StateTag } from '../ContractTags';
import { formatDate, projectPath } from '../contract-format';
import { useActiveTrades, useContracts } from '../use-contract-queries';
import { type PartyCount, useContractListParams } from './use-contract-list-params';

type StatusFilter = 'all' | 'actif' | 'inactif';
type SortField = 'label' | 'state' | 'createdAt' | 'activatedAt';

function sortOrder(sort: ContractSort, field: SortField): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** **Contrats**: every contract the organisation is party to, searched, filtered, sorted and paged. */
export function ContractsTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useContractListParams();
  const [search, setSearch] = useState(params.q ?? '');
  const debounced = useDebouncedValue(search.trim(), 250);
  const trades = useActiveTrades();

  useEffect(() => {
    if (debounced !== params.q) setParams({ q: debounced, page: 1 });
  }, [debounced, params.q, setParams]);

  const contracts = useContracts({
    q: params.q || undefined,
    status: params.status,
    tradeId: params.tradeId,
    partyId: params.partyId,
    hasThirdParty: params.hasThirdParty,
    sort: params.sort,
    page: params.page,
    pageSize: params.pageSize,
  });

  const columns: ColumnsType<ContractProjectSummary> = [
    {
      title: t('contracts.columns.labelTrade'),
      dataIndex: 'label',
      key: 'label',
      width: 220,
      sorter: true,
      sortOrder: sortOrder(params.sort, 'label'),
      render: (label: string, row) => (
        <Flex vertical gap={2}>
          <Link to={projectPath(row.id)} onClick={(e) => e.stopPropagation()}>
            <Typography.Text strong>{label}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {row.trade?.label ?? '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('contracts.columns.parties'),
      key: 'parties',
      width: 360,
      render: (_, row) => <PartiesList parties={row.parties} compact />,
    },
    {
      title: t('contracts.columns.state'),
      dataIndex: 'state',
      key: 'state',
      width: 140,
      sorter: true,
      sortOrder: sortOrder(params.sort, 'state'),
      render: (_, row) => <StateTag state={row.state} />,
    },
    {
      title: t('contracts.columns.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 120,
      sorter: true,
      sortOrder: sortOrder(params.sort, 'createdAt'),
      render: (v: string) => formatDate(v),
    },
    {
      title: t('contracts.columns.activatedAt'),
      dataIndex: 'activatedAt',
      key: 'activatedAt',
      width: 120,
      sorter: true,
      sortOrder: sortOrder(params.sort, 'activatedAt'),
      render: (v: string | null) => formatDate(v),
    },
  ];

  const onSort = (sorter: SorterResult<ContractProjectSummary> | SorterResult<ContractProjectSummary>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof one?.columnKey === 'string' ? one.columnKey : null;
    if (!field || !one?.order) return setParams({ tri: null, page: 1 });
    setParams({ tri: one.order === 'ascend' ? field : `-${field}`, page: 1 });
  };

  const filtered = Boolean(params.q || params.status || params.tradeId || params.partyId || params.parties);

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input
          aria-label={t('contracts.list.searchLabel')}
          placeholder={t('contracts.list.searchPlaceholder')}
          prefix={<SearchOutlined style={{ color: '#8c95a3' }} />}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ flex: '1 1 220px', maxWidth: 320 }}
        />
        <Segmented<StatusFilter>
          aria-label={t('contracts.list.statusFilter')}
          value={params.status ?? 'all'}
          onChange={(v) => setParams({ etat: v === 'all' ? null : v, page: 1 })}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'actif', label: t('contracts.list.actif') },
            { value: 'inactif', label: t('contracts.list.inactif') },
          ]}
        />
        <Select<string>
          aria-label={t('contracts.list.tradeFilter')}
          placeholder={t('contracts.list.allTrades')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={params.tradeId}
          onChange={(v) => setParams({ metier: v ?? null, page: 1 })}
          options={(trades.data?.items ?? []).map((tr) => ({ value: tr.id, label: tr.label }))}
          style={{ width: 190 }}
        />
        <OrganizationSelect
          ariaLabel={t('contracts.list.partyFilter')}
          placeholder={t('contracts.list.partyFilter')}
          value={params.partyId}
          onChange={(id) => setParams({ partie: id ?? null, page: 1 })}
          style={{ width: 210 }}
        />
        <Select<PartyCount>
          aria-label={t('contracts.list.partiesFilter')}
          placeholder={t('contracts.list.allKinds')}
          allowClear
          value={params.parties}
          onChange={(v) => setParams({ parties: v ?? null, page: 1 })}
          options={[
            { value: 'bipartite', label: t('contracts.list.bipartite') },
            { value: 'tripartite', label: t('contracts.list.tripartite') },
          ]}
          style={{ width: 170 }}
        />
      </Flex>
      {contracts.isError ? (
        <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : (
        <Table<ContractProjectSummary>
          rowKey="id"
          columns={columns}
          dataSource={contracts.data?.items ?? []}
          loading={contracts.isPending || contracts.isPlaceholderData}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') onSort(sorter);
          }}
          onRow={(row) => ({ onClick: () => void navigate(projectPath(row.id)), style: { cursor: 'pointer' } })}
          locale={{ emptyText: filtered ? t('contracts.list.noResult') : t('contracts.list.empty') }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: contracts.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('contracts.list.total', { count: total }),
            onChange: (page, pageSize) => setParams({ page, pageSize }),
          }}
          scroll={{ x: 960 }}
        />
      )}
    </>
  );
}
