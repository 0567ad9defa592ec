import { createBrowserRouter, Navigate } from 'react-router';
import { canManageApiKeys } from '../features/api-keys/api-key-permissions';
import { useSession } from '../features/auth/use-session';
import { canBrowseSharedPatrimoine } from '../features/sharing/sharing-permissions';
import {
  canManageTrades,
  canReadAudit,
  canUsePatrimoine,
  canUseServiceCodes,
  canUseStudio,
  homePath,
} from '../lib/permissions';
import { AccountPage } from '../routes/AccountPage';
import { ApiKeysPage } from '../routes/ApiKeysPage';
import { AuditPage } from '../routes/AuditPage';
import { ContractProjectPage } from '../routes/ContractProjectPage';
import { ContractWizardPage } from '../routes/ContractWizardPage';
import { InvitationPage } from '../routes/InvitationPage';
import { NewContractProjectPage } from '../routes/NewContractProjectPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { OrganizationsPage } from '../routes/OrganizationsPage';
import { PatrimoinePage } from '../routes/PatrimoinePage';
import { ServiceClientCodesPage } from '../routes/ServiceClientCodesPage';
import { ServiceClientTradeRequestsPage } from '../routes/ServiceClientTradeRequestsPage';
import { ServiceCodesPage } from '../routes/ServiceCodesPage';
import { SharedPatrimoinePage } from '../routes/SharedPatrimoinePage';
import { SignInPage } from '../routes/SignInPage';
import { StudioContractsPage } from '../routes/StudioContractsPage';
import { TradesPage } from '../routes/TradesPage';
import { WebhooksPage } from '../routes/WebhooksPage';
import { Allowed } from './Allowed';
import { AppShell } from './AppShell';
import { RequireSession } from './RequireSession';

function HomeRedirect() {
  const session = useSession();
  return <Navigate to={homePath(session)} replace />;
}

export const router = createBrowserRouter([
  { path: '/connexion', element: <SignInPage /> },
  { path: '/invitation/:token', element: <InvitationPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'studio/contrats',
        element: (
          <Allowed when={canUseStudio}>
            <StudioContractsPage tab="contracts" />
          </Allowed>
        ),
      },
      {
        path: 'studio/contrats/a-raccorder',
        element: (
          <Allowed when={canUseStudio}>
            <StudioContractsPage tab="to-connect" />
          </Allowed>
        ),
      },
      {
        path: 'studio/contrats/nouveau',
        element: (
          <Allowed when={canUseStudio}>
            <NewContractProjectPage />
          </Allowed>
        ),
      },
      {
        path: 'studio/contrats/projets/:id/etapes/:step?',
        element: (
          <Allowed when={canUseStudio}>
            <ContractWizardPage />
          </Allowed>
        ),
      },
      { path: 'contrats/projets/:id', element: <ContractProjectPage /> },
      {
        path: 'service-client/metiers',
        element: (
          <Allowed when={canManageTrades}>
            <ServiceClientTradeRequestsPage />
          </Allowed>
        ),
      },
      {
        path: 'service-client/codes-prestation',
        element: (
          <Allowed when={canManageTrades}>
            <ServiceClientCodesPage />
          </Allowed>
        ),
      },
      {
        path: 'codes-prestation',
        element: (
          <Allowed when={canUseServiceCodes}>
            <ServiceCodesPage />
          </Allowed>
        ),
      },
      {
        path: 'patrimoine',
        element: (
          <Allowed when={canUsePatrimoine}>
            <PatrimoinePage />
          </Allowed>
        ),
      },
      { path: 'organisations', element: <OrganizationsPage /> },
      {
        path: 'metiers',
        element: (
          <Allowed when={canManageTrades}>
            <TradesPage />
          </Allowed>
        ),
      },
      {
        path: 'audit',
        element: (
          <Allowed when={canReadAudit}>
            <AuditPage />
          </Allowed>
        ),
      },
      { path: 'mon-compte', element: <AccountPage /> },
      {
        path: 'mon-compte/cles-api',
        element: (
          <Allowed when={canManageApiKeys}>
            <ApiKeysPage />
          </Allowed>
        ),
      },
      {
        path: 'mon-compte/webhooks',
        element: (
          <Allowed when={canManageApiKeys}>
            <WebhooksPage />
          </Allowed>
        ),
      },
      {
        path: 'patrimoine-partage/:id?',
        element: (
          <Allowed when={canBrowseSharedPatrimoine}>
            <SharedPatrimoinePage />
          </Allowed>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
