import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Liaocheng's programme from the seed document (called by seedBase; idempotent). */
export async function seedProgramme(db: Kysely<DB>): Promise<void> {
  void db;
}
