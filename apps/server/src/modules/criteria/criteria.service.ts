import type { CriteriaKind } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { canEditCriteria, canViewCriteriaVersion } from './criteria.policy';
import * as repo from './criteria.repo';
import type { CriteriaGroupInput } from './criteria.schemas';

/** The total a version must reach before it can be published (the guide scores out of 100). */
export const CRITERIA_TOTAL = 100;

export type CriteriaVersion = ReturnType<typeof present>;

function present(row: repo.CriteriaVersionRow, items: repo.CriteriaItemRow[]) {
  const groups: { code: string; title: string; items: CriteriaGroupInput['items'] }[] = [];
  for (const item of items) {
    let group = groups.at(-1);
    if (!group || group.code !== item.group_code) {
      group = { code: item.group_code, title: item.group_title, items: [] };
      groups.push(group);
    }
    group.items.push({
      code: item.code,
      text: item.text,
      maxScore: Number(item.max_score),
      guidance: item.guidance,
      autoSource: item.auto_source,
    });
  }
  return {
    id: row.id,
    kind: row.kind as CriteriaKind,
    version: row.version,
    status: row.status as 'draft' | 'published',
    groups,
    totalScore: Number(row.total_score),
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}

/** Field problems of a set of groups: codes unique, texts not blank. */
export function criteriaProblems(groups: CriteriaGroupInput[]): FieldError[] {
  const problems: FieldError[] = [];
  const groupCodes = new Set<string>();
  const itemCodes = new Set<string>();
  groups.forEach((group, g) => {
    if (groupCodes.has(group.code)) {
      problems.push({ field: `groups.${g}.code`, message: `分组编号「${group.code}」重复` });
    }
    groupCodes.add(group.code);
    if (!group.title.trim()) {
      problems.push({ field: `groups.${g}.title`, message: '分组名称不能为空' });
    }
    group.items.forEach((item, i) => {
      if (itemCodes.has(item.code)) {
        problems.push({ field: `groups.${g}.items.${i}.code`, message: `指标编号「${item.code}」重复` });
      }
      itemCodes.add(item.code);
      if (!item.text.trim()) {
        problems.push({ field: `groups.${g}.items.${i}.text`, message: '指标内容不能为空' });
      }
    });
  });
  return problems;
}

/** The item rows of a version, in order, and their total. */
export function toItemRows(versionId: string, groups: CriteriaGroupInput[]) {
  const rows: repo.CriteriaItemRow[] = [];
  for (const group of groups) {
    for (const item of group.items) {
      rows.push({
        version_id: versionId,
        position: rows.length,
        group_code: group.code.trim(),
        group_title: group.title.trim(),
        code: item.code.trim(),
        text: item.text.trim(),
        max_score: item.maxScore,
        guidance: item.guidance.trim(),
        auto_source: item.autoSource ?? null,
      });
    }
  }
  return { rows, total: rows.reduce((sum, r) => sum + r.max_score, 0) };
}

async function presentAll(db: Kysely<DB>, rows: repo.CriteriaVersionRow[]) {
  const items = await repo.itemsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => present(row, items.get(row.id) ?? []));
}

/** Criteria versions, newest first per kind; drafts only for those who may edit them. */
export async function listCriteria(db: Kysely<DB>, ctx: RequestContext, kind?: CriteriaKind) {
  const rows = (await repo.listVersions(db, kind)).filter((row) => canViewCriteriaVersion(ctx.actor, row));
  return { items: await presentAll(db, rows) };
}

export async function getCriteria(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findVersion(db, id);
  if (!row || !canViewCriteriaVersion(ctx.actor, row)) {
    throw notFound('评价指标版本');
  }
  const [version] = await presentAll(db, [row]);
  return version as CriteriaVersion;
}

/** A version by id, without a caller's policy (for modules that already checked access to what refers to it). */
export async function criteriaVersionById(db: Kysely<DB>, id: string) {
  const row = await repo.findVersion(db, id);
  return row ? ((await presentAll(db, [row]))[0] ?? null) : null;
}

/** The latest published version of a kind (what an application is scored against), or null. */
export async function currentCriteria(db: Kysely<DB>, kind: CriteriaKind) {
  const rows = (await repo.listVersions(db, kind)).filter((r) => r.status === 'published');
  const latest = rows.sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''))[0];
  return latest ? ((await presentAll(db, [latest]))[0] ?? null) : null;
}

/** Drafts a new version, from given groups or as a copy of another version's. */
export async function createCriteria(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { kind: CriteriaKind; version: string; groups?: CriteriaGroupInput[]; copyFromId?: string },
) {
  if (!canEditCriteria(ctx.actor)) {
    throw forbidden('只有市级管理员可以编辑建设指南');
  }
  let groups = input.groups;
  if (input.copyFromId) {
    const source = await getCriteria(db, ctx, input.copyFromId);
    if (source.kind !== input.kind) {
      throw invalid([{ field: 'copyFromId', message: '只能复制同一类别的指标版本' }]);
    }
    groups = groups ?? source.groups;
  }
  if (!groups) {
    throw invalid([{ field: 'groups', message: '请填写指标分组，或选择要复制的版本' }]);
  }
  const problems = criteriaProblems(groups);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const version = input.version.trim();
  if (await repo.findByKindVersion(db, input.kind, version)) {
    throw conflict(`版本号「${version}」已存在`, [{ field: 'version', message: `版本号「${version}」已存在` }]);
  }
  const id = newId();
  const at = nowIso();
  const { rows, total } = toItemRows(id, groups);
  await db.transaction().execute(async (trx) => {
    await repo.insertVersion(trx, {
      id,
      kind: input.kind,
      version,
      status: 'draft',
      total_score: total,
      published_at: null,
      created_at: at,
      updated_at: at,
    });
    await repo.replaceItems(trx, id, rows);
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'criteria_version',
      entityId: id,
      changedFields: ['kind', 'version', 'groups'],
    });
  });
  return getCriteria(db, ctx, id);
}

async function loadDraft(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const current = await getCriteria(db, ctx, id);
  if (!canEditCriteria(ctx.actor)) {
    throw forbidden('只有市级管理员可以编辑建设指南');
  }
  if (current.status !== 'draft') {
    throw new AppError('criteria_published', 409, '已发布的指标版本不可修改，请复制为新版本后再编辑');
  }
  return current;
}

/** Replaces a draft's groups; a published version is immutable (409). */
export async function updateCriteria(db: Kysely<DB>, ctx: RequestContext, id: string, groups: CriteriaGroupInput[]) {
  await loadDraft(db, ctx, id);
  const problems = criteriaProblems(groups);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const { rows, total } = toItemRows(id, groups);
  await db.transaction().execute(async (trx) => {
    await repo.replaceItems(trx, id, rows);
    await repo.updateVersion(trx, id, { total_score: total, updated_at: nowIso() });
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: 'criteria_version',
      entityId: id,
      changedFields: ['groups'],
    });
  });
  return getCriteria(db, ctx, id);
}

/** Publishes a draft whose items add up to the full score; from then on it is frozen. */
export async function publishCriteria(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const current = await loadDraft(db, ctx, id);
  if (current.totalScore !== CRITERIA_TOTAL) {
    throw invalid([
      { field: 'groups', message: `各指标分值合计应为 ${CRITERIA_TOTAL} 分，当前为 ${current.totalScore} 分` },
    ]);
  }
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.updateVersion(trx, id, { status: 'published', published_at: at, updated_at: at });
    await writeAudit(trx, ctx, {
      action: 'publish',
      entityType: 'criteria_version',
      entityId: id,
      changedFields: ['status', 'publishedAt'],
    });
  });
  return getCriteria(db, ctx, id);
}
