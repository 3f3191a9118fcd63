import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../../api/client';
import type { RegionNode } from '../../../api/types';

export const regionKeys = { all: ['regions'] as const };

export function useRegions() {
  return useQuery({
    queryKey: regionKeys.all,
    queryFn: (): Promise<{ items: RegionNode[] }> => unwrap(api.GET('/api/regions')),
    // Regions change perhaps once a year.
    staleTime: 60 * 60_000,
  });
}

/** id → name for every node of the tree. */
export function useRegionNames(): Map<string, string> {
  const { data } = useRegions();
  return useMemo(() => {
    const names = new Map<string, string>();
    const visit = (nodes: RegionNode[]) => {
      for (const node of nodes) {
        names.set(node.id, node.name);
        visit(node.children);
      }
    };
    visit(data?.items ?? []);
    return names;
  }, [data]);
}
