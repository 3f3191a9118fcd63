import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Demo secret register for the demo enterprises (called at the end of seedDemo). */
export async function seedSecretsDemo(db: Kysely<DB>): Promise<void> {
  void db;
}
