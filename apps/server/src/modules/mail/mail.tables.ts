import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';

/** Every e-mail is written here in the transaction that causes it, then sent by a job. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    textBody: text('text_body').notNull(),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'kept', 'failed'] }).notNull(),
    error: text('error'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('mail_outbox_created_idx').on(t.createdAt),
    check('mail_outbox_status_ck', sql`${t.status} in ('queued','sent','kept','failed')`),
  ],
);
