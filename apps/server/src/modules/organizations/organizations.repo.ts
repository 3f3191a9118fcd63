import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { likeEscape } from '../../lib/sql';

export interface OrganizationFilter {
  q?: string;
  kind?: string;
  /** Region subtree chosen by the caller (a filter, not a permission). */
  regionPath?: string;
  status?: string;
}

/** What the service has already decided the actor may see. */
export interface OrganizationVisibility {
  regionPath: string | null;
  includeEnterprises: boolean;
}

const underPath = (path: string) => sql<boolean>`r.path like ${likeEscape(path) + '%'} escape '\\'`;

function base(db: Kysely<DB>) {
  return db.selectFrom('organizations as o').innerJoin('regions as r', 'r.id', 'o.region_id');
}

function applyFilter(db: Kysely<DB>, filter: OrganizationFilter, visibility: OrganizationVisibility) {
  let query = base(db);
  if (visibility.regionPath !== null) {
    query = query.where(underPath(visibility.regionPath));
  }
  if (!visibility.includeEnterprises) {
    query = query.where('o.kind', '<>', 'enterprise');
  }
  if (filter.q) {
    query = query.where(sql<boolean>`o.name like ${`%${likeEscape(filter.q)}%`} escape '\\'`);
  }
  if (filter.kind) {
    query = query.where('o.kind', '=', filter.kind);
  }
  if (filter.regionPath) {
    query = query.where(underPath(filter.regionPath));
  }
  if (filter.status) {
    query = query.where('o.status', '=', filter.status);
  }
  return query;
}

const COLUMNS = [
  'o.id',
  'o.kind',
  'o.name',
  'o.region_id',
  'r.name as region_name',
  'r.path as region_path',
  'o.address',
  'o.contact_name',
  'o.contact_phone',
  'o.contact_email',
  'o.status',
  'o.archived_reason',
  'o.created_at',
  'o.updated_at',
] as const;

export type OrganizationRow = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

export async function searchOrganizations(
  db: Kysely<DB>,
  filter: OrganizationFilter,
  visibility: OrganizationVisibility,
  limit: number,
  offset: number,
) {
  return applyFilter(db, filter, visibility)
    .select(COLUMNS)
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countOrganizations(
  db: Kysely<DB>,
  filter: OrganizationFilter,
  visibility: OrganizationVisibility,
) {
  const row = await applyFilter(db, filter, visibility)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOrganization(db: Kysely<DB>, id: string) {
  return base(db).select(COLUMNS).where('o.id', '=', id).executeTakeFirst();
}

/** Another organisation of the same kind with the same name in the same region, if any. */
export async function findSameName(db: Kysely<DB>, kind: string, regionId: string, name: string, exceptId?: string) {
  let query = db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('kind', '=', kind)
    .where('region_id', '=', regionId)
    .where('name', '=', name);
  if (exceptId) {
    query = query.where('id', '<>', exceptId);
  }
  return query.executeTakeFirst();
}

export async function insertOrganization(db: Kysely<DB>, row: DB['organizations']) {
  await db.insertInto('organizations').values(row).execute();
}

export async function updateOrganization(db: Kysely<DB>, id: string, values: Partial<DB['organizations']>) {
  if (Object.keys(values).length > 0) {
    await db.updateTable('organizations').set(values).where('id', '=', id).execute();
  }
}
