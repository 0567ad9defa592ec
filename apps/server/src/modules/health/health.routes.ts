import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';

export function healthRoutes(app: App, deps: AppDeps) {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'État du service et de la base de données',
        response: {
          200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgresql']), time: z.string() }),
        },
      },
    },
    async () => {
      await deps.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, engine: deps.engine, time: deps.clock.now().toISOString() };
    },
  );
}
