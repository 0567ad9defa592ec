import { API_KEY_NOTICE_DAYS } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { renderMail } from '../mail/mail.templates';
import { queueMail } from '../mail/mail.usecases';
import { adminEmails } from '../organizations/organizations.repository';

export const API_KEY_EXPIRY_JOB = 'auth.api_key_expiry';
const DAY_MS = 86_400_000;

const frDate = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/**
 * Job: every live key expiring within `API_KEY_NOTICE_DAYS` is announced once to its
 * organisation's admins — before it stops working, so the connector using it can be given a new
 * one in time. Keys made to last no longer than the notice period are not announced (whoever
 * made them chose the date). Marked and mailed in one transaction: a rerun finds nothing to do.
 */
export async function remindExpiringApiKeys(deps: {
  db: Db;
  clock: Clock;
  config: { publicUrl: string };
}): Promise<number> {
  const now = deps.clock.now();
  const horizon = new Date(now.getTime() + API_KEY_NOTICE_DAYS * DAY_MS);
  return deps.db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      UPDATE api_keys SET expiry_notice_at = ${now}::timestamptz
      WHERE revoked_at IS NULL AND expiry_notice_at IS NULL
        AND expires_at > ${now}::timestamptz AND expires_at <= ${horizon}::timestamptz
        AND expires_at - created_at > ${`${API_KEY_NOTICE_DAYS} days`}::interval
      RETURNING id, organization_id AS "organizationId", name, prefix, expires_at AS "expiresAt", last_used_at AS "lastUsedAt"`);
    const keys = res.rows as Array<{
      id: string;
      organizationId: string;
      name: string;
      prefix: string;
      expiresAt: Date;
      lastUsedAt: Date | null;
    }>;
    const admins = await adminEmails(tx, [...new Set(keys.map((k) => k.organizationId))]);
    for (const key of keys) {
      const expires = frDate(new Date(key.expiresAt));
      const content = renderMail({
        subject: `La clé d’API « ${key.name} » expire le ${expires}`,
        greeting: 'Bonjour,',
        paragraphs: [
          `La clé d’API « ${key.name} » (qui commence par ${key.prefix}…) expire le ${expires}. Passé cette date, les appels faits avec elle seront refusés.`,
          key.lastUsedAt
            ? `Elle a servi pour la dernière fois le ${frDate(new Date(key.lastUsedAt))} : créez une nouvelle clé, installez-la dans le connecteur ou l’intégration qui l’utilise, puis révoquez l’ancienne.`
            : 'Elle n’a encore jamais servi : si elle est inutile, laissez-la expirer ou révoquez-la.',
        ],
        action: { label: 'Gérer les clés d’API', url: `${deps.config.publicUrl}/mon-compte/cles-api` },
      });
      for (const admin of admins.filter((a) => a.organizationId === key.organizationId)) {
        await queueMail(tx, deps.clock, {
          ...content,
          to: admin.email,
          kind: 'api_key.expiring',
          organizationId: key.organizationId,
        });
      }
    }
    return keys.length;
  });
}
