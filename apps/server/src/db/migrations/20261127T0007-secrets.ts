import type { Kysely } from 'kysely';

// The enterprise's own secret register, personnel, agreements and offboarding. Columns ending in
// `_enc` hold AES-256-GCM ciphertext under the enterprise's data key (lib/keyring.ts). Nothing here is
// ever deleted: points change status; people leave; agreements end.
// Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('secret_data_keys')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey().references('enterprises.id'))
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rotated_at', 'text')
    .execute();

  await db.schema
    .createTable('secret_levels')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('core', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('secret_levels_pk', ['enterprise_id', 'code'])
    .execute();

  await db.schema
    .createTable('personnel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('hire_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('notes_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('personnel_enterprise_idx').on('personnel').columns(['enterprise_id', 'name']).execute();
  await db.schema.createIndex('personnel_user_idx').on('personnel').column('user_id').execute();

  await db.schema
    .createTable('personnel_trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('personnel_id', 'text', (c) => c.notNull().references('personnel.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('trained_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('hours_tenths', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('personnel_trainings_person_idx')
    .on('personnel_trainings')
    .columns(['personnel_id', 'trained_on'])
    .execute();

  await db.schema
    .createTable('secret_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level_code', 'text', (c) => c.notNull())
    .addColumn('protected_until', 'text')
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('value_statement_enc', 'text')
    .addColumn('notes_enc', 'text')
    .addColumn('content_chars', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('secret_points_number_uq', ['enterprise_id', 'number'])
    .execute();
  await db.schema
    .createIndex('secret_points_enterprise_idx')
    .on('secret_points')
    .columns(['enterprise_id', 'status', 'level_code'])
    .execute();

  await db.schema
    .createTable('secret_point_personnel')
    .addColumn('secret_point_id', 'text', (c) => c.notNull().references('secret_points.id'))
    .addColumn('personnel_id', 'text', (c) => c.notNull().references('personnel.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('secret_point_personnel_pk', ['secret_point_id', 'personnel_id'])
    .execute();
  await db.schema
    .createIndex('secret_point_personnel_person_idx')
    .on('secret_point_personnel')
    .column('personnel_id')
    .execute();

  await db.schema
    .createTable('secret_carriers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_point_id', 'text', (c) => c.notNull().references('secret_points.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('location_enc', 'text', (c) => c.notNull())
    .addColumn('custodian_personnel_id', 'text', (c) => c.references('personnel.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('secret_carriers_point_idx').on('secret_carriers').column('secret_point_id').execute();
  await db.schema
    .createIndex('secret_carriers_custodian_idx')
    .on('secret_carriers')
    .column('custodian_personnel_id')
    .execute();

  await db.schema
    .createTable('secret_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_point_id', 'text', (c) => c.notNull().references('secret_points.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('requirement_code', 'text')
    .addColumn('description_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('secret_measures_point_idx').on('secret_measures').column('secret_point_id').execute();

  await db.schema
    .createTable('secret_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_point_id', 'text', (c) => c.notNull().references('secret_points.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('secret_events_point_idx')
    .on('secret_events')
    .columns(['secret_point_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('secret_access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('secret_point_id', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('secret_access_log_enterprise_idx')
    .on('secret_access_log')
    .columns(['enterprise_id', 'at'])
    .execute();
  await db.schema
    .createIndex('secret_access_log_point_idx')
    .on('secret_access_log')
    .columns(['secret_point_id', 'at'])
    .execute();

  await db.schema
    .createTable('secret_acknowledgements')
    .addColumn('secret_point_id', 'text', (c) => c.notNull().references('secret_points.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('secret_acknowledgements_pk', ['secret_point_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('personnel_id', 'text', (c) => c.notNull().references('personnel.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_until', 'text')
    .addColumn('restricted_months', 'integer')
    .addColumn('monthly_compensation_fen', 'integer')
    .addColumn('document_name', 'text')
    .addColumn('document_mime', 'text')
    .addColumn('document_size', 'integer')
    .addColumn('document_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreements_enterprise_idx')
    .on('agreements')
    .columns(['enterprise_id', 'kind', 'status'])
    .execute();
  await db.schema.createIndex('agreements_person_idx').on('agreements').column('personnel_id').execute();

  await db.schema
    .createTable('offboardings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('personnel_id', 'text', (c) => c.notNull().references('personnel.id'))
    .addColumn('leaving_on', 'text', (c) => c.notNull())
    .addColumn('declassification_until', 'text')
    .addColumn('high_risk', 'integer', (c) => c.notNull())
    .addColumn('non_compete_agreement_id', 'text', (c) => c.references('agreements.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('offboardings_enterprise_idx')
    .on('offboardings')
    .columns(['enterprise_id', 'status'])
    .execute();

  await db.schema
    .createTable('offboarding_steps')
    .addColumn('offboarding_id', 'text', (c) => c.notNull().references('offboardings.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('reminded_at', 'text')
    .addPrimaryKeyConstraint('offboarding_steps_pk', ['offboarding_id', 'step'])
    .execute();

  await db.schema
    .createTable('non_compete_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('offboarding_id', 'text', (c) => c.notNull().references('offboardings.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('month_index', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_on', 'text')
    .execute();
  await db.schema
    .createIndex('non_compete_payments_offboarding_idx')
    .on('non_compete_payments')
    .columns(['offboarding_id', 'month_index'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'non_compete_payments',
    'offboarding_steps',
    'offboardings',
    'agreements',
    'secret_acknowledgements',
    'secret_access_log',
    'secret_events',
    'secret_measures',
    'secret_carriers',
    'secret_point_personnel',
    'secret_points',
    'personnel_trainings',
    'personnel',
    'secret_levels',
    'secret_data_keys',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
