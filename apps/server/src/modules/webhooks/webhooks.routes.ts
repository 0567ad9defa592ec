import {
  createdWebhookSchema,
  createWebhookBody,
  okSchema,
  webhookDeliveriesQuery,
  webhookDeliveryPage,
  webhookDeliverySchema,
  webhookEndpointSchema,
} from '@raccord/schemas';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  redeliver,
} from './webhooks.usecases';

const tags = ['webhooks'];
const params = z.strictObject({ id: z.string().max(60) });

export function webhookRoutes(app: App, deps: AppDeps) {
  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Webhooks de mon organisation (administrateurs), avec leur dernier envoi',
        response: { 200: z.object({ items: z.array(webhookEndpointSchema) }) },
      },
    },
    async (req) => listWebhooks(deps, req.actor),
  );
  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary:
          'Déclarer un webhook : Raccord y envoie en POST les événements choisis des contrats de l’organisation ' +
          '(contract.changes, contract.synchronised, contract.state_changed), corps JSON signé ' +
          '(en-tête Raccord-Signature: t=<secondes>,v1=<HMAC-SHA256 hex de "<t>.<corps>">). Le secret n’est montré qu’une fois.',
        body: createWebhookBody,
        response: { 201: createdWebhookSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createWebhook(deps, req.actor, req.body)),
  );
  app.delete(
    '/webhooks/:id',
    {
      schema: { tags, summary: 'Supprimer un webhook', params, response: { 200: okSchema } },
    },
    async (req) => deleteWebhook(deps, req.actor, req.params.id),
  );
  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Journal des envois d’un webhook, du plus récent au plus ancien (état, tentatives, statut HTTP)',
        params,
        querystring: webhookDeliveriesQuery,
        response: { 200: webhookDeliveryPage },
      },
    },
    async (req) => listDeliveries(deps, req.actor, req.params.id, req.query),
  );
  app.post(
    '/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Envoyer un événement « ping » de test au webhook',
        params,
        response: { 202: webhookDeliverySchema },
      },
    },
    async (req, reply) => reply.status(202).send(await pingWebhook(deps, req.actor, req.params.id)),
  );
  app.post(
    '/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary: 'Renvoyer un événement déjà envoyé (nouvel envoi, même contenu)',
        params: z.strictObject({ id: z.string().max(60), deliveryId: z.string().regex(/^\d{1,18}$/) }),
        response: { 202: webhookDeliverySchema },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await redeliver(deps, req.actor, req.params.id, req.params.deliveryId)),
  );
}
