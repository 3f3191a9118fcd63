import type { Kysely } from 'kysely';

// Per-user read state of notifications addressed to an organisation: one colleague reading a reminder
// does not mark it read for the others. (A notification addressed to one user keeps using read_at.)
// Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_reads')
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_reads').execute();
}
