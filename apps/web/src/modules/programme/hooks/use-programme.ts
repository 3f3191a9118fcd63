import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, download, multipartBody, unwrap } from '../../../api/client';
import type { RequestBody, ResponseBody } from '../../../api/types';
import { useUrlState } from '../../../ui/url-state';

export type ProgrammeSummary = ResponseBody<'/api/programmes', 'get'>['items'][number];
export type ProgrammeDetail = ResponseBody<'/api/programmes/{id}', 'get'>;
export type ProgrammeDocument = ResponseBody<'/api/programmes/{id}/export', 'get'>;
export type Allocation = ResponseBody<'/api/programmes/{id}/allocation', 'get'>;
export type AllocationInput = RequestBody<'/api/programmes/{id}/allocation', 'put'>;
export type Progress = ResponseBody<'/api/programmes/{id}/progress', 'get'>;
export type ProgressSeries = ResponseBody<'/api/programmes/{id}/progress/series', 'get'>;
export type WorkItemPage = ResponseBody<'/api/programmes/{id}/work-items', 'get'>;
export type WorkItem = WorkItemPage['items'][number];
export type WorkItemDetail = ResponseBody<'/api/work-items/{id}', 'get'>;
export type WorkItemInput = RequestBody<'/api/programmes/{id}/work-items', 'post'>;
export type WorkItemStatusInput = RequestBody<'/api/work-items/{id}/reports', 'post'>['status'];
export type MeetingPage = ResponseBody<'/api/programmes/{id}/meetings', 'get'>;
export type Meeting = MeetingPage['items'][number];
export type MeetingInput = RequestBody<'/api/programmes/{id}/meetings', 'post'>;
export type InspectionPage = ResponseBody<'/api/programmes/{id}/inspections', 'get'>;
export type InspectionInput = RequestBody<'/api/programmes/{id}/inspections', 'post'>;
export type IndicatorTree = ResponseBody<'/api/programmes/{id}/indicators', 'get'>;
export type EvaluationRound = ResponseBody<'/api/programmes/{id}/evaluation-rounds', 'get'>['items'][number];
export type EvaluationResults = ResponseBody<'/api/evaluation-rounds/{id}', 'get'>;
export interface WorkItemQuery {
  status?: WorkItem['displayStatus'];
  taskId?: string;
  ownerOrganizationId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

const STORAGE_KEY = 'shangmi.programme';

export const programmeKeys = {
  all: ['programmes'] as const,
  list: ['programmes', 'list'] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
  allocation: (id: string) => ['programmes', 'allocation', id] as const,
  progress: (id: string, asOf: string, regionId?: string) => ['programmes', 'progress', id, asOf, regionId] as const,
  series: (id: string, regionId?: string) => ['programmes', 'series', id, regionId] as const,
  workItems: (id: string, query: unknown) => ['programmes', 'work-items', id, query] as const,
  workItem: (id: string) => ['programmes', 'work-item', id] as const,
  meetings: (id: string, page: number) => ['programmes', 'meetings', id, page] as const,
  inspections: (id: string, page: number) => ['programmes', 'inspections', id, page] as const,
  indicators: (id: string) => ['programmes', 'indicators', id] as const,
  rounds: (id: string) => ['programmes', 'rounds', id] as const,
  results: (id: string) => ['programmes', 'results', id] as const,
};

export function useProgrammes() {
  return useQuery({
    queryKey: programmeKeys.list,
    queryFn: (): Promise<{ items: ProgrammeSummary[] }> => unwrap(api.GET('/api/programmes')),
  });
}

/**
 * The programme the pages show: `?p=<id>` in the URL, else the last one chosen on this browser, else the
 * first the user may see. A deployment may hold several (the cities of a province).
 */
export function useActiveProgramme() {
  const url = useUrlState();
  const list = useProgrammes();
  const items = list.data?.items ?? [];
  const wanted = url.get('p') ?? (typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY));
  const active = items.find((p) => p.id === wanted) ?? items[0] ?? null;
  useEffect(() => {
    if (active) {
      localStorage.setItem(STORAGE_KEY, active.id);
    }
  }, [active]);
  return {
    programmes: items,
    active,
    isLoading: list.isLoading,
    error: list.error,
    choose: (id: string) => {
      localStorage.setItem(STORAGE_KEY, id);
      url.set({ p: id });
    },
  };
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: programmeKeys.detail(id ?? ''),
    queryFn: (): Promise<ProgrammeDetail> =>
      unwrap(api.GET('/api/programmes/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useImportProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doc: ProgrammeDocument): Promise<ProgrammeDetail> =>
      unwrap(api.POST('/api/programmes/import', { body: doc })),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

export function exportProgramme(programme: ProgrammeSummary): Promise<string> {
  return download(
    api.GET('/api/programmes/{id}/export', { params: { path: { id: programme.id } }, parseAs: 'blob' }),
    `${programme.title}.json`,
  );
}

export function useAllocation(id: string | undefined) {
  return useQuery({
    queryKey: programmeKeys.allocation(id ?? ''),
    queryFn: (): Promise<Allocation> =>
      unwrap(api.GET('/api/programmes/{id}/allocation', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useSaveAllocation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AllocationInput): Promise<Allocation> =>
      unwrap(api.PUT('/api/programmes/{id}/allocation', { params: { path: { id } }, body })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(programmeKeys.allocation(id), saved);
      await queryClient.invalidateQueries({ queryKey: ['programmes', 'progress', id] });
    },
  });
}

export function useProgress(id: string | undefined, asOf: string, regionId?: string) {
  return useQuery({
    queryKey: programmeKeys.progress(id ?? '', asOf, regionId),
    queryFn: (): Promise<Progress> =>
      unwrap(
        api.GET('/api/programmes/{id}/progress', {
          params: { path: { id: id ?? '' }, query: { asOf, ...(regionId ? { regionId } : {}) } },
        }),
      ),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useProgressSeries(id: string | undefined, regionId?: string) {
  return useQuery({
    queryKey: programmeKeys.series(id ?? '', regionId),
    queryFn: (): Promise<ProgressSeries> =>
      unwrap(
        api.GET('/api/programmes/{id}/progress/series', {
          params: { path: { id: id ?? '' }, query: regionId ? { regionId } : {} },
        }),
      ),
    enabled: Boolean(id),
  });
}

export function downloadReport(id: string, asOf: string): Promise<string> {
  return download(
    api.GET('/api/programmes/{id}/report.pdf', { params: { path: { id }, query: { asOf } }, parseAs: 'blob' }),
    `推进情况报告-${asOf}.pdf`,
  );
}

export function useWorkItems(id: string | undefined, query: WorkItemQuery) {
  return useQuery({
    queryKey: programmeKeys.workItems(id ?? '', query),
    queryFn: (): Promise<WorkItemPage> =>
      unwrap(api.GET('/api/programmes/{id}/work-items', { params: { path: { id: id ?? '' }, query } })),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function exportWorkItems(id: string, query: WorkItemQuery): Promise<string> {
  return download(
    api.GET('/api/programmes/{id}/work-items.xlsx', { params: { path: { id }, query }, parseAs: 'blob' }),
    '责任清单.xlsx',
  );
}

export function useCreateWorkItem(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkItemInput): Promise<WorkItemDetail> =>
      unwrap(api.POST('/api/programmes/{id}/work-items', { params: { path: { id: programmeId } }, body })),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: ['programmes', 'work-items'] }),
  });
}

export function useWorkItem(id: string) {
  return useQuery({
    queryKey: programmeKeys.workItem(id),
    queryFn: (): Promise<WorkItemDetail> => unwrap(api.GET('/api/work-items/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

// The generated document has no body for multipart uploads; the call carries FormData through the
// typed client (so the session's CSRF token is sent) with the upload's own serializer.
type UploadCall = (
  path: '/api/work-items/{id}/reports/{reportId}/attachments',
  init: {
    params: { path: { id: string; reportId: string } };
    body: { file: File };
    bodySerializer: (body: { file: File }) => FormData;
  },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function useReportWorkItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { body: string; status: WorkItemStatusInput; files: File[] }) => {
      const created = await unwrap(
        api.POST('/api/work-items/{id}/reports', {
          params: { path: { id } },
          body: { body: input.body, status: input.status },
        }),
      );
      const upload = api.POST as unknown as UploadCall;
      for (const file of input.files) {
        await unwrap(
          upload('/api/work-items/{id}/reports/{reportId}/attachments', {
            params: { path: { id, reportId: created.reportId } },
            body: { file },
            bodySerializer: (body) => multipartBody(body),
          }),
        );
      }
      return created;
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: programmeKeys.workItem(id) });
      await queryClient.invalidateQueries({ queryKey: ['programmes', 'work-items'] });
    },
  });
}

export function downloadAttachment(workItemId: string, attachment: { id: string; fileName: string }) {
  return download(
    api.GET('/api/work-items/{id}/attachments/{attachmentId}', {
      params: { path: { id: workItemId, attachmentId: attachment.id } },
      parseAs: 'blob',
    }),
    attachment.fileName,
  );
}

export function useMeetings(id: string | undefined, page: number) {
  return useQuery({
    queryKey: programmeKeys.meetings(id ?? '', page),
    queryFn: (): Promise<MeetingPage> =>
      unwrap(api.GET('/api/programmes/{id}/meetings', { params: { path: { id: id ?? '' }, query: { page } } })),
    enabled: Boolean(id),
  });
}

export function useCreateMeeting(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput): Promise<Meeting> =>
      unwrap(api.POST('/api/programmes/{id}/meetings', { params: { path: { id: programmeId } }, body })),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: ['programmes', 'meetings'] }),
  });
}

export function useDecisionToWorkItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { meetingId: string; position: number; item: WorkItemInput }) =>
      unwrap(
        api.POST('/api/meetings/{id}/decisions/{position}/work-items', {
          params: { path: { id: input.meetingId, position: input.position } },
          body: { items: [input.item] },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['programmes', 'meetings'] });
      await queryClient.invalidateQueries({ queryKey: ['programmes', 'work-items'] });
    },
  });
}

export function useInspections(id: string | undefined, page: number) {
  return useQuery({
    queryKey: programmeKeys.inspections(id ?? '', page),
    queryFn: (): Promise<InspectionPage> =>
      unwrap(api.GET('/api/programmes/{id}/inspections', { params: { path: { id: id ?? '' }, query: { page } } })),
    enabled: Boolean(id),
  });
}

/** Inspection notes on one work item. */
export function useWorkItemInspections(programmeId: string | undefined, workItemId: string) {
  return useQuery({
    queryKey: ['programmes', 'inspections', programmeId ?? '', 'work-item', workItemId] as const,
    queryFn: (): Promise<InspectionPage> =>
      unwrap(
        api.GET('/api/programmes/{id}/inspections', {
          params: { path: { id: programmeId ?? '' }, query: { workItemId, pageSize: 100 } },
        }),
      ),
    enabled: Boolean(programmeId) && workItemId !== '',
  });
}

export function useCreateInspection(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InspectionInput) =>
      unwrap(api.POST('/api/programmes/{id}/inspections', { params: { path: { id: programmeId } }, body })),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: ['programmes', 'inspections'] }),
  });
}

export function useIndicators(id: string | undefined) {
  return useQuery({
    queryKey: programmeKeys.indicators(id ?? ''),
    queryFn: (): Promise<IndicatorTree> =>
      unwrap(api.GET('/api/programmes/{id}/indicators', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export type IndicatorsInput = RequestBody<'/api/programmes/{id}/indicators', 'put'>;

export function useSaveIndicators(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorsInput): Promise<IndicatorTree> =>
      unwrap(api.PUT('/api/programmes/{id}/indicators', { params: { path: { id: programmeId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(programmeKeys.indicators(programmeId), saved),
  });
}

export function useRounds(id: string | undefined) {
  return useQuery({
    queryKey: programmeKeys.rounds(id ?? ''),
    queryFn: (): Promise<{ items: EvaluationRound[] }> =>
      unwrap(api.GET('/api/programmes/{id}/evaluation-rounds', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useRoundResults(roundId: string | undefined) {
  return useQuery({
    queryKey: programmeKeys.results(roundId ?? ''),
    queryFn: (): Promise<EvaluationResults> =>
      unwrap(api.GET('/api/evaluation-rounds/{id}', { params: { path: { id: roundId ?? '' } } })),
    enabled: Boolean(roundId),
  });
}

export function useRoundActions(programmeId: string) {
  const queryClient = useQueryClient();
  const refresh = async (results: EvaluationResults) => {
    queryClient.setQueryData(programmeKeys.results(results.round.id), results);
    await queryClient.invalidateQueries({ queryKey: programmeKeys.rounds(programmeId) });
  };
  return {
    create: useMutation({
      mutationFn: (body: { name: string; periodStart: string; periodEnd: string }): Promise<EvaluationResults> =>
        unwrap(api.POST('/api/programmes/{id}/evaluation-rounds', { params: { path: { id: programmeId } }, body })),
      onSuccess: refresh,
    }),
    score: useMutation({
      mutationFn: (input: {
        roundId: string;
        regionId: string;
        indicatorId: string;
        score: number;
        basis: string;
      }): Promise<EvaluationResults> =>
        unwrap(
          api.PUT('/api/evaluation-rounds/{id}/scores', {
            params: { path: { id: input.roundId } },
            body: { regionId: input.regionId, indicatorId: input.indicatorId, score: input.score, basis: input.basis },
          }),
        ),
      onSuccess: refresh,
    }),
    recompute: useMutation({
      mutationFn: (roundId: string): Promise<EvaluationResults> =>
        unwrap(api.POST('/api/evaluation-rounds/{id}/recompute', { params: { path: { id: roundId } } })),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (roundId: string): Promise<EvaluationResults> =>
        unwrap(api.POST('/api/evaluation-rounds/{id}/publish', { params: { path: { id: roundId } } })),
      onSuccess: refresh,
    }),
  };
}

export function exportResults(round: EvaluationRound): Promise<string> {
  return download(
    api.GET('/api/evaluation-rounds/{id}/results.xlsx', { params: { path: { id: round.id } }, parseAs: 'blob' }),
    `考核结果-${round.name}.xlsx`,
  );
}

/** Government departments and county governments: the units work items can be given to. */
export function useDepartments() {
  return useQuery({
    queryKey: ['organizations', 'departments'],
    queryFn: () =>
      unwrap(
        api.GET('/api/organizations', { params: { query: { kind: 'department', pageSize: 200, status: 'active' } } }),
      ),
    staleTime: 5 * 60_000,
  });
}
