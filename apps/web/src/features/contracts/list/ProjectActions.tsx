import { DownOutlined } from '@ant-design/icons';
import type { ContractProjectSummary } from '@raccord/schemas';
import { Button, Dropdown, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorHandler } from '../../../lib/use-error-handler';
import { projectPath, resumeStep, wizardPath } from '../contract-format';
import { remindable, useRemind } from '../use-remind';

const editable = new Set(['draft', 'awaiting_parties', 'ready_to_validate']);

interface ProjectActionsProps {
  project: ContractProjectSummary;
  isOwner: boolean;
  onCancel: (project: ContractProjectSummary) => void;
}

/** Resume, **Relancer**, cancel — for the owner; the other parties open the project to complete it. */
export function ProjectActions({ project, isOwner, onCancel }: ProjectActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const handleError = useErrorHandler();
  const targets = remindable(project);
  const { send: doRemind, pending: reminding } = useRemind(project.id, targets, handleError);

  if (!isOwner) {
    return (
      <Button size="small" onClick={() => void navigate(projectPath(project.id))}>
        {t('contracts.actions.open')}
      </Button>
    );
  }

  return (
    <Flex vertical gap={4} align="flex-start" onClick={(e) => e.stopPropagation()}>
      {editable.has(project.state) && (
        <Button
          size="small"
          type="primary"
          ghost
          onClick={() => void navigate(wizardPath(project.id, resumeStep(project)))}
        >
          {t('contracts.actions.resume')}
        </Button>
      )}
      {targets.length === 1 && targets[0] && (
        <Button size="small" loading={reminding} onClick={() => targets[0] && doRemind(targets[0].role)}>
          {t('contracts.actions.remind')}
        </Button>
      )}
      {targets.length > 1 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: targets.map((p) => ({ key: p.role, label: p.organization.name })),
            onClick: ({ key }) => {
              const target = targets.find((p) => p.role === key);
              if (target) doRemind(target.role);
            },
          }}
        >
          <Button size="small" loading={reminding}>
            {t('contracts.actions.remind')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
      {project.state !== 'cancelled' && project.state !== 'active' && (
        <Button size="small" type="text" danger onClick={() => onCancel(project)}>
          {t('contracts.actions.cancel')}
        </Button>
      )}
    </Flex>
  );
}
