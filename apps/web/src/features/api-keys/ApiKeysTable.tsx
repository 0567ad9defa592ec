import type { ApiKey } from '@raccord/schemas';
import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useErrorHandler } from '../../lib/use-error-handler';
import { formatDate, formatDateTime, fromNow } from '../contracts/contract-format';
import { keyState } from './api-key-expiry';
import { useRevokeApiKey } from './use-api-keys';

/** The organisation's keys: name, prefix, creation, last use, expiry, revocation. */
export function ApiKeysTable({
  items,
  loading,
  onCreate,
}: {
  items: ApiKey[];
  loading: boolean;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const revoke = useRevokeApiKey();
  const onError = useErrorHandler();

  const columns: ColumnsType<ApiKey> = [
    {
      title: t('apiKeys.table.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('apiKeys.table.prefix'),
      dataIndex: 'prefix',
      width: 140,
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('apiKeys.table.created'),
      key: 'created',
      width: 220,
      render: (_, row) => (
        <>
          <div>{formatDateTime(row.createdAt)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.createdBy}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('apiKeys.table.lastUsed'),
      dataIndex: 'lastUsedAt',
      width: 170,
      render: (at: string | null) =>
        at ? (
          <span title={formatDateTime(at)}>{fromNow(at)}</span>
        ) : (
          <Typography.Text type="secondary">{t('apiKeys.table.never')}</Typography.Text>
        ),
    },
    {
      title: t('apiKeys.table.status'),
      key: 'status',
      width: 190,
      render: (_, row) => {
        const state = keyState(row, Date.now());
        if (state === 'revoked') {
          return (
            <Tag color="red" variant="filled" title={formatDateTime(row.revokedAt)}>
              {t('apiKeys.table.revokedOn', { date: formatDateTime(row.revokedAt) })}
            </Tag>
          );
        }
        if (state === 'expired') {
          return (
            <Tag color="default" variant="filled" title={formatDateTime(row.expiresAt)}>
              {t('apiKeys.table.expiredOn', { date: formatDate(row.expiresAt) })}
            </Tag>
          );
        }
        return (
          <>
            <Tag color={state === 'expiring' ? 'orange' : 'green'} variant="filled">
              {state === 'expiring' ? t('apiKeys.table.expiringSoon') : t('apiKeys.table.active')}
            </Tag>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(row.expiresAt)}>
                {t('apiKeys.table.expiresOn', { date: formatDate(row.expiresAt) })}
              </Typography.Text>
            </div>
          </>
        );
      },
    },
    {
      title: <span className="sr-only">{t('apiKeys.table.actions')}</span>,
      key: 'actions',
      width: 110,
      align: 'right',
      render: (_, row) =>
        ['revoked', 'expired'].includes(keyState(row, Date.now())) ? null : (
          <Popconfirm
            title={t('apiKeys.revoke.title', { name: row.name })}
            description={t('apiKeys.revoke.confirm')}
            okText={t('apiKeys.revoke.ok')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutateAsync(row.id).then(
                () => void message.success(t('apiKeys.revoke.done', { name: row.name })),
                (e: unknown) => {
                  onError(e);
                },
              )
            }
          >
            <Button danger size="small" aria-label={t('apiKeys.revoke.aria', { name: row.name })}>
              {t('apiKeys.revoke.button')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Table<ApiKey>
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
            title={t('apiKeys.empty.title')}
            description={t('apiKeys.empty.help')}
            action={
              <Button type="primary" onClick={onCreate}>
                {t('apiKeys.create.button')}
              </Button>
            }
          />
        ),
      }}
    />
  );
}
