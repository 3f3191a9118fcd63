import {
  APPLICATION_STATUS_LABELS,
  DESIGNATION_KIND_LABELS,
  DESIGNATION_RULES,
  type ApplicationRoute,
  type ApplicationStatus,
  type DesignationKind,
} from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addDays, isIsoDate, today, workCalendar, workingDayPeriod } from '../../lib/calendar';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, invalid, notFound } from '../../lib/errors';
import { checkEvidenceFile, readUpload, removeUpload, storeUpload } from '../../lib/files';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { criteriaVersionById, currentCriteria } from '../criteria/index';
import { notify } from '../notifications/index';
import { enterpriseFacts, type Fact } from './designations.facts';
import {
  applicationVisibility,
  canCountyReview,
  canManageDesignations,
  canSeePanel,
  canViewApplication,
  isApplicant,
  isAssignedExpert,
} from './designations.policy';
import * as repo from './designations.repo';
import { panelResult } from './designations.scoring';

type Ctx = RequestContext;
type Trace = Pick<RequestContext, 'requestId' | 'clientIp'> & { actor: RequestContext['actor'] | null };

const KIND_CODES: Record<DesignationKind, string> = { base: '基', station: '站', enterprise: '企' };

const tenths = (score: number): number => Math.round(score * 10);
const fromTenths = (value: number | null): number | null => (value === null ? null : Number(value) / 10);

/** The county-level region of a region path: its second segment (the city is the first). */
function countyIdOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return segments[1] ?? segments[0] ?? '';
}

interface Subject {
  id: string;
  name: string;
  regionId: string;
  regionPath: string;
  status: string;
  /** Organisations whose people may not review it: the subject itself, its host, the enterprises it covers. */
  relatedOrganizationIds: string[];
  /** Organisations that may apply for it themselves. */
  applicantOrganizationIds: string[];
}

async function loadSubject(db: Kysely<DB>, kind: DesignationKind, id: string): Promise<Subject | null> {
  switch (kind) {
    case 'enterprise': {
      const e = await repo.enterpriseSubject(db, id);
      return e
        ? {
            id: e.id,
            name: e.name,
            regionId: e.region_id,
            regionPath: e.region_path,
            status: e.status,
            relatedOrganizationIds: [e.id],
            applicantOrganizationIds: [e.id],
          }
        : null;
    }
    case 'station': {
      const s = await repo.stationSubject(db, id);
      if (!s) {
        return null;
      }
      const host = s.host_organization_id ? [s.host_organization_id] : [];
      return {
        id: s.id,
        name: s.name,
        regionId: s.region_id,
        regionPath: s.region_path,
        status: s.status,
        relatedOrganizationIds: [s.id, ...host],
        applicantOrganizationIds: [s.id, ...host],
      };
    }
    case 'base': {
      const b = await repo.baseSubject(db, id);
      if (!b) {
        return null;
      }
      const host = b.host_organization_id ? [b.host_organization_id] : [];
      return {
        id: b.id,
        name: b.name,
        regionId: b.region_id,
        regionPath: b.region_path,
        status: b.status,
        relatedOrganizationIds: [...host, ...(await repo.baseEnterpriseIds(db, b.id))],
        applicantOrganizationIds: host,
      };
    }
  }
}

/** How the actor may file for this subject: for itself / as host, as the county's nomination, or not at all. */
function routeFor(ctx: Ctx, kind: DesignationKind, subject: Subject): ApplicationRoute | null {
  const actor = ctx.actor;
  if (!actor.permissions.has('designation:apply')) {
    return null;
  }
  if (subject.applicantOrganizationIds.includes(actor.organizationId)) {
    return kind === 'enterprise' ? 'self' : 'host';
  }
  if (actor.roles.includes('county_admin') && subject.regionPath.startsWith(actor.regionPath)) {
    return 'nomination';
  }
  if (canManageDesignations(actor)) {
    return 'nomination';
  }
  return null;
}

// Presenting ------------------------------------------------------------------------------------------

function presentSummary(row: repo.ApplicationRow) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as DesignationKind,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    regionName: row.region_name,
    countyRegionId: row.county_region_id,
    countyName: row.county_name,
    route: row.route as ApplicationRoute,
    applicantOrganizationName: row.applicant_organization_name,
    status: row.status as ApplicationStatus,
    finalScore: fromTenths(row.final_score_tenths),
    noticeStart: row.notice_start,
    noticeEnd: row.notice_end,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type ApplicationSummary = ReturnType<typeof presentSummary>;
export type Application = Awaited<ReturnType<typeof presentApplication>>;

type Action =
  | 'edit'
  | 'submit'
  | 'withdraw'
  | 'county_review'
  | 'assign_experts'
  | 'score'
  | 'decide'
  | 'answer_objection'
  | 'designate';

async function loadVisible(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await repo.findApplication(db, id);
  if (!row) {
    throw notFound('申报');
  }
  const experts = await repo.expertsOf(db, id);
  const access = {
    regionPath: row.region_path,
    applicantOrganizationId: row.applicant_organization_id,
    subjectId: row.subject_id,
    expertIds: experts.map((e) => e.expert_user_id),
  };
  if (!canViewApplication(ctx.actor, access)) {
    throw notFound('申报');
  }
  return { row, experts, access };
}

type Loaded = Awaited<ReturnType<typeof loadVisible>>;

/** Why an application in notice cannot be designated today (null when it can). */
async function designationBlock(db: Kysely<DB>, row: repo.ApplicationRow, on: string): Promise<string | null> {
  if (row.status !== 'notice' || !row.notice_end) {
    return null;
  }
  const open = await repo.openObjectionCount(db, row.id);
  if (open > 0) {
    return `公示期内有 ${open} 条异议尚未书面答复，答复后方可授牌`;
  }
  if (on <= row.notice_end) {
    return `公示期至 ${row.notice_end} 结束，期满后方可授牌`;
  }
  return null;
}

async function presentApplication(db: Kysely<DB>, ctx: Ctx, loaded: Loaded) {
  const { row, experts, access } = loaded;
  const actor = ctx.actor;
  const criteria = await criteriaVersion(db, row.criteria_version_id);
  const [materials, objections, events] = await Promise.all([
    repo.materialsOf(db, row.id),
    repo.objectionsOf(db, row.id),
    repo.eventsOf(db, row.id),
  ]);
  const allIn = experts.length > 0 && experts.every((e) => e.submitted_at !== null);
  const isExpert = isAssignedExpert(actor, access);
  const scores = allIn || isExpert ? await repo.scoresOf(db, row.id, allIn ? undefined : actor.userId) : [];
  const byExpert = new Map<string, Map<string, number>>();
  for (const s of scores) {
    const items = byExpert.get(s.expert_user_id) ?? new Map<string, number>();
    items.set(s.item_code, Number(s.score_tenths));
    byExpert.set(s.expert_user_id, items);
  }
  const result = allIn
    ? panelResult(
        experts.map((e) => ({ expertUserId: e.expert_user_id, items: byExpert.get(e.expert_user_id) ?? new Map() })),
      )
    : null;
  const showPanel = canSeePanel(actor) && (canManageDesignations(actor) || !actor.roles.includes('expert') || isExpert);
  const panel = showPanel
    ? experts
        // An expert sees only themselves until every score is in.
        .filter((e) => allIn || !actor.roles.includes('expert') || e.expert_user_id === actor.userId)
        .map((e) => {
          const own = e.expert_user_id === actor.userId;
          const visible = allIn || own;
          const items = byExpert.get(e.expert_user_id);
          const total = result?.totals.find((t) => t.expertUserId === e.expert_user_id);
          return {
            userId: e.expert_user_id,
            name: e.display_name,
            organizationName: e.organization_name,
            assignedAt: e.assigned_at,
            submitted: e.submitted_at !== null,
            scores:
              visible && items
                ? scores
                    .filter((s) => s.expert_user_id === e.expert_user_id)
                    .map((s) => ({ itemCode: s.item_code, score: Number(s.score_tenths) / 10, comment: s.comment }))
                : null,
            total: visible && items ? [...items.values()].reduce((a, b) => a + b, 0) / 10 : null,
            dropped: total?.dropped ?? false,
          };
        })
    : null;

  const status = row.status as ApplicationStatus;
  const applicant = isApplicant(actor, access);
  const manage = canManageDesignations(actor);
  const actions: Action[] = [];
  if (applicant && (status === 'draft' || status === 'returned')) {
    actions.push('edit', 'submit');
  }
  if (applicant && (status === 'draft' || status === 'submitted' || status === 'returned')) {
    actions.push('withdraw');
  }
  if (status === 'submitted' && canCountyReview(actor, access)) {
    actions.push('county_review');
  }
  const anySubmitted = experts.some((e) => e.submitted_at !== null);
  if (manage && (status === 'county_passed' || (status === 'expert_review' && !anySubmitted))) {
    actions.push('assign_experts');
  }
  const mine = experts.find((e) => e.expert_user_id === actor.userId);
  if (status === 'expert_review' && isExpert && mine && mine.submitted_at === null) {
    actions.push('score');
  }
  if (manage && status === 'scored') {
    actions.push('decide');
  }
  const block = await designationBlock(db, row, today());
  if (manage && status === 'notice') {
    if (objections.some((o) => o.status === 'open')) {
      actions.push('answer_objection');
    }
    if (!block) {
      actions.push('designate');
    }
  }

  return {
    ...presentSummary(row),
    statement: row.statement,
    criteria: { versionId: criteria.id, version: criteria.version, groups: criteria.groups },
    materials: materials.map((m) => ({
      itemCode: m.item_code,
      note: m.note,
      facts: m.facts_json ? (JSON.parse(m.facts_json) as Fact) : null,
      file:
        m.storage_key && m.file_name && m.mime_type
          ? { fileName: m.file_name, mimeType: m.mime_type, sizeBytes: Number(m.size_bytes ?? 0) }
          : null,
      updatedAt: m.updated_at,
    })),
    countyReviewNote: row.county_review_note,
    countyReviewedAt: row.county_reviewed_at,
    experts: panel,
    expertCount: experts.length,
    expertsSubmitted: experts.filter((e) => e.submitted_at !== null).length,
    decision: row.decision as 'approve' | 'reject' | null,
    decisionDate: row.decision_date,
    decisionBasis: row.decision_basis,
    // Objectors' contact details are for the office; others see the objection and its answer.
    objections: objections.map((o) => ({
      id: o.id,
      name: manage ? o.name : '（已隐去）',
      contact: manage ? o.contact : '（已隐去）',
      text: o.text,
      status: o.status as 'open' | 'answered',
      answer: o.answer,
      answeredAt: o.answered_at,
      lodgedAt: o.lodged_at,
    })),
    designationId: row.designation_id,
    events: events.map((e) => ({ action: e.action, actorName: e.actor_name, note: e.note, at: e.at })),
    actions,
    designationBlockedBy: block,
  };
}

type GroupsIn = NonNullable<Awaited<ReturnType<typeof criteriaVersionById>>>['groups'];

function normalGroups(groups: GroupsIn) {
  return groups.map((g) => ({
    code: g.code,
    title: g.title,
    items: g.items.map((i) => ({
      code: i.code,
      text: i.text,
      maxScore: i.maxScore,
      guidance: i.guidance,
      autoSource: i.autoSource ?? null,
    })),
  }));
}

async function criteriaVersion(db: Kysely<DB>, versionId: string) {
  const version = await criteriaVersionById(db, versionId);
  if (!version) {
    throw new Error(`criteria version ${versionId} missing`);
  }
  return { ...version, groups: normalGroups(version.groups) };
}

function criteriaItems(version: Awaited<ReturnType<typeof criteriaVersion>>) {
  return version.groups.flatMap((g) => g.items);
}

// Listing and reading -----------------------------------------------------------------------------------

export async function listApplications(
  db: Kysely<DB>,
  ctx: Ctx,
  query: {
    page?: number;
    pageSize?: number;
    q?: string;
    kind?: DesignationKind;
    status?: ApplicationStatus;
    countyRegionId?: string;
  },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter: repo.ApplicationFilter = {
    visibility: applicationVisibility(ctx.actor),
    q: query.q?.trim() || undefined,
    kind: query.kind,
    status: query.status,
    countyRegionId: query.countyRegionId,
  };
  const [rows, total] = await Promise.all([
    repo.searchApplications(db, filter, pageSize, (page - 1) * pageSize),
    repo.countApplications(db, filter),
  ]);
  return { items: rows.map(presentSummary), total, page, pageSize };
}

export async function getApplication(db: Kysely<DB>, ctx: Ctx, id: string) {
  return presentApplication(db, ctx, await loadVisible(db, ctx, id));
}

// Applying ----------------------------------------------------------------------------------------------

/**
 * Opens an application for a subject: the materials list follows the kind's current published criteria,
 * and every criterion the records can answer (certificate, register figures, …) is filled in from them.
 */
export async function createApplication(
  db: Kysely<DB>,
  ctx: Ctx,
  input: { kind: DesignationKind; subjectId: string; statement: string },
) {
  const subject = await loadSubject(db, input.kind, input.subjectId);
  const route = subject ? routeFor(ctx, input.kind, subject) : null;
  if (!subject || !route) {
    throw notFound(`${DESIGNATION_KIND_LABELS[input.kind]}申报对象`);
  }
  if (subject.status !== 'active') {
    throw conflict(`「${subject.name}」已停用或归档，不能申报`);
  }
  const criteria = await currentCriteria(db, input.kind);
  if (!criteria) {
    throw conflict(`${DESIGNATION_KIND_LABELS[input.kind]}的评价指标尚未发布，暂不能申报`);
  }
  const open = await repo.openApplicationOf(db, input.kind, subject.id);
  if (open) {
    throw conflict(
      `「${subject.name}」已有进行中的申报 ${open.number}（${APPLICATION_STATUS_LABELS[open.status as ApplicationStatus]}）`,
    );
  }
  const active = await repo.activeDesignationOf(db, input.kind, subject.id);
  if (active) {
    throw conflict(`「${subject.name}」已被命名为${DESIGNATION_KIND_LABELS[input.kind]}（${active.number}）`);
  }
  const at = nowIso();
  const on = today();
  const items = normalGroups(criteria.groups).flatMap((g) => g.items);
  const facts =
    input.kind === 'enterprise' ? await enterpriseFacts(db, subject.id, on, items) : new Map<string, Fact>();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const year = on.slice(0, 4);
    const prefix = `SQ${year}-`;
    const number = `${prefix}${String(await repo.nextNumber(trx, 'designation_applications', prefix)).padStart(4, '0')}`;
    await repo.insertApplication(trx, {
      id,
      number,
      kind: input.kind,
      subject_id: subject.id,
      subject_name: subject.name,
      region_id: subject.regionId,
      county_region_id: countyIdOf(subject.regionPath),
      route,
      applicant_organization_id: ctx.actor.organizationId,
      criteria_version_id: criteria.id,
      status: 'draft',
      statement: input.statement.trim(),
      county_review_note: null,
      county_reviewed_by: null,
      county_reviewed_at: null,
      final_score_tenths: null,
      decision: null,
      decision_date: null,
      decision_basis: null,
      decided_by: null,
      notice_start: null,
      notice_end: null,
      designation_id: null,
      created_by: ctx.actor.userId,
      submitted_at: null,
      created_at: at,
      updated_at: at,
    });
    await repo.insertMaterials(
      trx,
      items.map((item) => {
        const fact = facts.get(item.code);
        return {
          application_id: id,
          item_code: item.code,
          note: '',
          facts_json: fact ? JSON.stringify(fact) : null,
          storage_key: null,
          file_name: null,
          mime_type: null,
          size_bytes: null,
          updated_at: at,
        };
      }),
    );
    await repo.addEvent(trx, id, { action: 'created', actorId: ctx.actor.userId, at });
    await writeAudit(trx, ctx, {
      action: 'designation.apply',
      entityType: 'designation_application',
      entityId: id,
      changedFields: ['kind', 'subject', 'route'],
    });
  });
  return getApplication(db, ctx, id);
}

async function loadEditable(db: Kysely<DB>, ctx: Ctx, id: string) {
  const loaded = await loadVisible(db, ctx, id);
  if (!isApplicant(ctx.actor, loaded.access)) {
    throw notFound('申报');
  }
  const status = loaded.row.status as ApplicationStatus;
  if (status !== 'draft' && status !== 'returned') {
    throw conflict(`申报${APPLICATION_STATUS_LABELS[status]}，不能再修改材料`);
  }
  return loaded;
}

export async function updateApplication(db: Kysely<DB>, ctx: Ctx, id: string, input: { statement: string }) {
  const loaded = await loadEditable(db, ctx, id);
  await db.transaction().execute(async (trx) => {
    await repo.updateApplication(trx, id, { statement: input.statement.trim(), updated_at: nowIso() });
    await writeAudit(trx, ctx, {
      action: 'designation.update',
      entityType: 'designation_application',
      entityId: id,
      changedFields: ['statement'],
    });
  });
  void loaded;
  return getApplication(db, ctx, id);
}

function assertItem(loadedItems: { code: string }[], itemCode: string) {
  if (!loadedItems.some((i) => i.code === itemCode)) {
    throw notFound(`评价指标 ${itemCode}`);
  }
}

export async function saveMaterialNote(db: Kysely<DB>, ctx: Ctx, id: string, itemCode: string, note: string) {
  const loaded = await loadEditable(db, ctx, id);
  assertItem(criteriaItems(await criteriaVersion(db, loaded.row.criteria_version_id)), itemCode);
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    await repo.updateMaterial(trx, id, itemCode, { note: note.trim(), updated_at: at });
    await repo.updateApplication(trx, id, { updated_at: at });
    await writeAudit(trx, ctx, {
      action: 'designation.material',
      entityType: 'designation_application',
      entityId: id,
      changedFields: [`materials.${itemCode}.note`],
    });
  });
  return getApplication(db, ctx, id);
}

/** Attaches (or replaces) the file of one criterion; the file is written first and removed if the record fails. */
export async function attachMaterialFile(
  db: Kysely<DB>,
  ctx: Ctx,
  dataDir: string,
  id: string,
  input: { itemCode: string; fileName: string; data: Buffer },
) {
  const loaded = await loadEditable(db, ctx, id);
  assertItem(criteriaItems(await criteriaVersion(db, loaded.row.criteria_version_id)), input.itemCode);
  const fileName = input.fileName.replace(/[\\/]/g, '_').slice(-200);
  const { mimeType } = checkEvidenceFile(fileName, input.data);
  const stored = await storeUpload(dataDir, 'designation', input.data);
  const previous = (await repo.materialsOf(db, id)).find((m) => m.item_code === input.itemCode)?.storage_key ?? null;
  try {
    await db.transaction().execute(async (trx) => {
      const at = nowIso();
      await repo.updateMaterial(trx, id, input.itemCode, {
        storage_key: stored.storageKey,
        file_name: fileName,
        mime_type: mimeType,
        size_bytes: stored.sizeBytes,
        updated_at: at,
      });
      await repo.updateApplication(trx, id, { updated_at: at });
      await writeAudit(trx, ctx, {
        action: 'designation.material_file',
        entityType: 'designation_application',
        entityId: id,
        changedFields: [`materials.${input.itemCode}.file`],
      });
    });
  } catch (error) {
    await removeUpload(dataDir, stored.storageKey);
    throw error;
  }
  if (previous) {
    await removeUpload(dataDir, previous);
  }
  return getApplication(db, ctx, id);
}

export async function readMaterialFile(db: Kysely<DB>, ctx: Ctx, dataDir: string, id: string, itemCode: string) {
  await loadVisible(db, ctx, id);
  const material = (await repo.materialsOf(db, id)).find((m) => m.item_code === itemCode);
  if (!material?.storage_key || !material.file_name || !material.mime_type) {
    throw notFound('材料文件');
  }
  const data = await readUpload(dataDir, material.storage_key);
  if (!data) {
    throw notFound('材料文件');
  }
  return { data, fileName: material.file_name, mimeType: material.mime_type };
}

/** Submits for county review: every criterion needs a note, a file or figures from the records that answer it. */
export async function submitApplication(db: Kysely<DB>, ctx: Ctx, id: string) {
  const loaded = await loadEditable(db, ctx, id);
  const items = criteriaItems(await criteriaVersion(db, loaded.row.criteria_version_id));
  const materials = new Map((await repo.materialsOf(db, id)).map((m) => [m.item_code, m]));
  const missing = items.filter((item) => {
    const m = materials.get(item.code);
    // Figures from the records count as material when they answer the criterion (met true or false);
    // where the records cannot say (met null), the applicant writes a note or attaches a file.
    const answered = m?.facts_json ? (JSON.parse(m.facts_json) as Fact).met !== null : false;
    return !m || (!m.note.trim() && !m.storage_key && !answered);
  });
  if (missing.length > 0) {
    throw invalid(
      missing.map((item) => ({
        field: `materials.${item.code}`,
        message: `指标 ${item.code}「${item.text}」缺少材料`,
      })),
      `还有 ${missing.length} 项指标没有材料（说明或附件），请补充后再提交`,
    );
  }
  if (!loaded.row.statement.trim()) {
    throw invalid([{ field: 'statement', message: '请填写申报说明' }], '请填写申报说明');
  }
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const changed = await repo.updateApplication(
      trx,
      id,
      { status: 'submitted', submitted_at: at, updated_at: at },
      loaded.row.status,
    );
    if (changed === 0) {
      throw conflict('申报状态已变化，请刷新后重试');
    }
    await repo.addEvent(trx, id, { action: 'submitted', actorId: ctx.actor.userId, at });
    await writeAudit(trx, ctx, {
      action: 'designation.submit',
      entityType: 'designation_application',
      entityId: id,
      changedFields: ['status'],
    });
    const county = await repo.countyGovernmentId(trx, loaded.row.county_region_id);
    if (county) {
      await notify(trx, {
        kind: 'designation_application',
        organizationId: county,
        title: `${DESIGNATION_KIND_LABELS[loaded.row.kind as DesignationKind]}申报待初审`,
        body: `「${loaded.row.subject_name}」提交了申报 ${loaded.row.number}`,
        link: `/applications/${id}`,
      });
    }
  });
  return getApplication(db, ctx, id);
}

export async function withdrawApplication(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  const loaded = await loadVisible(db, ctx, id);
  if (!isApplicant(ctx.actor, loaded.access)) {
    throw notFound('申报');
  }
  const status = loaded.row.status as ApplicationStatus;
  if (!['draft', 'submitted', 'returned'].includes(status)) {
    throw conflict(`申报${APPLICATION_STATUS_LABELS[status]}，不能撤回`);
  }
  await transition(db, ctx, loaded.row, 'withdrawn', 'withdrawn', reason);
  return getApplication(db, ctx, id);
}

async function transition(
  db: Kysely<DB>,
  ctx: Ctx,
  row: repo.ApplicationRow,
  to: ApplicationStatus,
  action: string,
  note: string | null,
  extra: Partial<DB['designation_applications']> = {},
  after?: (trx: Kysely<DB>, at: string) => Promise<void>,
) {
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const changed = await repo.updateApplication(trx, row.id, { ...extra, status: to, updated_at: at }, row.status);
    if (changed === 0) {
      throw conflict('申报状态已变化，请刷新后重试');
    }
    await repo.addEvent(trx, row.id, { action, actorId: ctx.actor.userId, note, at });
    await writeAudit(trx, ctx, {
      action: `designation.${action}`,
      entityType: 'designation_application',
      entityId: row.id,
      changedFields: ['status', ...Object.keys(extra)],
    });
    await after?.(trx, at);
  });
}

// County review -----------------------------------------------------------------------------------------

export async function countyReview(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  input: { outcome: 'pass' | 'return'; note: string },
) {
  const loaded = await loadVisible(db, ctx, id);
  if (!canCountyReview(ctx.actor, loaded.access)) {
    throw notFound('申报');
  }
  if (loaded.row.status !== 'submitted') {
    throw conflict(`申报${APPLICATION_STATUS_LABELS[loaded.row.status as ApplicationStatus]}，不在初审环节`);
  }
  const note = input.note.trim();
  if (input.outcome === 'return' && note.length < 2) {
    throw invalid([{ field: 'note', message: '退回时请写明理由' }], '退回时请写明理由');
  }
  const at = nowIso();
  await transition(
    db,
    ctx,
    loaded.row,
    input.outcome === 'pass' ? 'county_passed' : 'returned',
    input.outcome === 'pass' ? 'county_passed' : 'returned',
    note || null,
    { county_review_note: note || null, county_reviewed_by: ctx.actor.userId, county_reviewed_at: at },
    async (trx) => {
      await notify(trx, {
        kind: 'designation_application',
        organizationId: loaded.row.applicant_organization_id,
        title: input.outcome === 'pass' ? '申报已通过初审' : '申报被退回',
        body:
          input.outcome === 'pass'
            ? `申报 ${loaded.row.number} 已通过县级初审，进入专家评审`
            : `申报 ${loaded.row.number} 被退回：${note}`,
        link: `/applications/${id}`,
      });
    },
  );
  return getApplication(db, ctx, id);
}

// Expert review -----------------------------------------------------------------------------------------

/** Every expert with the reason they cannot review this application (belongs to, or declared a tie with, it). */
export async function expertCandidates(db: Kysely<DB>, ctx: Ctx, id: string) {
  const loaded = await loadVisible(db, ctx, id);
  if (!canManageDesignations(ctx.actor)) {
    throw notFound('申报');
  }
  return { items: await candidatesFor(db, loaded.row) };
}

async function candidatesFor(db: Kysely<DB>, row: repo.ApplicationRow) {
  const subject = await loadSubject(db, row.kind as DesignationKind, row.subject_id);
  const related = new Set([row.applicant_organization_id, ...(subject?.relatedOrganizationIds ?? [])]);
  const experts = await repo.listExperts(db);
  const ties = await repo.tiesOf(
    db,
    experts.map((e) => e.id),
  );
  return experts.map((e) => {
    const tie = ties.find((t) => t.expert_user_id === e.id && related.has(t.organization_id));
    const conflictReason = related.has(e.organization_id)
      ? `任职于申报相关单位「${e.organization_name}」`
      : tie
        ? `已申报与「${tie.organization_name}」存在关联：${tie.note}`
        : null;
    return { userId: e.id, name: e.display_name, organizationName: e.organization_name, conflict: conflictReason };
  });
}

export async function assignExperts(db: Kysely<DB>, ctx: Ctx, id: string, expertUserIds: string[]) {
  const loaded = await loadVisible(db, ctx, id);
  if (!canManageDesignations(ctx.actor)) {
    throw notFound('申报');
  }
  const status = loaded.row.status as ApplicationStatus;
  const anySubmitted = loaded.experts.some((e) => e.submitted_at !== null);
  if (!(status === 'county_passed' || (status === 'expert_review' && !anySubmitted))) {
    throw conflict(
      status === 'expert_review'
        ? '已有专家提交评分，不能再调整评审组'
        : `申报${APPLICATION_STATUS_LABELS[status]}，不能指派专家`,
    );
  }
  const unique = [...new Set(expertUserIds)];
  if (unique.length !== expertUserIds.length) {
    throw invalid([{ field: 'expertUserIds', message: '同一位专家不能重复指派' }], '同一位专家不能重复指派');
  }
  if (unique.length < DESIGNATION_RULES.minExperts || unique.length > DESIGNATION_RULES.maxExperts) {
    throw invalid(
      [
        {
          field: 'expertUserIds',
          message: `评审组需 ${DESIGNATION_RULES.minExperts} 至 ${DESIGNATION_RULES.maxExperts} 名专家`,
        },
      ],
      `评审组需 ${DESIGNATION_RULES.minExperts} 至 ${DESIGNATION_RULES.maxExperts} 名专家`,
    );
  }
  const candidates = new Map((await candidatesFor(db, loaded.row)).map((c) => [c.userId, c]));
  const problems = unique.flatMap((expertId, index) => {
    const candidate = candidates.get(expertId);
    if (!candidate) {
      return [{ field: `expertUserIds.${index}`, message: '不是在册的专家账号' }];
    }
    if (candidate.conflict) {
      return [{ field: `expertUserIds.${index}`, message: `${candidate.name}须回避：${candidate.conflict}` }];
    }
    return [];
  });
  if (problems.length > 0) {
    throw invalid(problems, problems.map((p) => p.message).join('；'));
  }
  const at = nowIso();
  const names = unique.map((e) => candidates.get(e)?.name ?? e).join('、');
  await transition(db, ctx, loaded.row, 'expert_review', 'experts_assigned', `评审组：${names}`, {}, async (trx) => {
    await repo.replaceExperts(trx, id, unique, ctx.actor.userId, at);
    for (const expertId of unique) {
      await notify(trx, {
        kind: 'designation_scoring',
        userId: expertId,
        title: '新的示范创建评审任务',
        body: `请对申报 ${loaded.row.number}「${loaded.row.subject_name}」逐项独立评分`,
        link: `/applications/${id}`,
      });
    }
  });
  return getApplication(db, ctx, id);
}

/**
 * Saves an expert's scores (a draft, or submitted — then final). Each score is between 0 and the
 * item's maximum in steps of 0.5; submitting needs every item. The last submission completes the panel:
 * the result is the mean of the totals, without the highest and lowest when there are five experts.
 */
export async function saveScores(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  input: { items: { itemCode: string; score: number; comment: string }[]; submit: boolean },
) {
  const loaded = await loadVisible(db, ctx, id);
  const mine = loaded.experts.find((e) => e.expert_user_id === ctx.actor.userId);
  if (!mine || !isAssignedExpert(ctx.actor, loaded.access)) {
    throw notFound('申报');
  }
  if (loaded.row.status !== 'expert_review') {
    throw conflict('申报不在专家评审环节');
  }
  if (mine.submitted_at) {
    throw conflict('您已提交评分，不能再修改');
  }
  const items = criteriaItems(await criteriaVersion(db, loaded.row.criteria_version_id));
  const byCode = new Map(items.map((i) => [i.code, i]));
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  input.items.forEach((entry, index) => {
    const item = byCode.get(entry.itemCode);
    if (!item) {
      problems.push({ field: `items.${index}.itemCode`, message: `没有编号为 ${entry.itemCode} 的评价指标` });
      return;
    }
    if (seen.has(entry.itemCode)) {
      problems.push({ field: `items.${index}.itemCode`, message: `指标 ${entry.itemCode} 重复评分` });
    }
    seen.add(entry.itemCode);
    if (entry.score < 0 || entry.score > item.maxScore) {
      problems.push({
        field: `items.${index}.score`,
        message: `指标 ${entry.itemCode} 的得分应在 0 至 ${item.maxScore} 之间`,
      });
    } else if (Math.abs(entry.score * 2 - Math.round(entry.score * 2)) > 1e-9) {
      problems.push({ field: `items.${index}.score`, message: `指标 ${entry.itemCode} 的得分以 0.5 分为单位` });
    }
  });
  if (input.submit) {
    for (const item of items) {
      if (!seen.has(item.code)) {
        problems.push({ field: `items.${item.code}`, message: `指标 ${item.code}「${item.text}」尚未评分` });
      }
    }
  }
  if (problems.length > 0) {
    throw invalid(problems, input.submit ? '评分不完整或有误，请逐项检查后再提交' : '评分有误');
  }
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const current = await repo.findApplication(trx, id);
    if (current?.status !== 'expert_review') {
      throw conflict('申报状态已变化，请刷新后重试');
    }
    await repo.replaceScores(
      trx,
      id,
      ctx.actor.userId,
      input.items.map((i) => ({ itemCode: i.itemCode, scoreTenths: tenths(i.score), comment: i.comment.trim() })),
    );
    await repo.updateApplication(trx, id, { updated_at: at });
    if (!input.submit) {
      return;
    }
    if ((await repo.markExpertSubmitted(trx, id, ctx.actor.userId, at)) === 0) {
      throw conflict('您已提交评分，不能再修改');
    }
    await repo.addEvent(trx, id, { action: 'scored_by_expert', actorId: ctx.actor.userId, at });
    await writeAudit(trx, ctx, {
      action: 'designation.score',
      entityType: 'designation_application',
      entityId: id,
      changedFields: ['scores'],
    });
    const experts = await repo.expertsOf(trx, id);
    if (experts.every((e) => e.submitted_at !== null)) {
      const scores = await repo.scoresOf(trx, id);
      const result = panelResult(
        experts.map((e) => ({
          expertUserId: e.expert_user_id,
          items: new Map(
            scores
              .filter((s) => s.expert_user_id === e.expert_user_id)
              .map((s) => [s.item_code, Number(s.score_tenths)]),
          ),
        })),
      );
      await repo.updateApplication(trx, id, {
        status: 'scored',
        final_score_tenths: result.finalTenths,
        updated_at: at,
      });
      await repo.addEvent(trx, id, {
        action: 'scored',
        actorId: null,
        note: `评审完成，综合得分 ${(result.finalTenths / 10).toFixed(1)}${experts.length >= DESIGNATION_RULES.trimAtExperts ? '（去掉一个最高分和一个最低分）' : ''}`,
        at,
      });
    }
  });
  return getApplication(db, ctx, id);
}

// Decision, notice, objections, designation ----------------------------------------------------------------

export async function decide(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  input: { decision: 'approve' | 'reject'; date: string; basis: string; noticeWorkingDays?: number },
) {
  const loaded = await loadVisible(db, ctx, id);
  if (!canManageDesignations(ctx.actor)) {
    throw notFound('申报');
  }
  if (loaded.row.status !== 'scored') {
    throw conflict('评审完成后才能作出决定');
  }
  const on = today();
  if (!isIsoDate(input.date)) {
    throw invalid([{ field: 'date', message: '日期无效' }], '决定日期无效');
  }
  if (input.date > on) {
    throw invalid([{ field: 'date', message: '决定日期不能晚于今天' }], '决定日期不能晚于今天');
  }
  if (input.date < loaded.row.created_at.slice(0, 10)) {
    throw invalid([{ field: 'date', message: '决定日期不能早于申报日期' }], '决定日期不能早于申报日期');
  }
  const basis = input.basis.trim();
  if (input.decision === 'reject') {
    await transition(db, ctx, loaded.row, 'rejected', 'rejected', basis, {
      decision: 'reject',
      decision_date: input.date,
      decision_basis: basis,
      decided_by: ctx.actor.userId,
    });
    return getApplication(db, ctx, id);
  }
  // The notice starts the working day after the decision is recorded and runs N working days.
  const days = input.noticeWorkingDays ?? DESIGNATION_RULES.defaultNoticeWorkingDays;
  const period = workingDayPeriod(addDays(input.date, 1), days, workCalendar());
  await transition(
    db,
    ctx,
    loaded.row,
    'notice',
    'notice',
    `公示 ${days} 个工作日：${period.first} 至 ${period.last}`,
    {
      decision: 'approve',
      decision_date: input.date,
      decision_basis: basis,
      decided_by: ctx.actor.userId,
      notice_start: period.first,
      notice_end: period.last,
    },
  );
  return getApplication(db, ctx, id);
}

/** Applications in public notice today (anyone may read them and lodge an objection). */
export async function publicNotices(db: Kysely<DB>) {
  const rows = await repo.noticesOn(db, today());
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind as DesignationKind,
      subjectName: r.subject_name,
      countyName: r.county_name,
      finalScore: fromTenths(r.final_score_tenths),
      decisionDate: r.decision_date,
      noticeStart: r.notice_start ?? '',
      noticeEnd: r.notice_end ?? '',
    })),
  };
}

/** Anyone lodges an objection during the notice period; it blocks designation until answered in writing. */
export async function lodgeObjection(
  db: Kysely<DB>,
  trace: Trace,
  id: string,
  input: { name: string; contact: string; text: string },
) {
  const row = await repo.findApplication(db, id);
  const on = today();
  if (!row || row.status !== 'notice' || !row.notice_start || !row.notice_end || on < row.notice_start) {
    throw notFound('公示');
  }
  if (on > row.notice_end) {
    throw conflict(`公示期已于 ${row.notice_end} 结束，不再受理异议`);
  }
  const at = nowIso();
  const objectionId = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertObjection(trx, {
      id: objectionId,
      application_id: id,
      name: input.name.trim(),
      contact: input.contact.trim(),
      text: input.text.trim(),
      status: 'open',
      answer: null,
      answered_by: null,
      answered_at: null,
      lodged_at: at,
    });
    await repo.addEvent(trx, id, { action: 'objection', actorId: trace.actor?.userId ?? null, at });
    await writeAudit(trx, trace, {
      action: 'designation.objection',
      entityType: 'designation_application',
      entityId: id,
      changedFields: ['objections'],
    });
    const office = await repo.programmeOfficeId(trx);
    if (office) {
      await notify(trx, {
        kind: 'designation_objection',
        organizationId: office,
        title: '公示期收到异议',
        body: `申报 ${row.number}「${row.subject_name}」收到一条异议，答复前不能授牌`,
        link: `/applications/${id}`,
      });
    }
  });
  return { id: objectionId, lodgedAt: at };
}

export async function answerObjection(db: Kysely<DB>, ctx: Ctx, id: string, objectionId: string, answer: string) {
  const loaded = await loadVisible(db, ctx, id);
  if (!canManageDesignations(ctx.actor)) {
    throw notFound('申报');
  }
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const changed = await repo.answerObjection(trx, id, objectionId, {
      answer: answer.trim(),
      answered_by: ctx.actor.userId,
      answered_at: at,
    });
    if (changed === 0) {
      const exists = (await repo.objectionsOf(trx, id)).some((o) => o.id === objectionId);
      throw exists ? conflict('该异议已答复') : notFound('异议');
    }
    await repo.addEvent(trx, id, { action: 'objection_answered', actorId: ctx.actor.userId, note: answer.trim(), at });
    await writeAudit(trx, ctx, {
      action: 'designation.objection_answer',
      entityType: 'designation_application',
      entityId: id,
      changedFields: ['objections'],
    });
  });
  void loaded;
  return getApplication(db, ctx, id);
}

/**
 * Designation (授牌) after the notice: no open objection and the period over. Creates the designation
 * with its number; it counts toward the plan's targets from today.
 */
export async function designate(db: Kysely<DB>, ctx: Ctx, id: string) {
  const loaded = await loadVisible(db, ctx, id);
  if (!canManageDesignations(ctx.actor)) {
    throw notFound('申报');
  }
  if (loaded.row.status !== 'notice') {
    throw conflict('公示结束且无未答复异议后方可授牌');
  }
  const on = today();
  const block = await designationBlock(db, loaded.row, on);
  if (block) {
    throw new AppError('designation_blocked', 409, block);
  }
  const kind = loaded.row.kind as DesignationKind;
  const designationId = newId();
  await transition(
    db,
    ctx,
    loaded.row,
    'designated',
    'designated',
    null,
    { designation_id: designationId },
    async (trx, at) => {
      if (await repo.activeDesignationOf(trx, kind, loaded.row.subject_id)) {
        throw conflict(`「${loaded.row.subject_name}」已被命名为${DESIGNATION_KIND_LABELS[kind]}`);
      }
      const year = on.slice(0, 4);
      const prefix = `聊商秘示〔${year}〕${KIND_CODES[kind]}`;
      const number = `${prefix}${String(await repo.nextNumber(trx, 'designations', prefix)).padStart(3, '0')}号`;
      await repo.insertDesignation(trx, {
        id: designationId,
        number,
        kind,
        subject_id: loaded.row.subject_id,
        subject_name: loaded.row.subject_name,
        region_id: loaded.row.region_id,
        county_region_id: loaded.row.county_region_id,
        application_id: id,
        designated_on: on,
        status: 'active',
        rectify_by: null,
        revoked_on: null,
        revoke_reason: null,
        created_at: at,
        updated_at: at,
      });
      await repo.setSubjectFlag(trx, kind, loaded.row.subject_id, true, at);
      await writeAudit(trx, ctx, {
        action: 'designation.create',
        entityType: 'designation',
        entityId: designationId,
        changedFields: ['number', 'designated_on'],
      });
      await notify(trx, {
        kind: 'designation_granted',
        organizationId: loaded.row.applicant_organization_id,
        title: `已被命名为${DESIGNATION_KIND_LABELS[kind]}`,
        body: `「${loaded.row.subject_name}」获授牌，编号 ${number}`,
        link: `/designations/${designationId}`,
      });
    },
  );
  return getApplication(db, ctx, id);
}
