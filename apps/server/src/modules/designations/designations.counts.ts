import type { Kysely } from 'kysely';
import type { DesignationKind } from '@shangmi/shared';
import type { DB } from '../../db/schema';

/**
 * What counts toward the plan's targets: a designation counts from its designated_on day until its
 * revoked_on day (exclusive). Revocation never deletes the row, so any past date is answered as it stood.
 */
export interface DesignationCount {
  kind: DesignationKind;
  /** The county-level region (county or zone) the designated subject sits in. */
  countyRegionId: string;
  count: number;
}

/** Designations in force on `asOf` (YYYY-MM-DD), per kind and county-level region: one grouped query. */
export async function countDesignations(
  db: Kysely<DB>,
  input: { asOf: string; countyRegionId?: string },
): Promise<DesignationCount[]> {
  let query = db
    .selectFrom('designations')
    .select(['kind', 'county_region_id'])
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('designated_on', '<=', input.asOf)
    .where((eb) => eb.or([eb('revoked_on', 'is', null), eb('revoked_on', '>', input.asOf)]))
    .groupBy(['kind', 'county_region_id']);
  if (input.countyRegionId) {
    query = query.where('county_region_id', '=', input.countyRegionId);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    kind: r.kind as DesignationKind,
    countyRegionId: r.county_region_id,
    count: Number(r.count),
  }));
}

/** The dates a designation started and stopped counting: enough to draw cumulative lines over time. */
export interface DesignationSpan {
  id: string;
  kind: DesignationKind;
  countyRegionId: string;
  designatedOn: string;
  revokedOn: string | null;
}

/** Every designation's counting span (optionally one county's), ordered by designation date. */
export async function designationSpans(
  db: Kysely<DB>,
  input: { countyRegionId?: string } = {},
): Promise<DesignationSpan[]> {
  let query = db
    .selectFrom('designations')
    .select(['id', 'kind', 'county_region_id', 'designated_on', 'revoked_on'])
    .orderBy('designated_on')
    .orderBy('id');
  if (input.countyRegionId) {
    query = query.where('county_region_id', '=', input.countyRegionId);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DesignationKind,
    countyRegionId: r.county_region_id,
    designatedOn: r.designated_on,
    revokedOn: r.revoked_on,
  }));
}
