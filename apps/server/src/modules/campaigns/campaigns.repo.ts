import { sql, type Kysely } from 'kysely';
import type { CampaignTable, DB } from '../../db/schema';
import { likeEscape } from '../../lib/sql';

export interface CampaignCriteria {
  regionIds: string[];
  industries: string[];
  honours: string[];
}

/** Which campaigns an actor sees: all, or those owned by a region on their path (the city's) or below it. */
export type CampaignScope = { kind: 'all' } | { kind: 'region'; path: string } | { kind: 'none' };

const COLUMNS = [
  'c.id',
  'c.name',
  'c.standard_version_id',
  'v.version as standard_version',
  'f.name as standard_name',
  'c.owner_region_id',
  'r.name as owner_region_name',
  'r.path as owner_region_path',
  'c.criteria',
  'c.deadline',
  'c.status',
  'c.created_by',
  'c.created_at',
  'c.updated_at',
] as const;

function scoped(db: Kysely<DB>, scope: CampaignScope, filter: { q?: string; status?: string }) {
  let query = db
    .selectFrom('campaigns as c')
    .innerJoin('regions as r', 'r.id', 'c.owner_region_id')
    .innerJoin('framework_versions as v', 'v.id', 'c.standard_version_id')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id');
  switch (scope.kind) {
    case 'all':
      break;
    case 'region': {
      const path = scope.path;
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`${path} like (r.path || '%')`,
          sql<boolean>`r.path like ${likeEscape(path) + '%'} escape '\\'`,
        ]),
      );
      break;
    }
    case 'none':
      query = query.where(sql<boolean>`1 = 0`);
      break;
  }
  if (filter.q) {
    query = query.where(sql<boolean>`c.name like ${`%${likeEscape(filter.q)}%`} escape '\\'`);
  }
  if (filter.status) {
    query = query.where('c.status', '=', filter.status);
  }
  return query;
}

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export async function findCampaign(db: Kysely<DB>, id: string) {
  return scoped(db, { kind: 'all' }, {}).select(COLUMNS).where('c.id', '=', id).executeTakeFirst();
}

export async function searchCampaigns(
  db: Kysely<DB>,
  scope: CampaignScope,
  filter: { q?: string; status?: string },
  limit: number,
  offset: number,
) {
  return scoped(db, scope, filter)
    .select(COLUMNS)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countCampaigns(db: Kysely<DB>, scope: CampaignScope, filter: { q?: string; status?: string }) {
  const row = await scoped(db, scope, filter)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCampaign(db: Kysely<DB>, row: CampaignTable): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

export async function closeCampaign(db: Kysely<DB>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('campaigns')
    .set({ status: 'closed', updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Open campaigns whose deadline lies between the two dates (inclusive). */
export async function openCampaignsDueBetween(db: Kysely<DB>, from: string, to: string) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name', 'deadline'])
    .where('status', '=', 'open')
    .where('deadline', '>=', from)
    .where('deadline', '<=', to)
    .orderBy('deadline')
    .execute();
}

export async function regionPaths(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('regions').select(['id', 'path']).where('id', 'in', ids).execute();
}

export async function existingIndustries(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) {
    return new Set();
  }
  const rows = await db.selectFrom('industries').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

/** Active enterprises matching every non-empty criterion (region subtrees, industries, any of the honours). */
export async function matchingEnterpriseIds(
  db: Kysely<DB>,
  criteria: { regionPaths: string[]; industries: string[]; honours: string[] },
): Promise<string[]> {
  let query = db
    .selectFrom('enterprises as e')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .select('e.id')
    .where('e.status', '=', 'active');
  if (criteria.regionPaths.length > 0) {
    query = query.where((eb) =>
      eb.or(criteria.regionPaths.map((path) => sql<boolean>`r.path like ${likeEscape(path) + '%'} escape '\\'`)),
    );
  }
  if (criteria.industries.length > 0) {
    query = query.where('e.industry_code', 'in', criteria.industries);
  }
  if (criteria.honours.length > 0) {
    query = query.where(
      'e.id',
      'in',
      db.selectFrom('enterprise_honours').select('enterprise_id').where('honour', 'in', criteria.honours),
    );
  }
  const rows = await query.orderBy('e.name').orderBy('e.id').execute();
  return rows.map((r) => r.id);
}
