import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap } from '../../../api/client';
import type {
  Enterprise,
  EnterpriseFilters,
  EnterpriseInput,
  EnterprisePatch,
  EnterpriseQuery,
  Page,
} from '../../../api/types';

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (query: EnterpriseQuery) => ['enterprises', 'list', query] as const,
  count: (filters: EnterpriseFilters) => ['enterprises', 'count', filters] as const,
  detail: (id: string) => ['enterprises', 'detail', id] as const,
  history: (id: string) => ['enterprises', 'history', id] as const,
  industries: ['industries'] as const,
};

export function useIndustries() {
  return useQuery({
    queryKey: enterpriseKeys.industries,
    queryFn: () => unwrap(api.GET('/api/industries')),
    staleTime: 60 * 60_000,
  });
}

export function useEnterpriseList(query: EnterpriseQuery) {
  return useQuery({
    queryKey: enterpriseKeys.list(query),
    queryFn: (): Promise<Page<Enterprise>> => unwrap(api.GET('/api/enterprises', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** How many enterprises match, asking the server for a one-row page. */
export function useEnterpriseCount(filters: EnterpriseFilters, enabled = true) {
  return useQuery({
    queryKey: enterpriseKeys.count(filters),
    queryFn: async () =>
      (await unwrap(api.GET('/api/enterprises', { params: { query: { ...filters, page: 1, pageSize: 1 } } }))).total,
    enabled,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id ?? ''),
    queryFn: (): Promise<Enterprise> =>
      unwrap(api.GET('/api/enterprises/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useEnterpriseHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: enterpriseKeys.history(id),
    queryFn: () => unwrap(api.GET('/api/enterprises/{id}/history', { params: { path: { id } } })),
    enabled,
  });
}

export function useCreateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput): Promise<Enterprise> => unwrap(api.POST('/api/enterprises', { body: input })),
    onSuccess: async (created) => {
      queryClient.setQueryData(enterpriseKeys.detail(created.id), created);
      await queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
    },
  });
}

export function useUpdateEnterprise(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: EnterprisePatch): Promise<Enterprise> =>
      unwrap(api.PATCH('/api/enterprises/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(enterpriseKeys.detail(id), updated);
      await queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
    },
  });
}

export type EnterpriseStatusChange = 'archive' | 'restore';

export function useChangeEnterpriseStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, reason }: { change: EnterpriseStatusChange; reason: string }) =>
      unwrap(api.POST(`/api/enterprises/{id}/${change}`, { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
    },
  });
}

export function exportEnterprises(filters: EnterpriseFilters): Promise<string> {
  return download(
    api.GET('/api/enterprises/export', { params: { query: filters }, parseAs: 'blob' }),
    'enterprises.xlsx',
  );
}

export interface IndustryCount {
  code: string;
  name: string;
  count: number;
}

/**
 * Enterprises per industry in the caller's scope, one `pageSize=1` request per industry (a dozen small
 * calls) until the server offers an aggregate endpoint.
 */
export function useEnterpriseCountsByIndustry(enabled: boolean) {
  const industries = useIndustries();
  const items = industries.data?.items ?? [];
  return useQueries({
    queries: items.map((industry) => ({
      queryKey: enterpriseKeys.count({ industry: industry.code, status: 'active' }),
      queryFn: async () =>
        (
          await unwrap(
            api.GET('/api/enterprises', {
              params: { query: { industry: industry.code, status: 'active', page: 1, pageSize: 1 } },
            }),
          )
        ).total,
      enabled,
    })),
    combine: (results) => ({
      pending: industries.isPending || results.some((result) => result.isPending),
      error: industries.error ?? results.find((result) => result.error)?.error ?? null,
      counts: items.map<IndustryCount>((industry, index) => ({
        code: industry.code,
        name: industry.name,
        count: results[index]?.data ?? 0,
      })),
    }),
  });
}
