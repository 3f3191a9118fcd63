import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { likeEscape, regionsUnder } from '../../lib/sql';

export interface StationFilter {
  q?: string;
  /** Region subtree (a filter or the actor's scope); several are all applied. */
  regionPaths: string[];
  hostKind?: string;
  service?: string;
  status?: string;
  demonstration?: boolean;
}

function applyFilter(db: Kysely<DB>, filter: StationFilter) {
  let query = db.selectFrom('service_stations as s');
  for (const path of filter.regionPaths) {
    query = query.where('s.region_id', 'in', regionsUnder(db, path));
  }
  if (filter.q) {
    query = query.where(sql<boolean>`s.name like ${`%${likeEscape(filter.q)}%`} escape '\\'`);
  }
  if (filter.hostKind) {
    query = query.where('s.host_kind', '=', filter.hostKind);
  }
  if (filter.status) {
    query = query.where('s.status', '=', filter.status);
  }
  if (filter.demonstration !== undefined) {
    query = query.where('s.demonstration', '=', filter.demonstration ? 1 : 0);
  }
  if (filter.service) {
    const service = filter.service;
    query = query.where(
      's.id',
      'in',
      db.selectFrom('service_station_services').select('station_id').where('service', '=', service),
    );
  }
  return query;
}

const COLUMNS = [
  's.id',
  's.name',
  's.host_kind',
  's.host_organization_id',
  'h.name as host_organization_name',
  's.region_id',
  'r.name as region_name',
  'r.path as region_path',
  'o.address',
  's.longitude_e6',
  's.latitude_e6',
  's.opening_hours',
  'o.contact_name',
  'o.contact_phone',
  's.status',
  's.archived_reason',
  's.demonstration',
  's.created_at',
  's.updated_at',
] as const;

function withDetails(query: ReturnType<typeof applyFilter>) {
  return query
    .innerJoin('organizations as o', 'o.id', 's.id')
    .innerJoin('regions as r', 'r.id', 's.region_id')
    .leftJoin('organizations as h', 'h.id', 's.host_organization_id')
    .select(COLUMNS);
}

export type StationRow = Awaited<ReturnType<typeof findStation>> & {};

export async function searchStations(db: Kysely<DB>, filter: StationFilter, limit: number, offset: number) {
  return withDetails(applyFilter(db, filter)).orderBy('s.name').orderBy('s.id').limit(limit).offset(offset).execute();
}

export async function countStations(db: Kysely<DB>, filter: StationFilter) {
  const row = await applyFilter(db, filter)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findStation(db: Kysely<DB>, id: string) {
  return withDetails(applyFilter(db, { regionPaths: [] }))
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function servicesOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('service_station_services')
      .select(['station_id', 'service'])
      .where('station_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      result.set(row.station_id, [...(result.get(row.station_id) ?? []), row.service]);
    }
  }
  return result;
}

/** Staff with their phone numbers: for signed-in readers only, never for the public directory. */
export async function staffOf(db: Kysely<DB>, ids: string[]) {
  const result = new Map<string, { name: string; role: string; phone: string; liaison: boolean }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('service_station_staff')
      .select(['station_id', 'position', 'name', 'role', 'phone', 'liaison'])
      .where('station_id', 'in', ids.slice(i, i + 500))
      .orderBy('station_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const list = result.get(row.station_id) ?? [];
      list.push({ name: row.name, role: row.role, phone: row.phone, liaison: Number(row.liaison) === 1 });
      result.set(row.station_id, list);
    }
  }
  return result;
}

export async function findOrganization(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind', 'region_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findServiceStationRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('service_stations').select('id').where('id', '=', id).executeTakeFirst();
}

export async function insertOrganization(db: Kysely<DB>, row: DB['organizations']) {
  await db.insertInto('organizations').values(row).execute();
}

export async function insertStation(db: Kysely<DB>, row: DB['service_stations']) {
  await db.insertInto('service_stations').values(row).execute();
}

export async function updateOrganization(db: Kysely<DB>, id: string, values: Partial<DB['organizations']>) {
  if (Object.keys(values).length > 0) {
    await db.updateTable('organizations').set(values).where('id', '=', id).execute();
  }
}

export async function updateStation(db: Kysely<DB>, id: string, values: Partial<DB['service_stations']>) {
  if (Object.keys(values).length > 0) {
    await db.updateTable('service_stations').set(values).where('id', '=', id).execute();
  }
}

export async function replaceServices(db: Kysely<DB>, id: string, services: string[]) {
  await db.deleteFrom('service_station_services').where('station_id', '=', id).execute();
  if (services.length > 0) {
    await db
      .insertInto('service_station_services')
      .values(services.map((service) => ({ station_id: id, service })))
      .execute();
  }
}

export async function replaceStaff(
  db: Kysely<DB>,
  id: string,
  staff: { name: string; role: string; phone: string; liaison: boolean }[],
) {
  await db.deleteFrom('service_station_staff').where('station_id', '=', id).execute();
  if (staff.length > 0) {
    await db
      .insertInto('service_station_staff')
      .values(
        staff.map((s, position) => ({
          station_id: id,
          position,
          name: s.name.trim(),
          role: s.role.trim(),
          phone: s.phone.trim(),
          liaison: s.liaison ? 1 : 0,
        })),
      )
      .execute();
  }
}

export async function countStationsByRegion(db: Kysely<DB>) {
  return db
    .selectFrom('service_stations')
    .select(['region_id', sql<number>`count(*)`.as('n')])
    .where('status', '=', 'active')
    .groupBy('region_id')
    .execute();
}
