import { ASSESSMENT_ANSWER_LABELS, type AssessmentAnswer, type AssessmentStatus } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { checkEvidenceFile, readUpload, removeUpload, storeUpload } from '../../lib/files';
import { newId, nowIso } from '../../lib/ids';
import { enterpriseScope, type EnterpriseScope } from '../../plugins/authz';
import { writeAudit, type AuditTrace } from '../audit/index';
import { certificateForAssessment, issueCertificate } from '../certificates/index';
import { addAssessmentToTallies, removeAssessmentFromTallies } from '../conformance/index';
import {
  assessmentBasis,
  frozenRequirements,
  scoreAnswers,
  type AnswerInput,
  type EffectiveRequirement,
  type Gap,
} from '../frameworks/index';
import { notify } from '../notifications/index';
import { findRegion } from '../regions/index';
import {
  canEditAssessment,
  canReviewAssessment,
  canSubmitAssessment,
  canViewAssessment,
  EDITABLE_STATUSES,
  type AssessmentRecord,
} from './assessments.policy';
import * as repo from './assessments.repo';

/** Evidence files and links per requirement: enough to show, few enough to review. */
export const EVIDENCE_PER_REQUIREMENT_MAX = 20;

interface Basis {
  requirements: EffectiveRequirement[];
  passScore: number;
}

// Published framework versions never change, so the requirements of a (standard, guide, industry)
// triple can be kept; autosave scores every keystroke-burst against them.
const basisCache = new Map<string, Basis>();

async function basisOf(
  db: Kysely<DB>,
  row: Pick<repo.AssessmentRow, 'standard_version_id' | 'guide_version_id' | 'industry_code'>,
): Promise<Basis> {
  const key = `${row.standard_version_id}|${row.guide_version_id ?? ''}|${row.industry_code}`;
  const cached = basisCache.get(key);
  if (cached) {
    return cached;
  }
  const basis = await frozenRequirements(db, row.standard_version_id, row.guide_version_id, row.industry_code);
  if (!basis) {
    throw new AppError('assessment_framework_missing', 409, '该自评所依据的标准版本不存在');
  }
  if (basisCache.size >= 200) {
    basisCache.clear();
  }
  basisCache.set(key, basis);
  return basis;
}

const recordOf = (row: repo.AssessmentRow): AssessmentRecord => ({
  enterpriseId: row.enterprise_id,
  regionPath: row.enterprise_region_path,
});

const label = (name: string | null, version: string | null): string | null =>
  name && version ? `${name} ${version}` : null;

function presentSummary(row: repo.AssessmentRow, answered: number, total: number) {
  return {
    id: row.id,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name, regionName: row.region_name },
    campaign: row.campaign_id && row.campaign_name ? { id: row.campaign_id, name: row.campaign_name } : null,
    standardVersionId: row.standard_version_id,
    standardVersionLabel: label(row.standard_name, row.standard_version) ?? '',
    guideVersionId: row.guide_version_id,
    guideVersionLabel: label(row.guide_name, row.guide_version),
    industry: row.industry_code,
    status: row.status as AssessmentStatus,
    round: Number(row.round),
    scoreBp: row.score_bp === null ? null : Number(row.score_bp),
    mandatoryUnmet: Number(row.mandatory_unmet),
    answered,
    total,
    dueDate: row.due_date,
    renewsCertificateId: row.renews_certificate_id,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type AssessmentSummary = ReturnType<typeof presentSummary>;

function presentEvidence(row: repo.EvidenceRow) {
  return {
    id: row.id,
    requirementCode: row.requirement_code,
    kind: row.kind as 'file' | 'link',
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    sha256: row.sha256,
    linkType: row.link_type,
    linkId: row.link_id,
    linkLabel: row.link_label,
    createdAt: row.created_at,
  };
}

export type Evidence = ReturnType<typeof presentEvidence>;

async function summaries(db: Kysely<DB>, rows: repo.AssessmentRow[]): Promise<AssessmentSummary[]> {
  const answered = await repo.answeredCounts(
    db,
    rows.map((r) => r.id),
  );
  const result: AssessmentSummary[] = [];
  for (const row of rows) {
    const basis = await basisOf(db, row);
    result.push(presentSummary(row, answered.get(row.id) ?? 0, basis.requirements.length));
  }
  return result;
}

/** A page of assessment summaries within a scope (used by the assessment list and the campaign page). */
export async function assessmentPage(
  db: Kysely<DB>,
  scope: EnterpriseScope,
  filter: repo.AssessmentFilter,
  page: number,
  pageSize: number,
) {
  const [rows, total] = await Promise.all([
    repo.searchAssessments(db, scope, filter, pageSize, (page - 1) * pageSize),
    repo.countAssessments(db, scope, filter),
  ]);
  return { items: await summaries(db, rows), total, page, pageSize };
}

export interface AssessmentListQuery {
  status?: AssessmentStatus;
  enterpriseId?: string;
  campaignId?: string;
  regionId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Resolves a region id to the filter's subtree; null when the region does not exist (an empty result). */
export async function assessmentFilter(
  db: Kysely<DB>,
  query: Omit<AssessmentListQuery, 'page' | 'pageSize'>,
): Promise<repo.AssessmentFilter | null> {
  const filter: repo.AssessmentFilter = {
    status: query.status,
    enterpriseId: query.enterpriseId,
    campaignId: query.campaignId,
    q: query.q?.trim() || undefined,
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

/** Assessments the actor may see: their enterprise's, their region's, or all (city-wide roles). */
export async function listAssessments(db: Kysely<DB>, ctx: RequestContext, query: AssessmentListQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = await assessmentFilter(db, query);
  if (!filter) {
    return { items: [], total: 0, page, pageSize };
  }
  return assessmentPage(db, enterpriseScope(ctx.actor), filter, page, pageSize);
}

/** Counts per county-level region and status, within a scope (the campaign page). */
export async function assessmentStatusCounts(db: Kysely<DB>, scope: EnterpriseScope, filter: repo.AssessmentFilter) {
  return repo.statusCounts(db, scope, filter);
}

/** A campaign's assessments not yet submitted, for reminders. */
export async function pendingAssessments(db: Kysely<DB>, campaignId: string) {
  return repo.pendingOfCampaign(db, campaignId);
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<repo.AssessmentRow> {
  const row = await repo.findAssessment(db, id);
  if (!row || !canViewAssessment(ctx.actor, recordOf(row))) {
    throw notFound('自评');
  }
  return row;
}

function answerMap(rows: Awaited<ReturnType<typeof repo.answersOf>>): Map<string, AnswerInput> {
  return new Map(rows.map((r) => [r.requirement_code, { answer: r.answer as AssessmentAnswer | null }]));
}

/** The latest decided round's review items, by requirement code. */
async function latestReview(db: Kysely<DB>, id: string, rounds: Awaited<ReturnType<typeof repo.roundsOf>>) {
  const decided = rounds.filter((r) => r.outcome !== null);
  const last = decided[decided.length - 1];
  if (!last) {
    return new Map<string, { decision: 'accept' | 'return'; comment: string | null; round: number }>();
  }
  const items = await repo.reviewItemsOf(db, id, Number(last.round));
  return new Map(
    items.map((item) => [
      item.requirement_code,
      { decision: item.decision as 'accept' | 'return', comment: item.comment, round: Number(item.round) },
    ]),
  );
}

/** Which requirements the enterprise may change now: all while filling in, only the returned ones after a return. */
async function editableCodes(db: Kysely<DB>, row: repo.AssessmentRow, basis: Basis): Promise<string[]> {
  switch (row.status as AssessmentStatus) {
    case 'not_started':
    case 'in_progress':
      return basis.requirements.map((r) => r.code);
    case 'returned': {
      const review = await latestReview(db, row.id, await repo.roundsOf(db, row.id));
      return basis.requirements.filter((r) => review.get(r.code)?.decision === 'return').map((r) => r.code);
    }
    case 'submitted':
    case 'accepted':
      return [];
  }
}

/** One assessment with its frozen requirements, answers, evidence, latest review, score and rounds. */
export async function getAssessment(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  const basis = await basisOf(db, row);
  const [answerRows, evidenceRows, rounds, certificate] = await Promise.all([
    repo.answersOf(db, id),
    repo.evidenceOf(db, id),
    repo.roundsOf(db, id),
    certificateForAssessment(db, id),
  ]);
  const review = await latestReview(db, id, rounds);
  const score = scoreAnswers(basis.requirements, answerMap(answerRows), basis.passScore);
  const record = recordOf(row);
  const status = row.status as AssessmentStatus;
  const editableStatus = (EDITABLE_STATUSES as readonly string[]).includes(status);
  const canEdit = canEditAssessment(ctx.actor, record);
  const evidence: Record<string, Evidence[]> = {};
  for (const item of evidenceRows) {
    (evidence[item.requirement_code] ??= []).push(presentEvidence(item));
  }
  return {
    ...presentSummary(row, score.answered, score.total),
    requirements: basis.requirements,
    answers: Object.fromEntries(
      answerRows.map((a) => [
        a.requirement_code,
        {
          answer: a.answer as AssessmentAnswer | null,
          naReason: a.na_reason,
          notes: a.notes,
          updatedAt: a.updated_at,
        },
      ]),
    ),
    evidence,
    review: Object.fromEntries(review),
    score,
    rounds: rounds.map((r) => ({
      round: Number(r.round),
      submittedAt: r.submitted_at,
      scoreBp: Number(r.score_bp),
      mandatoryUnmet: Number(r.mandatory_unmet),
      outcome: r.outcome as 'returned' | 'accepted' | null,
      decidedAt: r.decided_at,
      comment: r.comment,
    })),
    editableCodes: canEdit ? await editableCodes(db, row, basis) : [],
    editable: canEdit && editableStatus,
    submittable: canSubmitAssessment(ctx.actor, record) && editableStatus,
    reviewable: canReviewAssessment(ctx.actor, record) && status === 'submitted',
    certificate,
  };
}

/** The gap list: every requirement not fully met, mandatory first, with what to do. */
export async function assessmentGaps(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Gap[]> {
  const row = await loadVisible(db, ctx, id);
  const basis = await basisOf(db, row);
  const score = scoreAnswers(basis.requirements, answerMap(await repo.answersOf(db, id)), basis.passScore);
  return score.gaps;
}

export const answerLabel = (answer: string | null): string =>
  answer ? (ASSESSMENT_ANSWER_LABELS[answer as AssessmentAnswer] ?? answer) : '未作答';

/** The enterprise's own people, an editable status, and (after a return) a returned requirement. */
async function assertEditable(db: Kysely<DB>, ctx: RequestContext, row: repo.AssessmentRow, code: string) {
  if (!canEditAssessment(ctx.actor, recordOf(row))) {
    throw forbidden('只有本企业的用户可以填写自评');
  }
  const basis = await basisOf(db, row);
  const requirement = basis.requirements.find((r) => r.code === code);
  if (!requirement) {
    throw new AppError('assessment_requirement_unknown', 404, `要求「${code}」不在本次自评中`);
  }
  if (!(EDITABLE_STATUSES as readonly string[]).includes(row.status)) {
    throw conflict(row.status === 'accepted' ? '自评已通过审核，不能再修改' : '自评已提交，审核完成前不能修改');
  }
  if (row.status === 'returned' && !(await editableCodes(db, row, basis)).includes(code)) {
    throw conflict(`要求「${code}」已通过审核，只需修改被退回的要求`);
  }
  return basis;
}

/** Moves the assessment on by one save, if nobody changed its status meanwhile (else 409). */
async function touch(trx: Kysely<DB>, row: repo.AssessmentRow, at: string, extra: Partial<DB['assessments']> = {}) {
  const next = row.status === 'not_started' ? 'in_progress' : row.status;
  const ok = await repo.updateIfStatus(trx, row.id, [row.status], { status: next, updated_at: at, ...extra });
  if (!ok) {
    throw new AppError('assessment_state_changed', 409, '自评状态已变化（可能已被提交），请刷新后重试');
  }
  return next as AssessmentStatus;
}

export interface AnswerInputBody {
  answer: AssessmentAnswer | null;
  naReason?: string | null;
  notes?: string | null;
}

/**
 * Autosave of one requirement's answer. All or nothing in one transaction: the answer, the assessment's
 * score and status, and the audit record. Omitted fields keep what was saved before.
 */
export async function saveAnswer(db: Kysely<DB>, ctx: RequestContext, id: string, code: string, body: AnswerInputBody) {
  const row = await loadVisible(db, ctx, id);
  const basis = await assertEditable(db, ctx, row, code);
  const before = (await repo.answersOf(db, id)).find((a) => a.requirement_code === code);
  const naReason = (body.naReason === undefined ? (before?.na_reason ?? null) : body.naReason)?.trim() || null;
  const notes = body.notes === undefined ? (before?.notes ?? null) : body.notes;
  if (body.answer === 'na' && !naReason) {
    throw invalid([{ field: 'naReason', message: '选择「不适用」时必须说明理由' }]);
  }
  const at = nowIso();
  const result = await db.transaction().execute(async (trx) => {
    const status = await touch(trx, row, at);
    await repo.upsertAnswer(trx, {
      assessment_id: id,
      requirement_code: code,
      answer: body.answer,
      na_reason: naReason,
      notes,
      updated_by: ctx.actor.userId,
      updated_at: at,
    });
    const score = scoreAnswers(basis.requirements, answerMap(await repo.answersOf(trx, id)), basis.passScore);
    await repo.updateIfStatus(trx, id, [status], { score_bp: score.scoreBp, mandatory_unmet: score.mandatoryUnmet });
    await writeAudit(trx, ctx, {
      action: 'assessment.answer',
      entityType: 'assessment',
      entityId: id,
      changedFields: [`answers.${code}`],
    });
    return { status, score };
  });
  return {
    requirementCode: code,
    answer: body.answer,
    naReason,
    notes,
    updatedAt: at,
    status: result.status,
    score: {
      scoreBp: result.score.scoreBp,
      mandatoryUnmet: result.score.mandatoryUnmet,
      answered: result.score.answered,
      total: result.score.total,
    },
  };
}

async function assertEvidenceRoom(db: Kysely<DB>, id: string, code: string) {
  if ((await repo.countEvidence(db, id, code)) >= EVIDENCE_PER_REQUIREMENT_MAX) {
    throw conflict(`每项要求最多 ${EVIDENCE_PER_REQUIREMENT_MAX} 个证据，请先删除不需要的`);
  }
}

/**
 * Stores an evidence file (type checked by its bytes, size limited) and records it. The file is written
 * first and removed again if the record cannot be committed, so no record ever points at nothing.
 */
export async function addEvidenceFile(
  db: Kysely<DB>,
  ctx: RequestContext,
  dataDir: string,
  id: string,
  input: { requirementCode: string; fileName: string; data: Buffer },
): Promise<Evidence> {
  const row = await loadVisible(db, ctx, id);
  await assertEditable(db, ctx, row, input.requirementCode);
  const fileName = input.fileName.replace(/[\\/]/g, '_').slice(-200);
  const { mimeType } = checkEvidenceFile(fileName, input.data);
  await assertEvidenceRoom(db, id, input.requirementCode);
  const stored = await storeUpload(dataDir, 'evidence', input.data);
  const at = nowIso();
  const record = {
    id: newId(),
    assessment_id: id,
    requirement_code: input.requirementCode,
    kind: 'file',
    file_name: fileName,
    mime_type: mimeType,
    size_bytes: stored.sizeBytes,
    storage_key: stored.storageKey,
    sha256: stored.sha256,
    link_type: null,
    link_id: null,
    link_label: null,
    created_by: ctx.actor.userId,
    created_at: at,
    removed_at: null,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await touch(trx, row, at);
      await repo.insertEvidence(trx, record);
      await writeAudit(trx, ctx, {
        action: 'assessment.evidence_add',
        entityType: 'assessment',
        entityId: id,
        changedFields: [`evidence.${input.requirementCode}`],
      });
    });
  } catch (error) {
    await removeUpload(dataDir, stored.storageKey);
    throw error;
  }
  return presentEvidence(record);
}

/** Links a requirement to another record of the same enterprise (its registry entry, a certificate, an assessment). */
export async function addEvidenceLink(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: { requirementCode: string; linkType: 'enterprise' | 'certificate' | 'assessment'; linkId: string },
): Promise<Evidence> {
  const row = await loadVisible(db, ctx, id);
  await assertEditable(db, ctx, row, input.requirementCode);
  const target = await repo.findLinkTarget(db, input.linkType, input.linkId);
  if (!target || target.enterpriseId !== row.enterprise_id) {
    const message = '关联的记录不存在，或不属于本企业';
    throw new AppError('assessment_link_not_found', 404, message, [{ field: 'linkId', message }]);
  }
  await assertEvidenceRoom(db, id, input.requirementCode);
  const at = nowIso();
  const record = {
    id: newId(),
    assessment_id: id,
    requirement_code: input.requirementCode,
    kind: 'link',
    file_name: null,
    mime_type: null,
    size_bytes: null,
    storage_key: null,
    sha256: null,
    link_type: input.linkType,
    link_id: input.linkId,
    link_label: target.label,
    created_by: ctx.actor.userId,
    created_at: at,
    removed_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await touch(trx, row, at);
    await repo.insertEvidence(trx, record);
    await writeAudit(trx, ctx, {
      action: 'assessment.evidence_add',
      entityType: 'assessment',
      entityId: id,
      changedFields: [`evidence.${input.requirementCode}`],
    });
  });
  return presentEvidence(record);
}

/** Removes evidence from the assessment (kept in the database and on disk for the record). */
export async function removeEvidence(db: Kysely<DB>, ctx: RequestContext, id: string, evidenceId: string) {
  const row = await loadVisible(db, ctx, id);
  const evidence = await repo.findEvidence(db, id, evidenceId);
  if (!evidence) {
    throw notFound('证据');
  }
  await assertEditable(db, ctx, row, evidence.requirement_code);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await touch(trx, row, at);
    await repo.removeEvidence(trx, evidenceId, at);
    await writeAudit(trx, ctx, {
      action: 'assessment.evidence_remove',
      entityType: 'assessment',
      entityId: id,
      changedFields: [`evidence.${evidence.requirement_code}`],
    });
  });
}

/** An evidence file's bytes, for whoever may see the assessment. */
export async function evidenceFile(
  db: Kysely<DB>,
  ctx: RequestContext,
  dataDir: string,
  id: string,
  evidenceId: string,
) {
  await loadVisible(db, ctx, id);
  const evidence = await repo.findEvidence(db, id, evidenceId);
  if (!evidence || evidence.kind !== 'file' || !evidence.storage_key || !evidence.mime_type) {
    throw notFound('证据文件');
  }
  const data = await readUpload(dataDir, evidence.storage_key);
  if (!data) {
    throw notFound('证据文件');
  }
  return { data, mimeType: evidence.mime_type, fileName: evidence.file_name ?? 'evidence' };
}

const assessmentLink = (id: string) => `/assessments/${id}`;

/**
 * Submits the self-assessment for review (enterprise admin): every requirement answered, or 400 naming
 * those that are not. Locks it, keeps the answers as submitted in a new round, notifies the reviewers.
 */
export async function submitAssessment(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  if (!canSubmitAssessment(ctx.actor, recordOf(row))) {
    throw forbidden('只有本企业的管理员可以提交自评');
  }
  if (!(EDITABLE_STATUSES as readonly string[]).includes(row.status)) {
    throw conflict(row.status === 'accepted' ? '自评已通过审核' : '自评已提交，正在审核');
  }
  const basis = await basisOf(db, row);
  const answers = await repo.answersOf(db, id);
  const byCode = new Map(answers.map((a) => [a.requirement_code, a]));
  const problems: FieldError[] = [];
  for (const requirement of basis.requirements) {
    const answer = byCode.get(requirement.code);
    if (!answer?.answer) {
      problems.push({ field: `answers.${requirement.code}`, message: `要求「${requirement.code}」尚未作答` });
    } else if (answer.answer === 'na' && !answer.na_reason) {
      problems.push({
        field: `answers.${requirement.code}`,
        message: `要求「${requirement.code}」选择不适用但未说明理由`,
      });
    }
  }
  if (problems.length > 0) {
    const codes = problems.map((p) => p.field.slice('answers.'.length));
    const shown = codes.slice(0, 10).join('、') + (codes.length > 10 ? ` 等 ${codes.length} 项` : '');
    throw new AppError('assessment_incomplete', 400, `还有要求未完成，不能提交：${shown}`, problems);
  }
  const score = scoreAnswers(basis.requirements, answerMap(answers), basis.passScore);
  const at = nowIso();
  const round = row.status === 'returned' ? Number(row.round) + 1 : Number(row.round);
  const reviewers = await repo.reviewerIds(db, row.enterprise_region_path);
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateIfStatus(trx, id, [row.status], {
      status: 'submitted',
      round,
      submitted_at: at,
      decided_at: null,
      score_bp: score.scoreBp,
      mandatory_unmet: score.mandatoryUnmet,
      updated_at: at,
    });
    if (!ok) {
      throw new AppError('assessment_state_changed', 409, '自评状态已变化，请刷新后重试');
    }
    // Submitted assessments count in the conformance analytics (a returned one left them on its return).
    await addAssessmentToTallies(trx, id);
    await repo.insertRound(trx, {
      id: newId(),
      assessment_id: id,
      round,
      submitted_at: at,
      submitted_by: ctx.actor.userId,
      answers: JSON.stringify(
        answers.map((a) => ({ code: a.requirement_code, answer: a.answer, naReason: a.na_reason, notes: a.notes })),
      ),
      score_bp: score.scoreBp,
      mandatory_unmet: score.mandatoryUnmet,
      outcome: null,
      reviewer_id: null,
      decided_at: null,
      comment: null,
    });
    for (const userId of reviewers) {
      await notify(trx, {
        userId,
        kind: 'assessment_submitted',
        title: `待审核：${row.enterprise_name}的贯标自评`,
        body: `${row.enterprise_name}提交了第 ${round} 轮自评（得分 ${(score.scoreBp / 100).toFixed(1)}），请审核。`,
        link: assessmentLink(id),
      });
    }
    await writeAudit(trx, ctx, {
      action: 'assessment.submit',
      entityType: 'assessment',
      entityId: id,
      changedFields: ['status', 'round', 'submittedAt'],
    });
  });
  return getAssessment(db, ctx, id);
}

export interface ReviewInput {
  items: { requirementCode: string; decision: 'accept' | 'return'; comment?: string }[];
  comment?: string;
}

/**
 * A reviewer's decision on a submitted round, requirement by requirement (unlisted ones are accepted).
 * Any return sends the assessment back; accepting all of a certifiable assessment accepts it and issues
 * the certificate in the same transaction. Every item is kept with its round.
 */
export async function reviewAssessment(db: Kysely<DB>, ctx: RequestContext, id: string, input: ReviewInput) {
  const row = await loadVisible(db, ctx, id);
  if (!canReviewAssessment(ctx.actor, recordOf(row))) {
    throw forbidden('只有企业所在辖区的服务站工作人员或县级管理员可以审核');
  }
  if (row.status !== 'submitted') {
    throw conflict('只能审核已提交的自评');
  }
  const basis = await basisOf(db, row);
  const known = new Set(basis.requirements.map((r) => r.code));
  const problems: FieldError[] = [];
  const decisions = new Map<string, { decision: 'accept' | 'return'; comment: string | null }>();
  input.items.forEach((item, index) => {
    const comment = item.comment?.trim() || null;
    if (!known.has(item.requirementCode)) {
      problems.push({
        field: `items.${index}.requirementCode`,
        message: `要求「${item.requirementCode}」不在本次自评中`,
      });
    } else if (decisions.has(item.requirementCode)) {
      problems.push({ field: `items.${index}.requirementCode`, message: `要求「${item.requirementCode}」重复` });
    } else if (item.decision === 'return' && !comment) {
      problems.push({ field: `items.${index}.comment`, message: `退回要求「${item.requirementCode}」时必须填写意见` });
    }
    decisions.set(item.requirementCode, { decision: item.decision, comment });
  });
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const returned = [...decisions.entries()].filter(([, d]) => d.decision === 'return').map(([code]) => code);
  const outcome = returned.length > 0 ? 'returned' : 'accepted';
  if (outcome === 'accepted') {
    const score = scoreAnswers(basis.requirements, answerMap(await repo.answersOf(db, id)), basis.passScore);
    if (!score.certifiable) {
      const reasons = [
        score.mandatoryUnmet > 0 ? `有 ${score.mandatoryUnmet} 项强制性要求未满足` : '',
        score.scoreBp < score.passScoreBp
          ? `得分 ${(score.scoreBp / 100).toFixed(1)} 低于合格线 ${(score.passScoreBp / 100).toFixed(1)}`
          : '',
      ].filter(Boolean);
      throw new AppError(
        'assessment_not_certifiable',
        400,
        `不能通过：${reasons.join('，') || '尚有要求未作答'}。请退回需要整改的要求`,
      );
    }
  }
  const round = Number(row.round);
  const at = nowIso();
  const comment = input.comment?.trim() || null;
  const certificate = await db.transaction().execute(async (trx) => {
    const ok = await repo.updateIfStatus(trx, id, ['submitted'], { status: outcome, decided_at: at, updated_at: at });
    if (!ok) {
      throw new AppError('assessment_state_changed', 409, '自评状态已变化（可能已被他人审核），请刷新');
    }
    // A return takes it out of the conformance analytics until resubmitted; acceptance keeps it counted.
    if (outcome === 'returned') {
      await removeAssessmentFromTallies(trx, id);
    }
    await repo.insertReviewItems(
      trx,
      basis.requirements.map((r) => ({
        id: newId(),
        assessment_id: id,
        round,
        requirement_code: r.code,
        decision: decisions.get(r.code)?.decision ?? 'accept',
        comment: decisions.get(r.code)?.comment ?? null,
        reviewer_id: ctx.actor.userId,
        created_at: at,
      })),
    );
    await repo.decideRound(trx, id, round, { outcome, reviewer_id: ctx.actor.userId, decided_at: at, comment });
    await writeAudit(trx, ctx, {
      action: outcome === 'accepted' ? 'assessment.accept' : 'assessment.return',
      entityType: 'assessment',
      entityId: id,
      changedFields: ['status', 'review'],
    });
    const issued = outcome === 'accepted' ? await issueCertificate(trx, ctx, { assessmentId: id }) : null;
    await notify(trx, {
      organizationId: row.enterprise_id,
      kind: outcome === 'accepted' ? 'assessment_accepted' : 'assessment_returned',
      title: issued
        ? `贯标自评已通过，证书 ${issued.number} 已签发`
        : `贯标自评被退回 ${returned.length} 项，请修改后重新提交`,
      body: issued
        ? `${row.enterprise_name}的第 ${round} 轮自评已通过审核，贯标证书编号 ${issued.number}。`
        : `被退回的要求：${returned.join('、')}。${comment ? `审核意见：${comment}` : ''}`,
      link: assessmentLink(id),
    });
    return issued;
  });
  void certificate;
  return getAssessment(db, ctx, id);
}

export interface OpenAssessmentInput {
  enterpriseId: string;
  standardVersionId: string;
  /** Set by the renewal job: the certificate this re-assessment renews (one assessment per certificate). */
  renewsCertificateId?: string;
  campaignId?: string;
  /** YYYY-MM-DD. */
  dueDate?: string;
  /** For the enterprise's notification. */
  campaignName?: string;
}

/** The enterprise's county-level region: the first region below the city (or province) on its path. */
async function countyLevelRegionId(trx: Kysely<DB>, regionPath: string, fallback: string): Promise<string> {
  const ids = regionPath.split('/').filter(Boolean);
  const regions = new Map((await repo.regionsByIds(trx, ids)).map((r) => [r.id, r]));
  const county = ids.find((regionId) => {
    const kind = regions.get(regionId)?.kind;
    return kind !== undefined && kind !== 'city' && kind !== 'province';
  });
  return county ?? fallback;
}

/**
 * Opens a self-assessment for an enterprise against a published standard version (plus the latest
 * published guide for its industry), inside the caller's transaction, freezing both version ids.
 * Idempotent: an assessment renewing the same certificate, or an open one for the same standard
 * version, is returned instead (`created: false`). Used by campaigns and by the certificates' renewal job.
 */
export async function openAssessment(
  trx: Kysely<DB>,
  trace: AuditTrace,
  input: OpenAssessmentInput,
): Promise<{ id: string; created: boolean }> {
  if (input.renewsCertificateId) {
    const renewal = await repo.findRenewalId(trx, input.enterpriseId, input.renewsCertificateId);
    if (renewal) {
      return { id: renewal, created: false };
    }
  }
  const open = await repo.findOpenAssessmentId(trx, input.enterpriseId, input.standardVersionId);
  if (open) {
    return { id: open, created: false };
  }
  const enterprise = await repo.findEnterprise(trx, input.enterpriseId);
  if (!enterprise) {
    throw notFound('企业');
  }
  if (enterprise.status !== 'active') {
    throw conflict(`企业「${enterprise.name}」已归档，不能开启自评`);
  }
  const basis = await assessmentBasis(trx, input.standardVersionId, enterprise.industry_code);
  if (!basis) {
    throw new AppError('assessment_standard_missing', 400, '标准版本不存在', [
      { field: 'standardVersionId', message: '标准版本不存在' },
    ]);
  }
  if (basis.standard.status !== 'published') {
    const message = '只能依据已发布的标准版本开展自评';
    throw new AppError('assessment_standard_unpublished', 400, message, [{ field: 'standardVersionId', message }]);
  }
  const at = nowIso();
  const id = newId();
  await repo.insertAssessment(trx, {
    id,
    enterprise_id: enterprise.id,
    campaign_id: input.campaignId ?? null,
    standard_version_id: basis.standard.id,
    guide_version_id: basis.guide?.id ?? null,
    industry_code: enterprise.industry_code,
    region_id: await countyLevelRegionId(trx, enterprise.region_path, enterprise.region_id),
    status: 'not_started',
    round: 1,
    score_bp: null,
    mandatory_unmet: 0,
    due_date: input.dueDate ?? null,
    renews_certificate_id: input.renewsCertificateId ?? null,
    submitted_at: null,
    decided_at: null,
    created_at: at,
    updated_at: at,
  });
  const standardLabel = `${basis.standard.frameworkName} ${basis.standard.version}`;
  const due = input.dueDate ? `，请于 ${input.dueDate} 前完成并提交` : '';
  await notify(trx, {
    organizationId: enterprise.id,
    kind: input.campaignId ? 'campaign_assigned' : 'assessment_opened',
    title: input.renewsCertificateId
      ? '贯标证书即将到期：请完成年度复评'
      : `新的贯标自评任务${input.campaignName ? `：${input.campaignName}` : ''}`,
    body: `请依据《${standardLabel}》${basis.guide ? `及${basis.guide.frameworkName}` : ''}完成自评${due}。`,
    link: assessmentLink(id),
  });
  await writeAudit(trx, trace, {
    action: 'assessment.open',
    entityType: 'assessment',
    entityId: id,
    changedFields: ['status', 'standardVersionId', 'guideVersionId'],
  });
  return { id, created: true };
}
