import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  RACCORD_DEMO: bool.optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Raccord <no-reply@raccord.local>'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_MIN_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(400),
  INVITATION_TTL_DAYS: z.coerce.number().positive().default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(536_870_912),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  TRUST_PROXY: bool.optional(),
  /**
   * Most elements per transaction when a contract's shared set is materialised. On the embedded
   * engine (one connection) chunks are also cut to about SYNC_CHUNK_MS of work, so requests wait
   * for at most one short chunk.
   */
  SYNC_CHUNK_SIZE: z.coerce.number().int().min(1).max(500_000).default(100_000),
  SYNC_CHUNK_MS: z.coerce.number().int().min(1).max(60_000).default(20),
  /** A job's lease: renewed while its runner lives; a job whose lease lapsed is taken over. */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Days without accepted data after which an active connector is reported silent. */
  CONNECTOR_SILENT_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /**
   * Webhook endpoints may use http:// and private or loopback addresses (development, tests, a
   * receiver on the same network). Default: allowed except in production, where only https://
   * to public hosts is accepted.
   */
  WEBHOOK_ALLOW_INSECURE: bool.optional(),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  engine: 'pglite' | 'postgresql';
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlMs: number;
  loginMaxFailures: number;
  loginWindowMs: number;
  loginMinDelayMs: number;
  invitationTtlMs: number;
  logLevel: string;
  bodyLimit: number;
  importMaxBytes: number;
  workerConcurrency: number;
  trustProxy: boolean;
  syncChunkSize: number;
  syncChunkMs: number;
  jobLeaseMs: number;
  connectorSilentDays: number;
  webhookAllowInsecure: boolean;
}>;

/** Parses the environment once. Every setting of Raccord comes from here (README: configuration table). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (e.g. `DATABASE_URL= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const engine = e.DATABASE_URL ? 'postgresql' : 'pglite';
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    engine,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    // Demo data is the embedded default; on a server it must be asked for explicitly.
    demo: e.RACCORD_DEMO ?? engine === 'pglite',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
    loginMinDelayMs: e.LOGIN_MIN_DELAY_MS,
    invitationTtlMs: e.INVITATION_TTL_DAYS * 86_400_000,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    workerConcurrency: e.WORKER_CONCURRENCY,
    trustProxy: e.TRUST_PROXY ?? false,
    syncChunkSize: e.SYNC_CHUNK_SIZE,
    syncChunkMs: e.SYNC_CHUNK_MS,
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    connectorSilentDays: e.CONNECTOR_SILENT_DAYS,
    webhookAllowInsecure: e.WEBHOOK_ALLOW_INSECURE ?? e.NODE_ENV !== 'production',
  });
}
