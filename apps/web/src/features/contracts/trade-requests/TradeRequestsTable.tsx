import type { TradeRequest } from '@raccord/schemas';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, projectPath } from '../contract-format';

const statusColors = { open: 'gold', added: 'green', rejected: 'default' } as const;

interface TradeRequestsTableProps {
  items: TradeRequest[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onClose: (request: TradeRequest) => void;
}

export function TradeRequestsTable(props: TradeRequestsTableProps) {
  const { items, total, page, pageSize, loading, onPageChange, onClose } = props;
  const { t } = useTranslation();
  const columns: ColumnsType<TradeRequest> = [
    {
      title: t('contracts.tradeRequests.columns.label'),
      key: 'label',
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text strong>{r.label}</Typography.Text>
          {r.comment && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {r.comment}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('contracts.tradeRequests.columns.from'),
      key: 'from',
      width: 260,
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text>{r.organization.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.requestedBy}
          </Typography.Text>
          {r.projectId && (
            <Link to={projectPath(r.projectId)} style={{ fontSize: 12 }}>
              {t('contracts.tradeRequests.openProject')}
            </Link>
          )}
        </Flex>
      ),
    },
    {
      title: t('contracts.tradeRequests.columns.date'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 200,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Tag color={statusColors[r.status]} variant="filled" style={{ alignSelf: 'flex-start' }}>
            {t(`contracts.tradeRequests.status.${r.status}`)}
          </Tag>
          {r.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) =>
        r.status === 'open' ? (
          <Button size="small" type="primary" ghost onClick={() => onClose(r)}>
            {t('contracts.tradeRequests.handle')}
          </Button>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.closedAt)}
          </Typography.Text>
        ),
    },
  ];
  return (
    <Table<TradeRequest>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: t('contracts.tradeRequests.empty') }}
      pagination={{ current: page, pageSize, total, hideOnSinglePage: true, onChange: onPageChange }}
      scroll={{ x: 900 }}
    />
  );
}
