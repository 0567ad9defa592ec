import { auditPage, auditQuery } from '@raccord/schemas';
import type { App, AppDeps } from '../../shared/http';
import { listAudit } from './audit.usecases';

export function auditRoutes(app: App, deps: AppDeps) {
  app.get(
    '/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Journal d’audit (de mon organisation ; tout pour le service client)',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (req) => listAudit(deps, req.actor, req.query),
  );
}
