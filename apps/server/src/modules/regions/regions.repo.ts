import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function listRegions(db: Kysely<DB>) {
  return db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'code', 'name', 'kind', 'path', 'sort_order'])
    .orderBy('path')
    .orderBy('sort_order')
    .execute();
}

export async function findRegion(db: Kysely<DB>, id: string) {
  return db.selectFrom('regions').select(['id', 'name', 'path', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function listIndustries(db: Kysely<DB>) {
  return db.selectFrom('industries').select(['code', 'name']).orderBy('sort_order').execute();
}

export async function findIndustry(db: Kysely<DB>, code: string) {
  return db.selectFrom('industries').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}
