import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import type { ContractProjectDetail, invitationLandingSchema, SessionResponse } from '@raccord/schemas';
import { Alert, Button, Card, Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { useLogout } from '../../auth/use-auth-mutations';
import { partyOf, projectPath } from '../contract-format';
import { SubmitBlockCard } from '../project/SubmitBlockCard';
import { InvitationAccountForm } from './InvitationAccountForm';

type Landing = z.infer<typeof invitationLandingSchema>;

interface InvitationActionCardProps {
  token: string;
  landing: Landing;
  session: SessionResponse | null;
  onStale: () => void;
}

/**
 * Opening the link only shows; acting needs a session of the invited organisation: fill the block
 * when signed in as it, otherwise sign in or create the account of the invited address.
 */
export function InvitationActionCard({ token, landing, session, onStale }: InvitationActionCardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { invitation, project } = landing;
  const here = `/invitation/${token}`;

  if (session && session.organization.id === invitation.organization.id) {
    const party = partyOf(project, invitation.role);
    if (!party) return null;
    return (
      <SubmitBlockCard
        projectId={project.id}
        version={project.version}
        party={party}
        compact
        onStale={onStale}
        onSubmitted={(saved: ContractProjectDetail) => void navigate(projectPath(saved.id), { replace: true })}
      />
    );
  }

  if (session) {
    return (
      <Card variant="borderless">
        <Alert
          type="warning"
          showIcon
          title={t('invitation.wrongOrganization', {
            name: session.user.name,
            organization: session.organization.name,
            invited: invitation.organization.name,
          })}
          description={t('invitation.wrongOrganizationHelp', { email: invitation.email })}
        />
        <Button
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          onClick={() =>
            logout.mutate(undefined, { onSettled: () => void navigate('/connexion', { state: { from: here } }) })
          }
          style={{ marginTop: 16 }}
        >
          {t('invitation.switchAccount')}
        </Button>
      </Card>
    );
  }

  const signIn = (
    <Button
      type={invitation.accountExists ? 'primary' : 'default'}
      icon={<LoginOutlined />}
      block
      onClick={() => void navigate('/connexion', { state: { from: here } })}
    >
      {t(invitation.accountExists ? 'invitation.signIn' : 'invitation.haveAccount')}
    </Button>
  );

  return (
    <Card variant="borderless" title={t('invitation.actTitle', { organization: invitation.organization.name })}>
      <Typography.Paragraph type="secondary">
        {t(invitation.accountExists ? 'invitation.signInHelp' : 'invitation.createHelp', { email: invitation.email })}
      </Typography.Paragraph>
      {invitation.accountExists ? (
        signIn
      ) : (
        <Flex vertical>
          <InvitationAccountForm token={token} email={invitation.email} />
          <Divider plain style={{ margin: '16px 0' }}>
            {t('invitation.or')}
          </Divider>
          {signIn}
        </Flex>
      )}
    </Card>
  );
}
