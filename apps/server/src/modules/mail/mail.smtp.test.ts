import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { FakeClock } from '../../shared/clock';
import { createTestDatabase } from '../../test/test-db';
import { JobRunner } from '../jobs/jobs.queue';
import { renderMail } from './mail.templates';
import { createSmtpTransport } from './mail.transport';
import { queueMail, SEND_MAIL_JOB, sendQueuedMail } from './mail.usecases';

let database: Database;
let smtp: SMTPServer;
let port = 0;
const received: string[] = [];
const clock = new FakeClock();

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, cb) {
      let data = '';
      stream.on('data', (c: Buffer) => {
        data += c.toString();
      });
      stream.on('end', () => {
        received.push(data);
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});

describe('e-mail', () => {
  it('sends a queued e-mail through a real SMTP server, HTML and text, once', async () => {
    const content = renderMail({
      subject: 'Invitation à compléter un contrat',
      paragraphs: ['Habitat Demo vous invite <à> compléter un projet de contrat.'],
      action: { label: 'Ouvrir le projet', url: 'http://localhost:3000/invitation/abc' },
    });
    await database.db.transaction((tx) =>
      queueMail(tx, clock, { ...content, to: 'contact@exemple.fr', kind: 'test', organizationId: null }),
    );
    const runner = new JobRunner({
      db: database.db,
      clock,
      handlers: {
        [SEND_MAIL_JOB]: (p) =>
          sendQueuedMail(
            {
              db: database.db,
              clock,
              transport: createSmtpTransport(`smtp://127.0.0.1:${port}`, 'Raccord <r@raccord.local>'),
              log: () => {},
            },
            String(p.mailId),
          ),
      },
    });
    expect(await runner.drain()).toBe(1);
    expect(received).toHaveLength(1);
    const raw = received[0] ?? '';
    expect(raw).toContain('To: contact@exemple.fr');
    expect(raw).toContain('text/plain');
    expect(raw).toContain('text/html');
    expect(raw).toContain('&lt;=C3=A0&gt;'); // escaped in HTML (quoted-printable)
    const rows = await database.pool.query('SELECT status FROM mail_outbox');
    expect(rows.rows).toEqual([{ status: 'sent' }]);
    expect(await runner.drain()).toBe(0);
  });

  it('keeps the e-mail in the outbox when no SMTP is configured', async () => {
    const content = renderMail({ subject: 'Sans SMTP', paragraphs: ['Bonjour'] });
    const id = await database.db.transaction((tx) =>
      queueMail(tx, clock, { ...content, to: 'x@exemple.fr', kind: 'test', organizationId: null }),
    );
    const logged: string[] = [];
    await sendQueuedMail({ db: database.db, clock, transport: null, log: (m) => void logged.push(m) }, id);
    const rows = await database.pool.query('SELECT status FROM mail_outbox WHERE id = $1', [id]);
    expect(rows.rows).toEqual([{ status: 'kept' }]);
    expect(logged).toHaveLength(1);
  });
});
