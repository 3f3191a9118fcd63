import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Demo designation workflow records (called at the end of seedDemo). */
export async function seedDesignationsDemo(db: Kysely<DB>): Promise<void> {
  void db;
}
