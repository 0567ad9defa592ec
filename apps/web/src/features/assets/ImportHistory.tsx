import type { AssetImport } from '@raccord/schemas';
import { Button, Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { formatCount } from './asset-types';
import { useImports } from './use-assets';

const stateColors: Record<AssetImport['state'], string> = {
  queued: 'default',
  validating: 'processing',
  applying: 'processing',
  succeeded: 'success',
  failed: 'error',
};

/** The latest imports: when, which file, how it ended; a click shows one (its errors). */
export function ImportHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const imports = useImports();
  if (imports.isError) return <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />;
  return (
    <section aria-label={t('assets.history.title')}>
      <Card variant="borderless" title={t('assets.history.title')}>
        <Table<AssetImport>
          size="middle"
          rowKey="id"
          loading={imports.isPending}
          dataSource={imports.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('assets.history.empty') }}
          columns={[
            {
              key: 'date',
              title: t('assets.history.date'),
              render: (_, imp) => dayjs(imp.createdAt).format('DD/MM/YYYY HH:mm'),
              width: 170,
            },
            {
              key: 'file',
              title: t('assets.history.file'),
              render: (_, imp) => (
                <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                  {imp.filename ?? imp.format.toUpperCase()}
                </Typography.Text>
              ),
            },
            {
              key: 'state',
              title: t('common.status'),
              render: (_, imp) => <Tag color={stateColors[imp.state]}>{t(`assets.import.states.${imp.state}`)}</Tag>,
              width: 130,
            },
            {
              key: 'rows',
              title: t('assets.history.rows'),
              render: (_, imp) => formatCount(imp.rowsRead),
              align: 'end',
            },
            {
              key: 'changes',
              title: t('assets.history.changes'),
              render: (_, imp) =>
                imp.state === 'failed'
                  ? t('assets.history.errors', { count: imp.errorCount, n: formatCount(imp.errorCount) })
                  : imp.state !== 'succeeded'
                    ? `${Math.round(imp.progress)} %`
                    : t('assets.history.changed', {
                        created: formatCount(imp.created),
                        updated: formatCount(imp.updated),
                      }),
            },
            {
              key: 'open',
              title: '',
              width: 110,
              render: (_, imp) => (
                <Button size="small" onClick={() => onOpen(imp.id)}>
                  {t('assets.history.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}
