import type { SessionResponse } from '@raccord/schemas';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { FullPageSpinner } from '../components/FullPageSpinner';
import { LogoMark } from '../components/LogoMark';
import { LanguageSwitch } from '../features/account/LanguageSwitch';
import { SignInForm } from '../features/auth/SignInForm';
import { useSessionQuery } from '../features/auth/use-session';
import { homePath } from '../lib/permissions';

function redirectTarget(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('from' in state)) return null;
  const from = state.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/connexion') ? from : null;
}

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSessionQuery();
  const from = redirectTarget(location.state);

  const onSignedIn = (signedIn: SessionResponse) => {
    void navigate(from ?? homePath(signedIn), { replace: true });
  };

  if (session.isPending) return <FullPageSpinner label={t('common.loading')} />;
  if (session.data) return <Navigate to={from ?? homePath(session.data)} replace />;

  return (
    <Flex
      vertical
      style={{
        minHeight: '100vh',
        background: 'radial-gradient(1200px 600px at 10% -10%, #dce8f7 0%, transparent 60%), #f4f6fa',
      }}
    >
      <Flex justify="flex-end" style={{ padding: '16px 24px' }}>
        <LanguageSwitch size="middle" />
      </Flex>
      <Flex component="main" flex={1} align="center" justify="center" style={{ padding: '0 16px 64px' }}>
        <div style={{ width: '100%', maxWidth: 420 }}>
          <Flex vertical align="center" style={{ marginBottom: 24, textAlign: 'center' }}>
            <LogoMark size={40} textColor="#0e2a4d" />
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 15 }}>
              {t('app.pitch')}
            </Typography.Paragraph>
          </Flex>
          <Card
            variant="borderless"
            style={{ boxShadow: '0 8px 30px rgba(14, 42, 77, 0.08)' }}
            styles={{ body: { padding: 32 } }}
          >
            <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 24 }}>
              {t('auth.title')}
            </Typography.Title>
            <SignInForm onSignedIn={onSignedIn} />
          </Card>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 20, fontSize: 13 }}>
            {t('auth.help')}
          </Typography.Paragraph>
        </div>
      </Flex>
    </Flex>
  );
}
