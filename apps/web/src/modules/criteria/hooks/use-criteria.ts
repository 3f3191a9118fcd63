import type { CriteriaKind } from '@shangmi/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CriteriaDraftInput, CriteriaGroup, CriteriaVersion } from '../../../api/types';

export const criteriaKeys = {
  all: ['designation-criteria'] as const,
  list: (kind: CriteriaKind) => ['designation-criteria', 'list', kind] as const,
};

export function useCriteriaVersions(kind: CriteriaKind) {
  return useQuery({
    queryKey: criteriaKeys.list(kind),
    queryFn: (): Promise<{ items: CriteriaVersion[] }> =>
      unwrap(api.GET('/api/designation-criteria', { params: { query: { kind } } })),
  });
}

export function useCreateCriteriaDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CriteriaDraftInput): Promise<CriteriaVersion> =>
      unwrap(api.POST('/api/designation-criteria', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: criteriaKeys.all }),
  });
}

export function useSaveCriteriaDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, groups }: { id: string; groups: CriteriaGroup[] }): Promise<CriteriaVersion> =>
      unwrap(api.PUT('/api/designation-criteria/{id}', { params: { path: { id } }, body: { groups } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: criteriaKeys.all }),
  });
}

export function usePublishCriteria() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string): Promise<CriteriaVersion> =>
      unwrap(api.POST('/api/designation-criteria/{id}/publish', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: criteriaKeys.all }),
  });
}
