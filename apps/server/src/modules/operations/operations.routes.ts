import {
  connectorStatusSchema,
  contractIdParams,
  ingestResponse,
  operationDetailSchema,
  operationListQuery,
  operationPage,
  operationParams,
} from '@raccord/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import { getConnectorStatus } from './operations.connector';
import { getOperation, listOperations } from './operations.read';
import { receiveLogs, receiveLogsCsv } from './operations.usecases';

const tags = ['operations'];
const MiB = 1_048_576;

export function operationRoutes(app: App, deps: AppDeps) {
  app.post(
    '/operations/logs',
    {
      // 1,000 logs with their descriptions may pass the default JSON limit.
      bodyLimit: Math.max(deps.config.bodyLimit, 8 * MiB),
      // The answer is built by the usecase itself; re-validating 1,000 results with Zod on every
      // batch cost as much as the checks (the schema below still documents it).
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags,
        summary:
          'Envoyer des journaux d’opérations (connecteurs ; clé API ou session) : un journal, ou { logs: [ … ] } jusqu’à 1 000. ' +
          'Réponse élément par élément (accepted / duplicate / refused avec code, message et champ) ; un journal renvoyé est ignoré.',
        body: z
          .unknown()
          .describe('Un journal (reference, contractReference, status, event, eventDate…) ou { logs: [...] }'),
        response: { 200: ingestResponse },
      },
    },
    async (req) => receiveLogs(deps, req.actor, req.body),
  );
  // The CSV is read as text in its own scope (the JSON parser of the rest of the API is untouched).
  app.register(async (plain) => {
    const scoped = plain.withTypeProvider<ZodTypeProvider>();
    scoped.removeContentTypeParser('text/plain');
    scoped.addContentTypeParser(
      ['text/csv', 'text/plain', 'application/csv'],
      { parseAs: 'string' },
      (_req, body, done) => done(null, body),
    );
    scoped.post(
      '/contracts/:id/operations/csv',
      {
        bodyLimit: 16 * MiB,
        serializerCompiler: () => (data) => JSON.stringify(data),
        schema: {
          tags,
          summary:
            'Déposer un fichier CSV de journaux (UTF-8, « ; » ou « , », ligne d’en-tête) sur un contrat ; réponse ligne par ligne',
          params: contractIdParams,
          body: z.string().describe('Le fichier CSV'),
          response: { 200: ingestResponse },
        },
      },
      async (req) => receiveLogsCsv(deps, req.actor, req.params.id, req.body),
    );
  });
  app.get(
    '/contracts/:id/operations',
    {
      schema: {
        tags,
        summary:
          'Opérations du contrat (le propriétaire les voit toutes, les autres parties celles qu’elles ont envoyées) ; filtres, pagination par curseur',
        params: contractIdParams,
        querystring: operationListQuery,
        response: { 200: operationPage },
      },
    },
    async (req) => listOperations(deps, req.actor, req.params.id, req.query),
  );
  app.get(
    '/contracts/:id/operations/:operationId',
    {
      schema: {
        tags,
        summary: 'Une opération et l’historique de ses journaux',
        params: operationParams,
        response: { 200: operationDetailSchema },
      },
    },
    async (req) => getOperation(deps, req.actor, req.params.id, req.params.operationId),
  );
  app.get(
    '/contracts/:id/connector',
    {
      schema: {
        tags,
        summary:
          'Activation du connecteur : état, premières et dernières données, journaux acceptés / refusés par jour (30 jours), refus par motif',
        params: contractIdParams,
        response: { 200: connectorStatusSchema },
      },
    },
    async (req) => getConnectorStatus(deps, req.actor, req.params.id),
  );
}
