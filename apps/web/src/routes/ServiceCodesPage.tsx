import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { normalizeForSearch, type ServiceCode } from '@raccord/schemas';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../features/auth/use-session';
import { CodeFormModal } from '../features/service-codes/CodeFormModal';
import { ImportCatalogueModal } from '../features/service-codes/ImportCatalogueModal';
import { exportUrl } from '../features/service-codes/service-codes.api';
import { useCatalogue, useCatalogueMutations } from '../features/service-codes/use-service-codes';
import { useTrades } from '../features/trades/use-trades';
import { useErrorHandler } from '../lib/use-error-handler';

/** `/codes-prestation` — the organisation's service-code catalogue, one métier at a time. */
export function ServiceCodesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const canWrite = session.user.role === 'admin';
  const trades = useTrades(false);
  const [picked, setPicked] = useState<string | undefined>();
  const tradeId = picked ?? trades.data?.items[0]?.id;
  const catalogue = useCatalogue(tradeId);
  const { remove } = useCatalogueMutations();
  const handleError = useErrorHandler();
  const [editing, setEditing] = useState<ServiceCode | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [search, setSearch] = useState('');

  const rows = useMemo(() => {
    const needle = normalizeForSearch(search);
    return (catalogue.data?.items ?? []).filter(
      (c) => needle === '' || normalizeForSearch(`${c.code} ${c.label}`).includes(needle),
    );
  }, [catalogue.data, search]);

  return (
    <>
      <PageHeader
        title={t('serviceCodes.catalogue.title')}
        subtitle={t('serviceCodes.catalogue.subtitle')}
        extra={
          tradeId && (
            <>
              <Button icon={<DownloadOutlined />} href={exportUrl(tradeId)} download>
                {t('serviceCodes.catalogue.export')}
              </Button>
              {canWrite && (
                <>
                  <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                    {t('serviceCodes.catalogue.import')}
                  </Button>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                    {t('serviceCodes.catalogue.add')}
                  </Button>
                </>
              )}
            </>
          )
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('serviceCodes.catalogue.trade')}
            style={{ minWidth: 260 }}
            loading={trades.isPending}
            value={tradeId}
            onChange={setPicked}
            showSearch={{ optionFilterProp: 'label' }}
            options={(trades.data?.items ?? []).map((tr) => ({ value: tr.id, label: tr.label }))}
          />
          <Input.Search
            aria-label={t('serviceCodes.catalogue.search')}
            placeholder={t('serviceCodes.catalogue.search')}
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ maxWidth: 320 }}
          />
        </Flex>
        {catalogue.isError ? (
          <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
        ) : (
          <Table<ServiceCode>
            rowKey="id"
            size="middle"
            loading={catalogue.isFetching && !catalogue.data}
            dataSource={rows}
            locale={{ emptyText: t('serviceCodes.catalogue.empty') }}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            columns={[
              {
                key: 'code',
                title: t('serviceCodes.fields.code'),
                dataIndex: 'code',
                width: 140,
                render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
              },
              { key: 'label', title: t('serviceCodes.fields.label'), dataIndex: 'label' },
              {
                key: 'workType',
                title: t('serviceCodes.fields.workType'),
                dataIndex: 'workType',
                width: 150,
                render: (w: ServiceCode['workType']) => (w ? <Tag>{t(`serviceCodes.workTypes.${w}`)}</Tag> : '—'),
              },
              {
                key: 'description',
                title: t('serviceCodes.fields.description'),
                dataIndex: 'description',
                ellipsis: true,
                render: (d: string | null) => d ?? '—',
              },
              ...(canWrite
                ? [
                    {
                      key: 'actions',
                      title: '',
                      width: 110,
                      render: (_: unknown, c: ServiceCode) => (
                        <Flex gap={4}>
                          <Button
                            type="text"
                            icon={<EditOutlined />}
                            aria-label={t('serviceCodes.catalogue.edit', { code: c.code })}
                            onClick={() => setEditing(c)}
                          />
                          <Popconfirm
                            title={t('serviceCodes.catalogue.confirmDelete', { code: c.code })}
                            okText={t('serviceCodes.delete')}
                            cancelText={t('common.cancel')}
                            onConfirm={() =>
                              remove.mutate(c.id, {
                                onSuccess: () =>
                                  void message.success(t('serviceCodes.catalogue.deleted', { code: c.code })),
                                onError: (e) => handleError(e),
                              })
                            }
                          >
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('serviceCodes.catalogue.delete', { code: c.code })}
                            />
                          </Popconfirm>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {tradeId && (
        <>
          <CodeFormModal
            open={editing !== null}
            tradeId={tradeId}
            code={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
          <ImportCatalogueModal open={importing} tradeId={tradeId} onClose={() => setImporting(false)} />
        </>
      )}
    </>
  );
}
