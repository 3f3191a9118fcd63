import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGet } from '../../../api/client';
import type { ItemList, RegionNode } from '../../../api/types';

export const regionKeys = { all: ['regions'] as const };

export function useRegions() {
  return useQuery({
    queryKey: regionKeys.all,
    queryFn: () => apiGet<ItemList<RegionNode>>('/api/regions'),
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
