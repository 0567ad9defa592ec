import { auditPage } from '@raccord/schemas';
import { api } from '../../lib/api-client';

export interface AuditParams {
  page: number;
  pageSize: number;
  action?: string | undefined;
  organizationId?: string | undefined;
}

export function listAuditEvents(params: AuditParams, signal?: AbortSignal) {
  return api.get('/api/audit-events', auditPage, { query: { ...params }, signal });
}
