import type { BaseHostKind } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { findRegion } from '../regions/index';
import {
  coordinateProblems,
  fromMicro,
  placeListRegionPaths,
  publicMap,
  setPlaceArchived,
  toMicro,
} from '../stations/index';
import { canCoverEnterprise, canManageBase, canViewBase } from './bases.policy';
import * as repo from './bases.repo';

export interface BaseInput {
  name: string;
  hostKind: BaseHostKind;
  hostOrganizationId?: string | null;
  regionId: string;
  address: string;
  longitude: number;
  latitude: number;
  description?: string;
}

export interface BaseQuery {
  q?: string;
  regionId?: string;
  status?: 'active' | 'archived';
  page?: number;
  pageSize?: number;
}

export type Base = ReturnType<typeof present>;

function present(row: repo.BaseRow, enterprises: { id: string; name: string }[]) {
  return {
    id: row.id,
    name: row.name,
    hostKind: row.host_kind as BaseHostKind,
    hostOrganizationId: row.host_organization_id,
    hostOrganizationName: row.host_organization_name ?? null,
    regionId: row.region_id,
    regionName: row.region_name,
    address: row.address,
    longitude: fromMicro(row.longitude_e6),
    latitude: fromMicro(row.latitude_e6),
    description: row.description,
    enterprises,
    status: row.status as 'active' | 'archived',
    archivedReason: row.archived_reason,
    designated: Number(row.designated) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function presentRows(db: Kysely<DB>, rows: repo.BaseRow[]) {
  const enterprises = await repo.enterprisesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => present(row, enterprises.get(row.id) ?? []));
}

/** Bases the actor may see, filtered and paged. */
export async function listBases(db: Kysely<DB>, ctx: RequestContext, query: BaseQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const regionPaths = await placeListRegionPaths(db, ctx, query.regionId);
  if (regionPaths === null) {
    return { items: [], total: 0, page, pageSize };
  }
  const filter: repo.BaseFilter = {
    q: query.q?.trim() || undefined,
    regionPaths,
    status: query.status,
  };
  const [rows, total] = await Promise.all([
    repo.searchBases(db, filter, pageSize, (page - 1) * pageSize),
    repo.countBases(db, filter),
  ]);
  return { items: await presentRows(db, rows), total, page, pageSize };
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findBase(db, id);
  if (!row || !canViewBase(ctx.actor, row.region_path)) {
    throw notFound('示范基地');
  }
  return row;
}

export async function getBase(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  const [base] = await presentRows(db, [row]);
  return base as Base;
}

async function fieldProblems(db: Kysely<DB>, input: Partial<BaseInput>): Promise<FieldError[]> {
  const problems = coordinateProblems(input);
  if (input.regionId !== undefined && !(await findRegion(db, input.regionId))) {
    problems.push({ field: 'regionId', message: '所属区域不存在' });
  }
  if (input.hostOrganizationId && !(await repo.organizationExists(db, input.hostOrganizationId))) {
    problems.push({ field: 'hostOrganizationId', message: '依托单位不存在' });
  }
  return problems;
}

/** Records a base (city admin anywhere, county admin in their region), audited in the same transaction. */
export async function createBase(db: Kysely<DB>, ctx: RequestContext, input: BaseInput) {
  const problems = await fieldProblems(db, input);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const region = await findRegion(db, input.regionId);
  if (!region || !canManageBase(ctx.actor, region.path)) {
    throw forbidden('只能在本辖区内登记示范基地');
  }
  const id = newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertBase(trx, {
      id,
      name: input.name.trim(),
      host_kind: input.hostKind,
      host_organization_id: input.hostOrganizationId ?? null,
      region_id: input.regionId,
      address: input.address.trim(),
      longitude_e6: toMicro(input.longitude),
      latitude_e6: toMicro(input.latitude),
      description: input.description?.trim() ?? '',
      designated: 0,
      status: 'active',
      archived_reason: null,
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'demonstration_base',
      entityId: id,
      changedFields: Object.keys(input),
    });
  });
  return getBase(db, ctx, id);
}

const COLUMN_OF = {
  name: 'name',
  hostKind: 'host_kind',
  hostOrganizationId: 'host_organization_id',
  regionId: 'region_id',
  address: 'address',
  description: 'description',
} as const;

async function loadManageable(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  if (!canManageBase(ctx.actor, row.region_path)) {
    throw forbidden('只有市级或本辖区管理员可以修改示范基地');
  }
  return row;
}

export async function updateBase(db: Kysely<DB>, ctx: RequestContext, id: string, patch: Partial<BaseInput>) {
  const row = await loadManageable(db, ctx, id);
  if (row.status === 'archived') {
    throw new AppError('base_archived', 409, '示范基地已归档，请先恢复后再修改');
  }
  const problems = await fieldProblems(db, patch);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  if (patch.regionId) {
    const target = await findRegion(db, patch.regionId);
    if (!target || !canManageBase(ctx.actor, target.path)) {
      throw forbidden('不能将示范基地迁出本辖区');
    }
  }
  const current = present(row, []);
  const changed = (Object.keys(patch) as (keyof BaseInput)[]).filter(
    (key) => JSON.stringify(current[key] ?? null) !== JSON.stringify(patch[key] ?? null),
  );
  if (changed.length === 0) {
    return getBase(db, ctx, id);
  }
  const values: Partial<DB['demonstration_bases']> = { updated_at: nowIso() };
  for (const key of changed) {
    if (key === 'longitude' || key === 'latitude') {
      values[key === 'longitude' ? 'longitude_e6' : 'latitude_e6'] = toMicro(patch[key] ?? current[key]);
    } else {
      const value = patch[key];
      const column = COLUMN_OF[key];
      if (column === 'host_organization_id') {
        values.host_organization_id = typeof value === 'string' ? value : null;
      } else if (column === 'host_kind') {
        values.host_kind = patch.hostKind ?? current.hostKind;
      } else {
        values[column] = typeof value === 'string' ? value.trim() : String(value ?? '');
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateBase(trx, id, values);
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: 'demonstration_base',
      entityId: id,
      changedFields: changed,
    });
  });
  return getBase(db, ctx, id);
}

/** Sets the enterprises a base covers; each must be one the actor can see in the registry. */
export async function setBaseEnterprises(db: Kysely<DB>, ctx: RequestContext, id: string, enterpriseIds: string[]) {
  const row = await loadManageable(db, ctx, id);
  if (row.status === 'archived') {
    throw new AppError('base_archived', 409, '示范基地已归档，请先恢复后再修改');
  }
  const unique = [...new Set(enterpriseIds)];
  const found = new Map((await repo.findEnterprises(db, unique)).map((e) => [e.id, e]));
  const problems: FieldError[] = [];
  unique.forEach((enterpriseId, index) => {
    const enterprise = found.get(enterpriseId);
    if (!enterprise || !canCoverEnterprise(ctx.actor, { id: enterprise.id, regionPath: enterprise.region_path })) {
      problems.push({ field: `enterpriseIds.${index}`, message: '企业不存在或不在您的管辖范围内' });
    }
  });
  if (problems.length > 0) {
    throw invalid(problems);
  }
  await db.transaction().execute(async (trx) => {
    await repo.replaceEnterprises(trx, id, unique);
    await repo.updateBase(trx, id, { updated_at: nowIso() });
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: 'demonstration_base',
      entityId: id,
      changedFields: ['enterprises'],
    });
  });
  return getBase(db, ctx, id);
}

export async function setBaseArchived(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  archived: boolean,
  reason: string,
) {
  const row = await loadManageable(db, ctx, id);
  await setPlaceArchived(db, ctx, {
    entityType: 'demonstration_base',
    entityId: id,
    currentStatus: row.status,
    archived,
    reason,
    conflict: { code: 'base_state', alreadyArchived: '示范基地已处于归档状态', notArchived: '示范基地未归档' },
    write: (trx, values) => repo.updateBase(trx, id, values),
  });
  return getBase(db, ctx, id);
}

/** The public map: active stations and active bases with counts per county-level region. */
export async function publicPlacesMap(db: Kysely<DB>) {
  const rows = await repo.searchBases(db, { regionPaths: [], status: 'active' }, 10_000, 0);
  return publicMap(
    db,
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      longitude: fromMicro(row.longitude_e6),
      latitude: fromMicro(row.latitude_e6),
      regionId: row.region_id,
      regionName: row.region_name,
      designated: Number(row.designated) === 1,
    })),
  );
}
