import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { AuditQuery } from '../../../api/types';

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query] as const,
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
