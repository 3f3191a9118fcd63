import type { AssessmentStatus, Honour } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { enterpriseScope } from '../../plugins/authz';
import {
  assessmentFilter,
  assessmentPage,
  assessmentStatusCounts,
  openAssessment,
  pendingAssessments,
} from '../assessments/index';
import { writeAudit } from '../audit/index';
import { loadVersion } from '../frameworks/index';
import { notify } from '../notifications/index';
import { campaignScope, canManageCampaign, canViewCampaign } from './campaigns.policy';
import * as repo from './campaigns.repo';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date in China Standard Time: deadlines are calendar dates in Liaocheng. */
export const cstToday = (at: Date = new Date()): string =>
  new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const isRealDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;

type StatusCounts = Record<AssessmentStatus | 'certified', number>;
const emptyCounts = (): StatusCounts => ({
  not_started: 0,
  in_progress: 0,
  submitted: 0,
  returned: 0,
  accepted: 0,
  certified: 0,
});

async function countsOf(db: Kysely<DB>, ctx: RequestContext, campaignId: string) {
  const rows = await assessmentStatusCounts(db, enterpriseScope(ctx.actor), { campaignId });
  const total = { total: 0, ...emptyCounts() };
  const regions = new Map<string, { regionId: string; regionName: string; total: number } & StatusCounts>();
  for (const row of rows) {
    const region = regions.get(row.region_id) ?? {
      regionId: row.region_id,
      regionName: row.region_name,
      total: 0,
      ...emptyCounts(),
    };
    const status = row.status as AssessmentStatus;
    region[status] += row.n;
    region.total += row.n;
    region.certified += row.certified;
    total[status] += row.n;
    total.total += row.n;
    total.certified += row.certified;
    regions.set(row.region_id, region);
  }
  return { counts: total, byRegion: [...regions.values()] };
}

function present(ctx: RequestContext, row: repo.CampaignRow, counts: StatusCounts & { total: number }) {
  return {
    id: row.id,
    name: row.name,
    standardVersionId: row.standard_version_id,
    standardVersionLabel: `${row.standard_name} ${row.standard_version}`,
    ownerRegion: { id: row.owner_region_id, name: row.owner_region_name },
    criteria: JSON.parse(row.criteria) as repo.CampaignCriteria,
    deadline: row.deadline,
    status: row.status as 'open' | 'closed',
    counts,
    manageable: canManageCampaign(ctx.actor, row.owner_region_path),
    createdAt: row.created_at,
  };
}

export type Campaign = ReturnType<typeof present>;

/** Campaigns the actor may see, newest first, with counts over the assessments in the actor's scope. */
export async function listCampaigns(
  db: Kysely<DB>,
  ctx: RequestContext,
  query: { q?: string; status?: 'open' | 'closed'; page?: number; pageSize?: number },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const scope = campaignScope(ctx.actor);
  const filter = { q: query.q?.trim() || undefined, status: query.status };
  const [rows, total] = await Promise.all([
    repo.searchCampaigns(db, scope, filter, pageSize, (page - 1) * pageSize),
    repo.countCampaigns(db, scope, filter),
  ]);
  const items: Campaign[] = [];
  for (const row of rows) {
    items.push(present(ctx, row, (await countsOf(db, ctx, row.id)).counts));
  }
  return { items, total, page, pageSize };
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findCampaign(db, id);
  if (!row || !canViewCampaign(ctx.actor, row.owner_region_path)) {
    throw notFound('贯标活动');
  }
  return row;
}

/** One campaign with its progress per county-level region (not started … certified). */
export async function getCampaign(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  const { counts, byRegion } = await countsOf(db, ctx, id);
  return { ...present(ctx, row, counts), byRegion };
}

/** The campaign's assessments in the actor's scope, filtered by status, region and enterprise name. */
export async function campaignAssessments(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  query: { status?: AssessmentStatus; regionId?: string; q?: string; page?: number; pageSize?: number },
) {
  await loadVisible(db, ctx, id);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = await assessmentFilter(db, { ...query, campaignId: id });
  if (!filter) {
    return { items: [], total: 0, page, pageSize };
  }
  return assessmentPage(db, enterpriseScope(ctx.actor), filter, page, pageSize);
}

export interface CampaignInput {
  name: string;
  standardVersionId: string;
  criteria: { regionIds?: string[]; industries?: string[]; honours?: Honour[] };
  deadline: string;
}

/**
 * Launches a campaign (city admin anywhere, county admin in their region): one self-assessment per
 * matching active enterprise, each notified, all in one transaction. Enterprises that already have an
 * open assessment for the standard version are skipped.
 */
export async function createCampaign(db: Kysely<DB>, ctx: RequestContext, input: CampaignInput) {
  const actor = ctx.actor;
  if (!actor.roles.includes('city_admin') && !actor.roles.includes('county_admin')) {
    throw forbidden('只有市级或县级管理员可以发起贯标活动');
  }
  const problems: FieldError[] = [];
  const today = cstToday();
  if (!isRealDate(input.deadline)) {
    problems.push({ field: 'deadline', message: '截止日期不是有效日期' });
  } else if (input.deadline < today) {
    problems.push({ field: 'deadline', message: '截止日期不能早于今天' });
  }
  const version = await loadVersion(db, input.standardVersionId);
  if (!version || version.kind !== 'standard') {
    problems.push({ field: 'standardVersionId', message: '标准版本不存在' });
  } else if (version.status !== 'published') {
    problems.push({ field: 'standardVersionId', message: '只能依据已发布的标准版本发起贯标活动' });
  }
  const regionIds = input.criteria.regionIds ?? [];
  const industries = input.criteria.industries ?? [];
  const honours = input.criteria.honours ?? [];
  const regions = await repo.regionPaths(db, regionIds);
  if (regions.length !== regionIds.length) {
    problems.push({ field: 'criteria.regionIds', message: '所选区域中有不存在的区域' });
  }
  const knownIndustries = await repo.existingIndustries(db, industries);
  const unknown = industries.filter((code) => !knownIndustries.has(code));
  if (unknown.length > 0) {
    problems.push({ field: 'criteria.industries', message: `未知的行业：${unknown.join('、')}` });
  }
  const isCity = actor.roles.includes('city_admin');
  if (!isCity && regions.some((r) => !r.path.startsWith(actor.regionPath))) {
    problems.push({ field: 'criteria.regionIds', message: '县级管理员只能选择本辖区内的区域' });
  }
  if (problems.length > 0) {
    throw invalid(problems);
  }
  // A county's campaign never reaches beyond the county, whatever the criteria say.
  const regionPaths = regions.length > 0 ? regions.map((r) => r.path) : isCity ? [] : [actor.regionPath];
  const enterpriseIds = await repo.matchingEnterpriseIds(db, { regionPaths, industries, honours });
  if (enterpriseIds.length === 0) {
    throw new AppError('campaign_no_enterprises', 400, '没有符合条件的在册企业，请调整范围');
  }
  const at = nowIso();
  const id = newId();
  const criteria: repo.CampaignCriteria = { regionIds, industries, honours };
  await db.transaction().execute(async (trx) => {
    await repo.insertCampaign(trx, {
      id,
      name: input.name.trim(),
      standard_version_id: input.standardVersionId,
      owner_region_id: actor.regionId,
      criteria: JSON.stringify(criteria),
      deadline: input.deadline,
      status: 'open',
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    for (const enterpriseId of enterpriseIds) {
      await openAssessment(trx, ctx, {
        enterpriseId,
        standardVersionId: input.standardVersionId,
        campaignId: id,
        dueDate: input.deadline,
        campaignName: input.name.trim(),
      });
    }
    await writeAudit(trx, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      changedFields: ['name', 'standardVersionId', 'criteria', 'deadline'],
    });
  });
  return getCampaign(db, ctx, id);
}

async function loadManageable(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await loadVisible(db, ctx, id);
  if (!canManageCampaign(ctx.actor, row.owner_region_path)) {
    throw forbidden('只有发起单位可以管理该贯标活动');
  }
  if (row.status !== 'open') {
    throw conflict('贯标活动已结束');
  }
  return row;
}

async function sendReminders(
  trx: Kysely<DB>,
  campaign: { id: string; name: string; deadline: string },
  dedupeStage: string | null,
): Promise<number> {
  let sent = 0;
  for (const assessment of await pendingAssessments(trx, campaign.id)) {
    const written = await notify(trx, {
      organizationId: assessment.enterprise_id,
      kind: 'campaign_reminder',
      title: `提醒：「${campaign.name}」自评将于 ${campaign.deadline} 截止`,
      body:
        assessment.status === 'returned'
          ? '您的贯标自评有被退回的要求，请修改后于截止日期前重新提交。'
          : '您的贯标自评尚未提交，请于截止日期前完成并由企业管理员提交。',
      link: `/assessments/${assessment.id}`,
      ...(dedupeStage ? { dedupeKey: `campaign:${campaign.id}:remind:${dedupeStage}:${assessment.id}` } : {}),
    });
    if (written) {
      sent += 1;
    }
  }
  return sent;
}

/** Reminds every enterprise of the campaign that has not submitted (not started, filling in, returned). */
export async function remindCampaign(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<{ sent: number }> {
  const row = await loadManageable(db, ctx, id);
  const sent = await db.transaction().execute(async (trx) => {
    const count = await sendReminders(trx, row, null);
    await writeAudit(trx, ctx, { action: 'campaign.remind', entityType: 'campaign', entityId: id });
    return count;
  });
  return { sent };
}

export async function closeCampaign(db: Kysely<DB>, ctx: RequestContext, id: string) {
  await loadManageable(db, ctx, id);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.closeCampaign(trx, id, nowIso()))) {
      throw conflict('贯标活动已结束');
    }
    await writeAudit(trx, ctx, {
      action: 'campaign.close',
      entityType: 'campaign',
      entityId: id,
      changedFields: ['status'],
    });
  });
  return getCampaign(db, ctx, id);
}

/** Days before the deadline at which the scheduled reminders go out. */
export const REMINDER_DAYS = [7, 1] as const;

/**
 * The scheduled reminders: for each open campaign due within 7 days, reminds the enterprises that
 * have not submitted — once at 7 days and once at 1 day before the deadline. A stage missed while the
 * server was down is sent late, and only the most urgent one. Idempotent (notification dedupe keys),
 * so it may run as often as wanted.
 */
export async function runCampaignReminders(db: Kysely<DB>, today: string = cstToday()): Promise<{ sent: number }> {
  const due = await repo.openCampaignsDueBetween(db, today, addDays(today, Math.max(...REMINDER_DAYS)));
  let sent = 0;
  for (const campaign of due) {
    const daysLeft = daysBetween(today, campaign.deadline);
    const stage = [...REMINDER_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days);
    if (stage === undefined) {
      continue;
    }
    sent += await db.transaction().execute(async (trx) => sendReminders(trx, campaign, `${stage}d`));
  }
  return { sent };
}
