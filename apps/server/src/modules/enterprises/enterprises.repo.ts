import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { EnterpriseScope } from '../../plugins/authz';
import { likeEscape } from '../../lib/sql';

export interface EnterpriseFilter {
  q?: string;
  regionPath?: string;
  industry?: string;
  honour?: string;
  status?: string;
}

export type EnterpriseSortKey = 'name' | '-name' | 'uscc' | '-uscc' | 'createdAt' | '-createdAt';

const SORT_COLUMNS = {
  name: 'o.name',
  uscc: 'e.uscc',
  createdAt: 'e.created_at',
} as const;


function base(db: Kysely<DB>) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('organizations as o', 'o.id', 'e.id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .innerJoin('industries as i', 'i.code', 'e.industry_code');
}

function applyFilter(db: Kysely<DB>, filter: EnterpriseFilter, scope: EnterpriseScope) {
  let query = base(db);
  switch (scope.kind) {
    case 'all':
      break;
    case 'region':
      query = query.where(sql<boolean>`r.path like ${likeEscape(scope.path) + '%'} escape '\\'`);
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
    const usccPrefix = `${likeEscape(filter.q.toUpperCase())}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`o.name like ${pattern} escape '\\'`,
        sql<boolean>`e.uscc like ${usccPrefix} escape '\\'`,
      ]),
    );
  }
  if (filter.regionPath) {
    query = query.where(sql<boolean>`r.path like ${likeEscape(filter.regionPath) + '%'} escape '\\'`);
  }
  if (filter.industry) {
    query = query.where('e.industry_code', '=', filter.industry);
  }
  if (filter.status) {
    query = query.where('e.status', '=', filter.status);
  }
  if (filter.honour) {
    const honour = filter.honour;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enterprise_honours as h')
          .select('h.enterprise_id')
          .whereRef('h.enterprise_id', '=', 'e.id')
          .where('h.honour', '=', honour),
      ),
    );
  }
  return query;
}

const COLUMNS = [
  'e.id',
  'o.name',
  'e.uscc',
  'o.region_id',
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

export async function searchEnterprises(
  db: Kysely<DB>,
  filter: EnterpriseFilter,
  scope: EnterpriseScope,
  sort: EnterpriseSortKey,
  limit: number,
  offset: number,
) {
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
  const rows = await applyFilter(db, filter, scope)
    .select(COLUMNS)
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('e.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows;
}

export async function countEnterprises(db: Kysely<DB>, filter: EnterpriseFilter, scope: EnterpriseScope) {
  const row = await applyFilter(db, filter, scope)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findEnterprise(db: Kysely<DB>, id: string) {
  return base(db).select(COLUMNS).where('e.id', '=', id).executeTakeFirst();
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
    await db.insertInto('organizations').values(chunk.map((r) => r.organization)).execute();
    await db.insertInto('enterprises').values(chunk.map((r) => r.enterprise)).execute();
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
