import type { Config } from './config';
import type { Db } from './db/client';
import { IMPORT_JOB, runImportJob } from './modules/assets/assets.import.usecases';
import { API_KEY_EXPIRY_JOB, remindExpiringApiKeys } from './modules/auth/auth.api-keys.expiry';
import { deleteExpiredSessions } from './modules/auth/auth.repository';
import { REMINDER_JOB, sendAutomaticReminder } from './modules/contracts/contracts.invitations';
import { ACTIVATE_JOB, activateContract } from './modules/contracts/contracts.validate';
import type { JobHandler } from './modules/jobs/jobs.queue';
import type { MailTransport } from './modules/mail/mail.transport';
import { SEND_MAIL_JOB, sendQueuedMail } from './modules/mail/mail.usecases';
import { CONNECTOR_SILENCE_JOB, markSilentConnectors } from './modules/operations/operations.connector';
import { onPatrimoineChanged, PATRIMOINE_CHANGED_JOB } from './modules/sync/sync.live';
import { MATERIALISE_JOB, materialiseContract } from './modules/sync/sync.materialise';
import { deliverWebhook, WEBHOOK_DELIVER_JOB } from './modules/webhooks/webhooks.deliver';
import type { Clock } from './shared/clock';

export interface WorkerDeps {
  config: Config;
  db: Db;
  engine: 'pglite' | 'postgresql';
  clock: Clock;
  transport: MailTransport | null;
  log: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
}

export const CLEANUP_JOB = 'maintenance.cleanup';

/** Every job handler of the application, by job name. */
export function jobHandlers(deps: WorkerDeps): Record<string, JobHandler> {
  return {
    [SEND_MAIL_JOB]: async (payload) => {
      await sendQueuedMail(
        {
          db: deps.db,
          clock: deps.clock,
          transport: deps.transport,
          log: (msg, data) => deps.log('info', msg, data as Record<string, unknown>),
        },
        String(payload.mailId),
      );
    },
    [ACTIVATE_JOB]: async (payload, ctx) => {
      await activateContract(deps, String(payload.projectId), ctx.attempt);
    },
    [REMINDER_JOB]: async (payload) => {
      await sendAutomaticReminder(deps, String(payload.invitationId));
    },
    [IMPORT_JOB]: async (payload, ctx) => {
      await runImportJob({ db: deps.db, clock: deps.clock, engine: deps.engine }, String(payload.importId), ctx.jobId);
    },
    [MATERIALISE_JOB]: async (payload) => {
      await materialiseContract(deps, String(payload.contractId));
    },
    [PATRIMOINE_CHANGED_JOB]: async (payload, ctx) => {
      await onPatrimoineChanged(deps, String(payload.ownerId), ctx.jobId);
    },
    [CONNECTOR_SILENCE_JOB]: async () => {
      await markSilentConnectors(deps);
    },
    [API_KEY_EXPIRY_JOB]: async () => {
      await remindExpiringApiKeys(deps);
    },
    [WEBHOOK_DELIVER_JOB]: async (payload) => {
      await deliverWebhook(deps, Number(payload.deliveryId));
    },
    [CLEANUP_JOB]: async () => {
      await deleteExpiredSessions(deps.db, deps.clock.now());
    },
  };
}
