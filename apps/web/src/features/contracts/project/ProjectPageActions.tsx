import { CheckOutlined, DownOutlined, EditOutlined, MailOutlined, StopOutlined } from '@ant-design/icons';
import type { ContractProjectDetail } from '@raccord/schemas';
import { App, Button, Dropdown, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CancelProjectModal } from '../CancelProjectModal';
import { resumeStep, wizardPath } from '../contract-format';
import { useProjectErrorHandler } from '../project-errors';
import { useValidateProject } from '../use-contract-mutations';
import { remindable, useRemind } from '../use-remind';

/** The project page's actions, as `permissions` allows them (the server checks again). */
export function ProjectPageActions({ project }: { project: ContractProjectDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const validate = useValidateProject(project.id);
  const onError = useProjectErrorHandler();
  const [cancelling, setCancelling] = useState(false);
  const { permissions } = project;
  const targets = permissions.canNotify ? remindable(project) : [];

  const { send: doRemind, pending: reminding } = useRemind(project.id, targets, onError);

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
          <Button icon={<MailOutlined />} loading={reminding}>
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
