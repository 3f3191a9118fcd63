import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

const VERSION_COLUMNS = [
  'id',
  'kind',
  'version',
  'status',
  'total_score',
  'published_at',
  'created_at',
  'updated_at',
] as const;

export type CriteriaVersionRow = Awaited<ReturnType<typeof findVersion>> & {};
export type CriteriaItemRow = DB['criteria_items'];

export async function listVersions(db: Kysely<DB>, kind?: string) {
  let query = db.selectFrom('criteria_versions').select(VERSION_COLUMNS);
  if (kind) {
    query = query.where('kind', '=', kind);
  }
  return query.orderBy('kind').orderBy('version', 'desc').orderBy('created_at', 'desc').execute();
}

export async function findVersion(db: Kysely<DB>, id: string) {
  return db.selectFrom('criteria_versions').select(VERSION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findByKindVersion(db: Kysely<DB>, kind: string, version: string) {
  return db
    .selectFrom('criteria_versions')
    .select(['id', 'status'])
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function itemsOf(db: Kysely<DB>, versionIds: string[]): Promise<Map<string, CriteriaItemRow[]>> {
  const result = new Map<string, CriteriaItemRow[]>();
  if (versionIds.length === 0) {
    return result;
  }
  const rows = await db
    .selectFrom('criteria_items')
    .select([
      'version_id',
      'position',
      'group_code',
      'group_title',
      'code',
      'text',
      'max_score',
      'guidance',
      'auto_source',
    ])
    .where('version_id', 'in', versionIds)
    .orderBy('version_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = result.get(row.version_id) ?? [];
    list.push(row);
    result.set(row.version_id, list);
  }
  return result;
}

export async function insertVersion(db: Kysely<DB>, row: DB['criteria_versions']) {
  await db.insertInto('criteria_versions').values(row).execute();
}

export async function updateVersion(db: Kysely<DB>, id: string, values: Partial<DB['criteria_versions']>) {
  await db.updateTable('criteria_versions').set(values).where('id', '=', id).execute();
}

export async function replaceItems(db: Kysely<DB>, versionId: string, items: CriteriaItemRow[]) {
  await db.deleteFrom('criteria_items').where('version_id', '=', versionId).execute();
  if (items.length > 0) {
    await db.insertInto('criteria_items').values(items).execute();
  }
}
