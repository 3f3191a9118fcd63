import type { Kysely } from 'kysely';

// Placeholder created with the migration order fixed up front; its issue's tables are added here before merge.
// Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  void db;
}
