import {
  contractIdParams,
  recentChangesQuery,
  recentChangesSchema,
  sharedSearchPage,
  sharedSearchQuery,
  sharedTreeChildren,
  sharedTreeQuery,
} from '@raccord/schemas';
import type { App, AppDeps } from '../../shared/http';
import { listRecentChanges, listSharedTreeChildren, searchSharedAssets } from './sync.browse';

const tags = ['sync'];

/** The console's tree and list of a contract's shared set (parties; session or API key). */
export function syncBrowseRoutes(app: App, deps: AppDeps) {
  app.get(
    '/contracts/:id/shared-tree',
    {
      schema: {
        tags,
        summary: 'Arborescence du patrimoine partagé : régions, départements, communes, puis éléments partagés',
        params: contractIdParams,
        querystring: sharedTreeQuery,
        response: { 200: sharedTreeChildren },
      },
    },
    async (req) => listSharedTreeChildren(deps, req.actor, req.params.id, req.query),
  );
  app.get(
    '/contracts/:id/shared-search',
    {
      schema: {
        tags,
        summary: 'Recherche dans le patrimoine partagé (début de référence ou de libellé, type), paginée',
        params: contractIdParams,
        querystring: sharedSearchQuery,
        response: { 200: sharedSearchPage },
      },
    },
    async (req) => searchSharedAssets(deps, req.actor, req.params.id, req.query),
  );
  app.get(
    '/contracts/:id/recent-changes',
    {
      schema: {
        tags,
        summary: 'Derniers changements du patrimoine partagé, du plus récent au plus ancien (console)',
        params: contractIdParams,
        querystring: recentChangesQuery,
        response: { 200: recentChangesSchema },
      },
    },
    async (req) => listRecentChanges(deps, req.actor, req.params.id, req.query),
  );
}
