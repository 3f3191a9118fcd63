import type { FrameworkKind, FrameworkVersionStatus } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit, type AuditTrace } from '../audit/index';
import {
  contentProblems,
  DEFAULT_PASS_SCORE,
  effectiveRequirements,
  flattenRequirements,
  requirementCodes,
  type EffectiveRequirement,
  type FrameworkContent,
} from './frameworks.content';
import { canManageFrameworks, canViewVersion } from './frameworks.policy';
import * as repo from './frameworks.repo';
import type { FrameworkCreateInput, VersionCreateInput } from './frameworks.schemas';
import {
  parseExcelImport,
  parseJsonImport,
  toJsonExport,
  toWorkbook,
  type ExportMeta,
  type IndustryNames,
} from './frameworks.transfer';

export type { FrameworkKind };
export type VersionStatus = FrameworkVersionStatus;

export interface VersionSummary {
  id: string;
  version: string;
  status: VersionStatus;
  template: boolean;
  baseVersionId: string | null;
  requirementCount: number;
  publishedAt: string | null;
  createdAt: string;
}

export interface Version extends VersionSummary {
  frameworkId: string;
  frameworkName: string;
  kind: FrameworkKind;
  industry: string | null;
  content: FrameworkContent;
}

export interface AssessmentBasis {
  standard: Version;
  guide: Version | null;
  requirements: EffectiveRequirement[];
  passScore: number;
}

export function presentSummary(row: repo.VersionSummaryRow): VersionSummary {
  return {
    id: row.id,
    version: row.version,
    status: row.status as VersionStatus,
    template: Number(row.template) === 1,
    baseVersionId: row.base_version_id,
    requirementCount: Number(row.requirement_count),
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}

export function presentVersion(row: repo.VersionRow): Version {
  return {
    ...presentSummary(row),
    frameworkId: row.framework_id,
    frameworkName: row.framework_name,
    kind: row.kind as FrameworkKind,
    industry: row.industry_code,
    // Content is validated (schema and contentProblems) before it is stored.
    content: JSON.parse(row.content) as FrameworkContent,
  };
}

/** A version's human label, e.g. 「聊城市商业秘密保护管理和服务规范 2024.1」. */
export const versionLabel = (version: Pick<Version, 'frameworkName' | 'version'>): string =>
  `${version.frameworkName} ${version.version}`;

/**
 * One framework version with its parsed content and its framework's kind, name and industry; null when
 * there is no such version. No authorisation: every role that reaches it may read frameworks.
 */
export async function loadVersion(db: Kysely<DB>, id: string): Promise<Version | null> {
  const row = await repo.findVersion(db, id);
  return row ? presentVersion(row) : null;
}

/**
 * What an enterprise of `industryCode` is assessed against under a standard version: the standard, the
 * latest published guide for that industry built on this version (or null), the effective requirements
 * and the pass score (the standard's, default 80). Null when the id is not a standard version.
 * Callers freeze `standard.id` and `guide?.id` on the assessment, so later versions never change it.
 */
export async function assessmentBasis(
  db: Kysely<DB>,
  standardVersionId: string,
  industryCode: string,
): Promise<AssessmentBasis | null> {
  const standard = await loadVersion(db, standardVersionId);
  if (!standard || standard.kind !== 'standard') {
    return null;
  }
  const guideId = await repo.findLatestPublishedGuideId(db, standardVersionId, industryCode);
  const guide = guideId ? await loadVersion(db, guideId) : null;
  return {
    standard,
    guide,
    requirements: effectiveRequirements(standard.content, guide?.content ?? null, industryCode),
    passScore: standard.content.passScore ?? DEFAULT_PASS_SCORE,
  };
}

/**
 * The requirements of an assessment opened earlier, from the version ids it froze: the same versions
 * give the same requirements whatever has been published since. Null when a version is missing.
 */
export async function frozenRequirements(
  db: Kysely<DB>,
  standardVersionId: string,
  guideVersionId: string | null,
  industryCode: string,
): Promise<{ requirements: EffectiveRequirement[]; passScore: number } | null> {
  const standard = await loadVersion(db, standardVersionId);
  const guide = guideVersionId ? await loadVersion(db, guideVersionId) : null;
  if (!standard || (guideVersionId && !guide)) {
    return null;
  }
  return {
    requirements: effectiveRequirements(standard.content, guide?.content ?? null, industryCode),
    passScore: standard.content.passScore ?? DEFAULT_PASS_SCORE,
  };
}

// ---------- frameworks ----------

export interface Framework {
  id: string;
  code: string;
  kind: FrameworkKind;
  name: string;
  industry: string | null;
  industryName: string | null;
  description: string;
  versions: VersionSummary[];
}

function presentFramework(row: repo.FrameworkRow, versions: VersionSummary[]): Framework {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as FrameworkKind,
    name: row.name,
    industry: row.industry_code,
    industryName: row.industry_name,
    description: row.description,
    versions,
  };
}

async function withVersions(db: Kysely<DB>, ctx: RequestContext, rows: repo.FrameworkRow[]): Promise<Framework[]> {
  const summaries = await repo.listVersionSummaries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    presentFramework(
      row,
      summaries.filter((v) => v.framework_id === row.id && canViewVersion(ctx.actor, v)).map((v) => presentSummary(v)),
    ),
  );
}

/** Frameworks with their versions; those who cannot manage frameworks see published and retired versions only. */
export async function listFrameworks(db: Kysely<DB>, ctx: RequestContext): Promise<Framework[]> {
  const frameworks = await withVersions(db, ctx, await repo.listFrameworks(db));
  return canManageFrameworks(ctx.actor) ? frameworks : frameworks.filter((f) => f.versions.length > 0);
}

export async function getFramework(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Framework> {
  const row = await repo.findFramework(db, id);
  const [framework] = row ? await withVersions(db, ctx, [row]) : [];
  if (!framework || (!canManageFrameworks(ctx.actor) && framework.versions.length === 0)) {
    throw notFound('框架');
  }
  return framework;
}

function requireManager(ctx: RequestContext) {
  if (!canManageFrameworks(ctx.actor)) {
    throw forbidden('只有市级管理员可以维护标准和行业指引');
  }
}

/** Creates a standard or an industry guide (a guide names the industry it applies to). */
export async function createFramework(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: FrameworkCreateInput,
): Promise<Framework> {
  requireManager(ctx);
  const industry = input.industry ?? null;
  const errors: FieldError[] = [];
  if (input.kind === 'guide' && !industry) {
    errors.push({ field: 'industry', message: '行业指引必须指定适用行业' });
  }
  if (input.kind === 'standard' && industry) {
    errors.push({ field: 'industry', message: '标准适用于所有行业，不能指定行业（行业要求请建行业指引）' });
  }
  if (industry && !(await repo.industryExists(db, industry))) {
    errors.push({ field: 'industry', message: `行业「${industry}」不存在` });
  }
  if (errors.length > 0) {
    throw invalid(errors);
  }
  if (await repo.findFrameworkByCode(db, input.code)) {
    const message = `框架代码「${input.code}」已被使用`;
    throw conflict(message, [{ field: 'code', message }]);
  }
  const id = newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertFramework(trx, {
      id,
      code: input.code,
      kind: input.kind,
      name: input.name.trim(),
      industry_code: industry,
      description: input.description,
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'framework',
      entityId: id,
      changedFields: Object.keys(input),
    });
  });
  return getFramework(db, ctx, id);
}

// ---------- versions ----------

async function loadVisibleVersion(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Version> {
  const version = await loadVersion(db, id);
  if (!version || !canViewVersion(ctx.actor, version)) {
    throw notFound('框架版本');
  }
  return version;
}

export async function getVersion(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Version> {
  return loadVisibleVersion(db, ctx, id);
}

/**
 * The requirements of a version as an assessment would see them. A standard version with `industry`:
 * the standard filtered for that industry plus the latest published guide on it; without: every
 * requirement of the standard. A guide version: its base standard with this guide, for its industry.
 */
export async function versionRequirements(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  industry: string | undefined,
): Promise<{ items: EffectiveRequirement[]; passScore: number; guideVersionId: string | null }> {
  const version = await loadVisibleVersion(db, ctx, id);
  if (version.kind === 'guide') {
    const base = version.baseVersionId ? await loadVersion(db, version.baseVersionId) : null;
    if (!base) {
      return {
        items: flattenRequirements(version.content, 'guide'),
        passScore: DEFAULT_PASS_SCORE,
        guideVersionId: id,
      };
    }
    return {
      items: effectiveRequirements(base.content, version.content, version.industry ?? ''),
      passScore: base.content.passScore ?? DEFAULT_PASS_SCORE,
      guideVersionId: id,
    };
  }
  if (!industry) {
    return {
      items: flattenRequirements(version.content, 'standard'),
      passScore: version.content.passScore ?? DEFAULT_PASS_SCORE,
      guideVersionId: null,
    };
  }
  const basis = await assessmentBasis(db, id, industry);
  if (!basis) {
    throw notFound('框架版本');
  }
  return { items: basis.requirements, passScore: basis.passScore, guideVersionId: basis.guide?.id ?? null };
}

/** A guide's base must be a version of a standard; a standard has no base. */
async function checkBase(db: Kysely<DB>, kind: FrameworkKind, baseVersionId: string | null): Promise<Version | null> {
  if (kind === 'standard') {
    if (baseVersionId) {
      throw invalid([
        { field: 'baseVersionId', message: '标准版本不依据其他版本（只有行业指引需要指定所依据的标准版本）' },
      ]);
    }
    return null;
  }
  if (!baseVersionId) {
    throw invalid([{ field: 'baseVersionId', message: '行业指引必须指定所依据的标准版本' }]);
  }
  const base = await loadVersion(db, baseVersionId);
  if (!base || base.kind !== 'standard') {
    throw invalid([{ field: 'baseVersionId', message: '所依据的标准版本不存在' }]);
  }
  if (base.status === 'retired') {
    throw invalid([{ field: 'baseVersionId', message: `所依据的标准版本 ${base.version} 已废止` }]);
  }
  return base;
}

async function checkVersionLabelFree(db: Kysely<DB>, frameworkId: string, version: string) {
  if (await repo.findVersionByLabel(db, frameworkId, version)) {
    const message = `版本号「${version}」已存在，请换一个版本号`;
    throw conflict(message, [{ field: 'version', message }]);
  }
}

async function insertDraft(
  db: Kysely<DB>,
  ctx: RequestContext,
  framework: { id: string },
  fields: { version: string; baseVersionId: string | null; content: FrameworkContent; template: boolean },
  action: string,
): Promise<string> {
  const id = newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertVersion(trx, {
      id,
      framework_id: framework.id,
      version: fields.version,
      status: 'draft',
      base_version_id: fields.baseVersionId,
      template: fields.template ? 1 : 0,
      content: JSON.stringify(fields.content),
      requirement_count: requirementCodes(fields.content).length,
      published_at: null,
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, ctx, {
      action,
      entityType: 'framework_version',
      entityId: id,
      changedFields: ['version', 'content', ...(fields.baseVersionId ? ['baseVersionId'] : [])],
    });
  });
  return id;
}

/**
 * A new draft version of a framework: with the given content, or a copy of another version of the same
 * framework (e.g. the published one, to revise it). Published versions are never changed by this.
 */
export async function createVersion(
  db: Kysely<DB>,
  ctx: RequestContext,
  frameworkId: string,
  input: VersionCreateInput,
): Promise<Version> {
  requireManager(ctx);
  const framework = await repo.findFramework(db, frameworkId);
  if (!framework) {
    throw notFound('框架');
  }
  let content = input.content ?? null;
  let baseVersionId = input.baseVersionId ?? null;
  let template = false;
  if (input.copyFromVersionId) {
    const source = await loadVersion(db, input.copyFromVersionId);
    if (!source || source.frameworkId !== frameworkId) {
      throw invalid([{ field: 'copyFromVersionId', message: '要复制的版本不存在或不属于该框架' }]);
    }
    content ??= source.content;
    baseVersionId ??= source.baseVersionId;
    template = source.template;
  }
  if (!content) {
    throw invalid([{ field: 'content', message: '请提供版本内容，或指定要复制的版本' }]);
  }
  await checkBase(db, framework.kind as FrameworkKind, baseVersionId);
  await checkVersionLabelFree(db, frameworkId, input.version);
  const id = await insertDraft(
    db,
    ctx,
    framework,
    { version: input.version, baseVersionId, content, template },
    'create',
  );
  return getVersion(db, ctx, id);
}

function requireDraft(version: Version, what: string) {
  if (version.status !== 'draft') {
    throw conflict(
      `版本 ${version.version} 已${version.status === 'published' ? '发布' : '废止'}，不能${what}；如需修改请新建版本`,
    );
  }
}

/** Replaces a draft's content. Published and retired versions are immutable (409). */
export async function updateVersionContent(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  content: FrameworkContent,
): Promise<Version> {
  requireManager(ctx);
  const version = await loadVisibleVersion(db, ctx, id);
  requireDraft(version, '修改');
  await db.transaction().execute(async (trx) => {
    const changed = await repo.updateVersion(trx, id, 'draft', {
      content: JSON.stringify(content),
      requirement_count: requirementCodes(content).length,
      updated_at: nowIso(),
    });
    if (!changed) {
      throw conflict('该版本已被发布或废止，不能再修改');
    }
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: 'framework_version',
      entityId: id,
      changedFields: ['content'],
    });
  });
  return getVersion(db, ctx, id);
}

/** Why a version cannot be published, in Chinese; empty when it can. */
export async function publishProblems(db: Kysely<DB>, version: Version): Promise<string[]> {
  const base = version.baseVersionId ? await loadVersion(db, version.baseVersionId) : null;
  const problems: string[] = [];
  if (version.kind === 'guide') {
    if (!base) {
      problems.push('行业指引必须依据一个标准版本');
    } else if (base.status !== 'published') {
      problems.push(`所依据的标准版本 ${base.version} 尚未发布（或已废止），请先发布标准`);
    }
  }
  problems.push(...contentProblems(version.content, base?.content));
  const requirements = flattenRequirements(version.content, 'standard');
  if (requirements.length === 0 && !(version.kind === 'guide' && version.content.overrides?.length)) {
    problems.push('版本中没有任何要求');
  }
  if (version.kind === 'standard' && requirements.length > 0 && requirements.every((r) => r.weight === 0)) {
    problems.push('所有要求的权重都为 0，无法计分');
  }
  for (const chapter of version.content.chapters) {
    if (chapter.clauses.length === 0) {
      problems.push(`第「${chapter.code}」章「${chapter.title}」下没有条款`);
    }
    for (const clause of chapter.clauses) {
      if (clause.requirements.length === 0) {
        problems.push(`条款「${clause.code} ${clause.title}」下没有要求`);
      }
    }
  }
  const industries = new Set((await repo.listIndustries(db)).map((i) => i.code));
  for (const requirement of requirements) {
    if (!requirement.text.trim()) {
      problems.push(`要求「${requirement.code}」没有正文`);
    }
    for (const industry of requirement.industries) {
      if (!industries.has(industry)) {
        problems.push(`要求「${requirement.code}」的适用行业「${industry}」不存在`);
      }
    }
  }
  return problems;
}

/**
 * Publishes a draft after checking its content. From then on it is immutable: assessments freeze the
 * version ids they were opened with, so publishing a later version never changes them.
 */
export async function publishVersion(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Version> {
  requireManager(ctx);
  const version = await loadVisibleVersion(db, ctx, id);
  requireDraft(version, '再次发布');
  const problems = await publishProblems(db, version);
  if (problems.length > 0) {
    throw invalid(
      problems.map((message) => ({ field: 'content', message })),
      `内容有 ${problems.length} 处问题，不能发布：${problems.slice(0, 5).join('；')}${problems.length > 5 ? '……' : ''}`,
    );
  }
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    const changed = await repo.updateVersion(trx, id, 'draft', {
      status: 'published',
      published_at: at,
      updated_at: at,
    });
    if (!changed) {
      throw conflict('该版本已被发布或废止');
    }
    await writeAudit(trx, ctx, {
      action: 'publish',
      entityType: 'framework_version',
      entityId: id,
      changedFields: ['status'],
    });
  });
  return getVersion(db, ctx, id);
}

/** Retires a published version: no new campaigns use it; assessments already made against it keep it. */
export async function retireVersion(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Version> {
  requireManager(ctx);
  const version = await loadVisibleVersion(db, ctx, id);
  if (version.status !== 'published') {
    throw conflict(version.status === 'draft' ? '草稿尚未发布，无需废止' : `版本 ${version.version} 已废止`);
  }
  await db.transaction().execute(async (trx) => {
    const changed = await repo.updateVersion(trx, id, 'published', { status: 'retired', updated_at: nowIso() });
    if (!changed) {
      throw conflict('该版本状态已变化，请刷新后重试');
    }
    await writeAudit(trx, ctx, {
      action: 'retire',
      entityType: 'framework_version',
      entityId: id,
      changedFields: ['status'],
    });
  });
  return getVersion(db, ctx, id);
}

// ---------- import / export ----------

async function industryNames(db: Kysely<DB>): Promise<IndustryNames> {
  const rows = await repo.listIndustries(db);
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  const byName = new Map(rows.map((r) => [r.name, r.code]));
  return {
    nameOf: (code) => byCode.get(code) ?? code,
    codeOf: (text) => (byCode.has(text) ? text : (byName.get(text) ?? null)),
  };
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  body: Buffer;
}

/** A version as a JSON or Excel file, in the layout that `importVersion` reads back. */
export async function exportVersion(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  format: 'json' | 'xlsx',
): Promise<ExportFile> {
  const version = await loadVisibleVersion(db, ctx, id);
  const framework = await repo.findFramework(db, version.frameworkId);
  const base = version.baseVersionId ? await repo.findVersion(db, version.baseVersionId) : null;
  const meta: ExportMeta = {
    frameworkCode: framework?.code ?? '',
    frameworkName: version.frameworkName,
    kind: version.kind,
    industry: version.industry,
    version: version.version,
    baseVersion: base ? { frameworkCode: base.framework_code, version: base.version } : null,
  };
  const stem = `${version.frameworkName}-${version.version}`;
  if (format === 'xlsx') {
    return {
      fileName: `${stem}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toWorkbook(meta, version.content, await industryNames(db)),
    };
  }
  return {
    fileName: `${stem}.json`,
    mimeType: 'application/json; charset=utf-8',
    body: Buffer.from(`${JSON.stringify(toJsonExport(meta, version.content), null, 2)}\n`, 'utf8'),
  };
}

export interface ImportInput {
  fileName: string;
  data: Buffer;
  version: string;
  baseVersionId: string | null;
}

const isXlsx = (file: { fileName: string; data: Buffer }) =>
  file.fileName.toLowerCase().endsWith('.xlsx') || file.data.subarray(0, 2).toString('latin1') === 'PK';

/**
 * Reads a JSON or Excel file into a new draft version of a framework. All or nothing: every bad row or
 * field is reported (400) and nothing is stored unless the whole file is good.
 */
export async function importVersion(
  db: Kysely<DB>,
  ctx: RequestContext,
  frameworkId: string,
  input: ImportInput,
): Promise<Version> {
  requireManager(ctx);
  const framework = await repo.findFramework(db, frameworkId);
  if (!framework) {
    throw notFound('框架');
  }
  const kind = framework.kind as FrameworkKind;
  const parsed = isXlsx(input)
    ? await parseExcelImport(input.data, await industryNames(db))
    : parseJsonImport(input.data);
  if (!parsed.ok) {
    throw invalid(
      parsed.errors,
      `导入文件有 ${parsed.errors.length} 处问题，未导入任何内容：${parsed.errors[0]?.message ?? ''}`,
    );
  }
  const { content, baseVersion } = parsed.value;
  if (parsed.value.kind && parsed.value.kind !== kind) {
    throw invalid([
      {
        field: 'file',
        message: `文件是${parsed.value.kind === 'guide' ? '行业指引' : '标准'}，不能导入到${kind === 'guide' ? '行业指引' : '标准'}「${framework.name}」`,
      },
    ]);
  }
  let baseVersionId = input.baseVersionId;
  if (kind === 'guide' && !baseVersionId && baseVersion) {
    const baseFramework = await repo.findFrameworkByCode(db, baseVersion.frameworkCode);
    const found = baseFramework ? await repo.findVersionByLabel(db, baseFramework.id, baseVersion.version) : undefined;
    baseVersionId = found?.id ?? null;
    if (!baseVersionId) {
      throw invalid([
        {
          field: 'baseVersionId',
          message: `文件所依据的标准「${baseVersion.frameworkCode} ${baseVersion.version}」在本系统中不存在，请指定所依据的标准版本`,
        },
      ]);
    }
  }
  const base = await checkBase(db, kind, baseVersionId);
  const problems = contentProblems(content, base?.content);
  if (problems.length > 0) {
    throw invalid(
      problems.map((message) => ({ field: 'file', message })),
      `导入文件有 ${problems.length} 处问题，未导入任何内容：${problems[0] ?? ''}`,
    );
  }
  await checkVersionLabelFree(db, frameworkId, input.version);
  const id = await insertDraft(
    db,
    ctx,
    framework,
    { version: input.version, baseVersionId, content, template: false },
    'import',
  );
  return getVersion(db, ctx, id);
}

// ---------- seeding ----------

export interface FrameworkInstall {
  code: string;
  kind: FrameworkKind;
  name: string;
  industry: string | null;
  description: string;
  version: string;
  content: FrameworkContent;
  template: boolean;
  baseVersionId: string | null;
}

/** Whether any framework exists (the seed installs its templates only into an empty catalogue). */
export async function frameworksExist(db: Kysely<DB>): Promise<boolean> {
  return (await repo.countFrameworks(db)) > 0;
}

/**
 * Installs a framework with one published version inside the caller's transaction, audited (used by the
 * seed; content is checked like a publish and a problem aborts the transaction). Returns the version id.
 */
export async function installPublishedFramework(
  trx: Kysely<DB>,
  trace: AuditTrace,
  install: FrameworkInstall,
): Promise<string> {
  const base = install.baseVersionId ? await loadVersion(trx, install.baseVersionId) : null;
  const problems = contentProblems(install.content, base?.content);
  if (problems.length > 0) {
    throw new Error(`framework ${install.code}: ${problems.join('; ')}`);
  }
  const frameworkId = newId();
  const versionId = newId();
  const at = nowIso();
  await repo.insertFramework(trx, {
    id: frameworkId,
    code: install.code,
    kind: install.kind,
    name: install.name,
    industry_code: install.industry,
    description: install.description,
    created_at: at,
    updated_at: at,
  });
  await repo.insertVersion(trx, {
    id: versionId,
    framework_id: frameworkId,
    version: install.version,
    status: 'published',
    base_version_id: install.baseVersionId,
    template: install.template ? 1 : 0,
    content: JSON.stringify(install.content),
    requirement_count: requirementCodes(install.content).length,
    published_at: at,
    created_at: at,
    updated_at: at,
  });
  await writeAudit(trx, trace, { action: 'create', entityType: 'framework', entityId: frameworkId });
  await writeAudit(trx, trace, {
    action: 'publish',
    entityType: 'framework_version',
    entityId: versionId,
    changedFields: ['content', 'status'],
  });
  return versionId;
}
