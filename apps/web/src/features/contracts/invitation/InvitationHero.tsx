import { MailOutlined } from '@ant-design/icons';
import type { invitationLandingSchema } from '@raccord/schemas';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { StateTag } from '../ContractTags';
import { formatDate, partyOf } from '../contract-format';

type Landing = z.infer<typeof invitationLandingSchema>;

/** Who invites whom, to what, until when. */
export function InvitationHero({ landing }: { landing: Landing }) {
  const { t } = useTranslation();
  const { invitation, project } = landing;
  const owner = partyOf(project, 'owner');
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary" style={{ textTransform: 'uppercase', fontSize: 12, letterSpacing: 0.6 }}>
        {t('invitation.kicker')}
      </Typography.Text>
      <Typography.Title level={3} style={{ margin: '6px 0 8px' }}>
        {t('invitation.title', { owner: owner?.organization.name ?? '', label: project.label })}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 15, marginBottom: 12 }}>
        {t('invitation.lead', {
          owner: owner?.organization.name ?? '',
          organization: invitation.organization.name,
          role: t(`contracts.roles.${invitation.role}`).toLowerCase(),
        })}
      </Typography.Paragraph>
      <Flex gap={16} wrap align="center">
        <StateTag state={project.state} />
        {project.trade && <Typography.Text>{project.trade.label}</Typography.Text>}
        <Typography.Text type="secondary">
          <MailOutlined /> {t('invitation.sentTo', { email: invitation.email })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('invitation.expires', { date: formatDate(invitation.expiresAt) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
