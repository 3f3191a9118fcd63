import type { Kysely } from 'kysely';
import type { ConformanceAssessmentCountTable, ConformanceTallyTable, DB } from '../../db/schema';

/** Assessments whose answers count in analytics: submitted (under review) or accepted. */
export const ANALYSED_STATUSES = ['submitted', 'accepted'] as const;

/** The campaign_key of the tallies over every assessment of a standard version (not one campaign's). */
export const ALL_CAMPAIGNS = '';

// Rows per multi-row upsert: 9 values each, far below SQLite's and PostgreSQL's parameter limits.
const UPSERT_CHUNK = 500;

export interface TallyScope {
  standardVersionId: string;
  /** ALL_CAMPAIGNS or a campaign id. */
  campaignKey: string;
}

/** What places an assessment in the tallies: its frozen version, campaign, industry and county-level region. */
export async function tallyPlaceOf(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('assessments')
    .select(['id', 'standard_version_id', 'campaign_id', 'guide_version_id', 'industry_code', 'region_id', 'status'])
    .where('id', '=', assessmentId)
    .executeTakeFirst();
}

export type TallyPlace = NonNullable<Awaited<ReturnType<typeof tallyPlaceOf>>>;

/** The answered requirements (answer not null) of some assessments. */
export async function answersOf(db: Kysely<DB>, assessmentIds: string[]) {
  if (assessmentIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('assessment_answers')
    .select(['assessment_id', 'requirement_code', 'answer'])
    .where('assessment_id', 'in', assessmentIds)
    .where('answer', 'is not', null)
    .execute();
}

/**
 * Adds the rows' counters to the tallies (negative counters subtract), creating missing rows. Callers
 * pass the rows sorted by key, so two transactions on PostgreSQL lock shared rows in the same order.
 */
export async function addToTallies(db: Kysely<DB>, rows: ConformanceTallyTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    await db
      .insertInto('conformance_tallies')
      .values(rows.slice(i, i + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['standard_version_id', 'campaign_key', 'requirement_code', 'industry_code', 'region_id'])
          .doUpdateSet((eb) => ({
            conform: eb('conformance_tallies.conform', '+', eb.ref('excluded.conform')),
            partial: eb('conformance_tallies.partial', '+', eb.ref('excluded.partial')),
            nonconform: eb('conformance_tallies.nonconform', '+', eb.ref('excluded.nonconform')),
            na: eb('conformance_tallies.na', '+', eb.ref('excluded.na')),
          })),
      )
      .execute();
  }
}

/** Adds to the analysed-assessment counts per column and guide version (see addToTallies). */
export async function addToAssessmentCounts(db: Kysely<DB>, rows: ConformanceAssessmentCountTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    await db
      .insertInto('conformance_assessment_counts')
      .values(rows.slice(i, i + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['standard_version_id', 'campaign_key', 'industry_code', 'region_id', 'guide_version_key'])
          .doUpdateSet((eb) => ({
            assessments: eb('conformance_assessment_counts.assessments', '+', eb.ref('excluded.assessments')),
          })),
      )
      .execute();
  }
}

/** Bumps the revision of the standard versions' tallies (taken last, after the tally rows). */
export async function bumpRevisions(db: Kysely<DB>, standardVersionIds: string[]): Promise<void> {
  for (const id of [...standardVersionIds].sort()) {
    await db
      .insertInto('conformance_tally_revisions')
      .values({ standard_version_id: id, revision: 1 })
      .onConflict((oc) =>
        oc
          .column('standard_version_id')
          .doUpdateSet((eb) => ({ revision: eb('conformance_tally_revisions.revision', '+', 1) })),
      )
      .execute();
  }
}

/** The revision of a standard version's tallies (0 before the first change). */
export async function revisionOf(db: Kysely<DB>, standardVersionId: string): Promise<number> {
  const row = await db
    .selectFrom('conformance_tally_revisions')
    .select('revision')
    .where('standard_version_id', '=', standardVersionId)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** The tallies of one (standard version, campaign key): a few thousand rows, read by primary key prefix. */
export async function talliesOf(db: Kysely<DB>, scope: TallyScope) {
  return db
    .selectFrom('conformance_tallies')
    .select(['requirement_code', 'industry_code', 'region_id', 'conform', 'partial', 'nonconform', 'na'])
    .where('standard_version_id', '=', scope.standardVersionId)
    .where('campaign_key', '=', scope.campaignKey)
    .execute();
}

/** The analysed-assessment counts of one (standard version, campaign key), without emptied rows. */
export async function assessmentCountsOf(db: Kysely<DB>, scope: TallyScope) {
  return db
    .selectFrom('conformance_assessment_counts')
    .select(['industry_code', 'region_id', 'guide_version_key', 'assessments'])
    .where('standard_version_id', '=', scope.standardVersionId)
    .where('campaign_key', '=', scope.campaignKey)
    .where('assessments', '>', 0)
    .execute();
}

/** Standard versions with analysed assessments or with tallies (what a full rebuild goes over). */
export async function tallyVersionIds(db: Kysely<DB>): Promise<string[]> {
  const [fromAssessments, fromTallies] = await Promise.all([
    db
      .selectFrom('assessments')
      .select('standard_version_id')
      .distinct()
      .where('status', 'in', ANALYSED_STATUSES)
      .execute(),
    db.selectFrom('conformance_assessment_counts').select('standard_version_id').distinct().execute(),
  ]);
  return [...new Set([...fromAssessments, ...fromTallies].map((r) => r.standard_version_id))].sort();
}

export async function deleteTalliesOf(db: Kysely<DB>, standardVersionId: string): Promise<void> {
  await db.deleteFrom('conformance_tallies').where('standard_version_id', '=', standardVersionId).execute();
  await db.deleteFrom('conformance_assessment_counts').where('standard_version_id', '=', standardVersionId).execute();
}

/** A page of a standard version's analysed assessments, in id order after `afterId` (keyset paging). */
export async function analysedAssessmentsPage(
  db: Kysely<DB>,
  standardVersionId: string,
  afterId: string,
  limit: number,
): Promise<TallyPlace[]> {
  return db
    .selectFrom('assessments')
    .select(['id', 'standard_version_id', 'campaign_id', 'guide_version_id', 'industry_code', 'region_id', 'status'])
    .where('standard_version_id', '=', standardVersionId)
    .where('status', 'in', ANALYSED_STATUSES)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
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
