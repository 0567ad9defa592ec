import { LockOutlined, MailOutlined } from '@ant-design/icons';
import type { LoginBody, SessionResponse } from '@raccord/schemas';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { applyValidationErrors } from '../../lib/form-errors';
import { useLogin } from './use-auth-mutations';

function alertTitleKey(error: unknown): string {
  if (error instanceof ApiError && (error.code === 'auth.rate_limited' || error.code === 'request.rate_limited')) {
    return 'auth.rateLimitedTitle';
  }
  return 'auth.failedTitle';
}

export function SignInForm({ onSignedIn }: { onSignedIn: (session: SessionResponse) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginBody>();
  const login = useLogin();

  const onFinish = (values: LoginBody) => {
    login.mutate(values, {
      onSuccess: onSignedIn,
      onError: (error) => {
        applyValidationErrors(form, error);
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <Form<LoginBody>
      name="sign-in"
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      disabled={login.isPending}
    >
      {login.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t(alertTitleKey(login.error))}
          description={errorMessage(login.error)}
          style={{ marginBottom: 20 }}
        />
      )}
      <Form.Item
        label={t('auth.email')}
        name="email"
        rules={[
          { required: true, message: t('auth.emailRequired') },
          { type: 'email', message: t('validation.email') },
        ]}
      >
        <Input
          prefix={<MailOutlined style={{ color: '#8c95a3' }} />}
          type="email"
          autoComplete="username"
          placeholder="prenom.nom@bailleur.fr"
          size="large"
          autoFocus
        />
      </Form.Item>
      <Form.Item
        label={t('auth.password')}
        name="password"
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined style={{ color: '#8c95a3' }} />}
          autoComplete="current-password"
          size="large"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={login.isPending} style={{ marginTop: 8 }}>
        {t('auth.submit')}
      </Button>
    </Form>
  );
}
