import { UserAddOutlined } from '@ant-design/icons';
import type { User, UserRole } from '@raccord/schemas';
import { App, Button, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useErrorHandler } from '../../lib/use-error-handler';
import { useSession } from '../auth/use-session';
import { AddMemberModal } from './AddMemberModal';
import { useMembers, useUpdateMember } from './use-organizations';

/** The members of one organisation: add, change role, deactivate or reactivate. */
export function MembersPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me } = useSession();
  const handleError = useErrorHandler();
  const members = useMembers(organizationId, true);
  const update = useUpdateMember(organizationId);
  const [adding, setAdding] = useState(false);

  const change = (member: User, body: { role?: UserRole; isActive?: boolean }, doneKey: string) => {
    update.mutate(
      { userId: member.id, body },
      { onSuccess: () => void message.success(t(doneKey, { name: member.name })), onError: (e) => handleError(e) },
    );
  };

  const columns: ColumnsType<User> = [
    {
      title: t('members.fields.name'),
      key: 'name',
      render: (_, m) => (
        <Flex vertical>
          <Typography.Text strong={m.isActive} type={m.isActive ? undefined : 'secondary'}>
            {m.name} {m.id === me.id && <Tag variant="filled">{t('members.you')}</Tag>}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.email}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('members.fields.role'),
      key: 'role',
      width: 170,
      render: (_, m) => (
        <Select<UserRole>
          aria-label={t('members.roleOf', { name: m.name })}
          size="small"
          value={m.role}
          disabled={!m.isActive || update.isPending}
          style={{ width: 150 }}
          options={(['admin', 'member'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={(role) => change(m, { role }, 'members.roleChanged')}
        />
      ),
    },
    {
      title: t('members.fields.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (v: string | null) =>
        v ? (
          dayjs(v).format('DD/MM/YYYY HH:mm')
        ) : (
          <Typography.Text type="secondary">{t('members.never')}</Typography.Text>
        ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 190,
      render: (_, m) => (
        <Flex align="center" gap={8}>
          <Tag color={m.isActive ? 'green' : 'default'} variant="filled">
            {m.isActive ? t('members.active') : t('members.inactive')}
          </Tag>
          {m.isActive ? (
            <Popconfirm
              title={t('members.confirmDeactivate', { name: m.name })}
              description={t('members.deactivateHelp')}
              okText={t('members.deactivate')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => change(m, { isActive: false }, 'members.deactivated')}
            >
              <Button size="small" type="link" danger disabled={m.id === me.id}>
                {t('members.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" type="link" onClick={() => change(m, { isActive: true }, 'members.reactivated')}>
              {t('members.reactivate')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <section aria-label={t('members.title')}>
      <Flex justify="space-between" align="center" style={{ margin: '8px 0 12px' }}>
        <Flex align="center" gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('members.title')}
          </Typography.Title>
          {members.data && <Tag variant="filled">{members.data.items.length}</Tag>}
        </Flex>
        <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
          {t('members.add')}
        </Button>
      </Flex>
      {members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={members.data?.items ?? []}
          loading={members.isPending}
          pagination={false}
          locale={{ emptyText: t('members.empty') }}
        />
      )}
      <AddMemberModal organizationId={organizationId} open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}
