import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, multipartBody, unwrap } from '../../../api/client';
import type { QueryParameters, RequestBody, ResponseBody } from '../../../api/types';
import { useCurrentUser } from '../../../app/auth';

/** The register's data, typed from the server's OpenAPI document. */
export type Register = ResponseBody<'/api/enterprises/{id}/secret-points', 'get'>;
export type PointListItem = Register['items'][number];
export type PointDetail = ResponseBody<'/api/enterprises/{id}/secret-points/{pointId}', 'get'>;
export type PointQuery = QueryParameters<'/api/enterprises/{id}/secret-points', 'get'>;
export type PointInput = RequestBody<'/api/enterprises/{id}/secret-points', 'post'>;
export type PointPatch = RequestBody<'/api/enterprises/{id}/secret-points/{pointId}', 'patch'>;
export type CarrierInput = RequestBody<'/api/enterprises/{id}/secret-points/{pointId}/carriers', 'post'>;
export type CarrierPatch = RequestBody<'/api/enterprises/{id}/secret-points/{pointId}/carriers/{carrierId}', 'patch'>;
export type MeasureInput = RequestBody<'/api/enterprises/{id}/secret-points/{pointId}/measures', 'post'>;
export type EventInput = RequestBody<'/api/enterprises/{id}/secret-points/{pointId}/events', 'post'>;
export type AccessPage = ResponseBody<'/api/enterprises/{id}/secret-access-log', 'get'>;
export type Requirement = ResponseBody<'/api/enterprises/{id}/secret-requirements', 'get'>[number];
export type ImportReport = ResponseBody<'/api/enterprises/{id}/secret-points/import', 'post'>;
export type PersonnelPage = ResponseBody<'/api/enterprises/{id}/personnel', 'get'>;
export type Person = PersonnelPage['items'][number];
export type PersonDetail = ResponseBody<'/api/enterprises/{id}/personnel/{personnelId}', 'get'>;
export type PersonQuery = QueryParameters<'/api/enterprises/{id}/personnel', 'get'>;
export type PersonInput = RequestBody<'/api/enterprises/{id}/personnel', 'post'>;
export type TrainingInput = RequestBody<'/api/enterprises/{id}/personnel/{personnelId}/trainings', 'post'>;
export type AgreementPage = ResponseBody<'/api/enterprises/{id}/agreements', 'get'>;
export type Agreement = AgreementPage['items'][number];
export type AgreementQuery = QueryParameters<'/api/enterprises/{id}/agreements', 'get'>;
export type AgreementInput = RequestBody<'/api/enterprises/{id}/agreements', 'post'>;
export type OffboardingPage = ResponseBody<'/api/enterprises/{id}/offboardings', 'get'>;
export type Offboarding = ResponseBody<'/api/enterprises/{id}/offboardings/{offboardingId}', 'get'>;
export type OffboardingQuery = QueryParameters<'/api/enterprises/{id}/offboardings', 'get'>;
export type OffboardingInput = RequestBody<'/api/enterprises/{id}/offboardings', 'post'>;
export type Attention = ResponseBody<'/api/enterprises/{id}/secret-attention', 'get'>;
export type OffboardingStep = Offboarding['steps'][number]['step'];

/** The signed-in enterprise person's enterprise id ('' for anyone else: queries stay disabled). */
export function useEnterpriseId(): string {
  return useCurrentUser().enterpriseId ?? '';
}

export const secretKeys = {
  all: ['secrets'] as const,
  register: (id: string, query: PointQuery) => ['secrets', id, 'register', query] as const,
  point: (id: string, pointId: string) => ['secrets', id, 'point', pointId] as const,
  access: (id: string, query: object) => ['secrets', id, 'access', query] as const,
  requirements: (id: string) => ['secrets', id, 'requirements'] as const,
  personnel: (id: string, query: object) => ['secrets', id, 'personnel', query] as const,
  person: (id: string, personnelId: string) => ['secrets', id, 'person', personnelId] as const,
  agreements: (id: string, query: object) => ['secrets', id, 'agreements', query] as const,
  offboardings: (id: string, query: object) => ['secrets', id, 'offboardings', query] as const,
  offboarding: (id: string, offboardingId: string) => ['secrets', id, 'offboarding', offboardingId] as const,
  attention: (id: string) => ['secrets', id, 'attention'] as const,
};

export function useRegister(query: PointQuery) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.register(id, query),
    queryFn: (): Promise<Register> =>
      unwrap(api.GET('/api/enterprises/{id}/secret-points', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    enabled: id !== '',
  });
}

export function usePoint(pointId: string) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.point(id, pointId),
    queryFn: (): Promise<PointDetail> =>
      unwrap(api.GET('/api/enterprises/{id}/secret-points/{pointId}', { params: { path: { id, pointId } } })),
    enabled: id !== '' && pointId !== '',
    retry: false,
  });
}

/** A mutation whose answer is the point's new detail: put it in the cache and refresh the lists. */
function usePointMutation<I>(pointId: string, call: (id: string, input: I) => Promise<PointDetail>) {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call(id, input),
    onSuccess: async (detail) => {
      queryClient.setQueryData(secretKeys.point(id, pointId), detail);
      await queryClient.invalidateQueries({ queryKey: ['secrets', id, 'register'] });
      await queryClient.invalidateQueries({ queryKey: secretKeys.attention(id) });
    },
  });
}

export function useCreatePoint() {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PointInput): Promise<PointDetail> =>
      unwrap(api.POST('/api/enterprises/{id}/secret-points', { params: { path: { id } }, body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}

export function useUpdatePoint(pointId: string) {
  return usePointMutation(pointId, (id, body: PointPatch) =>
    unwrap(api.PATCH('/api/enterprises/{id}/secret-points/{pointId}', { params: { path: { id, pointId } }, body })),
  );
}

export function useAcknowledge(pointId: string) {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/enterprises/{id}/secret-points/{pointId}/acknowledgement', {
          params: { path: { id, pointId } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: secretKeys.point(id, pointId) });
    },
  });
}

export function usePointStatus(pointId: string) {
  return usePointMutation(
    pointId,
    (id, { action, reason }: { action: 'confirm' | 'declassify' | 'destroy'; reason?: string }) => {
      const path = { id, pointId };
      switch (action) {
        case 'confirm':
          return unwrap(
            api.POST('/api/enterprises/{id}/secret-points/{pointId}/confirm', { params: { path }, body: {} }),
          );
        case 'declassify':
          return unwrap(
            api.POST('/api/enterprises/{id}/secret-points/{pointId}/declassify', {
              params: { path },
              body: { reason: reason ?? '' },
            }),
          );
        case 'destroy':
          return unwrap(
            api.POST('/api/enterprises/{id}/secret-points/{pointId}/destroy', {
              params: { path },
              body: { reason: reason ?? '' },
            }),
          );
      }
    },
  );
}

export function useSetScope(pointId: string) {
  return usePointMutation(pointId, (id, personnelIds: string[]) =>
    unwrap(
      api.PUT('/api/enterprises/{id}/secret-points/{pointId}/scope', {
        params: { path: { id, pointId } },
        body: { personnelIds },
      }),
    ),
  );
}

export function useAddCarrier(pointId: string) {
  return usePointMutation(pointId, (id, body: CarrierInput) =>
    unwrap(
      api.POST('/api/enterprises/{id}/secret-points/{pointId}/carriers', { params: { path: { id, pointId } }, body }),
    ),
  );
}

export function useUpdateCarrier(pointId: string) {
  return usePointMutation(pointId, (id, { carrierId, ...body }: CarrierPatch & { carrierId: string }) =>
    unwrap(
      api.PATCH('/api/enterprises/{id}/secret-points/{pointId}/carriers/{carrierId}', {
        params: { path: { id, pointId, carrierId } },
        body,
      }),
    ),
  );
}

export function useAddMeasure(pointId: string) {
  return usePointMutation(pointId, (id, body: MeasureInput) =>
    unwrap(
      api.POST('/api/enterprises/{id}/secret-points/{pointId}/measures', { params: { path: { id, pointId } }, body }),
    ),
  );
}

export function useUpdateMeasureStatus(pointId: string) {
  return usePointMutation(pointId, (id, { measureId, status }: { measureId: string; status: 'planned' | 'in_place' }) =>
    unwrap(
      api.PATCH('/api/enterprises/{id}/secret-points/{pointId}/measures/{measureId}', {
        params: { path: { id, pointId, measureId } },
        body: { status },
      }),
    ),
  );
}

export function useAddEvent(pointId: string) {
  return usePointMutation(pointId, (id, body: EventInput) =>
    unwrap(
      api.POST('/api/enterprises/{id}/secret-points/{pointId}/events', { params: { path: { id, pointId } }, body }),
    ),
  );
}

export function useAccessLog(query: { pointId?: string; page: number; pageSize: number }, enabled = true) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.access(id, query),
    queryFn: (): Promise<AccessPage> =>
      unwrap(api.GET('/api/enterprises/{id}/secret-access-log', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    enabled: id !== '' && enabled,
  });
}

export function useRequirements() {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.requirements(id),
    queryFn: (): Promise<Requirement[]> =>
      unwrap(api.GET('/api/enterprises/{id}/secret-requirements', { params: { path: { id } } })),
    enabled: id !== '',
    staleTime: 10 * 60 * 1000,
  });
}

export function useImportPoints() {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File): Promise<ImportReport> =>
      unwrap(
        api.POST('/api/enterprises/{id}/secret-points/import', {
          params: { path: { id } },
          body: { file } as never,
          bodySerializer: () => multipartBody({ file }),
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}

export function useDownloads() {
  const id = useEnterpriseId();
  const path = { id };
  return {
    exportPoints: () =>
      download(
        api.GET('/api/enterprises/{id}/secret-points/export', { params: { path }, parseAs: 'blob' }),
        '秘点清单.xlsx',
      ),
    template: () =>
      download(
        api.GET('/api/enterprises/{id}/secret-points/import/template', { params: { path }, parseAs: 'blob' }),
        '秘点导入模板.xlsx',
      ),
    exportPersonnel: () =>
      download(
        api.GET('/api/enterprises/{id}/personnel/export', { params: { path }, parseAs: 'blob' }),
        '涉密人员.xlsx',
      ),
    exportAgreements: () =>
      download(
        api.GET('/api/enterprises/{id}/agreements/export', { params: { path }, parseAs: 'blob' }),
        '协议台账.xlsx',
      ),
    agreementDocument: (agreementId: string) =>
      download(
        api.GET('/api/enterprises/{id}/agreements/{agreementId}/document', {
          params: { path: { id, agreementId } },
          parseAs: 'blob',
        }),
        '协议文本',
      ),
    reminderLetter: (offboardingId: string) =>
      download(
        api.GET('/api/enterprises/{id}/offboardings/{offboardingId}/reminder-letter', {
          params: { path: { id, offboardingId } },
          parseAs: 'blob',
        }),
        '保密义务提醒函.pdf',
      ),
  };
}

// ── personnel and agreements ────────────────────────────────────────────────────────────────────

export function usePersonnel(query: PersonQuery, enabled = true) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.personnel(id, query),
    queryFn: (): Promise<PersonnelPage> =>
      unwrap(api.GET('/api/enterprises/{id}/personnel', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    enabled: id !== '' && enabled,
  });
}

export function usePerson(personnelId: string) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.person(id, personnelId),
    queryFn: (): Promise<PersonDetail> =>
      unwrap(api.GET('/api/enterprises/{id}/personnel/{personnelId}', { params: { path: { id, personnelId } } })),
    enabled: id !== '' && personnelId !== '',
    retry: false,
  });
}

export function useCreatePerson() {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonInput): Promise<PersonDetail> =>
      unwrap(api.POST('/api/enterprises/{id}/personnel', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}

export function useAddTraining(personnelId: string) {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainingInput): Promise<PersonDetail> =>
      unwrap(
        api.POST('/api/enterprises/{id}/personnel/{personnelId}/trainings', {
          params: { path: { id, personnelId } },
          body,
        }),
      ),
    onSuccess: async (detail) => {
      queryClient.setQueryData(secretKeys.person(id, personnelId), detail);
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}

export function useAgreements(query: AgreementQuery) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.agreements(id, query),
    queryFn: (): Promise<AgreementPage> =>
      unwrap(api.GET('/api/enterprises/{id}/agreements', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    enabled: id !== '',
  });
}

export function useCreateAgreement() {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AgreementInput): Promise<Agreement> =>
      unwrap(api.POST('/api/enterprises/{id}/agreements', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}

export function useTerminateAgreement() {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ agreementId, reason }: { agreementId: string; reason: string }): Promise<Agreement> =>
      unwrap(
        api.POST('/api/enterprises/{id}/agreements/{agreementId}/terminate', {
          params: { path: { id, agreementId } },
          body: { reason },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}

export function useUploadAgreementDocument() {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ agreementId, file }: { agreementId: string; file: File }): Promise<Agreement> =>
      unwrap(
        api.POST('/api/enterprises/{id}/agreements/{agreementId}/document', {
          params: { path: { id, agreementId } },
          body: { file } as never,
          bodySerializer: () => multipartBody({ file }),
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['secrets', id, 'agreements'] });
    },
  });
}

// ── offboarding ─────────────────────────────────────────────────────────────────────────────────

export function useOffboardings(query: OffboardingQuery) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.offboardings(id, query),
    queryFn: (): Promise<OffboardingPage> =>
      unwrap(api.GET('/api/enterprises/{id}/offboardings', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    enabled: id !== '',
  });
}

export function useOffboarding(offboardingId: string) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.offboarding(id, offboardingId),
    queryFn: (): Promise<Offboarding> =>
      unwrap(
        api.GET('/api/enterprises/{id}/offboardings/{offboardingId}', {
          params: { path: { id, offboardingId } },
        }),
      ),
    enabled: id !== '' && offboardingId !== '',
    retry: false,
  });
}

export function useStartOffboarding() {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OffboardingInput): Promise<Offboarding> =>
      unwrap(api.POST('/api/enterprises/{id}/offboardings', { params: { path: { id } }, body })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(secretKeys.offboarding(id, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}

export function useOffboardingAction(offboardingId: string) {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      action:
        | { kind: 'step'; step: OffboardingStep; note?: string | null; agreementId?: string | null }
        | { kind: 'paid'; paymentId: string; paidOn: string },
    ): Promise<Offboarding> =>
      action.kind === 'step'
        ? unwrap(
            api.POST('/api/enterprises/{id}/offboardings/{offboardingId}/steps/{step}', {
              params: { path: { id, offboardingId, step: action.step } },
              body: { note: action.note ?? null, agreementId: action.agreementId ?? null },
            }),
          )
        : unwrap(
            api.POST('/api/enterprises/{id}/offboardings/{offboardingId}/payments/{paymentId}/paid', {
              params: { path: { id, offboardingId, paymentId: action.paymentId } },
              body: { paidOn: action.paidOn },
            }),
          ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(secretKeys.offboarding(id, offboardingId), saved);
      await queryClient.invalidateQueries({ queryKey: ['secrets', id, 'offboardings'] });
      await queryClient.invalidateQueries({ queryKey: secretKeys.attention(id) });
    },
  });
}

export function useAttention(enabled: boolean) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: secretKeys.attention(id),
    queryFn: (): Promise<Attention> =>
      unwrap(api.GET('/api/enterprises/{id}/secret-attention', { params: { path: { id } } })),
    enabled: id !== '' && enabled,
  });
}

export type PersonPatch = RequestBody<'/api/enterprises/{id}/personnel/{personnelId}', 'patch'>;

export function useUpdatePerson(personnelId: string) {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonPatch): Promise<PersonDetail> =>
      unwrap(
        api.PATCH('/api/enterprises/{id}/personnel/{personnelId}', { params: { path: { id, personnelId } }, body }),
      ),
    onSuccess: async (detail) => {
      queryClient.setQueryData(secretKeys.person(id, personnelId), detail);
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}

/** The enterprise's own platform accounts (to link a person to the account they sign in with). */
export function useEnterpriseAccounts(enabled: boolean) {
  const id = useEnterpriseId();
  return useQuery({
    queryKey: ['secrets', id, 'accounts'],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { organizationId: id, page: 1, pageSize: 100 } } })),
    enabled: id !== '' && enabled,
  });
}

export type LevelInput = RequestBody<'/api/enterprises/{id}/secret-levels', 'put'>['levels'][number];

export function useSetLevels() {
  const id = useEnterpriseId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (levels: LevelInput[]) =>
      unwrap(api.PUT('/api/enterprises/{id}/secret-levels', { params: { path: { id } }, body: { levels } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['secrets', id] });
    },
  });
}
