import { normalizeUscc } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { nowIso } from '../../lib/ids';
import { enterpriseScope } from '../../plugins/authz';
import { entityHistory, writeAudit } from '../audit/index';
import { findRegion, regionLookups } from '../regions/index';
import {
  canEditOwnEnterprise,
  canManageInRegion,
  canViewEnterprise,
  OWN_ENTERPRISE_EDITABLE,
} from './enterprises.policy';
import * as repo from './enterprises.repo';
import { enterpriseFieldProblems, toInsert, type EnterpriseInput } from './enterprises.rules';

export interface EnterpriseQuery extends repo.EnterpriseFilter {
  regionId?: string;
  sort?: repo.EnterpriseSortKey;
  page?: number;
  pageSize?: number;
}

export type Enterprise = ReturnType<typeof present>;

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findEnterprise>>>, honours: string[]) {
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    regionId: row.region_id,
    regionName: row.region_name,
    address: row.address,
    industry: row.industry_code,
    industryName: row.industry_name,
    size: row.size,
    honours,
    legalRepresentative: row.legal_representative,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    employees: row.employees === null ? null : Number(row.employees),
    status: row.status,
    archivedReason: row.archived_reason,
    synthetic: Number(row.synthetic) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function resolveFilter(db: Kysely<DB>, query: EnterpriseQuery): Promise<repo.EnterpriseFilter | null> {
  const filter: repo.EnterpriseFilter = {
    q: query.q?.trim() || undefined,
    industry: query.industry,
    honour: query.honour,
    status: query.status,
  };
  if (query.regionId) {
    const region = await findRegion(db, query.regionId);
    if (!region) {
      return null;
    }
    filter.regionPath = region.path;
  }
  return filter;
}

async function presentRows(db: Kysely<DB>, rows: Awaited<ReturnType<typeof repo.searchEnterprises>>) {
  const honours = await repo.honoursOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => present(row, honours.get(row.id) ?? []));
}

/** Enterprises the actor may see, filtered, sorted and paged. */
export async function listEnterprises(db: Kysely<DB>, ctx: RequestContext, query: EnterpriseQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = await resolveFilter(db, query);
  if (!filter) {
    return { items: [], total: 0, page, pageSize };
  }
  const scope = enterpriseScope(ctx.actor);
  const [rows, total] = await Promise.all([
    repo.searchEnterprises(db, filter, scope, query.sort ?? 'name', pageSize, (page - 1) * pageSize),
    repo.countEnterprises(db, filter, scope),
  ]);
  return { items: await presentRows(db, rows), total, page, pageSize };
}

/** Every enterprise matching the filter (for Excel export), capped. */
export async function allMatchingEnterprises(
  db: Kysely<DB>,
  ctx: RequestContext,
  query: EnterpriseQuery,
  cap = 100_000,
) {
  const filter = await resolveFilter(db, query);
  if (!filter) {
    return [];
  }
  const rows = await repo.searchEnterprises(db, filter, enterpriseScope(ctx.actor), query.sort ?? 'name', cap, 0);
  return presentRows(db, rows);
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findEnterprise(db, id);
  if (!row || !canViewEnterprise(ctx.actor, { id: row.id, regionPath: row.region_path })) {
    throw notFound('企业');
  }
  return row;
}

export async function getEnterprise(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  const honours = await repo.honoursOf(db, [id]);
  return present(row, honours.get(id) ?? []);
}

export async function enterpriseChangeHistory(db: Kysely<DB>, ctx: RequestContext, id: string) {
  await loadVisible(db, ctx, id);
  return entityHistory(db, 'enterprise', id);
}

/** A USCC is unique. The holder is named only to an actor who may see it; others learn only that it is taken. */
async function checkUniqueUscc(db: Kysely<DB>, ctx: RequestContext, uscc: string, exceptId?: string) {
  const existing = await repo.findByUscc(db, uscc);
  if (existing && existing.id !== exceptId) {
    const visible = canViewEnterprise(ctx.actor, { id: existing.id, regionPath: existing.region_path });
    const message = visible
      ? `统一社会信用代码 ${uscc} 已被「${existing.name}」使用`
      : `统一社会信用代码 ${uscc} 已被其他已登记企业使用（不在您的管辖范围内，如有疑问请联系市级管理员）`;
    throw conflict(message, [{ field: 'uscc', message }]);
  }
}

/** Registers an enterprise (city admin anywhere, county admin in their region), audited in the same transaction. */
export async function createEnterprise(db: Kysely<DB>, ctx: RequestContext, input: EnterpriseInput) {
  const lookups = await regionLookups(db);
  const problems = enterpriseFieldProblems(input, lookups);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const regionPath = lookups.regionPath(input.regionId) ?? '';
  if (!canManageInRegion(ctx.actor, regionPath)) {
    throw forbidden('只能在本辖区内登记企业');
  }
  const record = toInsert(input, nowIso());
  await checkUniqueUscc(db, ctx, record.enterprise.uscc);
  await db.transaction().execute(async (trx) => {
    await repo.insertEnterprises(trx, [record]);
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'enterprise',
      entityId: record.enterprise.id,
      changedFields: Object.keys(input),
    });
  });
  return getEnterprise(db, ctx, record.enterprise.id);
}

const ORGANIZATION_FIELDS = {
  name: 'name',
  regionId: 'region_id',
  address: 'address',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
} as const;
// name and regionId live on both rows (the enterprise row's copies serve the list's indexes).
const ENTERPRISE_FIELDS = {
  name: 'name',
  regionId: 'region_id',
  uscc: 'uscc',
  industry: 'industry_code',
  size: 'size',
  legalRepresentative: 'legal_representative',
  employees: 'employees',
} as const;

/** Changes an enterprise's registry fields; records which fields changed (never their values). */
export async function updateEnterprise(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  patch: Partial<EnterpriseInput>,
) {
  const current = await getEnterprise(db, ctx, id);
  const regionPathNow = (await findRegion(db, current.regionId))?.path ?? '';
  const record = { id, regionPath: regionPathNow };
  const government = canManageInRegion(ctx.actor, regionPathNow);
  if (!government) {
    if (!canEditOwnEnterprise(ctx.actor, record)) {
      throw forbidden('无权修改该企业信息');
    }
    const disallowed = Object.keys(patch).filter((k) => !(OWN_ENTERPRISE_EDITABLE as readonly string[]).includes(k));
    if (disallowed.length > 0) {
      throw invalid(
        disallowed.map((field) => ({ field, message: '企业用户不能修改此字段，请联系所在县（市、区）管理员' })),
      );
    }
  }
  if (current.status === 'archived') {
    throw new AppError('enterprise_archived', 409, '企业已归档，请先恢复后再修改');
  }
  const lookups = await regionLookups(db);
  const problems = enterpriseFieldProblems(patch, lookups);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  if (patch.regionId && !canManageInRegion(ctx.actor, lookups.regionPath(patch.regionId) ?? '')) {
    throw forbidden('不能将企业迁出本辖区');
  }
  const normalized: Partial<EnterpriseInput> = { ...patch, ...(patch.uscc ? { uscc: normalizeUscc(patch.uscc) } : {}) };
  if (normalized.uscc && normalized.uscc !== current.uscc) {
    await checkUniqueUscc(db, ctx, normalized.uscc, id);
  }
  const changed = (Object.keys(normalized) as (keyof EnterpriseInput)[]).filter((key) => {
    const before: unknown = current[key as keyof typeof current];
    const after: unknown = normalized[key];
    return JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
  });
  if (changed.length === 0) {
    return current;
  }
  const at = nowIso();
  const orgValues: Record<string, unknown> = {};
  const entValues: Record<string, unknown> = {};
  for (const key of changed) {
    const value = typeof normalized[key] === 'string' ? normalized[key].trim() : normalized[key];
    if (key in ORGANIZATION_FIELDS) {
      orgValues[ORGANIZATION_FIELDS[key as keyof typeof ORGANIZATION_FIELDS]] = value;
    }
    if (key in ENTERPRISE_FIELDS) {
      entValues[ENTERPRISE_FIELDS[key as keyof typeof ENTERPRISE_FIELDS]] = value;
    }
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateOrganization(trx, id, { ...orgValues, updated_at: at });
    await repo.updateEnterprise(trx, id, { ...entValues, updated_at: at });
    if (changed.includes('honours')) {
      await repo.replaceHonours(trx, id, [...new Set(normalized.honours ?? [])]);
    }
    await writeAudit(trx, ctx, { action: 'update', entityType: 'enterprise', entityId: id, changedFields: changed });
  });
  return getEnterprise(db, ctx, id);
}

/** Archives (or restores) an enterprise: records with history are never deleted. */
export async function setEnterpriseArchived(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  archived: boolean,
  reason: string,
) {
  const current = await getEnterprise(db, ctx, id);
  const regionPath = (await findRegion(db, current.regionId))?.path ?? '';
  if (!canManageInRegion(ctx.actor, regionPath)) {
    throw forbidden('只有市级或本辖区管理员可以归档或恢复企业');
  }
  const target = archived ? 'archived' : 'active';
  if (current.status === target) {
    throw new AppError('enterprise_state', 409, archived ? '企业已处于归档状态' : '企业未归档');
  }
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.updateEnterprise(trx, id, { status: target, archived_reason: archived ? reason : null, updated_at: at });
    await repo.updateOrganization(trx, id, {
      status: target,
      archived_reason: archived ? reason : null,
      updated_at: at,
    });
    await writeAudit(trx, ctx, {
      action: archived ? 'archive' : 'restore',
      entityType: 'enterprise',
      entityId: id,
      changedFields: ['status', 'archivedReason'],
    });
  });
  return getEnterprise(db, ctx, id);
}
