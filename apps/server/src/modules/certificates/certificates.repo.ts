import type { CertificateStatus } from '@shangmi/shared';
import { sql, type Kysely } from 'kysely';
import type { CertificateTable, DB } from '../../db/schema';
import { likeEscape, regionsUnder } from '../../lib/sql';
import type { EnterpriseScope } from '../../plugins/authz';

/** The assessment columns a certificate copies. */
export async function findAssessmentForIssue(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('assessments')
    .select([
      'id',
      'enterprise_id',
      'standard_version_id',
      'guide_version_id',
      'region_id',
      'industry_code',
      'score_bp',
    ])
    .where('id', '=', assessmentId)
    .executeTakeFirst();
}

export async function findCertificateIdByAssessment(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('certificates')
    .select(['id', 'number'])
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
}

/** The certificate issued for an assessment, with what its status is computed from. */
export async function findCertificateStatusByAssessment(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('certificates')
    .select(['id', 'number', 'status', 'valid_until'])
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
}

/** The highest number issued so far under a prefix such as `LCGB-2026-` (zero-padded, so text order is number order). */
export async function maxNumberWithPrefix(db: Kysely<DB>, prefix: string): Promise<string | null> {
  const row = await db
    .selectFrom('certificates')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('number', '>=', prefix)
    .where('number', '<', `${prefix}~`)
    .executeTakeFirst();
  return row?.max ?? null;
}

export async function insertCertificate(db: Kysely<DB>, row: CertificateTable): Promise<void> {
  await db.insertInto('certificates').values(row).execute();
}

export interface CertificateFilter {
  /** Relative to `today`: expired is computed from valid_until. */
  status?: CertificateStatus;
  today: string;
  regionPath?: string;
  industry?: string;
  q?: string;
  /** Held on a day: [day, instant the next day starts] as for the conforming counts. */
  heldOn?: { date: string; dayAfterStartsAt: string };
}

/** Scope and filters on certificates joined to their enterprise (scope follows the enterprise's region, as for enterprises). */
function applyFilter(db: Kysely<DB>, filter: CertificateFilter, scope: EnterpriseScope) {
  const inRegion = (path: string) => regionsUnder(db, path);
  let query = db.selectFrom('certificates as c').innerJoin('enterprises as e', 'e.id', 'c.enterprise_id');
  switch (scope.kind) {
    case 'all':
      break;
    case 'region':
      query = query.where('e.region_id', 'in', inRegion(scope.path));
      break;
    case 'enterprise':
      query = query.where('c.enterprise_id', '=', scope.enterpriseId);
      break;
    case 'none':
      query = query.where(sql<boolean>`1 = 0`);
      break;
  }
  if (filter.regionPath) {
    query = query.where('e.region_id', 'in', inRegion(filter.regionPath));
  }
  if (filter.industry) {
    query = query.where('c.industry_code', '=', filter.industry);
  }
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`e.name like ${pattern} escape '\\'`,
        sql<boolean>`c.number like ${pattern} escape '\\'`,
        eb('e.uscc', '=', filter.q?.toUpperCase() ?? ''),
      ]),
    );
  }
  if (filter.heldOn) {
    const { date, dayAfterStartsAt } = filter.heldOn;
    query = query
      .where('c.valid_from', '<=', date)
      .where('c.valid_until', '>=', date)
      .where((eb) =>
        eb.or([
          eb('c.status', '=', 'valid'),
          eb.and([eb('c.status', '=', 'revoked'), eb('c.revoked_at', '>=', dayAfterStartsAt)]),
        ]),
      );
  }
  switch (filter.status) {
    case 'revoked':
      query = query.where('c.status', '=', 'revoked');
      break;
    case 'expired':
      query = query.where('c.status', '=', 'valid').where('c.valid_until', '<', filter.today);
      break;
    case 'valid':
      query = query.where('c.status', '=', 'valid').where('c.valid_until', '>=', filter.today);
      break;
    case undefined:
      break;
  }
  return query;
}

const DETAIL_COLUMNS = [
  'c.id',
  'c.number',
  'c.enterprise_id',
  'e.name as enterprise_name',
  'e.uscc',
  'r.name as region_name',
  'r.path as region_path',
  'c.industry_code',
  'i.name as industry_name',
  'sf.name as standard_name',
  'sv.version as standard_version',
  'gf.name as guide_name',
  'gv.version as guide_version',
  'c.score_bp',
  'c.valid_from',
  'c.valid_until',
  'c.status',
  'c.revoked_at',
  'c.revoke_reason',
  'c.assessment_id',
  'c.created_at',
] as const;

function withDetails(db: Kysely<DB>) {
  return db
    .selectFrom('certificates as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .leftJoin('industries as i', 'i.code', 'c.industry_code')
    .innerJoin('framework_versions as sv', 'sv.id', 'c.standard_version_id')
    .innerJoin('frameworks as sf', 'sf.id', 'sv.framework_id')
    .leftJoin('framework_versions as gv', 'gv.id', 'c.guide_version_id')
    .leftJoin('frameworks as gf', 'gf.id', 'gv.framework_id')
    .select(DETAIL_COLUMNS);
}

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

export async function findCertificate(db: Kysely<DB>, id: string) {
  return withDetails(db).where('c.id', '=', id).executeTakeFirst();
}

export async function findCertificateByNumber(db: Kysely<DB>, number: string) {
  return withDetails(db).where('c.number', '=', number).executeTakeFirst();
}

/** One page, newest first: filter, count and limit on certificates ⨝ enterprises, then the page's rows joined for display. */
export async function searchCertificates(
  db: Kysely<DB>,
  filter: CertificateFilter,
  scope: EnterpriseScope,
  limit: number,
  offset: number,
): Promise<{ rows: CertificateRow[]; total: number }> {
  const base = applyFilter(db, filter, scope);
  const totalRow = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const total = Number(totalRow.n);
  if (total === 0) {
    return { rows: [], total };
  }
  const ids = await base
    .select('c.id')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.number', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  if (ids.length === 0) {
    return { rows: [], total };
  }
  const rows = await withDetails(db)
    .where(
      'c.id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  const order = new Map(ids.map((r, index) => [r.id, index]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { rows, total };
}

export async function markRevoked(db: Kysely<DB>, id: string, reason: string, at: string): Promise<number> {
  const result = await db
    .updateTable('certificates')
    .set({ status: 'revoked', revoked_at: at, revoke_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Holding on `asOf`: valid_from ≤ asOf ≤ valid_until, and not revoked on or before that day. revoked_at is
 * an instant (UTC); `revokedBefore` is the first instant of the day after asOf in China Standard Time, so a
 * certificate revoked at any time on day D stops counting from D.
 */
function holdingOn(db: Kysely<DB>, asOf: string, dayAfterStartsAt: string) {
  return db
    .selectFrom('certificates as c')
    .where('c.valid_from', '<=', asOf)
    .where('c.valid_until', '>=', asOf)
    .where((eb) =>
      eb.or([
        eb('c.status', '=', 'valid'),
        eb.and([eb('c.status', '=', 'revoked'), eb('c.revoked_at', '>=', dayAfterStartsAt)]),
      ]),
    );
}

export async function countHolders(
  db: Kysely<DB>,
  asOf: string,
  dayAfterStartsAt: string,
  regionPath?: string,
): Promise<number> {
  let query = holdingOn(db, asOf, dayAfterStartsAt);
  if (regionPath) {
    query = query
      .innerJoin('regions as r', 'r.id', 'c.region_id')
      .where(sql<boolean>`r.path like ${likeEscape(regionPath) + '%'} escape '\\'`);
  }
  const row = await query
    .select((eb) => eb.fn.count<number | string>('c.enterprise_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countHoldersByRegion(db: Kysely<DB>, asOf: string, dayAfterStartsAt: string) {
  const rows = await holdingOn(db, asOf, dayAfterStartsAt)
    .select(['c.region_id', (eb) => eb.fn.count<number | string>('c.enterprise_id').distinct().as('n')])
    .groupBy('c.region_id')
    .execute();
  return rows.map((r) => ({ regionId: r.region_id, count: Number(r.n) }));
}

/**
 * Valid certificates expiring in [from, until] with no renewal assessment opened yet, with the latest
 * published version of the same standard (a renewal is assessed against the current text).
 */
export async function certificatesDueForRenewal(db: Kysely<DB>, from: string, until: string) {
  return db
    .selectFrom('certificates as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .innerJoin('framework_versions as sv', 'sv.id', 'c.standard_version_id')
    .select([
      'c.id',
      'c.number',
      'c.enterprise_id',
      'c.standard_version_id',
      'c.valid_until',
      (eb) =>
        eb
          .selectFrom('framework_versions as latest')
          .select('latest.id')
          .whereRef('latest.framework_id', '=', 'sv.framework_id')
          .where('latest.status', '=', 'published')
          .orderBy('latest.published_at', 'desc')
          .limit(1)
          .as('latest_version_id'),
    ])
    .where('c.status', '=', 'valid')
    .where('c.valid_until', '>=', from)
    .where('c.valid_until', '<=', until)
    .where('e.status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('assessments as a').select('a.id').whereRef('a.renews_certificate_id', '=', 'c.id')),
      ),
    )
    .orderBy('c.valid_until')
    .execute();
}

export async function renewalAlreadyOpened(db: Kysely<DB>, certificateId: string): Promise<boolean> {
  const row = await db
    .selectFrom('assessments')
    .select('id')
    .where('renews_certificate_id', '=', certificateId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findRegionPath(db: Kysely<DB>, regionId: string) {
  return db.selectFrom('regions').select(['id', 'path']).where('id', '=', regionId).executeTakeFirst();
}
