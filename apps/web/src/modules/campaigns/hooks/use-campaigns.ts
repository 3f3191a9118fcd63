import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type {
  AssessmentSummary,
  Campaign,
  CampaignAssessmentQuery,
  CampaignDetail,
  CampaignInput,
  CampaignQuery,
  Page,
} from '../../../api/types';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (query: CampaignQuery) => ['campaigns', 'list', query] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  assessments: (id: string, query: CampaignAssessmentQuery) => ['campaigns', 'assessments', id, query] as const,
};

export function useCampaignList(query: CampaignQuery) {
  return useQuery({
    queryKey: campaignKeys.list(query),
    queryFn: (): Promise<Page<Campaign>> => unwrap(api.GET('/api/campaigns', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: (): Promise<CampaignDetail> => unwrap(api.GET('/api/campaigns/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

export function useCampaignAssessments(id: string, query: CampaignAssessmentQuery) {
  return useQuery({
    queryKey: campaignKeys.assessments(id, query),
    queryFn: (): Promise<Page<AssessmentSummary>> =>
      unwrap(api.GET('/api/campaigns/{id}/assessments', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput): Promise<CampaignDetail> => unwrap(api.POST('/api/campaigns', { body: input })),
    onSuccess: async (created) => {
      queryClient.setQueryData(campaignKeys.detail(created.id), created);
      await queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] });
    },
  });
}

export function useRemindCampaign(id: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/campaigns/{id}/remind', { params: { path: { id } } })),
  });
}

export function useCloseCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/campaigns/{id}/close', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
    },
  });
}
