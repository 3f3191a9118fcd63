import { useUrlState, type UrlState } from '../../../ui/url-state';

type Choices = Record<string, readonly string[]>;

export type PlaceListFilters<C extends Choices> = { q: string | undefined; regionId: string | undefined } & {
  [K in keyof C]: C[K][number] | undefined;
};

export interface PlaceListQuery<C extends Choices> {
  url: UrlState;
  /** The search text, region and each choice filter as read from the URL (unknown values dropped). */
  filters: PlaceListFilters<C>;
  /** Whether any filter is set, so an empty list can say "nothing matches" rather than "nothing yet". */
  filtered: boolean;
}

/** Reads a place list's filters from the URL: `q`, `regionId`, and one key per choice list given. */
export function usePlaceListQuery<C extends Choices>(choices: C): PlaceListQuery<C> {
  const url = useUrlState();
  const filters = { q: url.get('q'), regionId: url.get('regionId') } as Record<string, string | undefined>;
  for (const [key, values] of Object.entries(choices)) {
    filters[key] = values.find((value) => value === url.get(key));
  }
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return { url, filters: filters as PlaceListFilters<C>, filtered };
}
