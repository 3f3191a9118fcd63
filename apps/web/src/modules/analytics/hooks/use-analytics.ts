import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, unwrap } from '../../../api/client';
import type { CommonGaps, CommonGapsQuery, Heatmap, HeatmapQuery } from '../../../api/types';

export function useHeatmap(query: HeatmapQuery) {
  return useQuery({
    queryKey: ['conformance', 'heatmap', query],
    queryFn: (): Promise<Heatmap> => unwrap(api.GET('/api/conformance/heatmap', { params: { query } })),
    enabled: query.standardVersionId !== '',
    placeholderData: keepPreviousData,
  });
}

export function useCommonGaps(query: CommonGapsQuery) {
  return useQuery({
    queryKey: ['conformance', 'common-gaps', query],
    queryFn: (): Promise<CommonGaps> => unwrap(api.GET('/api/conformance/common-gaps', { params: { query } })),
    enabled: query.standardVersionId !== '',
    placeholderData: keepPreviousData,
  });
}

export function exportHeatmap(query: HeatmapQuery): Promise<string> {
  return download(
    api.GET('/api/conformance/heatmap', { params: { query: { ...query, format: 'xlsx' } }, parseAs: 'blob' }),
    'heatmap.xlsx',
  );
}

export function exportCommonGaps(query: CommonGapsQuery): Promise<string> {
  return download(
    api.GET('/api/conformance/common-gaps', { params: { query: { ...query, format: 'xlsx' } }, parseAs: 'blob' }),
    'common-gaps.xlsx',
  );
}
