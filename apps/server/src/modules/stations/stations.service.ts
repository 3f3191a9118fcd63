import { PLACE_BOUNDS, type StationHostKind, type StationService } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { findRegion, regionLookups } from '../regions/index';
import { canEditOwnStation, canManagePlaceInRegion, canViewPlace, OWN_STATION_EDITABLE } from './stations.policy';
import { placeListRegionPaths, setPlaceArchived } from './stations.places';
import * as repo from './stations.repo';
import { coordinateProblems, fromMicro, stationContentProblems, toMicro, type StaffMember } from './stations.rules';

export interface StationInput {
  name: string;
  hostKind: StationHostKind;
  hostOrganizationId?: string | null;
  regionId: string;
  address: string;
  longitude: number;
  latitude: number;
  staff: StaffMember[];
  openingHours: string;
  services: StationService[];
  contactName: string;
  contactPhone: string;
}

export interface StationQuery {
  q?: string;
  regionId?: string;
  hostKind?: StationHostKind;
  service?: StationService;
  status?: 'active' | 'archived';
  page?: number;
  pageSize?: number;
}

type RegionList = Awaited<ReturnType<typeof regionLookups>>['regions'];

/** The county-level region a path lies in (its second segment), or the region itself at city level. */
export function countyOf(regions: RegionList, path: string) {
  const segments = path.split('/').filter(Boolean);
  const countyId = segments[1] ?? segments[0];
  return regions.find((r) => r.id === countyId) ?? null;
}

export type Station = ReturnType<typeof present>;

function present(row: repo.StationRow, services: string[], staff: StaffMember[], regions: RegionList) {
  return {
    id: row.id,
    name: row.name,
    hostKind: row.host_kind as StationHostKind,
    hostOrganizationId: row.host_organization_id,
    hostOrganizationName: row.host_organization_name ?? null,
    regionId: row.region_id,
    regionName: row.region_name,
    countyName: countyOf(regions, row.region_path)?.name ?? row.region_name,
    address: row.address,
    longitude: fromMicro(row.longitude_e6),
    latitude: fromMicro(row.latitude_e6),
    staff,
    openingHours: row.opening_hours,
    services: services as StationService[],
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    status: row.status as 'active' | 'archived',
    archivedReason: row.archived_reason,
    demonstration: Number(row.demonstration) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function presentRows(db: Kysely<DB>, rows: repo.StationRow[]) {
  const ids = rows.map((r) => r.id);
  const [services, staff, lookups] = await Promise.all([
    repo.servicesOf(db, ids),
    repo.staffOf(db, ids),
    regionLookups(db),
  ]);
  return rows.map((row) => present(row, services.get(row.id) ?? [], staff.get(row.id) ?? [], lookups.regions));
}

/** Stations the actor may see (own region subtree for county admins and station staff), filtered and paged. */
export async function listStations(db: Kysely<DB>, ctx: RequestContext, query: StationQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const regionPaths = await placeListRegionPaths(db, ctx, query.regionId);
  if (regionPaths === null) {
    return { items: [], total: 0, page, pageSize };
  }
  const filter: repo.StationFilter = {
    q: query.q?.trim() || undefined,
    regionPaths,
    hostKind: query.hostKind,
    service: query.service,
    status: query.status,
  };
  const [rows, total] = await Promise.all([
    repo.searchStations(db, filter, pageSize, (page - 1) * pageSize),
    repo.countStations(db, filter),
  ]);
  return { items: await presentRows(db, rows), total, page, pageSize };
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findStation(db, id);
  if (!row || !canViewPlace(ctx.actor, row.region_path)) {
    throw notFound('服务站');
  }
  return row;
}

export async function getStation(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  const [station] = await presentRows(db, [row]);
  return station as Station;
}

async function fieldProblems(db: Kysely<DB>, input: Partial<StationInput>): Promise<FieldError[]> {
  const problems = [...coordinateProblems(input), ...stationContentProblems(input)];
  if (input.regionId !== undefined && !(await findRegion(db, input.regionId))) {
    problems.push({ field: 'regionId', message: '所属区域不存在' });
  }
  if (input.hostOrganizationId) {
    const host = await repo.findOrganization(db, input.hostOrganizationId);
    if (!host) {
      problems.push({ field: 'hostOrganizationId', message: '依托单位不存在' });
    }
  }
  return problems;
}

/** Sets up a station: an organisation row of kind service_station and its station row, one transaction. */
export async function createStation(db: Kysely<DB>, ctx: RequestContext, input: StationInput) {
  const problems = await fieldProblems(db, input);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const region = await findRegion(db, input.regionId);
  if (!region || !canManagePlaceInRegion(ctx.actor, region.path)) {
    throw forbidden('只能在本辖区内设立服务站');
  }
  const id = newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertOrganization(trx, {
      id,
      kind: 'service_station',
      name: input.name.trim(),
      region_id: input.regionId,
      address: input.address.trim(),
      contact_name: input.contactName.trim(),
      contact_phone: input.contactPhone.trim(),
      contact_email: null,
      status: 'active',
      archived_reason: null,
      created_at: at,
      updated_at: at,
    });
    await repo.insertStation(trx, {
      id,
      name: input.name.trim(),
      region_id: input.regionId,
      host_kind: input.hostKind,
      host_organization_id: input.hostOrganizationId ?? null,
      longitude_e6: toMicro(input.longitude),
      latitude_e6: toMicro(input.latitude),
      opening_hours: input.openingHours.trim(),
      demonstration: 0,
      status: 'active',
      archived_reason: null,
      created_at: at,
      updated_at: at,
    });
    await repo.replaceServices(trx, id, [...new Set(input.services)]);
    await repo.replaceStaff(trx, id, input.staff);
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'service_station',
      entityId: id,
      changedFields: Object.keys(input),
    });
  });
  return getStation(db, ctx, id);
}

/** Changes a station: government in its region anything, the station's own staff its day-to-day details. */
export async function updateStation(db: Kysely<DB>, ctx: RequestContext, id: string, patch: Partial<StationInput>) {
  const row = await loadVisible(db, ctx, id);
  const [current] = await presentRows(db, [row]);
  if (!current) {
    throw notFound('服务站');
  }
  if (!canManagePlaceInRegion(ctx.actor, row.region_path)) {
    if (!canEditOwnStation(ctx.actor, id)) {
      throw forbidden('无权修改该服务站信息');
    }
    const disallowed = Object.keys(patch).filter((k) => !(OWN_STATION_EDITABLE as readonly string[]).includes(k));
    if (disallowed.length > 0) {
      throw invalid(disallowed.map((field) => ({ field, message: '服务站工作人员不能修改此字段，请联系县级管理员' })));
    }
  }
  if (current.status === 'archived') {
    throw new AppError('station_archived', 409, '服务站已归档，请先恢复后再修改');
  }
  const problems = await fieldProblems(db, patch);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  if (patch.regionId) {
    const target = await findRegion(db, patch.regionId);
    if (!target || !canManagePlaceInRegion(ctx.actor, target.path)) {
      throw forbidden('不能将服务站迁出本辖区');
    }
  }
  const changed = (Object.keys(patch) as (keyof StationInput)[]).filter(
    (key) => JSON.stringify(current[key] ?? null) !== JSON.stringify(patch[key] ?? null),
  );
  if (changed.length === 0) {
    return current;
  }
  const at = nowIso();
  const org: Partial<DB['organizations']> = {};
  const station: Partial<DB['service_stations']> = {};
  const trim = (value: string) => value.trim();
  for (const key of changed) {
    switch (key) {
      case 'name':
        org.name = station.name = trim(patch.name ?? current.name);
        break;
      case 'regionId':
        org.region_id = station.region_id = patch.regionId ?? current.regionId;
        break;
      case 'address':
        org.address = trim(patch.address ?? current.address);
        break;
      case 'contactName':
        org.contact_name = trim(patch.contactName ?? current.contactName);
        break;
      case 'contactPhone':
        org.contact_phone = trim(patch.contactPhone ?? current.contactPhone);
        break;
      case 'hostKind':
        station.host_kind = patch.hostKind ?? current.hostKind;
        break;
      case 'hostOrganizationId':
        station.host_organization_id = patch.hostOrganizationId ?? null;
        break;
      case 'longitude':
        station.longitude_e6 = toMicro(patch.longitude ?? current.longitude);
        break;
      case 'latitude':
        station.latitude_e6 = toMicro(patch.latitude ?? current.latitude);
        break;
      case 'openingHours':
        station.opening_hours = trim(patch.openingHours ?? current.openingHours);
        break;
      case 'services':
      case 'staff':
        break;
    }
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateOrganization(trx, id, { ...org, updated_at: at });
    await repo.updateStation(trx, id, { ...station, updated_at: at });
    if (patch.services && changed.includes('services')) {
      await repo.replaceServices(trx, id, [...new Set(patch.services)]);
    }
    if (patch.staff && changed.includes('staff')) {
      await repo.replaceStaff(trx, id, patch.staff);
    }
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: 'service_station',
      entityId: id,
      changedFields: changed,
    });
  });
  return getStation(db, ctx, id);
}

/** Archives (or restores) a station and its organisation row; nothing is deleted. */
export async function setStationArchived(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  archived: boolean,
  reason: string,
) {
  const row = await loadVisible(db, ctx, id);
  if (!canManagePlaceInRegion(ctx.actor, row.region_path)) {
    throw forbidden('只有市级或本辖区管理员可以归档或恢复服务站');
  }
  await setPlaceArchived(db, ctx, {
    entityType: 'service_station',
    entityId: id,
    currentStatus: row.status,
    archived,
    reason,
    conflict: { code: 'station_state', alreadyArchived: '服务站已处于归档状态', notArchived: '服务站未归档' },
    write: async (trx, values) => {
      await repo.updateStation(trx, id, values);
      await repo.updateOrganization(trx, id, values);
    },
  });
  return getStation(db, ctx, id);
}

/** Active stations for the public pages, with their services and region paths. */
async function activeStations(db: Kysely<DB>, filter: Omit<repo.StationFilter, 'status'>) {
  const rows = await repo.searchStations(db, { ...filter, status: 'active' }, 10_000, 0);
  const services = await repo.servicesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ row, services: (services.get(row.id) ?? []) as StationService[] }));
}

/** The public directory: active stations only, with the station's contact phone and no staff details. */
export async function publicStations(
  db: Kysely<DB>,
  query: { regionId?: string; service?: StationService; q?: string; demonstration?: boolean },
) {
  const filter: Omit<repo.StationFilter, 'status'> = {
    q: query.q?.trim() || undefined,
    regionPaths: [],
    service: query.service,
    demonstration: query.demonstration,
  };
  if (query.regionId) {
    const region = await findRegion(db, query.regionId);
    if (!region) {
      return { items: [] };
    }
    filter.regionPaths.push(region.path);
  }
  const stations = await activeStations(db, filter);
  return {
    items: stations.map(({ row, services }) => ({
      id: row.id,
      name: row.name,
      regionName: row.region_name,
      address: row.address,
      longitude: fromMicro(row.longitude_e6),
      latitude: fromMicro(row.latitude_e6),
      openingHours: row.opening_hours,
      services,
      contactPhone: row.contact_phone,
      demonstration: Number(row.demonstration) === 1,
    })),
  };
}

/** Public map data: active stations and the given bases, counts per county-level region, and the frame. */
export async function publicMap(
  db: Kysely<DB>,
  bases: {
    id: string;
    name: string;
    longitude: number;
    latitude: number;
    regionId: string;
    regionName: string;
    designated: boolean;
  }[],
) {
  const lookups = await regionLookups(db);
  const stations = await activeStations(db, { regionPaths: [] });
  const counties = lookups.regions.filter((r) => r.path.split('/').filter(Boolean).length === 2);
  const counts = new Map(counties.map((c) => [c.id, { stations: 0, bases: 0 }]));
  for (const { row } of stations) {
    const county = countyOf(lookups.regions, row.region_path);
    const entry = county ? counts.get(county.id) : undefined;
    if (entry) {
      entry.stations += 1;
    }
  }
  for (const base of bases) {
    const county = countyOf(lookups.regions, lookups.regionPath(base.regionId) ?? '');
    const entry = county ? counts.get(county.id) : undefined;
    if (entry) {
      entry.bases += 1;
    }
  }
  return {
    stations: stations.map(({ row, services }) => ({
      id: row.id,
      name: row.name,
      longitude: fromMicro(row.longitude_e6),
      latitude: fromMicro(row.latitude_e6),
      regionName: row.region_name,
      services,
      demonstration: Number(row.demonstration) === 1,
    })),
    bases: bases.map((b) => ({
      id: b.id,
      name: b.name,
      longitude: b.longitude,
      latitude: b.latitude,
      regionName: b.regionName,
      designated: b.designated,
    })),
    regions: counties.map((c) => ({
      regionId: c.id,
      name: c.name,
      ...(counts.get(c.id) ?? { stations: 0, bases: 0 }),
    })),
    bounds: { ...PLACE_BOUNDS },
  };
}
