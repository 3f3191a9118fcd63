import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Assessments whose answers count in analytics: submitted (under review) or accepted. */
export const ANALYSED_STATUSES = ['submitted', 'accepted'] as const;

export interface TallySource {
  standardVersionId: string;
  campaignId: string | null;
}

function assessmentsOf(db: Kysely<DB>, source: TallySource) {
  let query = db.selectFrom('assessments as a').where('a.standard_version_id', '=', source.standardVersionId);
  if (source.campaignId) {
    query = query.where('a.campaign_id', '=', source.campaignId);
  }
  return query;
}

/**
 * A fingerprint of everything the tallies depend on, taken over the analysed assessments only, so the
 * autosaves of assessments being filled in do not invalidate it. Answers are locked while an assessment
 * is submitted or accepted, so the analysed set changes only by entering (submit, resubmit: a newer
 * submitted_at) or leaving (return: a smaller count, unless another entered, which moves
 * submitted_at). Count and latest submission time therefore change whenever the tallies do.
 */
export async function tallyFingerprint(db: Kysely<DB>, source: TallySource): Promise<string> {
  const row = await assessmentsOf(db, source)
    .where('a.status', 'in', ANALYSED_STATUSES)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.max('a.submitted_at').as('submitted'),
      eb.fn.max('a.updated_at').as('updated'),
    ])
    .executeTakeFirstOrThrow();
  return [row.n, row.submitted ?? '', row.updated ?? ''].join('|');
}

/** Answer counts per (requirement, industry, region, answer) over the analysed assessments. */
export async function answerTallies(db: Kysely<DB>, source: TallySource) {
  const rows = await assessmentsOf(db, source)
    .innerJoin('assessment_answers as aa', 'aa.assessment_id', 'a.id')
    .where('a.status', 'in', ANALYSED_STATUSES)
    .where('aa.answer', 'is not', null)
    .select((eb) => [
      'aa.requirement_code',
      'a.industry_code',
      'a.region_id',
      'aa.answer',
      eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy(['aa.requirement_code', 'a.industry_code', 'a.region_id', 'aa.answer'])
    .execute();
  return rows.map((r) => ({
    code: r.requirement_code,
    industry: r.industry_code,
    regionId: r.region_id,
    answer: r.answer ?? '',
    count: Number(r.n),
  }));
}

/** Analysed assessments per (industry, region), and the guide versions they were opened with. */
export async function assessmentGroups(db: Kysely<DB>, source: TallySource) {
  const rows = await assessmentsOf(db, source)
    .where('a.status', 'in', ANALYSED_STATUSES)
    .select((eb) => ['a.industry_code', 'a.region_id', 'a.guide_version_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy(['a.industry_code', 'a.region_id', 'a.guide_version_id'])
    .execute();
  return rows.map((r) => ({
    industry: r.industry_code,
    regionId: r.region_id,
    guideVersionId: r.guide_version_id,
    count: Number(r.n),
  }));
}

export async function regionsByIds(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('regions').select(['id', 'name', 'path', 'sort_order']).where('id', 'in', ids).execute();
}

export async function findRegion(db: Kysely<DB>, id: string) {
  return db.selectFrom('regions').select(['id', 'path']).where('id', '=', id).executeTakeFirst();
}

export async function industriesByCodes(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) {
    return [];
  }
  return db.selectFrom('industries').select(['code', 'name', 'sort_order']).where('code', 'in', codes).execute();
}
