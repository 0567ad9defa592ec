import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { FullPageSpinner } from '../components/FullPageSpinner';
import { SessionContext, storeSession, useSessionQuery } from '../features/auth/use-session';
import { setUnauthorizedHandler } from '../lib/api-client';

/** Renders its children only with a live session; otherwise sends the user to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSessionQuery();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      void message.warning({ content: t('auth.sessionEnded'), key: 'session-ended' });
      storeSession(queryClient, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient, message, t]);

  if (session.isPending) return <FullPageSpinner label={t('common.loading')} />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/connexion" replace state={{ from }} />;
  }
  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}
