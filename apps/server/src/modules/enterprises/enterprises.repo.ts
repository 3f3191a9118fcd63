import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { EnterpriseScope } from '../../plugins/authz';
import { likeEscape, regionsUnder } from '../../lib/sql';

export interface EnterpriseFilter {
  q?: string;
  regionPath?: string;
  industry?: string;
  honour?: string;
  status?: string;
}

export type EnterpriseSortKey = 'name' | '-name' | 'uscc' | '-uscc' | 'createdAt' | '-createdAt';

const SORT_COLUMNS = {
  name: 'e.name',
  uscc: 'e.uscc',
  createdAt: 'e.created_at',
} as const;

/**
 * Every list criterion is a column of `enterprises` (name and region_id are copies of the organisation's
 * for this reason), so filtering, sorting and counting 20,000 rows use one table's indexes and stay in
 * the low milliseconds; the page query then joins the rest for the rows it returns.
 */
function applyFilter(db: Kysely<DB>, filter: EnterpriseFilter, scope: EnterpriseScope) {
  let query = db.selectFrom('enterprises as e');
  const inRegion = (path: string) => regionsUnder(db, path);
  switch (scope.kind) {
    case 'all':
      break;
    case 'region':
      query = query.where('e.region_id', 'in', inRegion(scope.path));
      break;
    case 'enterprise':
      query = query.where('e.id', '=', scope.enterpriseId);
      break;
    case 'none':
      query = query.where(sql<boolean>`1 = 0`);
      break;
  }
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    const prefix = filter.q.toUpperCase();
    // A USCC prefix is a range on the unique index (portable, unlike LIKE's use of an index). Six or more
    // code characters with a digit are taken as a code only; shorter ones may also be part of a name.
    const usccRange = (eb: ExpressionBuilder<DB & { e: DB['enterprises'] }, 'e'>) =>
      eb.and([eb('e.uscc', '>=', prefix), eb('e.uscc', '<', `${prefix}~`)]);
    if (/^[0-9A-Z]{6,18}$/.test(prefix) && /[0-9]/.test(prefix)) {
      query = query.where(usccRange);
    } else if (/^[0-9A-Z]{2,5}$/.test(prefix)) {
      query = query.where((eb) => eb.or([sql<boolean>`e.name like ${pattern} escape '\\'`, usccRange(eb)]));
    } else {
      query = query.where(sql<boolean>`e.name like ${pattern} escape '\\'`);
    }
  }
  if (filter.regionPath) {
    query = query.where('e.region_id', 'in', inRegion(filter.regionPath));
  }
  if (filter.industry) {
    query = query.where('e.industry_code', '=', filter.industry);
  }
  if (filter.status) {
    query = query.where('e.status', '=', filter.status);
  }
  if (filter.honour) {
    const honour = filter.honour;
    query = query.where(
      'e.id',
      'in',
      db.selectFrom('enterprise_honours').select('enterprise_honours.enterprise_id').where('honour', '=', honour),
    );
  }
  return query;
}

function withDetails(query: ReturnType<typeof applyFilter>) {
  return query
    .innerJoin('organizations as o', 'o.id', 'e.id')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code');
}

const COLUMNS = [
  'e.id',
  'e.name',
  'e.uscc',
  'e.region_id',
  'r.name as region_name',
  'r.path as region_path',
  'o.address',
  'e.industry_code',
  'i.name as industry_name',
  'e.size',
  'e.legal_representative',
  'o.contact_name',
  'o.contact_phone',
  'o.contact_email',
  'e.employees',
  'e.status',
  'e.archived_reason',
  'e.synthetic',
  'e.created_at',
  'e.updated_at',
] as const;

export type EnterpriseRow = Awaited<ReturnType<typeof findEnterprise>> & {};

/**
 * One page: the filter, sort and limit run on `enterprises` alone in a subquery, and only the page's
 * rows are joined to their organisation, region and industry.
 */
export async function searchEnterprises(
  db: Kysely<DB>,
  filter: EnterpriseFilter,
  scope: EnterpriseScope,
  sort: EnterpriseSortKey,
  limit: number,
  offset: number,
) {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS;
  const direction = descending ? 'desc' : 'asc';
  const page = applyFilter(db, filter, scope)
    .select(['e.id as page_id', `${SORT_COLUMNS[key]} as sort_key`])
    .orderBy(SORT_COLUMNS[key], direction)
    .orderBy('e.id', direction)
    .limit(limit)
    .offset(offset)
    .as('p');
  return db
    .selectFrom(page)
    .innerJoin('enterprises as e', 'e.id', 'p.page_id')
    .innerJoin('organizations as o', 'o.id', 'e.id')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code')
    .select(COLUMNS)
    .orderBy('p.sort_key', direction)
    .orderBy('e.id', direction)
    .execute();
}

export async function countEnterprises(db: Kysely<DB>, filter: EnterpriseFilter, scope: EnterpriseScope) {
  const row = await applyFilter(db, filter, scope)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findEnterprise(db: Kysely<DB>, id: string) {
  return withDetails(db.selectFrom('enterprises as e')).select(COLUMNS).where('e.id', '=', id).executeTakeFirst();
}

export async function findByUscc(db: Kysely<DB>, uscc: string) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('organizations as o', 'o.id', 'e.id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['e.id', 'o.name', 'e.uscc', 'r.path as region_path'])
    .where('e.uscc', '=', uscc)
    .executeTakeFirst();
}

export async function findExistingUsccs(db: Kysely<DB>, usccs: string[]) {
  const found = new Map<string, string>();
  for (let i = 0; i < usccs.length; i += 500) {
    const chunk = usccs.slice(i, i + 500);
    if (chunk.length === 0) {
      continue;
    }
    const rows = await db
      .selectFrom('enterprises as e')
      .innerJoin('organizations as o', 'o.id', 'e.id')
      .select(['e.uscc', 'o.name'])
      .where('e.uscc', 'in', chunk)
      .execute();
    for (const row of rows) {
      found.set(row.uscc, row.name);
    }
  }
  return found;
}

export async function honoursOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (ids.length === 0) {
    return result;
  }
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('enterprise_honours')
      .select(['enterprise_id', 'honour'])
      .where('enterprise_id', 'in', ids.slice(i, i + 500))
      .orderBy('honour')
      .execute();
    for (const row of rows) {
      const list = result.get(row.enterprise_id) ?? [];
      list.push(row.honour);
      result.set(row.enterprise_id, list);
    }
  }
  return result;
}

export interface EnterpriseInsert {
  organization: DB['organizations'];
  enterprise: DB['enterprises'];
  honours: string[];
}

/** Inserts enterprises with their organisation rows and honours, in chunks (one statement per chunk). */
export async function insertEnterprises(db: Kysely<DB>, records: EnterpriseInsert[]) {
  const CHUNK = 200;
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    await db
      .insertInto('organizations')
      .values(chunk.map((r) => r.organization))
      .execute();
    await db
      .insertInto('enterprises')
      .values(chunk.map((r) => r.enterprise))
      .execute();
    const honours = chunk.flatMap((r) => r.honours.map((honour) => ({ enterprise_id: r.enterprise.id, honour })));
    if (honours.length > 0) {
      await db.insertInto('enterprise_honours').values(honours).execute();
    }
  }
}

export async function updateOrganization(db: Kysely<DB>, id: string, values: Partial<DB['organizations']>) {
  if (Object.keys(values).length > 0) {
    await db.updateTable('organizations').set(values).where('id', '=', id).execute();
  }
}

export async function updateEnterprise(db: Kysely<DB>, id: string, values: Partial<DB['enterprises']>) {
  if (Object.keys(values).length > 0) {
    await db.updateTable('enterprises').set(values).where('id', '=', id).execute();
  }
}

export async function replaceHonours(db: Kysely<DB>, id: string, honours: string[]) {
  await db.deleteFrom('enterprise_honours').where('enterprise_id', '=', id).execute();
  if (honours.length > 0) {
    await db
      .insertInto('enterprise_honours')
      .values(honours.map((honour) => ({ enterprise_id: id, honour })))
      .execute();
  }
}
