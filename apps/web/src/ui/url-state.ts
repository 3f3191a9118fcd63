import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type UrlPatch = Record<string, string | number | null | undefined>;

export interface UrlState {
  get: (key: string) => string | undefined;
  page: number;
  pageSize: number;
  /** Updates keys (empty values remove them); a change that does not name the page goes back to page 1. */
  set: (patch: UrlPatch) => void;
  clear: () => void;
}

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Keeps a list page's filters, sort and page in the URL, so back/forward and shared links restore them. */
export function useUrlState(): UrlState {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);
  const set = useCallback(
    (patch: UrlPatch) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') {
              next.delete(key);
            } else {
              next.set(key, String(value));
            }
          }
          if (!('page' in patch)) {
            next.delete('page');
          }
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return {
    get,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE),
    set,
    clear,
  };
}
