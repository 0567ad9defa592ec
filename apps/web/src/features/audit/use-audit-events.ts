import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditParams } from './audit.api';
import { listAuditEvents } from './audit.api';

export function useAuditEvents(params: AuditParams) {
  return useQuery({
    queryKey: ['audit-events', params],
    queryFn: ({ signal }) => listAuditEvents(params, signal),
    placeholderData: keepPreviousData,
  });
}
