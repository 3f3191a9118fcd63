import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, download, multipartBody, unwrap } from '../../../api/client';
import type { Framework, FrameworkContent, FrameworkVersion } from '../../../api/types';

export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: ['frameworks', 'list'] as const,
  version: (id: string) => ['frameworks', 'version', id] as const,
  requirements: (id: string, industry: string | undefined) => ['frameworks', 'requirements', id, industry] as const,
};

export function useFrameworks() {
  return useQuery({
    queryKey: frameworkKeys.list,
    queryFn: (): Promise<{ items: Framework[] }> => unwrap(api.GET('/api/frameworks')),
    staleTime: 5 * 60_000,
  });
}

export function useFrameworkVersion(id: string) {
  return useQuery({
    queryKey: frameworkKeys.version(id),
    queryFn: (): Promise<FrameworkVersion> =>
      unwrap(api.GET('/api/framework-versions/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

/** The requirements an enterprise of `industry` is assessed against under this standard version. */
export function useEffectiveRequirements(id: string, industry: string | undefined) {
  return useQuery({
    queryKey: frameworkKeys.requirements(id, industry),
    queryFn: () =>
      unwrap(api.GET('/api/framework-versions/{id}/requirements', { params: { path: { id }, query: { industry } } })),
    enabled: id !== '',
  });
}

export interface VersionOption {
  value: string;
  label: string;
}

/** Published versions of the standards (not guides), newest first: what a campaign or a heat map can use. */
export function usePublishedStandardVersions() {
  const frameworks = useFrameworks();
  const options = useMemo<VersionOption[]>(
    () =>
      (frameworks.data?.items ?? [])
        .filter((framework) => framework.kind === 'standard')
        .flatMap((framework) =>
          framework.versions
            .filter((version) => version.status === 'published')
            .map((version) => ({ value: version.id, label: `${framework.name}（${version.version}）` })),
        )
        .reverse(),
    [frameworks.data],
  );
  return { options, isLoading: frameworks.isLoading, error: frameworks.error };
}

export interface NewVersionInput {
  frameworkId: string;
  version: string;
  copyFromVersionId?: string;
  baseVersionId?: string;
}

export function useCreateVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ frameworkId, ...body }: NewVersionInput): Promise<FrameworkVersion> =>
      unwrap(
        api.POST('/api/frameworks/{id}/versions', {
          params: { path: { id: frameworkId } },
          body: body.copyFromVersionId ? body : { ...body, content: { chapters: [] } },
        }),
      ),
    onSuccess: async (created) => {
      queryClient.setQueryData(frameworkKeys.version(created.id), created);
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.list });
    },
  });
}

export function useSaveContent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (content: FrameworkContent): Promise<FrameworkVersion> =>
      unwrap(api.PUT('/api/framework-versions/{id}/content', { params: { path: { id } }, body: { content } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(frameworkKeys.version(id), saved);
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.list });
    },
  });
}

export type VersionTransition = 'publish' | 'retire';

export function useVersionTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (transition: VersionTransition): Promise<FrameworkVersion> =>
      unwrap(api.POST(`/api/framework-versions/{id}/${transition}`, { params: { path: { id } } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(frameworkKeys.version(id), saved);
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}

export function useImportVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ frameworkId, file, version }: { frameworkId: string; file: File; version: string }) =>
      unwrap(
        api.POST('/api/frameworks/{id}/import', {
          params: { path: { id: frameworkId } },
          body: { file, version },
          bodySerializer: (body) => multipartBody(body),
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.list });
    },
  });
}

export type ExportFormat = 'json' | 'xlsx';

export function exportVersion(id: string, format: ExportFormat, fallbackName: string): Promise<string> {
  return download(
    api.GET('/api/framework-versions/{id}/export', {
      params: { path: { id }, query: { format } },
      parseAs: 'blob',
    }),
    `${fallbackName}.${format}`,
  );
}
