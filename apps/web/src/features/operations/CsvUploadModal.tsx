import { InboxOutlined } from '@ant-design/icons';
import type { IngestResponse } from '@raccord/schemas';
import { Alert, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useUploadOperationsCsv } from './use-operations';

/** Upload of a CSV of logs (one line per log), then the answer line by line, refusals first. */
export function CsvUploadModal({ contractId, onClose }: { contractId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const upload = useUploadOperationsCsv(contractId);
  const onError = useErrorHandler();
  const [result, setResult] = useState<IngestResponse | null>(null);
  const refused = result?.results.filter((r) => r.status === 'refused') ?? [];
  const message = (code: string | undefined, fallback: string | undefined) =>
    code && i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : (fallback ?? code ?? '');
  return (
    <Modal
      open
      width={800}
      title={t('operations.csv.title')}
      onCancel={onClose}
      footer={[
        result && (
          <Button key="again" onClick={() => setResult(null)}>
            {t('operations.csv.another')}
          </Button>
        ),
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      {result === null ? (
        <>
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            customRequest={({ file }) => {
              if (!(file instanceof File)) return;
              upload.mutate(file, { onSuccess: setResult, onError: (e) => onError(e) });
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('operations.csv.drop')}</p>
            <p className="ant-upload-hint">{t('operations.csv.hint')}</p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            {t('operations.csv.columns')}
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <Alert
            type={result.refused > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            title={t('operations.csv.summary', {
              accepted: result.accepted,
              duplicates: result.duplicates,
              refused: result.refused,
            })}
          />
          {refused.length > 0 && (
            <Table
              size="small"
              rowKey="index"
              dataSource={refused}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('operations.csv.line'), dataIndex: 'line', width: 80 },
                { title: t('operations.csv.field'), dataIndex: 'field', width: 180, render: (f?: string) => f ?? '—' },
                {
                  title: t('operations.csv.reason'),
                  key: 'reason',
                  render: (_, r) => (
                    <>
                      {message(r.code, r.message)}
                      {r.message && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {r.message}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
