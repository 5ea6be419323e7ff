import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { AuditRecord, Page } from '../../api/types';
import { auditQuery, type AuditFilters } from './query';

/** One page of the audit log, newest first (`audit.read`: administrators, KAM specialists). */
export function useAuditPage(filters: AuditFilters, limit: number, cursor: string | null) {
  return useQuery({
    queryKey: ['audit', 'page', filters, limit, cursor],
    queryFn: ({ signal }) =>
      request<Page<AuditRecord>>('GET', '/audit', {
        query: { ...auditQuery(filters), limit, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
