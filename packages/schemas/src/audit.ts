import { z } from 'zod';
import { isoDate, pageOf } from './common';

export const auditEventSchema = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: isoDate,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuery = z.strictObject({
  organizationId: z.string().max(60).optional(),
  action: z.string().max(80).optional(),
  targetId: z.string().max(80).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditPage = pageOf(auditEventSchema);
