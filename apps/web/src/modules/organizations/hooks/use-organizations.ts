import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Organization, OrganizationInput, OrganizationPatch, OrganizationQuery, Page } from '../../../api/types';

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (query: OrganizationQuery) => ['organizations', 'list', query] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export function useOrganizationList(query: OrganizationQuery, enabled = true) {
  return useQuery({
    queryKey: organizationKeys.list(query),
    queryFn: (): Promise<Page<Organization>> => unwrap(api.GET('/api/organizations', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.detail(id ?? ''),
    queryFn: (): Promise<Organization> =>
      unwrap(api.GET('/api/organizations/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export type OrganizationStatusChange = 'archive' | 'restore';

export function useChangeOrganizationStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      change,
      reason,
    }: {
      id: string;
      change: OrganizationStatusChange;
      reason: string;
    }): Promise<Organization> =>
      unwrap(api.POST(`/api/organizations/{id}/${change}`, { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}

export function useSaveOrganization(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganizationInput | OrganizationPatch): Promise<Organization> =>
      id
        ? unwrap(api.PATCH('/api/organizations/{id}', { params: { path: { id } }, body: input }))
        : unwrap(api.POST('/api/organizations', { body: input as OrganizationInput })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(organizationKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });
}
