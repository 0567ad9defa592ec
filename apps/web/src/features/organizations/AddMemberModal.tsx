import type { CreateMemberBody, UserRole } from '@raccord/schemas';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useAddMember } from './use-organizations';

interface AddMemberModalProps {
  organizationId: string;
  open: boolean;
  onClose: () => void;
}

export function AddMemberModal({ organizationId, open, onClose }: AddMemberModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateMemberBody>();
  const handleError = useErrorHandler();
  const add = useAddMember(organizationId);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onFinish = (values: CreateMemberBody) => {
    add.mutate(
      { ...values, email: values.email.trim().toLowerCase(), name: values.name.trim() },
      {
        onSuccess: () => {
          void message.success(t('members.added'));
          onClose();
        },
        onError: (e) => handleError(e, form),
      },
    );
  };

  const roles: UserRole[] = ['member', 'admin'];

  return (
    <Modal
      open={open}
      title={t('members.addTitle')}
      okText={t('members.add')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      forceRender
    >
      <Form<CreateMemberBody>
        name="member"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ role: 'member' }}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          label={t('members.fields.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('members.fields.email')}
          name="email"
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input type="email" maxLength={254} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('members.fields.role')} name="role" extra={t('members.roleHelp')}>
          <Radio.Group options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('members.fields.password')}
          name="password"
          extra={t('members.passwordHelp')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 10, message: t('validation.passwordLength') },
          ]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
