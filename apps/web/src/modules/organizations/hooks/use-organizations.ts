import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../../api/client';
import type { Organization, OrganizationInput, OrganizationPatch, OrganizationQuery, Page } from '../../../api/types';

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (query: OrganizationQuery) => ['organizations', 'list', query] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export function useOrganizationList(query: OrganizationQuery, enabled = true) {
  return useQuery({
    queryKey: organizationKeys.list(query),
    queryFn: () => apiGet<Page<Organization>>('/api/organizations', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.detail(id ?? ''),
    queryFn: () => apiGet<Organization>(`/api/organizations/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export type OrganizationStatusChange = 'archive' | 'restore';

export function useChangeOrganizationStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change, reason }: { id: string; change: OrganizationStatusChange; reason: string }) =>
      apiPost<Organization>(`/api/organizations/${encodeURIComponent(id)}/${change}`, { reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}

export function useSaveOrganization(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganizationInput | OrganizationPatch) =>
      id
        ? apiPatch<Organization>(`/api/organizations/${encodeURIComponent(id)}`, input)
        : apiPost<Organization>('/api/organizations', input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(organizationKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}
