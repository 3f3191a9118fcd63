import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type {
  Base,
  BaseInput,
  BasePatch,
  BaseQuery,
  Page,
  PublicMap,
  PublicStation,
  PublicStationQuery,
  Station,
  StationInput,
  StationPatch,
  StationQuery,
} from '../../../api/types';

export const placeKeys = {
  stations: ['stations'] as const,
  stationList: (query: StationQuery) => ['stations', 'list', query] as const,
  station: (id: string) => ['stations', 'detail', id] as const,
  bases: ['bases'] as const,
  baseList: (query: BaseQuery) => ['bases', 'list', query] as const,
  base: (id: string) => ['bases', 'detail', id] as const,
  publicStations: (query: PublicStationQuery) => ['public-stations', query] as const,
  publicMap: ['public-map'] as const,
};

export function useStationList(query: StationQuery) {
  return useQuery({
    queryKey: placeKeys.stationList(query),
    queryFn: (): Promise<Page<Station>> => unwrap(api.GET('/api/stations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useStation(id: string) {
  return useQuery({
    queryKey: placeKeys.station(id),
    queryFn: (): Promise<Station> => unwrap(api.GET('/api/stations/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

export function useSaveStation(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StationInput | StationPatch): Promise<Station> =>
      id
        ? unwrap(api.PATCH('/api/stations/{id}', { params: { path: { id } }, body: input }))
        : unwrap(api.POST('/api/stations', { body: input as StationInput })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(placeKeys.station(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: placeKeys.stations });
    },
  });
}

export function useStationStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'archive' | 'restore'; reason: string }): Promise<Station> =>
      action === 'archive'
        ? unwrap(api.POST('/api/stations/{id}/archive', { params: { path: { id } }, body: { reason } }))
        : unwrap(api.POST('/api/stations/{id}/restore', { params: { path: { id } }, body: { reason } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(placeKeys.station(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: placeKeys.stations });
    },
  });
}

export function useBaseList(query: BaseQuery) {
  return useQuery({
    queryKey: placeKeys.baseList(query),
    queryFn: (): Promise<Page<Base>> => unwrap(api.GET('/api/bases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useBase(id: string) {
  return useQuery({
    queryKey: placeKeys.base(id),
    queryFn: (): Promise<Base> => unwrap(api.GET('/api/bases/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}

/** Saves a base and then the enterprises it covers (a separate resource on the server). */
export function useSaveBase(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      input,
      enterpriseIds,
    }: {
      input: BaseInput | BasePatch;
      enterpriseIds: string[] | null;
    }): Promise<Base> => {
      let saved: Base | null = null;
      if (!id) {
        saved = await unwrap(api.POST('/api/bases', { body: input as BaseInput }));
      } else if (Object.keys(input).length > 0) {
        saved = await unwrap(api.PATCH('/api/bases/{id}', { params: { path: { id } }, body: input }));
      }
      const baseId = saved?.id ?? id ?? '';
      if (enterpriseIds) {
        saved = await unwrap(
          api.PUT('/api/bases/{id}/enterprises', { params: { path: { id: baseId } }, body: { enterpriseIds } }),
        );
      }
      return saved ?? unwrap(api.GET('/api/bases/{id}', { params: { path: { id: baseId } } }));
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(placeKeys.base(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: placeKeys.bases });
    },
  });
}

export function useBaseStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'archive' | 'restore'; reason: string }): Promise<Base> =>
      action === 'archive'
        ? unwrap(api.POST('/api/bases/{id}/archive', { params: { path: { id } }, body: { reason } }))
        : unwrap(api.POST('/api/bases/{id}/restore', { params: { path: { id } }, body: { reason } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(placeKeys.base(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: placeKeys.bases });
    },
  });
}

/** The public directory; needs no session. */
export function usePublicStations(query: PublicStationQuery) {
  return useQuery({
    queryKey: placeKeys.publicStations(query),
    queryFn: (): Promise<{ items: PublicStation[] }> => unwrap(api.GET('/api/public/stations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Points, counts per region and the frame of the public map; needs no session. */
export function usePublicMap() {
  return useQuery({
    queryKey: placeKeys.publicMap,
    queryFn: (): Promise<PublicMap> => unwrap(api.GET('/api/public/map')),
    staleTime: 5 * 60_000,
  });
}
