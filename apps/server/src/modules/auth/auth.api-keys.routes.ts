import { apiKeySchema, createApiKeyBody, createdApiKeySchema } from '@raccord/schemas';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import { createApiKey, listApiKeys, revokeApiKey } from './auth.api-keys';

export function apiKeyRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Clés API de mon organisation (administrateurs)',
        response: { 200: z.object({ items: z.array(apiKeySchema) }) },
      },
    },
    async (req) => listApiKeys(deps, req.actor),
  );
  app.post(
    '/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Créer une clé API (la clé n’est montrée qu’une fois)',
        body: createApiKeyBody,
        response: { 201: createdApiKeySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createApiKey(deps, req.actor, req.body)),
  );
  app.post(
    '/api-keys/:id/revoke',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Révoquer une clé API',
        params: z.strictObject({ id: z.string().max(60) }),
        response: { 200: apiKeySchema },
      },
    },
    async (req) => revokeApiKey(deps, req.actor, req.params.id),
  );
}
