import {
  DESIGNATION_KIND_LABELS,
  DESIGNATION_STATUS_LABELS,
  REVIEW_OUTCOME_LABELS,
  type DesignationKind,
  type DesignationStatus,
  type ReviewOutcome,
  type StationService,
} from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addDays, isIsoDate, today } from '../../lib/calendar';
import type { RequestContext } from '../../lib/context';
import { conflict, invalid, notFound } from '../../lib/errors';
import { buildWorkbook } from '../../lib/excel';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { notify } from '../notifications/index';
import { canManageDesignations, designationRegionScope } from './designations.policy';
import * as repo from './designations.repo';

type Ctx = RequestContext;

function present(row: repo.DesignationRow) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as DesignationKind,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    regionId: row.region_id,
    regionName: row.region_name,
    countyRegionId: row.county_region_id,
    countyName: row.county_name,
    applicationId: row.application_id,
    designatedOn: row.designated_on,
    status: row.status as DesignationStatus,
    rectifyBy: row.rectify_by,
    revokedOn: row.revoked_on,
    revokeReason: row.revoke_reason,
    createdAt: row.created_at,
  };
}

export type Designation = ReturnType<typeof present>;

export interface DesignationQuery {
  q?: string;
  kind?: DesignationKind;
  status?: DesignationStatus;
  county?: string;
  asOf?: string;
}

function filterOf(ctx: Ctx, query: DesignationQuery): repo.DesignationFilter {
  if (query.asOf && !isIsoDate(query.asOf)) {
    throw invalid([{ field: 'asOf', message: '日期无效' }], '日期无效');
  }
  return {
    regionPath: designationRegionScope(ctx.actor),
    q: query.q?.trim() || undefined,
    kind: query.kind,
    status: query.status,
    countyRegionId: query.county,
    asOf: query.asOf,
  };
}

/** Designations in the caller's reach; `asOf` lists those in force (counting) on that date. */
export async function listDesignations(
  db: Kysely<DB>,
  ctx: Ctx,
  query: DesignationQuery & { page?: number; pageSize?: number },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = filterOf(ctx, query);
  const [rows, total] = await Promise.all([
    repo.searchDesignations(db, filter, pageSize, (page - 1) * pageSize),
    repo.countDesignationRows(db, filter),
  ]);
  return { items: rows.map(present), total, page, pageSize };
}

export async function exportDesignations(db: Kysely<DB>, ctx: Ctx, query: DesignationQuery) {
  const rows = (await repo.searchDesignations(db, filterOf(ctx, query), 100_000, 0)).map(present);
  return buildWorkbook<Designation>(
    '示范命名',
    [
      { key: 'number', header: '编号', width: 28, value: (d) => d.number },
      { key: 'kind', header: '类别', width: 16, value: (d) => DESIGNATION_KIND_LABELS[d.kind] },
      { key: 'name', header: '名称', width: 36, value: (d) => d.subjectName },
      { key: 'county', header: '县（市、区）', width: 14, value: (d) => d.countyName },
      { key: 'region', header: '所在区域', width: 16, value: (d) => d.regionName },
      { key: 'designatedOn', header: '授牌日期', width: 12, value: (d) => d.designatedOn },
      { key: 'status', header: '状态', width: 10, value: (d) => DESIGNATION_STATUS_LABELS[d.status] },
      { key: 'rectifyBy', header: '整改期限', width: 12, value: (d) => d.rectifyBy ?? '' },
      { key: 'revokedOn', header: '撤销日期', width: 12, value: (d) => d.revokedOn ?? '' },
      { key: 'revokeReason', header: '撤销原因', width: 30, value: (d) => d.revokeReason ?? '' },
    ],
    rows,
  );
}

async function loadVisible(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await repo.findDesignation(db, id);
  const scope = designationRegionScope(ctx.actor);
  if (!row || (scope && !row.region_path.startsWith(scope))) {
    throw notFound('示范命名');
  }
  return row;
}

function presentReview(review: Awaited<ReturnType<typeof repo.reviewsOf>>[number], designation: repo.DesignationRow) {
  return {
    id: review.id,
    designationId: review.designation_id,
    number: designation.number,
    kind: designation.kind as DesignationKind,
    subjectName: designation.subject_name,
    countyName: designation.county_name,
    designationStatus: designation.status as DesignationStatus,
    year: Number(review.year),
    dueOn: review.due_on,
    status: review.status as 'pending' | 'done',
    outcome: review.outcome as ReviewOutcome | null,
    rectifyBy: review.rectify_by,
    note: review.note,
    decidedAt: review.decided_at,
  };
}

export async function getDesignation(db: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await loadVisible(db, ctx, id);
  const reviews = await repo.reviewsOf(db, id);
  return { ...present(row), reviews: reviews.map((r) => presentReview(r, row)) };
}

export async function designationForPdf(db: Kysely<DB>, ctx: Ctx, id: string) {
  return present(await loadVisible(db, ctx, id));
}

// Annual review ------------------------------------------------------------------------------------------

/** The anniversary of a designation in a year (29 February falls on 28 February in other years). */
function anniversary(designatedOn: string, year: number): string {
  const candidate = `${year}${designatedOn.slice(4)}`;
  return isIsoDate(candidate) ? candidate : `${year}-02-28`;
}

/**
 * Opens the year's review task for every designation made before that year and not revoked, due on
 * its anniversary. Idempotent: a designation has at most one review per year.
 */
export async function generateReviews(
  db: Kysely<DB>,
  trace: Pick<Ctx, 'requestId' | 'clientIp'> & { actor: Ctx['actor'] | null },
  year: number,
) {
  const at = nowIso();
  return db.transaction().execute(async (trx) => {
    const due = await repo.designationsNeedingReview(trx, year);
    const rows = due.map((d) => ({
      id: newId(),
      designation_id: d.id,
      year,
      due_on: anniversary(d.designated_on, year),
      status: 'pending',
      outcome: null,
      rectify_by: null,
      note: null,
      decided_by: null,
      decided_at: null,
      created_at: at,
    }));
    await repo.insertReviews(trx, rows);
    if (rows.length > 0) {
      await writeAudit(trx, trace, {
        action: 'designation.reviews_generate',
        entityType: 'designation_review',
        entityId: String(year),
        changedFields: [`count:${rows.length}`],
      });
    }
    return { year, created: rows.length };
  });
}

export async function generateReviewsFor(db: Kysely<DB>, ctx: Ctx, year: number) {
  if (!canManageDesignations(ctx.actor)) {
    throw notFound('复核任务');
  }
  return generateReviews(db, ctx, year);
}

export async function listReviews(
  db: Kysely<DB>,
  ctx: Ctx,
  query: { page?: number; pageSize?: number; status?: 'pending' | 'done'; year?: number },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = { regionPath: designationRegionScope(ctx.actor), status: query.status, year: query.year };
  const [rows, total] = await Promise.all([
    repo.searchReviews(db, filter, pageSize, (page - 1) * pageSize),
    repo.countReviews(db, filter),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      designationId: r.designation_id,
      number: r.number,
      kind: r.kind as DesignationKind,
      subjectName: r.subject_name,
      countyName: r.county_name,
      designationStatus: r.designation_status as DesignationStatus,
      year: Number(r.year),
      dueOn: r.due_on,
      status: r.status as 'pending' | 'done',
      outcome: r.outcome as ReviewOutcome | null,
      rectifyBy: r.rectify_by,
      note: r.note,
      decidedAt: r.decided_at,
    })),
    total,
    page,
    pageSize,
  };
}

/**
 * Records a review's outcome: keep (in force), rectify by a date (still counts), or revoke (stops
 * counting from the revocation date; the row and its history stay). A rectification's review can be
 * closed later with keep or revoke.
 */
export async function recordReviewOutcome(
  db: Kysely<DB>,
  ctx: Ctx,
  designationId: string,
  reviewId: string,
  input: { outcome: ReviewOutcome; note: string; rectifyBy?: string; effectiveOn?: string },
) {
  if (!canManageDesignations(ctx.actor)) {
    throw notFound('复核任务');
  }
  const designation = await loadVisible(db, ctx, designationId);
  const review = await repo.findReview(db, reviewId);
  if (review?.designation_id !== designationId) {
    throw notFound('复核任务');
  }
  if (review.status === 'done' && review.outcome !== 'rectify') {
    throw conflict(`该复核已有结论（${REVIEW_OUTCOME_LABELS[review.outcome as ReviewOutcome]}）`);
  }
  if (designation.status === 'revoked') {
    throw conflict('该命名已撤销');
  }
  const on = today();
  const problems: { field: string; message: string }[] = [];
  if (input.outcome === 'rectify') {
    if (!input.rectifyBy || !isIsoDate(input.rectifyBy)) {
      problems.push({ field: 'rectifyBy', message: '限期整改须给出整改期限' });
    } else if (input.rectifyBy <= on) {
      problems.push({ field: 'rectifyBy', message: '整改期限应晚于今天' });
    }
  }
  const effectiveOn = input.effectiveOn ?? on;
  if (input.outcome === 'revoke') {
    if (!isIsoDate(effectiveOn) || effectiveOn > on) {
      problems.push({ field: 'effectiveOn', message: '撤销日期不能晚于今天' });
    } else if (effectiveOn <= designation.designated_on) {
      problems.push({ field: 'effectiveOn', message: `撤销日期应晚于授牌日期 ${designation.designated_on}` });
    }
  }
  if (problems.length > 0) {
    throw invalid(problems, problems.map((p) => p.message).join('；'));
  }
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.updateReview(trx, reviewId, {
      status: 'done',
      outcome: input.outcome,
      rectify_by: input.outcome === 'rectify' ? (input.rectifyBy ?? null) : null,
      note: input.note.trim(),
      decided_by: ctx.actor.userId,
      decided_at: at,
    });
    switch (input.outcome) {
      case 'keep':
        await repo.updateDesignation(trx, designationId, { status: 'active', rectify_by: null, updated_at: at });
        break;
      case 'rectify':
        await repo.updateDesignation(trx, designationId, {
          status: 'rectifying',
          rectify_by: input.rectifyBy ?? null,
          updated_at: at,
        });
        break;
      case 'revoke':
        await repo.updateDesignation(trx, designationId, {
          status: 'revoked',
          revoked_on: effectiveOn,
          revoke_reason: input.note.trim(),
          updated_at: at,
        });
        await repo.setSubjectFlag(trx, designation.kind, designation.subject_id, false, at);
        break;
    }
    await writeAudit(trx, ctx, {
      action: `designation.review_${input.outcome}`,
      entityType: 'designation',
      entityId: designationId,
      changedFields: ['status', 'reviews'],
    });
    const application = designation.application_id ? await repo.findApplication(trx, designation.application_id) : null;
    if (application) {
      await notify(trx, {
        kind: 'designation_review',
        organizationId: application.applicant_organization_id,
        title: `年度复核结论：${REVIEW_OUTCOME_LABELS[input.outcome]}`,
        body: `${designation.number}「${designation.subject_name}」${Number(review.year)} 年度复核：${REVIEW_OUTCOME_LABELS[input.outcome]}${input.outcome === 'rectify' ? `，请于 ${input.rectifyBy} 前完成整改` : ''}`,
        link: `/designations/${designationId}`,
      });
    }
  });
  return getDesignation(db, ctx, designationId);
}

// Public directory ---------------------------------------------------------------------------------------

/** The public directory: designations not revoked, with contact, services and coordinates. */
export async function publicDirectory(
  db: Kysely<DB>,
  query: {
    page?: number;
    pageSize?: number;
    q?: string;
    kind?: DesignationKind;
    region?: string;
    industry?: string;
    service?: StationService;
  },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  let regionPath: string | undefined;
  if (query.region) {
    const region = await repo.findRegionPath(db, query.region);
    if (!region) {
      return { items: [], total: 0, page, pageSize };
    }
    regionPath = region.path;
  }
  const filter: repo.DesignationFilter = {
    publicOnly: true,
    asOf: today(),
    regionPath,
    q: query.q?.trim() || undefined,
    kind: query.kind,
    industry: query.industry,
    service: query.service,
  };
  const [rows, total] = await Promise.all([
    repo.searchDesignations(db, filter, pageSize, (page - 1) * pageSize),
    repo.countDesignationRows(db, filter),
  ]);
  const details = await repo.subjectDetails(db, rows);
  return {
    items: rows.map((r) => {
      const d = details.get(r.subject_id);
      return {
        number: r.number,
        kind: r.kind as DesignationKind,
        name: r.subject_name,
        countyName: r.county_name,
        regionName: r.region_name,
        designatedOn: r.designated_on,
        status: r.status as DesignationStatus,
        address: d?.address ?? '',
        contactName: d?.contactName ?? null,
        contactPhone: d?.contactPhone ?? null,
        industryCode: d?.industryCode ?? null,
        services: (d?.services ?? []) as StationService[],
        longitude: d?.longitudeE6 === null || d?.longitudeE6 === undefined ? null : d.longitudeE6 / 1e6,
        latitude: d?.latitudeE6 === null || d?.latitudeE6 === undefined ? null : d.latitudeE6 / 1e6,
      };
    }),
    total,
    page,
    pageSize,
  };
}

// Expert ties --------------------------------------------------------------------------------------------

function presentTie(t: Awaited<ReturnType<typeof repo.tiesOf>>[number]) {
  return {
    id: t.id,
    expertUserId: t.expert_user_id,
    expertName: t.expert_name,
    organizationId: t.organization_id,
    organizationName: t.organization_name,
    note: t.note,
    declaredAt: t.declared_at,
  };
}

/** An expert sees and declares their own ties; the city sees everyone's. */
export async function listTies(db: Kysely<DB>, ctx: Ctx) {
  const rows = canManageDesignations(ctx.actor) ? await repo.tiesOf(db) : await repo.tiesOf(db, [ctx.actor.userId]);
  return { items: rows.map(presentTie) };
}

export async function declareTie(db: Kysely<DB>, ctx: Ctx, input: { organizationId: string; note: string }) {
  if (!ctx.actor.permissions.has('designation:score')) {
    throw notFound('专家');
  }
  const organization = await repo.findOrganizationName(db, input.organizationId);
  if (!organization) {
    throw invalid([{ field: 'organizationId', message: '单位不存在' }], '单位不存在');
  }
  const existing = (await repo.tiesOf(db, [ctx.actor.userId])).find((t) => t.organization_id === input.organizationId);
  if (existing) {
    throw conflict(`已申报与「${organization.name}」的关联`);
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertTie(trx, {
      id,
      expert_user_id: ctx.actor.userId,
      organization_id: input.organizationId,
      note: input.note.trim(),
      declared_at: nowIso(),
    });
    await writeAudit(trx, ctx, { action: 'expert_tie.declare', entityType: 'expert_tie', entityId: id });
  });
  const tie = (await repo.tiesOf(db, [ctx.actor.userId])).find((t) => t.id === id);
  if (!tie) {
    throw notFound('关联');
  }
  return presentTie(tie);
}

/** What an expert may declare a tie with: any active organisation, enterprises included (names only). */
export async function tieTargets(db: Kysely<DB>, q: string | undefined) {
  const rows = await repo.searchTieTargets(db, q?.trim() || undefined, 30);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, regionName: r.region_name })),
  };
}

export async function removeTie(db: Kysely<DB>, ctx: Ctx, id: string) {
  const tie = await repo.findTie(db, id);
  if (tie?.expert_user_id !== ctx.actor.userId) {
    throw notFound('关联');
  }
  await db.transaction().execute(async (trx) => {
    await repo.deleteTie(trx, id);
    await writeAudit(trx, ctx, { action: 'expert_tie.remove', entityType: 'expert_tie', entityId: id });
  });
}

// Reminders ----------------------------------------------------------------------------------------------

/** Tells the city office of review tasks due within 30 days (once per task). */
export async function remindDueReviews(db: Kysely<DB>) {
  const on = today();
  const horizon = addDays(on, 30);
  const rows = await repo.searchReviews(db, { status: 'pending' }, 1000, 0);
  const officeId = await repo.programmeOfficeId(db);
  if (!officeId) {
    return 0;
  }
  let sent = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of rows.filter((x) => x.due_on <= horizon)) {
      const written = await notify(trx, {
        kind: 'designation_review',
        organizationId: officeId,
        title: '示范命名年度复核即将到期',
        body: `${r.number}「${r.subject_name}」${Number(r.year)} 年度复核应于 ${r.due_on} 前完成`,
        link: `/designations/${r.designation_id}`,
        dedupeKey: `designation-review:${r.id}`,
      });
      sent += written ? 1 : 0;
    }
  });
  return sent;
}
