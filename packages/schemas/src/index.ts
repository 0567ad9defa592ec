import { z } from 'zod';

// Validation messages in French: the product's language, and what API clients read first.
z.config(z.locales.fr());

export * from './api-keys';
export * from './asset-api';
export * from './assets';
export * from './audit';
export * from './auth';
export * from './common';
export * from './contracts';
export * from './errors';
export * from './imports';
export * from './operations';
export * from './organizations';
export * from './perimeter';
export * from './service-codes';
export * from './sync';
export * from './sync-browse';
export * from './trade-requests';
export * from './trades';
export * from './users';
export * from './webhooks';
