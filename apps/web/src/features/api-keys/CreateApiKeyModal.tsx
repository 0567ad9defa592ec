import { API_KEY_DEFAULT_DAYS, apiKeyValidityDays, type CreatedApiKey } from '@raccord/schemas';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretShownOnce } from '../../components/SecretShownOnce';
import { useErrorHandler } from '../../lib/use-error-handler';
import { formatDate } from '../contracts/contract-format';
import { ApiUsage } from './ApiUsage';
import { useCreateApiKey } from './use-api-keys';

/** Names a new key, then shows it — once — with a copy button and a warning. */
export function CreateApiKeyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();
  const create = useCreateApiKey();
  const onError = useErrorHandler();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const close = () => {
    form.resetFields();
    setCreated(null);
    onClose();
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('apiKeys.created.title', { name: created.name })}
        onOk={close}
        onCancel={close}
        okText={t('apiKeys.created.done')}
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
        width={720}
      >
        <SecretShownOnce
          warning={t('apiKeys.created.warning')}
          label={t('apiKeys.created.key')}
          secret={created.secret}
          copy={t('apiKeys.created.copy')}
          copied={t('apiKeys.created.copied')}
          testId="api-key-secret"
        />
        <Alert
          type="info"
          showIcon
          style={{ marginBlock: 12 }}
          title={t('apiKeys.created.expires', { date: formatDate(created.expiresAt) })}
        />
        <ApiUsage secret={created.secret} />
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('apiKeys.create.title')}
      okText={t('apiKeys.create.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('apiKeys.create.help')}</Typography.Paragraph>
      <Form
        form={form}
        name="create-api-key"
        layout="vertical"
        initialValues={{ expiresInDays: API_KEY_DEFAULT_DAYS }}
        onFinish={({ name, expiresInDays }) =>
          create.mutate(
            { name: name.trim(), expiresInDays },
            { onSuccess: (key) => setCreated(key), onError: (e) => onError(e, form) },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('apiKeys.create.name')}
          rules={[{ required: true, whitespace: true, message: t('apiKeys.create.nameRequired') }, { max: 80 }]}
        >
          <Input maxLength={80} placeholder={t('apiKeys.create.namePlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('apiKeys.create.validity')} extra={t('apiKeys.create.validityHelp')}>
          <Select
            options={apiKeyValidityDays.map((days) => ({ value: days, label: t(`apiKeys.create.days.${days}`) }))}
            style={{ maxWidth: 240 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
