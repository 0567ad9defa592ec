import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionResponse } from '@raccord/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../../lib/use-error-handler';
import { storeSession } from '../../auth/use-session';
import { createInvitationAccount } from '../contracts.api';
import { maxRule } from '../field-rules';

interface AccountValues {
  name: string;
  password: string;
  confirm: string;
}

/** No account yet for the invited address: create one in the invited organisation, signed in at once. */
export function InvitationAccountForm({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AccountValues>();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const create = useMutation({
    mutationFn: (values: { name: string; password: string }) => createInvitationAccount(token, values),
    onSuccess: (session: SessionResponse) => storeSession(queryClient, session),
  });

  return (
    <Form<AccountValues>
      form={form}
      name="invitation-account"
      layout="vertical"
      onFinish={(v) =>
        create.mutate({ name: v.name.trim(), password: v.password }, { onError: (e) => handleError(e, form) })
      }
    >
      <Form.Item label={t('invitation.account.email')}>
        <Input value={email} disabled />
      </Form.Item>
      <Form.Item
        label={t('invitation.account.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, maxRule(t, 120)]}
      >
        <Input prefix={<UserOutlined style={{ color: '#8c95a3' }} />} autoComplete="name" maxLength={120} />
      </Form.Item>
      <Form.Item
        label={t('invitation.account.password')}
        name="password"
        extra={t('invitation.account.passwordHelp')}
        rules={[
          { required: true, message: t('validation.required') },
          { min: 10, message: t('validation.passwordLength') },
        ]}
      >
        <Input.Password prefix={<LockOutlined style={{ color: '#8c95a3' }} />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('invitation.account.confirm')}
        name="confirm"
        dependencies={['password']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue('password')) throw new Error(t('validation.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined style={{ color: '#8c95a3' }} />} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={create.isPending}>
        {t('invitation.account.create')}
      </Button>
    </Form>
  );
}
