import { sql, type Kysely, type Updateable } from 'kysely';
import type {
  AssessmentEvidenceTable,
  AssessmentReviewItemTable,
  AssessmentRoundTable,
  AssessmentTable,
  DB,
} from '../../db/schema';
import { likeEscape } from '../../lib/sql';
import type { EnterpriseScope } from '../../plugins/authz';

export interface AssessmentFilter {
  status?: string;
  enterpriseId?: string;
  campaignId?: string;
  /** The enterprise's region lies in this subtree. */
  regionPath?: string;
  /** Part of the enterprise's name. */
  q?: string;
}

const inRegionSubtree = (db: Kysely<DB>, path: string) =>
  db
    .selectFrom('enterprises as se')
    .select('se.id')
    .where(
      'se.region_id',
      'in',
      db
        .selectFrom('regions as sr')
        .select('sr.id')
        .where(sql<boolean>`sr.path like ${likeEscape(path) + '%'} escape '\\'`),
    );

/** Assessments within the actor's scope (by the enterprise's current region) and the filter. */
function scoped(db: Kysely<DB>, scope: EnterpriseScope, filter: AssessmentFilter) {
  let query = db.selectFrom('assessments as a');
  switch (scope.kind) {
    case 'all':
      break;
    case 'region':
      query = query.where('a.enterprise_id', 'in', inRegionSubtree(db, scope.path));
      break;
    case 'enterprise':
      query = query.where('a.enterprise_id', '=', scope.enterpriseId);
      break;
    case 'none':
      query = query.where(sql<boolean>`1 = 0`);
      break;
  }
  if (filter.status) {
    query = query.where('a.status', '=', filter.status);
  }
  if (filter.enterpriseId) {
    query = query.where('a.enterprise_id', '=', filter.enterpriseId);
  }
  if (filter.campaignId) {
    query = query.where('a.campaign_id', '=', filter.campaignId);
  }
  if (filter.regionPath) {
    query = query.where('a.enterprise_id', 'in', inRegionSubtree(db, filter.regionPath));
  }
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    query = query.where(
      'a.enterprise_id',
      'in',
      db
        .selectFrom('enterprises as qe')
        .select('qe.id')
        .where(sql<boolean>`qe.name like ${pattern} escape '\\'`),
    );
  }
  return query;
}

const SUMMARY_COLUMNS = [
  'a.id',
  'a.enterprise_id',
  'e.name as enterprise_name',
  'er.path as enterprise_region_path',
  'a.region_id',
  'cr.name as region_name',
  'a.campaign_id',
  'c.name as campaign_name',
  'a.standard_version_id',
  'sv.version as standard_version',
  'sf.name as standard_name',
  'a.guide_version_id',
  'gv.version as guide_version',
  'gf.name as guide_name',
  'a.industry_code',
  'a.status',
  'a.round',
  'a.score_bp',
  'a.mandatory_unmet',
  'a.due_date',
  'a.renews_certificate_id',
  'a.submitted_at',
  'a.decided_at',
  'a.created_at',
  'a.updated_at',
] as const;

function withDetails<T extends ReturnType<typeof scoped>>(query: T) {
  return query
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .innerJoin('regions as er', 'er.id', 'e.region_id')
    .innerJoin('regions as cr', 'cr.id', 'a.region_id')
    .innerJoin('framework_versions as sv', 'sv.id', 'a.standard_version_id')
    .innerJoin('frameworks as sf', 'sf.id', 'sv.framework_id')
    .leftJoin('framework_versions as gv', 'gv.id', 'a.guide_version_id')
    .leftJoin('frameworks as gf', 'gf.id', 'gv.framework_id')
    .leftJoin('campaigns as c', 'c.id', 'a.campaign_id');
}

export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

export async function findAssessment(db: Kysely<DB>, id: string) {
  return withDetails(scoped(db, { kind: 'all' }, {}))
    .select(SUMMARY_COLUMNS)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function searchAssessments(
  db: Kysely<DB>,
  scope: EnterpriseScope,
  filter: AssessmentFilter,
  limit: number,
  offset: number,
) {
  return withDetails(scoped(db, scope, filter))
    .select(SUMMARY_COLUMNS)
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countAssessments(db: Kysely<DB>, scope: EnterpriseScope, filter: AssessmentFilter) {
  const row = await scoped(db, scope, filter)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Per county-level region and status: how many assessments, and how many hold a valid certificate. */
export async function statusCounts(db: Kysely<DB>, scope: EnterpriseScope, filter: AssessmentFilter) {
  const rows = await scoped(db, scope, filter)
    .innerJoin('regions as cr', 'cr.id', 'a.region_id')
    .select([
      'a.region_id',
      'cr.name as region_name',
      'cr.sort_order',
      'a.status',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when exists (select 1 from certificates ct where ct.assessment_id = a.id and ct.status = 'valid') then 1 else 0 end)`.as(
        'certified',
      ),
    ])
    .groupBy(['a.region_id', 'cr.name', 'cr.sort_order', 'a.status'])
    .orderBy('cr.sort_order')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), certified: Number(r.certified ?? 0) }));
}

/** Answered requirements (a non-null answer) per assessment. */
export async function answeredCounts(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('assessment_answers')
      .select(['assessment_id', sql<number>`count(*)`.as('n')])
      .where('assessment_id', 'in', ids.slice(i, i + 500))
      .where('answer', 'is not', null)
      .groupBy('assessment_id')
      .execute();
    for (const row of rows) {
      result.set(row.assessment_id, Number(row.n));
    }
  }
  return result;
}

export async function insertAssessment(db: Kysely<DB>, row: AssessmentTable): Promise<void> {
  await db.insertInto('assessments').values(row).execute();
}

/**
 * Changes an assessment only while it is in one of `statuses`; returns whether it did. On PostgreSQL
 * the update also locks the row, so a save and a submit of the same assessment never interleave.
 */
export async function updateIfStatus(
  db: Kysely<DB>,
  id: string,
  statuses: readonly string[],
  patch: Updateable<AssessmentTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('assessments')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findOpenAssessmentId(db: Kysely<DB>, enterpriseId: string, standardVersionId: string) {
  const row = await db
    .selectFrom('assessments')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('standard_version_id', '=', standardVersionId)
    .where('status', '!=', 'accepted')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findRenewalId(db: Kysely<DB>, enterpriseId: string, certificateId: string) {
  const row = await db
    .selectFrom('assessments')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('renews_certificate_id', '=', certificateId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findEnterprise(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .select(['e.id', 'e.name', 'e.industry_code', 'e.region_id', 'e.status', 'r.path as region_path'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function regionsByIds(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('regions').select(['id', 'kind', 'name', 'path']).where('id', 'in', ids).execute();
}

export async function answersOf(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('assessment_answers')
    .select(['requirement_code', 'answer', 'na_reason', 'notes', 'updated_at'])
    .where('assessment_id', '=', assessmentId)
    .execute();
}

export async function upsertAnswer(
  db: Kysely<DB>,
  row: {
    assessment_id: string;
    requirement_code: string;
    answer: string | null;
    na_reason: string | null;
    notes: string | null;
    updated_by: string;
    updated_at: string;
  },
): Promise<void> {
  await db
    .insertInto('assessment_answers')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'requirement_code']).doUpdateSet({
        answer: row.answer,
        na_reason: row.na_reason,
        notes: row.notes,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

const EVIDENCE_COLUMNS = [
  'id',
  'assessment_id',
  'requirement_code',
  'kind',
  'file_name',
  'mime_type',
  'size_bytes',
  'storage_key',
  'sha256',
  'link_type',
  'link_id',
  'link_label',
  'created_at',
] as const;

export type EvidenceRow = Awaited<ReturnType<typeof evidenceOf>>[number];

export async function evidenceOf(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('assessment_evidence')
    .select(EVIDENCE_COLUMNS)
    .where('assessment_id', '=', assessmentId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findEvidence(db: Kysely<DB>, assessmentId: string, evidenceId: string) {
  return db
    .selectFrom('assessment_evidence')
    .select(EVIDENCE_COLUMNS)
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', evidenceId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

export async function countEvidence(db: Kysely<DB>, assessmentId: string, requirementCode: string) {
  const row = await db
    .selectFrom('assessment_evidence')
    .select(sql<number>`count(*)`.as('n'))
    .where('assessment_id', '=', assessmentId)
    .where('requirement_code', '=', requirementCode)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertEvidence(db: Kysely<DB>, row: AssessmentEvidenceTable): Promise<void> {
  await db.insertInto('assessment_evidence').values(row).execute();
}

export async function removeEvidence(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db
    .updateTable('assessment_evidence')
    .set({ removed_at: at })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .execute();
}

export async function roundsOf(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('assessment_rounds')
    .select(['round', 'submitted_at', 'score_bp', 'mandatory_unmet', 'outcome', 'decided_at', 'comment'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('round')
    .execute();
}

export async function insertRound(db: Kysely<DB>, row: AssessmentRoundTable): Promise<void> {
  await db.insertInto('assessment_rounds').values(row).execute();
}

export async function decideRound(
  db: Kysely<DB>,
  assessmentId: string,
  round: number,
  patch: { outcome: string; reviewer_id: string; decided_at: string; comment: string | null },
): Promise<void> {
  await db
    .updateTable('assessment_rounds')
    .set(patch)
    .where('assessment_id', '=', assessmentId)
    .where('round', '=', round)
    .execute();
}

export async function reviewItemsOf(db: Kysely<DB>, assessmentId: string, round: number) {
  return db
    .selectFrom('assessment_review_items')
    .select(['requirement_code', 'decision', 'comment', 'round'])
    .where('assessment_id', '=', assessmentId)
    .where('round', '=', round)
    .execute();
}

export async function insertReviewItems(db: Kysely<DB>, rows: AssessmentReviewItemTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('assessment_review_items')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Active station staff and county admins whose organisation's region contains the given region path. */
export async function reviewerIds(db: Kysely<DB>, enterpriseRegionPath: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select('u.id')
    .distinct()
    .where('ur.role', 'in', ['station_staff', 'county_admin'])
    .where('u.status', '=', 'active')
    .where('o.status', '=', 'active')
    .where(sql<boolean>`${enterpriseRegionPath} like (${sql.ref('r.path')} || '%')`)
    .execute();
  return rows.map((r) => r.id);
}

/** A record that evidence may link to, with the enterprise it belongs to and a label. */
export async function findLinkTarget(
  db: Kysely<DB>,
  type: 'enterprise' | 'certificate' | 'assessment',
  id: string,
): Promise<{ enterpriseId: string; label: string } | null> {
  switch (type) {
    case 'enterprise': {
      const row = await db.selectFrom('enterprises').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
      return row ? { enterpriseId: row.id, label: `企业：${row.name}` } : null;
    }
    case 'certificate': {
      const row = await db
        .selectFrom('certificates')
        .select(['enterprise_id', 'number'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { enterpriseId: row.enterprise_id, label: `贯标证书 ${row.number}` } : null;
    }
    case 'assessment': {
      const row = await db
        .selectFrom('assessments as a')
        .innerJoin('framework_versions as v', 'v.id', 'a.standard_version_id')
        .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
        .select(['a.enterprise_id', 'a.created_at', 'f.name', 'v.version'])
        .where('a.id', '=', id)
        .executeTakeFirst();
      return row
        ? {
            enterpriseId: row.enterprise_id,
            label: `自评（${row.name} ${row.version}，${row.created_at.slice(0, 10)}）`,
          }
        : null;
    }
  }
}

/** A campaign's assessments whose enterprise has not submitted (not started, filling in, or returned). */
export async function pendingOfCampaign(db: Kysely<DB>, campaignId: string) {
  return db
    .selectFrom('assessments')
    .select(['id', 'enterprise_id', 'status', 'due_date'])
    .where('campaign_id', '=', campaignId)
    .where('status', 'in', ['not_started', 'in_progress', 'returned'])
    .orderBy('id')
    .execute();
}
