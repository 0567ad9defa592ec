import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { ImportProgress } from './ImportProgress';
import { assetKeys, isImportFinished, useImport, useStartImport } from './use-assets';

interface ImportModalProps {
  /** Shows an existing import (from the history) instead of the upload. */
  importId?: string | null;
  onClose: () => void;
  /** Called once when an import succeeds: reload the tree and the totals. */
  onImported: () => void;
}

/** Upload of a CSV or JSON file (sent raw), then the import's progress, polled until it ends. */
export function ImportModal({ importId = null, onClose, onImported }: ImportModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentId, setCurrentId] = useState<string | null>(importId);
  const start = useStartImport();
  const onError = useErrorHandler();
  const imp = useImport(currentId);
  const finished = isImportFinished(imp.data);
  const succeeded = imp.data?.state === 'succeeded';

  const notified = useRef<string | null>(null);
  useEffect(() => {
    if (!finished || importId !== null || currentId === null || notified.current === currentId) return;
    notified.current = currentId;
    void queryClient.invalidateQueries({ queryKey: assetKeys.all });
    if (succeeded) onImported();
  }, [finished, succeeded, importId, currentId, queryClient, onImported]);

  return (
    <Modal
      open
      width={760}
      title={t('assets.import.title')}
      onCancel={onClose}
      footer={[
        currentId && finished && importId === null && (
          <Button key="again" onClick={() => setCurrentId(null)}>
            {t('assets.import.another')}
          </Button>
        ),
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      {currentId === null ? (
        <>
          <Upload.Dragger
            accept=".csv,.json,text/csv,application/json"
            multiple={false}
            showUploadList={false}
            disabled={start.isPending}
            customRequest={({ file }) => {
              if (!(file instanceof File)) return;
              start.mutate(file, { onSuccess: (started) => setCurrentId(started.id), onError: (e) => onError(e) });
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('assets.import.drop')}</p>
            <p className="ant-upload-hint">{t('assets.import.hint')}</p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            {t('assets.import.columns')}
          </Typography.Paragraph>
        </>
      ) : imp.data ? (
        <>
          {imp.data.filename && (
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t('assets.import.file', { name: imp.data.filename })}
            </Typography.Paragraph>
          )}
          <ImportProgress imp={imp.data} />
        </>
      ) : (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      )}
    </Modal>
  );
}
