import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { authHook } from './modules/auth/auth.routes';
import { routeModules } from './routes';
import { errorHandler } from './shared/error-handler';
import { foreground } from './shared/foreground';
import type { App, AppDeps } from './shared/http';

export interface BuildAppOptions {
  /** Directory of the built console (apps/web/dist); served at / when it exists. */
  webDist?: string | null;
  logger?: boolean;
}

function defaultWebDist(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', 'web', 'dist');
}

/** The HTTP application. Tests drive it with `app.inject`; main.ts listens on a port. */
export async function buildApp(deps: AppDeps, opts: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: {
              paths: [
                'req.headers.cookie',
                'req.headers.authorization',
                'req.headers["x-csrf-token"]',
                'res.headers["set-cookie"]',
                'password',
                '*.password',
              ],
              censor: '[redacted]',
            },
            serializers: {
              // Invitation links carry a bootstrap credential in the path: never log it.
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: req.url.replace(/\/invitations\/[^/?#]+/, '/invitations/[redacted]'),
                remoteAddress: req.ip,
              }),
            },
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  if (deps.engine === 'pglite') {
    // Background work yields the single embedded connection to requests (shared/foreground.ts).
    app.addHook('onRequest', async () => foreground.enter());
    app.addHook('onResponse', async () => foreground.leave());
    app.addHook('onRequestAbort', (_req, done) => {
      foreground.leave();
      done();
    });
  }

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Raccord API',
        version: '0.1.0',
        description:
          'Contrats de partage de données patrimoniales entre propriétaires et prestataires. ' +
          'Console : cookie de session + en-tête x-csrf-token sur les écritures. Erreurs : { error: { code, message, details, requestId } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'raccord_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'Clé API d’une organisation (intégrations, connecteurs)',
          },
        },
      },
      security: [{ session: [], csrf: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.decorateRequest('actor', null);
      typed.decorateRequest('sessionIdHash', null);
      typed.decorateRequest('sessionView', null);
      typed.addHook('onRequest', authHook(deps));
      for (const register of routeModules) register(typed, deps);
      typed.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      typed.setNotFoundHandler((req, reply) =>
        reply.status(404).send({
          error: {
            code: 'request.not_found',
            message: `Route inconnue : ${req.method} ${req.url}`,
            details: {},
            requestId: req.id,
          },
        }),
      );
    },
    { prefix: '/api' },
  );

  const webDist = opts.webDist === undefined ? defaultWebDist() : opts.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h' });
    // The console is a single-page application: unknown paths get index.html.
    app.setNotFoundHandler((req, reply) => {
      if (req.method !== 'GET' || req.url.startsWith('/api')) {
        return reply.status(404).send({
          error: { code: 'request.not_found', message: 'Introuvable.', details: {}, requestId: req.id },
        });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
    });
  }
  return app;
}
