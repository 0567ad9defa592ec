import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import type { Database } from '../db/client';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.seed';
import { JobRunner } from '../modules/jobs/jobs.queue';
import type { MailTransport, OutgoingMail } from '../modules/mail/mail.transport';
import { FakeClock } from '../shared/clock';
import type { App } from '../shared/http';
import { jobHandlers } from '../worker';
import { TEST_EPOCH } from './global-setup';
import { createTestDatabase } from './test-db';

/** Records the e-mails the job runner sends (unit tests; journeys use a real SMTP receiver). */
export class MemoryTransport implements MailTransport {
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail) {
    this.sent.push(mail);
  }
}

export interface TestContext {
  app: App;
  database: Database;
  clock: FakeClock;
  config: Config;
  runner: JobRunner;
  mail: MemoryTransport;
  /** Signs in through the API; returns what later requests need. */
  login(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  organizationId: string;
  /** Headers for a request as this user (cookie + CSRF token). */
  headers: Record<string, string>;
}

export async function createTestContext(
  opts: { seed?: boolean; env?: Record<string, string>; patrimoine?: boolean } = {},
): Promise<TestContext> {
  const database = await createTestDatabase({ demo: opts.seed !== false });
  const clock = new FakeClock(new Date(TEST_EPOCH));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...opts.env });
  if (opts.patrimoine) {
    // The generated demo patrimoine (thousands of elements) only when a test asks for it.
    await seedDemo({ db: database.db, clock, engine: database.engine }, { patrimoine: true });
  }
  const mail = new MemoryTransport();
  const runner = new JobRunner({
    db: database.db,
    clock,
    handlers: jobHandlers({ config, db: database.db, engine: database.engine, clock, transport: mail, log: () => {} }),
  });
  const app = await buildApp(
    { config, db: database.db, engine: database.engine, clock, wakeJobs: () => {} },
    { webDist: null, logger: false },
  );
  await app.ready();

  async function login(email: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.cookies.find((c) => c.name === 'raccord_session');
    if (!setCookie) throw new Error('no session cookie');
    const body = res.json() as { csrfToken: string; user: { id: string; organizationId: string } };
    const cookie = `raccord_session=${setCookie.value}`;
    return {
      cookie,
      csrf: body.csrfToken,
      userId: body.user.id,
      organizationId: body.user.organizationId,
      headers: { cookie, 'x-csrf-token': body.csrfToken },
    };
  }

  return {
    app,
    database,
    clock,
    config,
    runner,
    mail,
    login,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
