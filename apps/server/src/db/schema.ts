// Every table of the application, for Drizzle and drizzle-kit.

export * from '../modules/assets/assets.tables';
export * from '../modules/audit/audit.tables';
export * from '../modules/auth/auth.tables';
export * from '../modules/contracts/contracts.tables';
export * from '../modules/jobs/jobs.tables';
export * from '../modules/mail/mail.tables';
export * from '../modules/meta/meta.tables';
export * from '../modules/operations/operations.tables';
export * from '../modules/organizations/organizations.tables';
export * from '../modules/service-codes/service-codes.tables';
export * from '../modules/sync/sync.tables';
export * from '../modules/trades/trades.tables';
export * from '../modules/webhooks/webhooks.tables';
