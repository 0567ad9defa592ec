import { UploadOutlined } from '@ant-design/icons';
import type { ImportLineError } from '@raccord/schemas';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { useCatalogueMutations } from './use-service-codes';

/** CSV import of a catalogue: all or nothing, every refused line listed with its number. */
export function ImportCatalogueModal(props: { open: boolean; tradeId: string; onClose: () => void }) {
  const { open, tradeId, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { importCsv } = useCatalogueMutations();
  const [lines, setLines] = useState<ImportLineError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setLines([]);
    setFailure(null);
    onClose();
  };

  const send = async (file: File) => {
    setLines([]);
    setFailure(null);
    const csv = await file.text();
    importCsv.mutate(
      { tradeId, csv },
      {
        onSuccess: (r) => {
          void message.success(t('serviceCodes.import.done', r));
          close();
        },
        onError: (e) => {
          setFailure(errorMessage(e));
          const found = e instanceof ApiError ? e.details.lines : undefined;
          setLines(Array.isArray(found) ? (found as ImportLineError[]) : []);
        },
      },
    );
  };

  return (
    <Modal open={open} title={t('serviceCodes.import.title')} onCancel={close} footer={null} width={680}>
      <Typography.Paragraph type="secondary">{t('serviceCodes.import.help')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code>code;libellé;type de travaux;description</Typography.Text>
      </Typography.Paragraph>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button type="primary" icon={<UploadOutlined />} loading={importCsv.isPending}>
          {t('serviceCodes.import.choose')}
        </Button>
      </Upload>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
      {lines.length > 0 && (
        <Table<ImportLineError>
          style={{ marginTop: 12 }}
          size="small"
          aria-label={t('serviceCodes.import.errors')}
          rowKey={(l) => `${l.line}:${l.field}:${l.reason}`}
          dataSource={lines}
          pagination={lines.length > 8 ? { pageSize: 8, size: 'small' } : false}
          columns={[
            { key: 'line', title: t('serviceCodes.import.line'), dataIndex: 'line', width: 70 },
            {
              key: 'field',
              title: t('serviceCodes.import.field'),
              dataIndex: 'field',
              render: (f: string) => t(`serviceCodes.fields.${f}`),
            },
            {
              key: 'reason',
              title: t('serviceCodes.import.reason'),
              render: (_: unknown, l) => (
                <>
                  {t(`serviceCodes.import.reasons.${l.reason}`)}
                  {l.value ? (
                    <>
                      {' '}
                      <Typography.Text code>{l.value}</Typography.Text>
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
