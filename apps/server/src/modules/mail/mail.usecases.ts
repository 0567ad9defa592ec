import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { newId } from '../../shared/ids';
import { enqueueJob } from '../jobs/jobs.queue';
import { mailOutbox } from './mail.tables';
import type { MailContent } from './mail.templates';
import type { MailTransport } from './mail.transport';

export const SEND_MAIL_JOB = 'mail.send';

/** Writes the e-mail to the outbox and enqueues its sending, in the caller's transaction. */
export async function queueMail(
  tx: DbOrTx,
  clock: Clock,
  mail: MailContent & { to: string; kind: string; organizationId: string | null },
): Promise<string> {
  const id = newId('mail');
  await tx.insert(mailOutbox).values({
    id,
    organizationId: mail.organizationId,
    toAddress: mail.to,
    subject: mail.subject,
    html: mail.html,
    textBody: mail.text,
    kind: mail.kind,
    status: 'queued',
    createdAt: clock.now(),
  });
  await enqueueJob(tx, clock, SEND_MAIL_JOB, { mailId: id }, { maxAttempts: 8 });
  return id;
}

/** Job handler: sends one queued e-mail (idempotent: a sent or kept e-mail is not sent again). */
export async function sendQueuedMail(
  deps: { db: Db; clock: Clock; transport: MailTransport | null; log: (msg: string, data: object) => void },
  mailId: string,
): Promise<void> {
  const [mail] = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
  if (mail?.status !== 'queued') return;
  if (!deps.transport) {
    deps.log('mail kept in the outbox (no SMTP_URL)', {
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.textBody,
    });
    await deps.db.update(mailOutbox).set({ status: 'kept', sentAt: deps.clock.now() }).where(eq(mailOutbox.id, mailId));
    return;
  }
  try {
    await deps.transport.send({ to: mail.toAddress, subject: mail.subject, html: mail.html, text: mail.textBody });
  } catch (err) {
    await deps.db
      .update(mailOutbox)
      .set({ error: err instanceof Error ? err.message : String(err) })
      .where(eq(mailOutbox.id, mailId));
    throw err;
  }
  await deps.db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: deps.clock.now(), error: null })
    .where(eq(mailOutbox.id, mailId));
}
