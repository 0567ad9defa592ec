import type { WebhookDelivery, WebhookEndpoint } from '@raccord/schemas';
import { Button, Drawer, Flex, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useErrorHandler } from '../../lib/use-error-handler';
import { formatDateTime } from '../contracts/contract-format';
import { useDeliveries, useRedeliver } from './use-webhooks';

const stateColor = { pending: 'processing', delivered: 'success', failed: 'error' } as const;

/** An endpoint's delivery log: each event, its state, attempts and the receiver's last answer. */
export function DeliveriesDrawer({
  endpoint,
  open,
  onClose,
}: {
  endpoint: WebhookEndpoint | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const before = pages[pages.length - 1] ?? null;
  const deliveries = useDeliveries(endpoint?.id ?? null, before);
  const again = useRedeliver();
  const onError = useErrorHandler();
  const screens = Grid.useBreakpoint();

  const columns: ColumnsType<WebhookDelivery> = [
    {
      title: t('webhooks.deliveries.date'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('webhooks.deliveries.event'),
      dataIndex: 'event',
      render: (e: string) => <Typography.Text code>{e}</Typography.Text>,
    },
    {
      title: t('webhooks.deliveries.state'),
      key: 'state',
      width: 200,
      render: (_, d) => (
        <>
          <Tag color={stateColor[d.state]}>{t(`webhooks.state.${d.state}`)}</Tag>
          {d.state === 'pending' && d.nextAttemptAt ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('webhooks.deliveries.next', { date: formatDateTime(d.nextAttemptAt) })}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    { title: t('webhooks.deliveries.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    {
      title: t('webhooks.deliveries.answer'),
      key: 'answer',
      render: (_, d) =>
        d.lastError ? (
          <Tooltip title={d.lastError}>
            <Typography.Text type="danger" ellipsis style={{ maxWidth: 220 }}>
              {d.lastError}
            </Typography.Text>
          </Tooltip>
        ) : d.lastStatus ? (
          <Typography.Text>
            HTTP {d.lastStatus}
            {d.lastDurationMs !== null ? ` · ${d.lastDurationMs} ms` : ''}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      width: 110,
      render: (_, d) => (
        <Button
          size="small"
          loading={again.isPending && again.variables?.deliveryId === d.id}
          onClick={() =>
            endpoint && again.mutate({ id: endpoint.id, deliveryId: d.id }, { onError: (e) => onError(e) })
          }
        >
          {t('webhooks.deliveries.redeliver')}
        </Button>
      ),
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) setPages([null]);
      }}
      size={screens.lg ? 980 : '100%'}
      title={t('webhooks.deliveries.title', { url: endpoint?.url ?? '' })}
      closable={{ 'aria-label': t('common.close') }}
    >
      {deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <>
          <Table<WebhookDelivery>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={deliveries.data?.items ?? []}
            loading={deliveries.isPending}
            pagination={false}
            locale={{ emptyText: t('webhooks.deliveries.empty') }}
            expandable={{
              expandedRowRender: (d) => (
                <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {JSON.stringify({ id: d.id, event: d.event, ...d.payload }, null, 2)}
                </Typography.Paragraph>
              ),
            }}
          />
          <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
            <Button disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>
              {t('webhooks.deliveries.newer')}
            </Button>
            <Button
              disabled={!deliveries.data?.next}
              onClick={() => setPages((p) => [...p, deliveries.data?.next ?? null])}
            >
              {t('webhooks.deliveries.older')}
            </Button>
          </Flex>
        </>
      )}
    </Drawer>
  );
}
