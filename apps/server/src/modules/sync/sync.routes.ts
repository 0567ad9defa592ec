import { contractIdParams, syncProgressSchema } from '@raccord/schemas';
import type { App, AppDeps } from '../../shared/http';
import { getSyncProgress } from './sync.read';

const tags = ['sync'];

export function syncRoutes(app: App, deps: AppDeps) {
  app.get(
    '/contracts/:id/sync',
    {
      schema: {
        tags,
        summary: 'Avancement de la synchronisation du patrimoine partagé (parties du contrat ; session ou clé API)',
        params: contractIdParams,
        response: { 200: syncProgressSchema },
      },
    },
    async (req) => getSyncProgress(deps, req.actor, req.params.id),
  );
}
