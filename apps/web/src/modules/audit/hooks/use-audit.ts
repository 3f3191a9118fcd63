import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../api/client';
import type { AuditEntry, AuditQuery, Page } from '../../../api/types';

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query] as const,
    queryFn: () => apiGet<Page<AuditEntry>>('/api/audit', { ...query }),
    placeholderData: keepPreviousData,
  });
}
