import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { conformingByRegion, countConformingEnterprises } from '../certificates/index';
import { designationSpans, type DesignationSpan } from '../designations/index';
import { certificateFingerprint, designationFingerprint } from './programme.repo';

/**
 * Conforming-enterprise counts are a count(distinct) over the certificates held on a date: ~20–40 ms at
 * 20,000 certificates on SQLite, and a progress answer needs one per date (today and each milestone),
 * the chart one per month. The answer for a date depends only on the certificate rows, so it is kept
 * per date (and region subtree) together with the certificates' fingerprint, and reused while the
 * fingerprint is unchanged. The fingerprint is read once per request, so an issue or a revocation is
 * seen by the next request, in every server process. Bounded (least recently used first out).
 */
const MAX_ENTRIES = 512;
type Entries = Map<string, { fingerprint: string; value: unknown }>;
// One cache per database handle (tests and tools may open several in one process).
const caches = new WeakMap<Kysely<DB>, Entries>();

function cacheOf(db: Kysely<DB>): Entries {
  let entries = caches.get(db);
  if (!entries) {
    entries = new Map();
    caches.set(db, entries);
  }
  return entries;
}

function remember(cache: Entries, key: string, fingerprint: string, value: unknown) {
  cache.set(key, { fingerprint, value });
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
}

async function cached<T>(cache: Entries, key: string, fingerprint: string, compute: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fingerprint) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  remember(cache, key, fingerprint, value);
  return value;
}

/** Conforming counts for one request: the certificates' fingerprint is read once, here. */
export async function conformingCounter(db: Kysely<DB>) {
  const fingerprint = await certificateFingerprint(db);
  const cache = cacheOf(db);
  return {
    byRegion: (asOf: string) => cached(cache, `byRegion|${asOf}`, fingerprint, () => conformingByRegion(db, asOf)),
    count: (asOf: string, regionPath: string) =>
      cached(cache, `count|${asOf}|${regionPath}`, fingerprint, () =>
        countConformingEnterprises(db, { asOf, regionPath }),
      ),
  };
}

/**
 * Every designation's counting span (designationSpans), reused while no designation was made or revoked:
 * one read of 2,000 rows costs ~5 ms on SQLite, and every progress answer and chart needs them.
 */
export async function cachedDesignationSpans(db: Kysely<DB>): Promise<DesignationSpan[]> {
  const fingerprint = await designationFingerprint(db);
  return cached(cacheOf(db), 'spans', fingerprint, () => designationSpans(db));
}
