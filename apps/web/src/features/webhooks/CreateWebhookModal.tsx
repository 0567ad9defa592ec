import { type CreatedWebhook, type WebhookEvent, webhookEvents } from '@raccord/schemas';
import { Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretShownOnce } from '../../components/SecretShownOnce';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useSession } from '../auth/use-session';
import { useContracts } from '../contracts/use-contract-queries';
import { useCreateWebhook } from './use-webhooks';

interface Values {
  url: string;
  description?: string;
  events: WebhookEvent[];
  contractIds?: string[];
}

/** The contracts an endpoint can be limited to: those where the organisation is not the owner. */
function ContractPicker({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const contracts = useContracts({ ...(q ? { q } : {}), sort: '-createdAt', page: 1, pageSize: 50 });
  const mine = session.organization.id;
  const options = (contracts.data?.items ?? [])
    .filter((c) => c.parties.some((p) => p.organization.id === mine && p.role !== 'owner'))
    .map((c) => ({
      value: c.id,
      label: c.label,
      owner: c.parties.find((p) => p.role === 'owner')?.organization.name ?? '',
    }));
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      placeholder={t('webhooks.create.allContracts')}
      loading={contracts.isFetching}
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.owner && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              · {o.data.owner}
            </Typography.Text>
          )}
        </span>
      )}
      notFoundContent={contracts.isFetching ? undefined : t('webhooks.create.noContract')}
      aria-label={t('webhooks.create.contracts')}
    />
  );
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
              ...(v.contractIds && v.contractIds.length > 0 ? { contractIds: v.contractIds } : {}),
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
        <Form.Item name="contractIds" label={t('webhooks.create.contracts')} extra={t('webhooks.create.contractsHelp')}>
          <ContractPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
