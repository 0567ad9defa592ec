import type { ContractProjectSummary } from '@raccord/schemas';
import { wizardSteps } from '@raccord/schemas';
import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionContext } from '../auth/use-session';
import { InvitationTag } from './ContractTags';
import { formatDateTime, fromNow, ownerStepsDone } from './contract-format';

/** Steps done out of six, as a small segmented bar. */
export function StepsProgress({ project }: { project: ContractProjectSummary }) {
  const { t } = useTranslation();
  const done = ownerStepsDone(project);
  const missing = wizardSteps.filter((s) => !done.includes(s)).map((s) => t(`contracts.steps.${s}`));
  return (
    <Tooltip title={missing.length > 0 ? t('contracts.progress.missing', { steps: missing.join(', ') }) : null}>
      <Flex vertical gap={2}>
        <Progress
          percent={(done.length / wizardSteps.length) * 100}
          steps={wizardSteps.length}
          size={[18, 6]}
          strokeColor="#1f5faa"
          showInfo={false}
          aria-label={t('contracts.progress.steps', { done: done.length, total: wizardSteps.length })}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('contracts.progress.steps', { done: done.length, total: wizardSteps.length })}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}

/** Who must act now, and since when. */
export function AwaitingText({ project }: { project: ContractProjectSummary }) {
  const { t } = useTranslation();
  const ownOrganizationId = useContext(SessionContext)?.organization.id;
  const { awaiting, awaitingOrganizations, since } = project.progress;
  if (project.state === 'cancelled' || project.state === 'active') return null;
  const who = awaiting.includes('platform')
    ? t('contracts.progress.platform')
    : awaitingOrganizations
        .map((o) => (o.id === ownOrganizationId ? t('contracts.progress.you', { name: o.name }) : o.name))
        .join(', ');
  if (!who) return null;
  return (
    <Flex vertical gap={0}>
      <Typography.Text>{t('contracts.progress.awaiting', { who })}</Typography.Text>
      <Tooltip title={formatDateTime(since)}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('contracts.progress.since', { when: fromNow(since) })}
        </Typography.Text>
      </Tooltip>
    </Flex>
  );
}

/** The invitation of each invitee: sent, opened, expired, completed. */
export function InvitationsCell({ project }: { project: ContractProjectSummary }) {
  const { t } = useTranslation();
  const invitees = project.parties.filter((p) => p.role !== 'owner');
  return (
    <Flex vertical gap={4}>
      {invitees.map((party) => (
        <Flex key={party.role} gap={6} align="center" wrap>
          <Typography.Text ellipsis style={{ maxWidth: 150 }}>
            {party.organization.name}
          </Typography.Text>
          {party.submittedAt ? (
            <Tooltip title={t('contracts.invitationDates.completed', { date: formatDateTime(party.submittedAt) })}>
              <Tag color="green" variant="outlined" style={{ marginInlineEnd: 0 }}>
                {t('contracts.invitationStatus.completed')}
              </Tag>
            </Tooltip>
          ) : party.invitation ? (
            <InvitationTag invitation={party.invitation} />
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contracts.invitationStatus.none')}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
