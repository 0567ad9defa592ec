import type { ContractParty, ContractState, InvitationView } from '@raccord/schemas';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, invitationColors, stateColors } from './contract-format';

export function StateTag({ state }: { state: ContractState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColors[state]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`contracts.states.${state}`)}
    </Tag>
  );
}

/** Sent / opened / expired / completed / replaced, with the dates in a tooltip. */
export function InvitationTag({ invitation }: { invitation: InvitationView }) {
  const { t } = useTranslation();
  const lines = [
    t('contracts.invitationDates.sent', { date: formatDateTime(invitation.sentAt), email: invitation.email }),
    invitation.openedAt ? t('contracts.invitationDates.opened', { date: formatDateTime(invitation.openedAt) }) : null,
    t(invitation.status === 'expired' ? 'contracts.invitationDates.expired' : 'contracts.invitationDates.expires', {
      date: formatDateTime(invitation.expiresAt),
    }),
    invitation.remindersSent > 0 ? t('contracts.invitationDates.reminders', { count: invitation.remindersSent }) : null,
  ].filter((l): l is string => l !== null);
  return (
    <Tooltip
      title={
        <div>
          {lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </div>
      }
    >
      <Tag color={invitationColors[invitation.status]} variant="outlined" style={{ marginInlineEnd: 0 }}>
        {t(`contracts.invitationStatus.${invitation.status}`)}
      </Tag>
    </Tooltip>
  );
}

/** The parties of a contract, each with its role and its reference. */
export function PartiesList({ parties, compact = false }: { parties: ContractParty[]; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={compact ? 2 : 6}>
      {parties.map((party) => (
        <Flex key={party.role} gap={6} align="baseline">
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none', width: 74 }}>
            {t(`contracts.roles.${party.role}`)}
          </Typography.Text>
          <Typography.Text style={{ minWidth: 0 }}>{party.organization.name}</Typography.Text>
          {party.reference ? (
            <Typography.Text code style={{ fontSize: 12, flex: 'none', whiteSpace: 'nowrap' }}>
              {party.reference}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" italic style={{ fontSize: 12, flex: 'none', whiteSpace: 'nowrap' }}>
              {t('contracts.noReference')}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
