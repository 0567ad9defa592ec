import { pageOf, paginationQuery } from '@raccord/schemas';
import { z } from 'zod';
import type { App, AppDeps } from '../../shared/http';
import { listOutbox } from './mail.read';

const outboxItem = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'sent', 'kept', 'failed']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export function mailRoutes(app: App, deps: AppDeps) {
  app.get(
    '/mail-outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'E-mails envoyés ou gardés (service client ; utile sans SMTP)',
        querystring: paginationQuery,
        response: { 200: pageOf(outboxItem) },
      },
    },
    async (req) => listOutbox(deps, req.actor, req.query),
  );
}
