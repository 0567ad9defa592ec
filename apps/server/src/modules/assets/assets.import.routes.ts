import { Readable } from 'node:stream';
import { importListSchema, importSchema, startImportQuery } from '@raccord/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import { exportAssets } from './assets.export';
import { getImport, listImports, startImport } from './assets.import.usecases';

const rawTypes = [
  'text/csv',
  'application/csv',
  'application/octet-stream',
  'application/x-ndjson',
  'text/plain',
  'application/json',
];

export function assetImportRoutes(app: App, deps: AppDeps) {
  // The file is streamed to the database, never held whole in memory: this scope takes the body raw.
  app.register(async (plain) => {
    const scoped = plain.withTypeProvider<ZodTypeProvider>();
    scoped.removeContentTypeParser('application/json');
    scoped.removeContentTypeParser('text/plain');
    scoped.addContentTypeParser(rawTypes, (_req, payload, done) => done(null, payload));
    scoped.post(
      '/assets/imports',
      {
        schema: {
          tags: ['assets'],
          summary: 'Importer un fichier CSV ou JSON (corps brut, jusqu’à 512 Mo) : renvoie l’import, suivi par GET',
          querystring: startImportQuery,
          response: { 202: importSchema },
        },
      },
      async (req, reply) => {
        const body = req.body as Readable | undefined;
        const imp = await startImport(
          { db: deps.db, clock: deps.clock, wakeJobs: deps.wakeJobs, maxBytes: deps.config.importMaxBytes },
          req.actor,
          {
            format: req.query.format,
            filename: req.query.filename,
            contentType: String(req.headers['content-type'] ?? ''),
            body: body ?? Readable.from([]),
          },
        );
        return reply.status(202).send(imp);
      },
    );
  });
  app.get(
    '/assets/imports',
    { schema: { tags: ['assets'], summary: 'Derniers imports', response: { 200: importListSchema } } },
    async (req) => listImports(deps, req.actor),
  );
  app.get(
    '/assets/imports/:id',
    {
      schema: {
        tags: ['assets'],
        summary: 'État, progression et erreurs d’un import',
        params: z.strictObject({ id: z.string().max(60) }),
        response: { 200: importSchema },
      },
    },
    async (req) => getImport(deps, req.actor, req.params.id),
  );
  app.get(
    '/assets/export.csv',
    { schema: { tags: ['assets'], summary: 'Export CSV du patrimoine (réimportable tel quel)' } },
    async (req, reply) => {
      const stream = await exportAssets(deps, req.actor);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="patrimoine.csv"');
      return reply.send(Readable.from(stream));
    },
  );
}
