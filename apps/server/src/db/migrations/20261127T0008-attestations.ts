import type { Kysely } from 'kysely';

// Attestation (存证): the enterprise's private attestation records and the public transparency log.
// Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attestations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('secret_point_id', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('leaf_index', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attestations_enterprise_idx')
    .on('attestations')
    .columns(['enterprise_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('attestations_secret_point_idx')
    .on('attestations')
    .columns(['secret_point_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attestations').execute();
}
