import { assetImportRoutes } from './modules/assets/assets.import.routes';
import { assetRoutes } from './modules/assets/assets.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { apiKeyRoutes } from './modules/auth/auth.api-keys.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { contractRoutes } from './modules/contracts/contracts.routes';
import { healthRoutes } from './modules/health/health.routes';
import { mailRoutes } from './modules/mail/mail.routes';
import { operationRoutes } from './modules/operations/operations.routes';
import { organizationRoutes } from './modules/organizations/organizations.routes';
import { perimeterRoutes } from './modules/perimeter/perimeter.routes';
import { serviceCodeRoutes } from './modules/service-codes/service-codes.routes';
import { syncRoutes } from './modules/sync/sync.routes';
import { tradeRoutes } from './modules/trades/trades.routes';
import { webhookRoutes } from './modules/webhooks/webhooks.routes';
import type { App, AppDeps } from './shared/http';

/** Every route module, mounted under /api. Add a module's routes here. */
export const routeModules: Array<(app: App, deps: AppDeps) => void> = [
  healthRoutes,
  authRoutes,
  apiKeyRoutes,
  organizationRoutes,
  tradeRoutes,
  auditRoutes,
  mailRoutes,
  contractRoutes,
  assetImportRoutes,
  assetRoutes,
  perimeterRoutes,
  syncRoutes,
  serviceCodeRoutes,
  operationRoutes,
  webhookRoutes,
];
