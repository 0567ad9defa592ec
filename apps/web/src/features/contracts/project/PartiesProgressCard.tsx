import { CheckCircleFilled, ClockCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { ContractParty, ContractProjectSummary } from '@raccord/schemas';
import { wizardSteps } from '@raccord/schemas';
import { Card, Divider, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitationTag } from '../ContractTags';
import { formatDateTime, fromNow, ownerStepsDone } from '../contract-format';
import { AwaitingText, StepsProgress } from '../ProjectProgress';

interface PartyLineProps {
  party: ContractParty;
  awaited: boolean;
  missing: string[];
  ready: boolean;
}

function PartyLine({ party, awaited, missing, ready }: PartyLineProps) {
  const { t } = useTranslation();
  const inv = party.invitation;
  let status: ReactNode;
  if (party.role === 'owner') {
    status = party.reference
      ? t('contracts.parties.ownerReady', { reference: party.reference })
      : t('contracts.parties.ownerPending');
    if (awaited && missing.length > 0) status = t('contracts.progress.missing', { steps: missing.join(', ') });
    if (awaited && ready) status = t('contracts.parties.ownerValidate');
  } else if (party.submittedAt) {
    status = t('contracts.parties.submittedAt', { date: formatDateTime(party.submittedAt) });
  } else if (inv) {
    status = t('contracts.parties.invited', { email: inv.email, when: fromNow(inv.sentAt) });
  } else {
    status = t('contracts.parties.notInvited');
  }
  const icon =
    party.submittedAt || (party.role === 'owner' && party.reference && !awaited) ? (
      <CheckCircleFilled style={{ color: '#2e9d5b' }} />
    ) : awaited ? (
      <ClockCircleOutlined style={{ color: '#d48806' }} />
    ) : (
      <MinusCircleOutlined style={{ color: '#a0a8b5' }} />
    );
  return (
    <Flex gap={10} align="flex-start">
      <span style={{ paddingTop: 2 }}>{icon}</span>
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{party.organization.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`contracts.roles.${party.role}`)}
          </Typography.Text>
          {inv && !party.submittedAt && <InvitationTag invitation={inv} />}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {status}
        </Typography.Text>
        {inv?.openedAt && !party.submittedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('contracts.invitationDates.opened', { date: formatDateTime(inv.openedAt) })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

/** The parties' progress: steps done, who is awaited since when, each invitation's state. */
export function PartiesProgressCard({ project }: { project: ContractProjectSummary }) {
  const { t } = useTranslation();
  const done = ownerStepsDone(project);
  const missing = wizardSteps.filter((s) => !done.includes(s)).map((s) => t(`contracts.steps.${s}`));
  return (
    <Card variant="borderless" title={t('contracts.progress.title')}>
      <Flex justify="space-between" gap={16} wrap>
        <StepsProgress project={project} />
        <AwaitingText project={project} />
      </Flex>
      <Divider style={{ margin: '14px 0' }} />
      <Flex vertical gap={14}>
        {project.parties.map((party) => (
          <PartyLine
            key={party.role}
            party={party}
            awaited={project.progress.awaiting.includes(party.role)}
            missing={missing}
            ready={project.state === 'ready_to_validate'}
          />
        ))}
      </Flex>
    </Card>
  );
}
