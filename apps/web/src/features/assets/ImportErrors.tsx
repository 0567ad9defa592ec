import { type AssetImport, type ImportError, importColumns } from '@raccord/schemas';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { formatCount } from './asset-types';

/** The column as the user's file names it: French header in French, English key otherwise. */
function columnLabel(column: string | null): string {
  if (column === null) return '—';
  const known = importColumns.find((c) => c.key === column);
  return known && currentLocale() === 'fr' ? known.fr : column;
}

/** Every error of a failed import (the first ones when capped): line, column, value, message. */
export function ImportErrors({ imp }: { imp: AssetImport }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<ImportError>
        size="small"
        rowKey={(e) => `${e.line}:${e.column ?? ''}:${e.code}:${e.value ?? ''}`}
        dataSource={[...imp.errors].sort((a, b) => a.line - b.line)}
        pagination={imp.errors.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
        aria-label={t('assets.import.errorsTitle')}
        columns={[
          { key: 'line', title: t('assets.import.line'), dataIndex: 'line', width: 70, align: 'end' },
          {
            key: 'column',
            title: t('assets.import.column'),
            dataIndex: 'column',
            width: 170,
            render: (v: string | null) => columnLabel(v),
          },
          {
            key: 'value',
            title: t('assets.import.value'),
            dataIndex: 'value',
            width: 150,
            ellipsis: true,
            render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
          },
          { key: 'message', title: t('assets.import.message'), dataIndex: 'message' },
        ]}
      />
      {imp.errorCount > imp.errors.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assets.import.moreErrors', { shown: formatCount(imp.errors.length), total: formatCount(imp.errorCount) })}
        </Typography.Text>
      )}
    </>
  );
}
