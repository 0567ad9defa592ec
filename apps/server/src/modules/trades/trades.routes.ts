import { createTradeBody, tradeListQuery, tradeSchema, updateTradeBody } from '@raccord/schemas';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import { createTrade, listTradesFor, updateTrade } from './trades.usecases';

export function tradeRoutes(app: App, deps: AppDeps) {
  app.get(
    '/trades',
    {
      schema: {
        tags: ['trades'],
        summary: 'Métiers actifs (et inactifs pour le service client)',
        querystring: tradeListQuery,
        response: { 200: z.object({ items: z.array(tradeSchema) }) },
      },
    },
    async (req) => listTradesFor(deps, req.actor, req.query.includeInactive ?? false),
  );
  app.post(
    '/trades',
    {
      schema: { tags: ['trades'], summary: 'Ajouter un métier', body: createTradeBody, response: { 201: tradeSchema } },
    },
    async (req, reply) => reply.status(201).send(await createTrade(deps, req.actor, req.body)),
  );
  app.patch(
    '/trades/:id',
    {
      schema: {
        tags: ['trades'],
        summary: 'Renommer ou désactiver un métier',
        params: z.strictObject({ id: z.string().max(60) }),
        body: updateTradeBody,
        response: { 200: tradeSchema },
      },
    },
    async (req) => updateTrade(deps, req.actor, req.params.id, req.body),
  );
}
