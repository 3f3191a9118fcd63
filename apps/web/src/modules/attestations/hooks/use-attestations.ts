import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap } from '../../../api/client';
import type { QueryParameters, RequestBody, ResponseBody } from '../../../api/types';

export type Attestation = ResponseBody<'/api/attestations/{id}', 'get'>['attestation'];
export type AttestationWithReceipt = ResponseBody<'/api/attestations/{id}', 'get'>;
export type AttestationPage = ResponseBody<'/api/attestations', 'get'>;
export type AttestationQuery = QueryParameters<'/api/attestations', 'get'>;
export type AttestationBatchBody = RequestBody<'/api/attestations/batch', 'post'>;
export type AttestationBatchResult = ResponseBody<'/api/attestations/batch', 'post', 201>;
export type AttestationEvidenceList = ResponseBody<'/api/assessments/{id}/attestation-evidence', 'get'>;

export const attestationKeys = {
  all: ['attestations'] as const,
  list: (query: AttestationQuery) => ['attestations', 'list', query] as const,
  detail: (id: string) => ['attestations', 'detail', id] as const,
  evidence: (assessmentId: string) => ['attestation-evidence', assessmentId] as const,
};

export function useAttestationList(query: AttestationQuery, enabled = true) {
  return useQuery({
    queryKey: attestationKeys.list(query),
    queryFn: (): Promise<AttestationPage> => unwrap(api.GET('/api/attestations', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAttestation(id: string) {
  return useQuery({
    queryKey: attestationKeys.detail(id),
    queryFn: (): Promise<AttestationWithReceipt> =>
      unwrap(api.GET('/api/attestations/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

/** Attests many hashes in one request (one Idempotency-Key per request: a retried request is refused, not doubled). */
export function useAttestBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttestationBatchBody & { key: string }): Promise<AttestationBatchResult> =>
      unwrap(
        api.POST('/api/attestations/batch', {
          body: { items: body.items },
          params: { header: { 'idempotency-key': body.key } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: attestationKeys.all });
    },
  });
}

export function downloadReceiptJson(attestation: Attestation): Promise<string> {
  return download(
    api.GET('/api/attestations/{id}/receipt', { params: { path: { id: attestation.id } }, parseAs: 'blob' }),
    `存证回执-${attestation.leafIndex ?? attestation.id}.json`,
  );
}

export function downloadReceiptPdf(attestation: Attestation): Promise<string> {
  return download(
    api.GET('/api/attestations/{id}/pdf', { params: { path: { id: attestation.id } }, parseAs: 'blob' }),
    `存证证书-${attestation.leafIndex ?? attestation.id}.pdf`,
  );
}

export function downloadAttestationExcel(query: Omit<AttestationQuery, 'page' | 'pageSize'>): Promise<string> {
  return download(api.GET('/api/attestations/export', { params: { query }, parseAs: 'blob' }), '存证记录.xlsx');
}

export function useAttestationEvidence(assessmentId: string) {
  return useQuery({
    queryKey: attestationKeys.evidence(assessmentId),
    queryFn: (): Promise<AttestationEvidenceList> =>
      unwrap(api.GET('/api/assessments/{id}/attestation-evidence', { params: { path: { id: assessmentId } } })),
    enabled: assessmentId !== '',
  });
}

export function useAddAttestationEvidence(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { requirementCode: string; attestationId: string }) =>
      unwrap(api.POST('/api/assessments/{id}/attestation-evidence', { params: { path: { id: assessmentId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: attestationKeys.evidence(assessmentId) });
    },
  });
}

export function useRemoveAttestationEvidence(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) =>
      unwrap(
        api.DELETE('/api/assessments/{id}/attestation-evidence/{evidenceId}', {
          params: { path: { id: assessmentId, evidenceId } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: attestationKeys.evidence(assessmentId) });
    },
  });
}
