import type { Trade } from '@raccord/schemas';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useUpdateTrade } from './use-trades';

interface TradeTableProps {
  trades: Trade[];
  loading: boolean;
  onRename: (trade: Trade) => void;
}

export function TradeTable({ trades, loading, onRename }: TradeTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useErrorHandler();
  const update = useUpdateTrade();

  const setActive = (trade: Trade, isActive: boolean) => {
    update.mutate(
      { id: trade.id, body: { isActive } },
      {
        onSuccess: () =>
          void message.success(t(isActive ? 'trades.reactivated' : 'trades.deactivated', { label: trade.label })),
        onError: (e) => handleError(e),
      },
    );
  };

  const columns: ColumnsType<Trade> = [
    {
      title: t('trades.fields.label'),
      dataIndex: 'label',
      render: (label: string, trade) => (
        <Typography.Text strong={trade.isActive} type={trade.isActive ? undefined : 'secondary'}>
          {label}
        </Typography.Text>
      ),
    },
    {
      title: t('trades.fields.code'),
      dataIndex: 'code',
      width: 260,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      width: 120,
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'} variant="filled">
          {active ? t('common.active') : t('common.inactive')}
        </Tag>
      ),
    },
    {
      title: t('trades.fields.createdAt'),
      dataIndex: 'createdAt',
      width: 130,
      render: (v: string) => dayjs(v).format('DD/MM/YYYY'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, trade) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="link"
            onClick={() => onRename(trade)}
            aria-label={t('trades.renameNamed', { label: trade.label })}
          >
            {t('trades.rename')}
          </Button>
          {trade.isActive ? (
            <Popconfirm
              title={t('trades.confirmDeactivate', { label: trade.label })}
              description={t('trades.deactivateHelp')}
              okText={t('trades.deactivate')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setActive(trade, false)}
            >
              <Button size="small" type="link" danger>
                {t('trades.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" type="link" onClick={() => setActive(trade, true)}>
              {t('trades.reactivate')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Table<Trade>
      rowKey="id"
      columns={columns}
      dataSource={trades}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('trades.empty') }}
      scroll={{ x: 760 }}
    />
  );
}
