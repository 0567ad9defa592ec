import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { Trade } from '@raccord/schemas';
import { normalizeForSearch } from '@raccord/schemas';
import { Button, Card, Flex, Input, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { TradeFormModal } from '../features/trades/TradeFormModal';
import { TradeTable } from '../features/trades/TradeTable';
import { useTrades } from '../features/trades/use-trades';

type StatusFilter = 'all' | 'active' | 'inactive';

export function TradesPage() {
  const { t } = useTranslation();
  const trades = useTrades(true);
  const [editing, setEditing] = useState<Trade | 'new' | null>(null);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');

  const visible = useMemo(() => {
    const needle = normalizeForSearch(search);
    return (trades.data?.items ?? []).filter(
      (trade) =>
        (status === 'all' || trade.isActive === (status === 'active')) &&
        (needle === '' || normalizeForSearch(`${trade.label} ${trade.code}`).includes(needle)),
    );
  }, [trades.data, status, search]);

  return (
    <>
      <PageHeader
        title={t('trades.title')}
        subtitle={t('trades.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('trades.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input
            aria-label={t('trades.searchLabel')}
            prefix={<SearchOutlined style={{ color: '#8c95a3' }} />}
            placeholder={t('trades.searchPlaceholder')}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ maxWidth: 360 }}
          />
          <Segmented<StatusFilter>
            aria-label={t('common.status')}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'active', label: t('common.activePlural') },
              { value: 'inactive', label: t('common.inactivePlural') },
            ]}
          />
        </Flex>
        {trades.isError ? (
          <ErrorState error={trades.error} onRetry={() => void trades.refetch()} />
        ) : (
          <TradeTable trades={visible} loading={trades.isPending} onRename={setEditing} />
        )}
      </Card>
      <TradeFormModal
        open={editing !== null}
        trade={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
