import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSessionQuery } from '../features/auth/use-session';
import { InvitationActionCard } from '../features/contracts/invitation/InvitationActionCard';
import { InvitationFrame } from '../features/contracts/invitation/InvitationFrame';
import { InvitationHero } from '../features/contracts/invitation/InvitationHero';
import { ProjectSummary } from '../features/contracts/project/ProjectSummary';
import { contractKeys, useInvitation } from '../features/contracts/use-contract-queries';
import { ApiError } from '../lib/api-client';
import { errorMessage } from '../lib/error-message';

const closedCodes = new Set(['invitation.expired', 'invitation.revoked', 'invitation.used', 'invitation.not_found']);

/** `/invitation/:token` — public: the project read-only, then sign in (or create an account) to act. */
export function InvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { token = '' } = useParams();
  const landing = useInvitation(token);
  const session = useSessionQuery();

  if (landing.isPending || session.isPending) {
    return (
      <InvitationFrame>
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </InvitationFrame>
    );
  }
  if (landing.isError) {
    const code = landing.error instanceof ApiError ? landing.error.code : '';
    const closed = closedCodes.has(code);
    return (
      <InvitationFrame>
        <Card variant="borderless">
          <Result
            status={closed ? 'warning' : 'error'}
            title={t(closed ? `invitation.closed.${code.replace('invitation.', '')}` : 'invitation.closed.failed')}
            subTitle={errorMessage(landing.error)}
            extra={
              <Button type="primary" onClick={() => void navigate(session.data ? '/' : '/connexion')}>
                {t(session.data ? 'invitation.goHome' : 'invitation.goSignIn')}
              </Button>
            }
          />
        </Card>
      </InvitationFrame>
    );
  }
  const data = landing.data;
  return (
    <InvitationFrame>
      <InvitationHero landing={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={{ span: 10, order: 2 }}>
          <div style={{ position: 'sticky', top: 16 }}>
            <InvitationActionCard
              token={token}
              landing={data}
              session={session.data ?? null}
              onStale={() => void queryClient.invalidateQueries({ queryKey: contractKeys.invitation(token) })}
            />
          </div>
        </Col>
        <Col xs={24} lg={{ span: 14, order: 1 }}>
          <ProjectSummary project={data.project} ownOrganizationId={data.invitation.organization.id} />
        </Col>
      </Row>
    </InvitationFrame>
  );
}
