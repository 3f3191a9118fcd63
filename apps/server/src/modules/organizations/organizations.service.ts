import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { findRegion } from '../regions/index';
import {
  canManageOrganization,
  canViewOrganization,
  isEnterpriseKind,
  isStationKind,
  organizationScope,
} from './organizations.policy';
import * as repo from './organizations.repo';

export interface OrganizationInput {
  kind: string;
  name: string;
  regionId: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string | null;
}

export type OrganizationPatch = Partial<Omit<OrganizationInput, 'kind'>>;

export interface OrganizationQuery {
  q?: string;
  kind?: string;
  regionId?: string;
  status?: string;
  page?: number;
  pageSize?: number;
}

export type Organization = ReturnType<typeof present>;

function present(row: repo.OrganizationRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    regionId: row.region_id,
    regionName: row.region_name,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    status: row.status,
    archivedReason: row.archived_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const ENTERPRISE_KIND_MESSAGE = '企业请通过「企业管理」登记和修改';
// A station's place (address, coordinates, staff, services) lives in the stations module, which keeps both rows in step.
const STATION_KIND_MESSAGE = '服务站（点）请通过「服务站点」管理登记和修改';

/** Trims free-text fields; a field that is only spaces is reported as empty. */
function normalized<T extends OrganizationPatch>(input: T): { value: T; problems: FieldError[] } {
  const value = { ...input };
  const problems: FieldError[] = [];
  for (const key of ['name', 'address', 'contactName', 'contactPhone'] as const) {
    const raw = value[key];
    if (typeof raw === 'string') {
      const trimmed = raw.trim();
      if (trimmed.length === 0) {
        problems.push({ field: key, message: '不能为空' });
      }
      value[key] = trimmed;
    }
  }
  if (typeof value.contactEmail === 'string') {
    value.contactEmail = value.contactEmail.trim() || null;
  }
  return { value, problems };
}

async function regionOrInvalid(db: Kysely<DB>, regionId: string) {
  const region = await findRegion(db, regionId);
  if (!region) {
    throw invalid([{ field: 'regionId', message: '所属区域不存在' }]);
  }
  return region;
}

async function checkUniqueName(db: Kysely<DB>, kind: string, regionId: string, name: string, exceptId?: string) {
  const existing = await repo.findSameName(db, kind, regionId, name, exceptId);
  if (existing) {
    const message = `同一区域内已有同类机构「${name}」`;
    throw conflict(message, [{ field: 'name', message }]);
  }
}

/** Organisations the actor may see, filtered by name, kind, region subtree and status, paged. */
export async function listOrganizations(db: Kysely<DB>, ctx: RequestContext, query: OrganizationQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const empty = { items: [], total: 0, page, pageSize };
  const scope = organizationScope(ctx.actor);
  if (scope.kind === 'none') {
    return empty;
  }
  const filter: repo.OrganizationFilter = { q: query.q?.trim() || undefined, kind: query.kind, status: query.status };
  if (query.regionId) {
    const region = await findRegion(db, query.regionId);
    if (!region) {
      return empty;
    }
    filter.regionPath = region.path;
  }
  const [rows, total] = await Promise.all([
    repo.searchOrganizations(db, filter, scope, pageSize, (page - 1) * pageSize),
    repo.countOrganizations(db, filter, scope),
  ]);
  return { items: rows.map(present), total, page, pageSize };
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findOrganization(db, id);
  if (!row || !canViewOrganization(ctx.actor, { kind: row.kind, regionPath: row.region_path })) {
    throw notFound('机构');
  }
  return row;
}

/** One organisation; missing and out-of-scope both answer 404. */
export async function getOrganization(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Organization> {
  return present(await loadVisible(db, ctx, id));
}

/** Loads an organisation the actor may change (not an enterprise, in their region), or throws. */
async function loadManageable(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  if (isEnterpriseKind(row.kind)) {
    throw new AppError('organization_is_enterprise', 400, `该机构是企业，请通过企业管理修改`);
  }
  if (isStationKind(row.kind)) {
    throw new AppError('organization_is_station', 400, STATION_KIND_MESSAGE);
  }
  if (!canManageOrganization(ctx.actor, row.region_path)) {
    throw forbidden('只有市级或本辖区管理员可以修改该机构');
  }
  return row;
}

/**
 * Registers a non-enterprise organisation (department, association, service station, service
 * provider). City admins anywhere, county admins in their region; audited in the same transaction.
 */
export async function createOrganization(db: Kysely<DB>, ctx: RequestContext, input: OrganizationInput) {
  if (isEnterpriseKind(input.kind)) {
    throw invalid(
      [{ field: 'kind', message: ENTERPRISE_KIND_MESSAGE }],
      `${ENTERPRISE_KIND_MESSAGE}，不能在机构管理中新建企业`,
    );
  }
  if (isStationKind(input.kind)) {
    throw invalid([{ field: 'kind', message: STATION_KIND_MESSAGE }], STATION_KIND_MESSAGE);
  }
  const { value, problems } = normalized(input);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const region = await regionOrInvalid(db, value.regionId);
  if (!canManageOrganization(ctx.actor, region.path)) {
    throw forbidden('只能在本辖区内登记机构');
  }
  const at = nowIso();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await checkUniqueName(trx, value.kind, value.regionId, value.name);
    await repo.insertOrganization(trx, {
      id,
      kind: value.kind,
      name: value.name,
      region_id: value.regionId,
      address: value.address,
      contact_name: value.contactName,
      contact_phone: value.contactPhone,
      contact_email: value.contactEmail ?? null,
      archived_reason: null,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'organization',
      entityId: id,
      changedFields: Object.keys(input),
    });
  });
  return getOrganization(db, ctx, id);
}

const COLUMN_OF = {
  name: 'name',
  regionId: 'region_id',
  address: 'address',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
} as const satisfies Record<keyof OrganizationPatch, keyof DB['organizations']>;

/** Changes an organisation's fields; records which fields changed (never their values). */
export async function updateOrganization(db: Kysely<DB>, ctx: RequestContext, id: string, patch: OrganizationPatch) {
  const row = await loadManageable(db, ctx, id);
  if (row.status === 'archived') {
    throw new AppError('organization_archived', 409, '机构已归档，请先恢复后再修改');
  }
  const { value, problems } = normalized(patch);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  if (value.regionId !== undefined && value.regionId !== row.region_id) {
    const region = await regionOrInvalid(db, value.regionId);
    if (!canManageOrganization(ctx.actor, region.path)) {
      throw forbidden('不能将机构迁出本辖区');
    }
  }
  const current = present(row);
  const changed = (Object.keys(value) as (keyof OrganizationPatch)[]).filter(
    (key) => value[key] !== undefined && (value[key] ?? null) !== (current[key] ?? null),
  );
  if (changed.length === 0) {
    return current;
  }
  const values: Partial<DB['organizations']> = { updated_at: nowIso() };
  for (const key of changed) {
    const next = value[key];
    if (key === 'contactEmail') {
      values.contact_email = next ?? null;
    } else if (next) {
      values[COLUMN_OF[key]] = next;
    }
  }
  await db.transaction().execute(async (trx) => {
    if (changed.includes('name') || changed.includes('regionId')) {
      await checkUniqueName(trx, row.kind, value.regionId ?? row.region_id, value.name ?? row.name, id);
    }
    await repo.updateOrganization(trx, id, values);
    await writeAudit(trx, ctx, { action: 'update', entityType: 'organization', entityId: id, changedFields: changed });
  });
  return getOrganization(db, ctx, id);
}

/**
 * Archives (or restores) an organisation: records with history are never deleted. The reason is
 * kept on the record; the audit chain records that the status changed.
 */
export async function setOrganizationArchived(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  archived: boolean,
  reason: string,
) {
  const row = await loadManageable(db, ctx, id);
  const target = archived ? 'archived' : 'active';
  if (row.status === target) {
    throw new AppError('organization_state', 409, archived ? '机构已处于归档状态' : '机构未归档');
  }
  if (reason.trim().length < 2) {
    throw invalid([{ field: 'reason', message: '请填写原因' }]);
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateOrganization(trx, id, {
      status: target,
      archived_reason: archived ? reason.trim() : null,
      updated_at: nowIso(),
    });
    await writeAudit(trx, ctx, {
      action: archived ? 'archive' : 'restore',
      entityType: 'organization',
      entityId: id,
      changedFields: ['status', 'archivedReason'],
    });
  });
  return getOrganization(db, ctx, id);
}

/** What other modules (users) need to know about an organisation, without any scope check. */
export async function organizationFacts(db: Kysely<DB>, id: string) {
  const row = await repo.findOrganization(db, id);
  return row
    ? { id: row.id, kind: row.kind, name: row.name, regionPath: row.region_path, status: row.status }
    : undefined;
}
