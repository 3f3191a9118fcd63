import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiGet, apiPost, apiUpload } from '../../../api/client';
import type { ImportJob, ImportJobStatus, ImportStarted } from '../../../api/types';
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
      const job = await apiGet<ImportJob>(`/api/enterprises/import/${encodeURIComponent(jobId ?? '')}`);
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
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<ImportStarted>('/api/enterprises/import', form);
    },
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => apiPost<unknown>(`/api/enterprises/import/${encodeURIComponent(jobId)}/commit`),
    onSuccess: async (_data, jobId) => {
      await queryClient.invalidateQueries({ queryKey: ['enterprise-import', jobId] });
    },
  });
}

export function downloadImportTemplate(): Promise<string> {
  return apiDownload('/api/enterprises/import/template', undefined, 'enterprise-import-template.xlsx');
}
