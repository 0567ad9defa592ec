import { Readable } from 'node:stream';
import {
  changeFeedPage,
  changeFeedQuery,
  contractIdParams,
  contractStateChangeBody,
  contractStateChangeResult,
  type SharedAssetPage,
  sharedAssetPage,
  sharedAssetsQuery,
  syncProgressSchema,
} from '@raccord/schemas';
import type { App, AppDeps } from '../../shared/http';
import { syncBrowseRoutes } from './sync.browse.routes';
import { changeContractState } from './sync.lifecycle';
import { listChanges, listSharedAssets, streamSharedAssets } from './sync.provider';
import { getSyncProgress } from './sync.read';

const tags = ['sync'];
const lifecycle = [
  ['suspend', 'suspended', 'Suspendre un contrat actif (administrateurs du propriétaire ; motif obligatoire)'],
  ['resume', 'active', 'Réactiver un contrat suspendu (administrateurs du propriétaire)'],
  ['terminate', 'terminated', 'Résilier un contrat (administrateurs du propriétaire ; motif obligatoire)'],
] as const;

export function syncRoutes(app: App, deps: AppDeps) {
  syncBrowseRoutes(app, deps);
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
  app.get(
    '/contracts/:id/assets',
    {
      schema: {
        tags,
        summary: 'Patrimoine partagé du contrat, page par page (ou tout, en flux, avec `Accept: application/x-ndjson`)',
        params: contractIdParams,
        querystring: sharedAssetsQuery,
        response: { 200: sharedAssetPage },
      },
    },
    async (req, reply) => {
      if (String(req.headers.accept ?? '').includes('application/x-ndjson')) {
        const lines = await streamSharedAssets(deps, req.actor, req.params.id);
        // A stream is sent as is (Fastify serialises only objects): the JSON schema documents the pages.
        const stream: unknown = Readable.from(lines);
        return reply.type('application/x-ndjson').send(stream as SharedAssetPage);
      }
      return listSharedAssets(deps, req.actor, req.params.id, req.query);
    },
  );
  app.get(
    '/contracts/:id/changes',
    {
      schema: {
        tags,
        summary: 'Flux des changements du patrimoine partagé après un curseur (ordonné, au moins une fois)',
        params: contractIdParams,
        querystring: changeFeedQuery,
        response: { 200: changeFeedPage },
      },
    },
    async (req) => listChanges(deps, req.actor, req.params.id, req.query),
  );
  for (const [verb, to, summary] of lifecycle) {
    app.post(
      `/contracts/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          params: contractIdParams,
          body: contractStateChangeBody,
          response: { 200: contractStateChangeResult },
        },
      },
      async (req) => changeContractState(deps, req.actor, req.params.id, to, req.body.reason),
    );
  }
}
