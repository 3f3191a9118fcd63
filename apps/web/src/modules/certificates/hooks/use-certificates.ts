import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap } from '../../../api/client';
import type { Certificate, CertificateQuery, Page, PublicCertificate } from '../../../api/types';

export const certificateKeys = {
  all: ['certificates'] as const,
  list: (query: CertificateQuery) => ['certificates', 'list', query] as const,
  detail: (id: string) => ['certificates', 'detail', id] as const,
  public: (number: string) => ['public-certificate', number] as const,
};

export function useCertificateList(query: CertificateQuery, enabled = true) {
  return useQuery({
    queryKey: certificateKeys.list(query),
    queryFn: (): Promise<Page<Certificate>> => unwrap(api.GET('/api/certificates', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCertificate(id: string) {
  return useQuery({
    queryKey: certificateKeys.detail(id),
    queryFn: (): Promise<Certificate> => unwrap(api.GET('/api/certificates/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

export function useRevokeCertificate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string): Promise<Certificate> =>
      unwrap(api.POST('/api/certificates/{id}/revoke', { params: { path: { id } }, body: { reason } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(certificateKeys.detail(id), saved);
      await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
    },
  });
}

export function downloadCertificatePdf(certificate: Certificate): Promise<string> {
  return download(
    api.GET('/api/certificates/{id}/pdf', { params: { path: { id: certificate.id } }, parseAs: 'blob' }),
    `${certificate.number}.pdf`,
  );
}

/** The public verification record; needs no session. */
export function usePublicCertificate(number: string) {
  return useQuery({
    queryKey: certificateKeys.public(number),
    queryFn: (): Promise<PublicCertificate> =>
      unwrap(api.GET('/api/public/certificates/{number}', { params: { path: { number } } })),
    enabled: number !== '',
    retry: false,
  });
}
