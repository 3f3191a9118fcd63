import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, multipartBody, unwrap } from '../../../api/client';
import type {
  AnswerSaved,
  Assessment,
  AssessmentEvidence,
  AssessmentQuery,
  AssessmentSummary,
  EvidenceLinkInput,
  Page,
  ReviewInput,
} from '../../../api/types';

export const assessmentKeys = {
  all: ['assessments'] as const,
  list: (query: AssessmentQuery) => ['assessments', 'list', query] as const,
  detail: (id: string) => ['assessments', 'detail', id] as const,
};

export function useAssessmentList(query: AssessmentQuery, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.list(query),
    queryFn: (): Promise<Page<AssessmentSummary>> => unwrap(api.GET('/api/assessments', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: assessmentKeys.detail(id),
    queryFn: (): Promise<Assessment> => unwrap(api.GET('/api/assessments/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

/** Puts a saved answer and the new score into the cached assessment, without refetching 100 requirements. */
export function applySavedAnswer(assessment: Assessment, code: string, saved: AnswerSaved): Assessment {
  const score = { ...assessment.score, ...saved.score };
  score.certifiable =
    score.mandatoryUnmet === 0 && score.scoreBp >= score.passScoreBp && score.answered === score.total;
  return {
    ...assessment,
    status: saved.status,
    scoreBp: saved.score.scoreBp,
    mandatoryUnmet: saved.score.mandatoryUnmet,
    answered: saved.score.answered,
    total: saved.score.total,
    answers: {
      ...assessment.answers,
      [code]: { answer: saved.answer, naReason: saved.naReason, notes: saved.notes, updatedAt: saved.updatedAt },
    },
    score,
  };
}

function addEvidence(assessment: Assessment, evidence: AssessmentEvidence): Assessment {
  const list = assessment.evidence[evidence.requirementCode] ?? [];
  return { ...assessment, evidence: { ...assessment.evidence, [evidence.requirementCode]: [...list, evidence] } };
}

export function useUploadEvidence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, requirementCode }: { file: File; requirementCode: string }): Promise<AssessmentEvidence> =>
      unwrap(
        api.POST('/api/assessments/{id}/evidence', {
          params: { path: { id } },
          body: { requirementCode, file },
          bodySerializer: (body) => multipartBody(body),
        }),
      ),
    onSuccess: (evidence) => {
      queryClient.setQueryData<Assessment>(assessmentKeys.detail(id), (old) =>
        old ? addEvidence(old, evidence) : old,
      );
    },
  });
}

export function useLinkEvidence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EvidenceLinkInput): Promise<AssessmentEvidence> =>
      unwrap(api.POST('/api/assessments/{id}/links', { params: { path: { id } }, body: input })),
    onSuccess: (evidence) => {
      queryClient.setQueryData<Assessment>(assessmentKeys.detail(id), (old) =>
        old ? addEvidence(old, evidence) : old,
      );
    },
  });
}

export function useRemoveEvidence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (evidence: AssessmentEvidence) => {
      await unwrap(
        api.DELETE('/api/assessments/{id}/evidence/{evidenceId}', {
          params: { path: { id, evidenceId: evidence.id } },
        }),
      );
      return evidence;
    },
    onSuccess: (removed) => {
      queryClient.setQueryData<Assessment>(assessmentKeys.detail(id), (old) =>
        old
          ? {
              ...old,
              evidence: {
                ...old.evidence,
                [removed.requirementCode]: (old.evidence[removed.requirementCode] ?? []).filter(
                  (item) => item.id !== removed.id,
                ),
              },
            }
          : old,
      );
    },
  });
}

export function downloadEvidence(id: string, evidence: AssessmentEvidence): Promise<string> {
  return download(
    api.GET('/api/assessments/{id}/evidence/{evidenceId}/file', {
      params: { path: { id, evidenceId: evidence.id } },
      parseAs: 'blob',
    }),
    evidence.fileName ?? 'evidence',
  );
}

export function downloadGaps(id: string): Promise<string> {
  return download(
    api.GET('/api/assessments/{id}/gaps', { params: { path: { id }, query: { format: 'xlsx' } }, parseAs: 'blob' }),
    'gaps.xlsx',
  );
}

export function useSubmitAssessment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<Assessment> =>
      unwrap(api.POST('/api/assessments/{id}/submit', { params: { path: { id } } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(assessmentKeys.detail(id), saved);
      await queryClient.invalidateQueries({ queryKey: ['assessments', 'list'] });
    },
  });
}

export function useReviewAssessment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput): Promise<Assessment> =>
      unwrap(api.POST('/api/assessments/{id}/review', { params: { path: { id } }, body: input })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(assessmentKeys.detail(id), saved);
      await queryClient.invalidateQueries({ queryKey: ['assessments', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['certificates'] });
    },
  });
}
