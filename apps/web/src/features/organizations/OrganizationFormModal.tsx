import type { CreateOrganizationBody, Organization, OrganizationKind, UpdateOrganizationBody } from '@raccord/schemas';
import { isValidSiren, organizationKinds } from '@raccord/schemas';
import { App, Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useCreateOrganization, useUpdateOrganization } from './use-organizations';

interface FormValues {
  name: string;
  siren: string;
  kinds: OrganizationKind[];
  city?: string;
  onboardingEmail?: string;
  ready: boolean;
}

interface OrganizationFormModalProps {
  open: boolean;
  /** The organisation to edit; none to create one. */
  organization: Organization | null;
  onClose: () => void;
  onSaved?: (organization: Organization | null) => void;
}

const blankToUndefined = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export function OrganizationFormModal({ open, organization, onClose, onSaved }: OrganizationFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const handleError = useErrorHandler();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const editing = organization !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      organization
        ? {
            name: organization.name,
            siren: organization.siren,
            kinds: organization.kinds,
            city: organization.city ?? '',
            onboardingEmail: organization.onboardingEmail ?? '',
            ready: organization.ready,
          }
        : { kinds: [], ready: false },
    );
  }, [open, organization, form]);

  const done = (saved: Organization | null, key: string) => {
    void message.success(t(key));
    onSaved?.(saved);
    onClose();
  };

  const onFinish = (values: FormValues) => {
    if (organization) {
      const body: UpdateOrganizationBody = {
        name: values.name.trim(),
        kinds: values.kinds,
        city: blankToUndefined(values.city) ?? null,
        onboardingEmail: blankToUndefined(values.onboardingEmail) ?? null,
        ready: values.ready,
      };
      update.mutate(
        { id: organization.id, body },
        {
          onSuccess: (saved) => done(saved ?? { ...organization, ...body }, 'organizations.updated'),
          onError: (e) => handleError(e, form),
        },
      );
      return;
    }
    const body: CreateOrganizationBody = {
      name: values.name.trim(),
      siren: values.siren.replace(/\s+/g, ''),
      kinds: values.kinds,
      city: blankToUndefined(values.city),
      onboardingEmail: blankToUndefined(values.onboardingEmail),
      ready: values.ready,
    };
    create.mutate(body, {
      onSuccess: (saved) => done(saved, 'organizations.created'),
      onError: (e) => handleError(e, form),
    });
  };

  return (
    <Modal
      open={open}
      title={editing ? t('organizations.editTitle') : t('organizations.createTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<FormValues> name="organization" form={form} layout="vertical" onFinish={onFinish} style={{ marginTop: 16 }}>
        <Form.Item
          label={t('organizations.fields.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('organizations.fields.siren')}
          name="siren"
          extra={editing ? t('organizations.sirenLocked') : t('organizations.sirenHelp')}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: (_rule, value: unknown) =>
                typeof value === 'string' && value !== '' && !isValidSiren(value.replace(/\s+/g, ''))
                  ? Promise.reject(new Error(t('validation.siren')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input disabled={editing} inputMode="numeric" maxLength={11} placeholder="552 100 554" />
        </Form.Item>
        <Form.Item
          label={t('organizations.fields.kinds')}
          name="kinds"
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.kinds') }]}
        >
          <Checkbox.Group options={organizationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('organizations.fields.city')} name="city">
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          label={t('organizations.fields.onboardingEmail')}
          name="onboardingEmail"
          extra={t('organizations.onboardingHelp')}
          rules={[{ type: 'email', message: t('validation.email') }]}
        >
          <Input type="email" maxLength={254} />
        </Form.Item>
        <Form.Item
          label={t('organizations.fields.ready')}
          name="ready"
          valuePropName="checked"
          extra={t('organizations.readyHelp')}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
