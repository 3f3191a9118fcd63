import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { likeEscape, regionsUnder } from '../../lib/sql';

export interface BaseFilter {
  q?: string;
  regionPaths: string[];
  status?: string;
}

function applyFilter(db: Kysely<DB>, filter: BaseFilter) {
  let query = db.selectFrom('demonstration_bases as b');
  for (const path of filter.regionPaths) {
    query = query.where('b.region_id', 'in', regionsUnder(db, path));
  }
  if (filter.q) {
    query = query.where(sql<boolean>`b.name like ${`%${likeEscape(filter.q)}%`} escape '\\'`);
  }
  if (filter.status) {
    query = query.where('b.status', '=', filter.status);
  }
  return query;
}

const COLUMNS = [
  'b.id',
  'b.name',
  'b.host_kind',
  'b.host_organization_id',
  'h.name as host_organization_name',
  'b.region_id',
  'r.name as region_name',
  'r.path as region_path',
  'b.address',
  'b.longitude_e6',
  'b.latitude_e6',
  'b.description',
  'b.designated',
  'b.status',
  'b.archived_reason',
  'b.created_at',
  'b.updated_at',
] as const;

function withDetails(query: ReturnType<typeof applyFilter>) {
  return query
    .innerJoin('regions as r', 'r.id', 'b.region_id')
    .leftJoin('organizations as h', 'h.id', 'b.host_organization_id')
    .select(COLUMNS);
}

export type BaseRow = Awaited<ReturnType<typeof findBase>> & {};

export async function searchBases(db: Kysely<DB>, filter: BaseFilter, limit: number, offset: number) {
  return withDetails(applyFilter(db, filter)).orderBy('b.name').orderBy('b.id').limit(limit).offset(offset).execute();
}

export async function countBases(db: Kysely<DB>, filter: BaseFilter) {
  const row = await applyFilter(db, filter)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findBase(db: Kysely<DB>, id: string) {
  return withDetails(applyFilter(db, { regionPaths: [] }))
    .where('b.id', '=', id)
    .executeTakeFirst();
}

export async function enterprisesOf(db: Kysely<DB>, ids: string[]) {
  const result = new Map<string, { id: string; name: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('demonstration_base_enterprises as be')
      .innerJoin('enterprises as e', 'e.id', 'be.enterprise_id')
      .select(['be.base_id', 'e.id', 'e.name'])
      .where('be.base_id', 'in', ids.slice(i, i + 500))
      .orderBy('e.name')
      .execute();
    for (const row of rows) {
      result.set(row.base_id, [...(result.get(row.base_id) ?? []), { id: row.id, name: row.name }]);
    }
  }
  return result;
}

/** Enterprises by id with what the visibility check needs. */
export async function findEnterprises(db: Kysely<DB>, ids: string[]) {
  const rows: { id: string; name: string; region_path: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('enterprises as e')
        .innerJoin('regions as r', 'r.id', 'e.region_id')
        .select(['e.id', 'e.name', 'r.path as region_path'])
        .where('e.id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

export async function organizationExists(db: Kysely<DB>, id: string) {
  return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertBase(db: Kysely<DB>, row: DB['demonstration_bases']) {
  await db.insertInto('demonstration_bases').values(row).execute();
}

export async function updateBase(db: Kysely<DB>, id: string, values: Partial<DB['demonstration_bases']>) {
  if (Object.keys(values).length > 0) {
    await db.updateTable('demonstration_bases').set(values).where('id', '=', id).execute();
  }
}

export async function replaceEnterprises(db: Kysely<DB>, id: string, enterpriseIds: string[]) {
  await db.deleteFrom('demonstration_base_enterprises').where('base_id', '=', id).execute();
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    await db
      .insertInto('demonstration_base_enterprises')
      .values(enterpriseIds.slice(i, i + 500).map((enterprise_id) => ({ base_id: id, enterprise_id })))
      .execute();
  }
}
