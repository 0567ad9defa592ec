import { App, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useSession } from '../auth/use-session';
import { KindTags } from '../organizations/KindTags';
import { useUpdateMe } from './use-account';

/** Who I am: name (editable), e-mail, organisation, role. */
export function ProfileCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, organization } = useSession();
  const [form] = Form.useForm<{ name: string }>();
  const [editing, setEditing] = useState(false);
  const updateMe = useUpdateMe();
  const handleError = useErrorHandler();

  const onFinish = ({ name }: { name: string }) => {
    updateMe.mutate(
      { name: name.trim() },
      {
        onSuccess: () => {
          void message.success(t('account.nameSaved'));
          setEditing(false);
        },
        onError: (e) => handleError(e, form),
      },
    );
  };

  const nameField = editing ? (
    <Form
      name="profile"
      form={form}
      layout="inline"
      initialValues={{ name: user.name }}
      onFinish={onFinish}
      style={{ rowGap: 8 }}
    >
      <Form.Item
        name="name"
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        style={{ minWidth: 240 }}
      >
        <Input aria-label={t('account.fields.name')} maxLength={120} autoFocus />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={updateMe.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  ) : (
    <Space>
      {user.name}
      <Button size="small" type="link" onClick={() => setEditing(true)}>
        {t('account.editName')}
      </Button>
    </Space>
  );

  return (
    <Card variant="borderless" title={t('account.profile')}>
      <Descriptions
        column={1}
        styles={{ label: { width: 180 } }}
        items={[
          { key: 'name', label: t('account.fields.name'), children: nameField },
          { key: 'email', label: t('account.fields.email'), children: user.email },
          {
            key: 'org',
            label: t('account.fields.organization'),
            children: (
              <Space wrap>
                {organization.name}
                <KindTags kinds={organization.kinds} />
              </Space>
            ),
          },
          {
            key: 'role',
            label: t('account.fields.role'),
            children: (
              <Space wrap>
                {t(`roles.${user.role}`)}
                {user.isOperator && <Tag color="purple">{t('roles.operator')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'lastLogin',
            label: t('account.fields.lastLogin'),
            children: user.lastLoginAt ? dayjs(user.lastLoginAt).format('DD/MM/YYYY HH:mm') : '—',
          },
        ]}
      />
    </Card>
  );
}
