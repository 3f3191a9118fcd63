import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, FrameworkTable, FrameworkVersionTable } from '../../db/schema';

const FRAMEWORK_COLUMNS = [
  'f.id',
  'f.code',
  'f.kind',
  'f.name',
  'f.industry_code',
  'i.name as industry_name',
  'f.description',
  'f.created_at',
  'f.updated_at',
] as const;

const SUMMARY_COLUMNS = [
  'v.id',
  'v.framework_id',
  'v.version',
  'v.status',
  'v.template',
  'v.base_version_id',
  'v.requirement_count',
  'v.published_at',
  'v.created_at',
  'v.updated_at',
] as const;

export type FrameworkRow = NonNullable<Awaited<ReturnType<typeof findFramework>>>;
export type VersionSummaryRow = Awaited<ReturnType<typeof listVersionSummaries>>[number];
export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

export async function listFrameworks(db: Kysely<DB>) {
  return db
    .selectFrom('frameworks as f')
    .leftJoin('industries as i', 'i.code', 'f.industry_code')
    .select(FRAMEWORK_COLUMNS)
    .orderBy('f.kind', 'desc') // standard before guide
    .orderBy('f.code')
    .execute();
}

export async function findFramework(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('frameworks as f')
    .leftJoin('industries as i', 'i.code', 'f.industry_code')
    .select(FRAMEWORK_COLUMNS)
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export async function findFrameworkByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('frameworks').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

export async function countFrameworks(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('frameworks')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Version summaries (no content) of the given frameworks, oldest first. */
export async function listVersionSummaries(db: Kysely<DB>, frameworkIds: readonly string[]) {
  if (frameworkIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('framework_versions as v')
    .select(SUMMARY_COLUMNS)
    .where('v.framework_id', 'in', frameworkIds)
    .orderBy('v.created_at')
    .orderBy('v.version')
    .execute();
}

/** One version with its content and its framework's kind, name and industry. */
export async function findVersion(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select([
      ...SUMMARY_COLUMNS,
      'v.content',
      'f.name as framework_name',
      'f.code as framework_code',
      'f.kind',
      'f.industry_code',
    ])
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export async function findVersionByLabel(db: Kysely<DB>, frameworkId: string, version: string) {
  return db
    .selectFrom('framework_versions')
    .select(['id'])
    .where('framework_id', '=', frameworkId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/**
 * The latest published guide version for an industry that overlays the given standard version
 * (latest by publication time, then by creation time).
 */
export async function findLatestPublishedGuideId(db: Kysely<DB>, standardVersionId: string, industryCode: string) {
  const row = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select(['v.id'])
    .where('f.kind', '=', 'guide')
    .where('f.industry_code', '=', industryCode)
    .where('v.base_version_id', '=', standardVersionId)
    .where('v.status', '=', 'published')
    .orderBy('v.published_at', 'desc')
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function industryExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db.selectFrom('industries').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertFramework(db: Kysely<DB>, row: Insertable<FrameworkTable>): Promise<void> {
  await db.insertInto('frameworks').values(row).execute();
}

export async function insertVersion(db: Kysely<DB>, row: Insertable<FrameworkVersionTable>): Promise<void> {
  await db.insertInto('framework_versions').values(row).execute();
}

/**
 * Updates a version only while it is in `expectedStatus`; returns whether a row changed, so a concurrent
 * publish cannot be overwritten by a late content save.
 */
export async function updateVersion(
  db: Kysely<DB>,
  id: string,
  expectedStatus: string,
  patch: Updateable<FrameworkVersionTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('framework_versions')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listIndustries(db: Kysely<DB>) {
  return db.selectFrom('industries').select(['code', 'name']).orderBy('sort_order').execute();
}
