import { SqliteAdapter, type Kysely } from 'kysely';

// Attestation (存证): the enterprise's private attestation records and the public transparency log.
// Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The log's numeric keys: SQLite's `integer primary key` is the table's rowid (one b-tree, the fastest
  // lookup a proof can have); PostgreSQL needs bigint for indexes past 2^31.
  const key = db.getExecutor().adapter instanceof SqliteAdapter ? 'integer' : 'bigint';
  await db.schema
    .createTable('attestations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('secret_point_id', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('leaf_index', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('logged_at', 'text', (c) => c.notNull())
    .addColumn('commitment_salt', 'text', (c) => c.notNull())
    .addColumn('commitment_subject', 'text', (c) => c.notNull())
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
  // No more indexes on this table: every attestation row is written on the log's hot path (a search by
  // hash prefix within one enterprise scans that enterprise's rows through attestations_enterprise_idx).

  await db.schema
    .createTable('log_entries')
    .addColumn('leaf_index', key, (c) => c.primaryKey())
    .addColumn('entry', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('log_nodes')
    .addColumn('node_key', key, (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('log_checkpoints')
    .addColumn('tree_size', key, (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('log_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('tree_size', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('attestation_requests')
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attestation_requests_pk', ['enterprise_id', 'request_key'])
    .execute();
  await db.schema
    .createTable('attestation_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('requirement_code', 'text', (c) => c.notNull())
    .addColumn('attestation_id', 'text', (c) => c.notNull().references('attestations.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('attestation_evidence_assessment_idx')
    .on('attestation_evidence')
    .columns(['assessment_id', 'requirement_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'attestation_evidence',
    'attestation_requests',
    'log_state',
    'log_checkpoints',
    'log_nodes',
    'log_entries',
    'attestations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
