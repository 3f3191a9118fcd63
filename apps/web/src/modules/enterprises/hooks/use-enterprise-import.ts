import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap } from '../../../api/client';
import type { ImportJobStatus } from '../../../api/types';
import { enterpriseKeys } from './use-enterprises';

const POLL_MS = 800;

/** Statuses in which the server is still working and the page should keep asking. */
export function isImportRunning(status: ImportJobStatus | undefined): boolean {
  return status === 'validating' || status === 'importing';
}

export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['enterprise-import', jobId],
    queryFn: async () => {
      const job = await unwrap(
        api.GET('/api/enterprises/import/{jobId}', { params: { path: { jobId: jobId ?? '' } } }),
      );
      if (job.status === 'done') {
        await queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
      }
      return job;
    },
    enabled: jobId !== null,
    refetchInterval: (query) => (isImportRunning(query.state.data?.status) || !query.state.data ? POLL_MS : false),
    staleTime: 0,
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/enterprises/import', {
          body: { file },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append('file', body.file, body.file.name);
            return form;
          },
        }),
      ),
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      unwrap(api.POST('/api/enterprises/import/{jobId}/commit', { params: { path: { jobId } } })),
    onSuccess: async (_data, jobId) => {
      await queryClient.invalidateQueries({ queryKey: ['enterprise-import', jobId] });
    },
  });
}

export function downloadImportTemplate(): Promise<string> {
  return download(api.GET('/api/enterprises/import/template', { parseAs: 'blob' }), 'enterprise-import-template.xlsx');
}
