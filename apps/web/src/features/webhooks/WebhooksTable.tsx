import type { WebhookEndpoint } from '@raccord/schemas';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useErrorHandler } from '../../lib/use-error-handler';
import { formatDateTime, fromNow } from '../contracts/contract-format';
import { useDeleteWebhook, usePingWebhook } from './use-webhooks';

const stateColor = { pending: 'processing', delivered: 'success', failed: 'error' } as const;

/** The organisation's endpoints: address, events and contracts, last delivery, test, log, deletion. */
export function WebhooksTable({
  items,
  loading,
  onCreate,
  onOpenLog,
}: {
  items: WebhookEndpoint[];
  loading: boolean;
  onCreate: () => void;
  onOpenLog: (w: WebhookEndpoint) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteWebhook();
  const ping = usePingWebhook();
  const onError = useErrorHandler();

  const columns: ColumnsType<WebhookEndpoint> = [
    {
      title: t('webhooks.table.url'),
      key: 'url',
      render: (_, w) => (
        <>
          <Typography.Text strong copyable={{ text: w.url }} style={{ wordBreak: 'break-all' }}>
            {w.url}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {w.description ? `${w.description} · ` : ''}
              {t('webhooks.table.secret')} <Typography.Text code>{w.secretPrefix}…</Typography.Text>
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('webhooks.table.events'),
      dataIndex: 'events',
      width: 220,
      render: (events: string[], w) => (
        <>
          <Space size={[4, 4]} wrap>
            {events.map((e) => (
              <Tag key={e}>{e}</Tag>
            ))}
          </Space>
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {w.contracts.length === 0
                ? t('webhooks.table.allContracts')
                : t('webhooks.table.someContracts', {
                    count: w.contracts.length,
                    labels: w.contracts.map((c) => c.label).join(', '),
                  })}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('webhooks.table.last'),
      key: 'last',
      width: 180,
      render: (_, w) =>
        w.lastDelivery ? (
          <>
            <Tag color={stateColor[w.lastDelivery.state]}>{t(`webhooks.state.${w.lastDelivery.state}`)}</Tag>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(w.lastDelivery.at)}>
                {fromNow(w.lastDelivery.at)}
                {w.lastDelivery.status ? ` · HTTP ${w.lastDelivery.status}` : ''}
              </Typography.Text>
            </div>
          </>
        ) : (
          <Typography.Text type="secondary">{t('webhooks.table.never')}</Typography.Text>
        ),
    },
    {
      title: <span className="sr-only">{t('webhooks.table.actions')}</span>,
      key: 'actions',
      width: 320,
      align: 'right',
      render: (_, w) => (
        <Space>
          <Button
            size="small"
            loading={ping.isPending && ping.variables === w.id}
            onClick={() =>
              ping.mutate(w.id, {
                onSuccess: () => void message.success(t('webhooks.ping.sent')),
                onError: (e) => onError(e),
              })
            }
          >
            {t('webhooks.ping.button')}
          </Button>
          <Button size="small" onClick={() => onOpenLog(w)}>
            {t('webhooks.table.log')}
          </Button>
          <Popconfirm
            title={t('webhooks.delete.title')}
            description={t('webhooks.delete.confirm')}
            okText={t('webhooks.delete.ok')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutateAsync(w.id).then(
                () => void message.success(t('webhooks.delete.done')),
                (e: unknown) => {
                  onError(e);
                },
              )
            }
          >
            <Button danger size="small" aria-label={t('webhooks.delete.aria', { url: w.url })}>
              {t('webhooks.delete.button')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<WebhookEndpoint>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{
        emptyText: loading ? (
          ' '
        ) : (
          <EmptyState
            title={t('webhooks.empty.title')}
            description={t('webhooks.empty.help')}
            action={
              <Button type="primary" onClick={onCreate}>
                {t('webhooks.create.button')}
              </Button>
            }
          />
        ),
      }}
    />
  );
}
