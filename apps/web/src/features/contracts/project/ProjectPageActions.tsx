import { CheckOutlined, DownOutlined, EditOutlined, MailOutlined, StopOutlined } from '@ant-design/icons';
import type { ContractProjectDetail, InviteeRole } from '@raccord/schemas';
import { App, Button, Dropdown, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CancelProjectModal } from '../CancelProjectModal';
import { resumeStep, wizardPath } from '../contract-format';
import { remindable } from '../list/ProjectActions';
import { useProjectErrorHandler } from '../project-errors';
import { useRemindParty, useValidateProject } from '../use-contract-mutations';

/** The project page's actions, as `permissions` allows them (the server checks again). */
export function ProjectPageActions({ project }: { project: ContractProjectDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const validate = useValidateProject(project.id);
  const remind = useRemindParty();
  const onError = useProjectErrorHandler();
  const [cancelling, setCancelling] = useState(false);
  const { permissions } = project;
  const targets = permissions.canNotify ? remindable(project) : [];

  const doRemind = (role: InviteeRole) => {
    const party = targets.find((p) => p.role === role);
    remind.mutate(
      { id: project.id, role },
      {
        onSuccess: () =>
          void message.success(
            t('contracts.actions.reminded', { name: party?.organization.name, email: party?.invitation?.email }),
          ),
        onError: (e) => onError(e),
      },
    );
  };

  return (
    <>
      {permissions.canEditOwnerFields && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(wizardPath(project.id, resumeStep(project)))}>
          {t('contracts.actions.edit')}
        </Button>
      )}
      {targets.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: targets.map((p) => ({
              key: p.role,
              label: t('contracts.actions.remindParty', { name: p.organization.name, email: p.invitation?.email }),
            })),
            onClick: ({ key }) => {
              const target = targets.find((p) => p.role === key);
              if (target) doRemind(target.role);
            },
          }}
        >
          <Button icon={<MailOutlined />} loading={remind.isPending}>
            {t('contracts.actions.remind')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
      {permissions.canCancel && (
        <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
          {t('contracts.actions.cancelProject')}
        </Button>
      )}
      {permissions.canValidate && (
        <Popconfirm
          title={t('contracts.validate.confirmTitle')}
          description={t('contracts.validate.confirm')}
          okText={t('contracts.validate.button')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            validate.mutate(project.version, {
              onSuccess: () => void message.info(t('contracts.validate.started')),
              onError: (e) => onError(e),
            })
          }
        >
          <Button type="primary" icon={<CheckOutlined />} loading={validate.isPending}>
            {t('contracts.validate.button')}
          </Button>
        </Popconfirm>
      )}
      <CancelProjectModal project={cancelling ? project : null} onClose={() => setCancelling(false)} />
    </>
  );
}
