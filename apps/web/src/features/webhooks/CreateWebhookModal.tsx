import { type CreatedWebhook, type WebhookEvent, webhookEvents } from '@raccord/schemas';
import { Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretShownOnce } from '../../components/SecretShownOnce';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useCreateWebhook } from './use-webhooks';

interface Values {
  url: string;
  description?: string;
  events: WebhookEvent[];
}

/** Declares an endpoint, then shows its signing secret — once. */
export function CreateWebhookModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateWebhook();
  const onError = useErrorHandler();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  const close = () => {
    form.resetFields();
    setCreated(null);
    onClose();
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('webhooks.created.title')}
        onOk={close}
        onCancel={close}
        okText={t('webhooks.created.done')}
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
        width={720}
      >
        <SecretShownOnce
          warning={t('webhooks.created.warning')}
          label={t('webhooks.created.secret')}
          secret={created.secret}
          copy={t('webhooks.created.copy')}
          copied={t('webhooks.created.copied')}
          testId="webhook-secret"
        />
        <Typography.Paragraph type="secondary">{t('webhooks.created.verify')}</Typography.Paragraph>
        <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap' }}>
          {t('webhooks.created.header')}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('webhooks.create.title')}
      okText={t('webhooks.create.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('webhooks.create.help')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="create-webhook"
        layout="vertical"
        initialValues={{ events: ['contract.changes', 'contract.synchronised'] }}
        onFinish={(v) =>
          create.mutate(
            {
              url: v.url.trim(),
              events: v.events,
              ...(v.description?.trim() ? { description: v.description.trim() } : {}),
            },
            { onSuccess: (w) => setCreated(w), onError: (e) => onError(e, form) },
          )
        }
      >
        <Form.Item
          name="url"
          label={t('webhooks.create.url')}
          rules={[{ required: true, whitespace: true, message: t('webhooks.create.urlRequired') }, { max: 2000 }]}
        >
          <Input placeholder="https://gmao.example.fr/raccord/webhook" autoFocus />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.create.description')} rules={[{ max: 200 }]}>
          <Input maxLength={200} placeholder={t('webhooks.create.descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('webhooks.create.events')}
          rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.create.eventsRequired') }]}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {webhookEvents.map((e) => (
              <Checkbox key={e} value={e}>
                <Typography.Text code>{e}</Typography.Text> — {t(`webhooks.events.${e.replace('.', '_')}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
