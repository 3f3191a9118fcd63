import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap } from '../../../api/client';
import type { MeResponse, Page, QueryParameters, RequestBody, ResponseBody } from '../../../api/types';
import { ME_QUERY_KEY } from '../../../app/auth';

// The designation workflow's HTTP contract, as this module sees it.
export type Application = ResponseBody<'/api/applications/{id}', 'get'>;
export type ApplicationSummary = ResponseBody<'/api/applications', 'get'>['items'][number];
export type ApplicationAction = Application['actions'][number];
export type ApplicationQuery = QueryParameters<'/api/applications', 'get'>;
export type ApplicationCreate = RequestBody<'/api/applications', 'post'>;
export type Material = Application['materials'][number];
export type CriteriaGroup = Application['criteria']['groups'][number];
export type CriteriaItem = CriteriaGroup['items'][number];
export type PanelExpert = NonNullable<Application['experts']>[number];
export type Objection = Application['objections'][number];
export type ExpertCandidate = ResponseBody<'/api/applications/{id}/expert-candidates', 'get'>['items'][number];
export type ScoresInput = RequestBody<'/api/applications/{id}/scores', 'put'>;
export type DecisionInput = RequestBody<'/api/applications/{id}/decision', 'post'>;
export type CountyReviewInput = RequestBody<'/api/applications/{id}/county-review', 'post'>;

export type Designation = ResponseBody<'/api/designations', 'get'>['items'][number];
export type DesignationDetail = ResponseBody<'/api/designations/{id}', 'get'>;
export type DesignationQuery = QueryParameters<'/api/designations', 'get'>;
export type DesignationReview = ResponseBody<'/api/designations/reviews', 'get'>['items'][number];
export type ReviewQuery = QueryParameters<'/api/designations/reviews', 'get'>;
export type ReviewOutcomeInput = RequestBody<'/api/designations/{id}/reviews/{reviewId}/outcome', 'post'>;

export type ExpertTie = ResponseBody<'/api/expert-ties', 'get'>['items'][number];
export type ExpertTieInput = RequestBody<'/api/expert-ties', 'post'>;

export type PublicDesignation = ResponseBody<'/api/public/designations', 'get'>['items'][number];
export type PublicDesignationQuery = QueryParameters<'/api/public/designations', 'get'>;
export type PublicNotice = ResponseBody<'/api/public/notices', 'get'>['items'][number];
export type ObjectionInput = RequestBody<'/api/public/notices/{id}/objections', 'post'>;

export const designationKeys = {
  applications: ['applications'] as const,
  applicationList: (query: ApplicationQuery) => ['applications', 'list', query] as const,
  application: (id: string) => ['applications', 'detail', id] as const,
  candidates: (id: string) => ['applications', 'candidates', id] as const,
  designations: ['designations'] as const,
  designationList: (query: DesignationQuery) => ['designations', 'list', query] as const,
  designation: (id: string) => ['designations', 'detail', id] as const,
  reviews: (query: ReviewQuery) => ['designations', 'reviews', query] as const,
  ties: ['expert-ties'] as const,
  publicDirectory: (query: PublicDesignationQuery) => ['public-designations', query] as const,
  publicNotices: ['public-notices'] as const,
};

// Applications ---------------------------------------------------------------------------------------------

export function useApplicationList(query: ApplicationQuery) {
  return useQuery({
    queryKey: designationKeys.applicationList(query),
    queryFn: (): Promise<Page<ApplicationSummary>> => unwrap(api.GET('/api/applications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: designationKeys.application(id),
    queryFn: (): Promise<Application> => unwrap(api.GET('/api/applications/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplicationCreate): Promise<Application> =>
      unwrap(api.POST('/api/applications', { body: input })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(designationKeys.application(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['applications', 'list'] });
    },
  });
}

/** Every write on an application answers with the application: keep it as the cached detail. */
function useApplicationWrite<Input>(id: string, call: (input: Input) => Promise<Application>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (saved) => {
      queryClient.setQueryData(designationKeys.application(id), saved);
      await queryClient.invalidateQueries({ queryKey: ['applications', 'list'] });
      await queryClient.invalidateQueries({ queryKey: designationKeys.designations });
    },
  });
}

export function useApplicationActions(id: string) {
  const path = { params: { path: { id } } };
  return {
    statement: useApplicationWrite(id, (statement: string) =>
      unwrap(api.PATCH('/api/applications/{id}', { ...path, body: { statement } })),
    ),
    note: useApplicationWrite(id, ({ itemCode, note }: { itemCode: string; note: string }) =>
      unwrap(
        api.PUT('/api/applications/{id}/materials/{itemCode}', {
          params: { path: { id, itemCode } },
          body: { note },
        }),
      ),
    ),
    submit: useApplicationWrite(id, () => unwrap(api.POST('/api/applications/{id}/submit', path))),
    withdraw: useApplicationWrite(id, (reason: string) =>
      unwrap(api.POST('/api/applications/{id}/withdraw', { ...path, body: { reason } })),
    ),
    countyReview: useApplicationWrite(id, (body: CountyReviewInput) =>
      unwrap(api.POST('/api/applications/{id}/county-review', { ...path, body })),
    ),
    experts: useApplicationWrite(id, (expertUserIds: string[]) =>
      unwrap(api.PUT('/api/applications/{id}/experts', { ...path, body: { expertUserIds } })),
    ),
    scores: useApplicationWrite(id, (body: ScoresInput) =>
      unwrap(api.PUT('/api/applications/{id}/scores', { ...path, body })),
    ),
    decide: useApplicationWrite(id, (body: DecisionInput) =>
      unwrap(api.POST('/api/applications/{id}/decision', { ...path, body })),
    ),
    answer: useApplicationWrite(id, ({ objectionId, answer }: { objectionId: string; answer: string }) =>
      unwrap(
        api.POST('/api/applications/{id}/objections/{objectionId}/answer', {
          params: { path: { id, objectionId } },
          body: { answer },
        }),
      ),
    ),
    designate: useApplicationWrite(id, () => unwrap(api.POST('/api/applications/{id}/designate', path))),
  };
}

export function useExpertCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: designationKeys.candidates(id),
    queryFn: (): Promise<{ items: ExpertCandidate[] }> =>
      unwrap(api.GET('/api/applications/{id}/expert-candidates', { params: { path: { id } } })),
    enabled,
  });
}

/**
 * Uploads one criterion's attachment with progress (fetch cannot report upload progress). The session
 * cookie goes along; the CSRF token is the one the session query holds.
 */
export function uploadMaterialFile(
  id: string,
  itemCode: string,
  file: File,
  csrfToken: string | null,
  onProgress: (percent: number) => void,
): Promise<Application> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/applications/${id}/materials/${encodeURIComponent(itemCode)}/file`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) {
      xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(Math.round((event.loaded / event.total) * 100));
      }
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as Application);
      } else {
        const problem = (body ?? {}) as { detail?: string; title?: string };
        reject(new Error(problem.detail ?? problem.title ?? `HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The upload, keeping the cached detail current. */
export function useUploadMaterial(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      itemCode,
      file,
      onProgress,
    }: {
      itemCode: string;
      file: File;
      onProgress: (percent: number) => void;
    }): Promise<Application> => {
      const me = queryClient.getQueryData<MeResponse | null>(ME_QUERY_KEY);
      return uploadMaterialFile(id, itemCode, file, me?.csrfToken ?? null, onProgress);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(designationKeys.application(id), saved);
    },
  });
}

export function downloadMaterialFile(id: string, itemCode: string, fileName: string): Promise<string> {
  return download(
    api.GET('/api/applications/{id}/materials/{itemCode}/file', {
      params: { path: { id, itemCode } },
      parseAs: 'blob',
    }),
    fileName,
  );
}

// Designations ---------------------------------------------------------------------------------------------

export function useDesignationList(query: DesignationQuery) {
  return useQuery({
    queryKey: designationKeys.designationList(query),
    queryFn: (): Promise<Page<Designation>> => unwrap(api.GET('/api/designations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useDesignation(id: string) {
  return useQuery({
    queryKey: designationKeys.designation(id),
    queryFn: (): Promise<DesignationDetail> => unwrap(api.GET('/api/designations/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

export function exportDesignations(query: Omit<DesignationQuery, 'page' | 'pageSize'>): Promise<string> {
  return download(api.GET('/api/designations/export', { params: { query }, parseAs: 'blob' }), '示范命名.xlsx');
}

export function downloadDesignationPdf(designation: Designation): Promise<string> {
  return download(
    api.GET('/api/designations/{id}/pdf', { params: { path: { id: designation.id } }, parseAs: 'blob' }),
    `授牌证书-${designation.number}.pdf`,
  );
}

export function useReviewOutcome(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, body }: { reviewId: string; body: ReviewOutcomeInput }): Promise<DesignationDetail> =>
      unwrap(
        api.POST('/api/designations/{id}/reviews/{reviewId}/outcome', { params: { path: { id, reviewId } }, body }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(designationKeys.designation(id), saved);
      await queryClient.invalidateQueries({ queryKey: designationKeys.designations });
    },
  });
}

export function useReviewList(query: ReviewQuery) {
  return useQuery({
    queryKey: designationKeys.reviews(query),
    queryFn: (): Promise<Page<DesignationReview>> =>
      unwrap(api.GET('/api/designations/reviews', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useGenerateReviews() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number): Promise<{ year: number; created: number }> =>
      unwrap(api.POST('/api/designations/reviews/generate', { body: { year } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: designationKeys.designations });
    },
  });
}

// Expert ties ----------------------------------------------------------------------------------------------

export function useExpertTies() {
  return useQuery({
    queryKey: designationKeys.ties,
    queryFn: (): Promise<{ items: ExpertTie[] }> => unwrap(api.GET('/api/expert-ties')),
  });
}

export function useDeclareTie() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertTieInput): Promise<ExpertTie> => unwrap(api.POST('/api/expert-ties', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: designationKeys.ties }),
  });
}

export function useRemoveTie() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await unwrap(api.DELETE('/api/expert-ties/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: designationKeys.ties }),
  });
}

// Public ---------------------------------------------------------------------------------------------------

export function usePublicDirectory(query: PublicDesignationQuery) {
  return useQuery({
    queryKey: designationKeys.publicDirectory(query),
    queryFn: (): Promise<Page<PublicDesignation>> => unwrap(api.GET('/api/public/designations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicNotices() {
  return useQuery({
    queryKey: designationKeys.publicNotices,
    queryFn: (): Promise<{ items: PublicNotice[] }> => unwrap(api.GET('/api/public/notices')),
  });
}

export function useLodgeObjection() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ObjectionInput }): Promise<{ id: string; lodgedAt: string }> =>
      unwrap(api.POST('/api/public/notices/{id}/objections', { params: { path: { id } }, body })),
  });
}
