import type { Kysely } from 'kysely';

// The designation workflow: applications (materials per criterion, events), expert assignment and blind
// scores, declared expert ties, public-notice objections, designations and annual reviews.
// Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('designation_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('county_region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('applicant_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('criteria_version_id', 'text', (c) => c.notNull().references('criteria_versions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('county_review_note', 'text')
    .addColumn('county_reviewed_by', 'text')
    .addColumn('county_reviewed_at', 'text')
    .addColumn('final_score_tenths', 'integer')
    .addColumn('decision', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_basis', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('notice_start', 'text')
    .addColumn('notice_end', 'text')
    .addColumn('designation_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('designation_applications_county_idx')
    .on('designation_applications')
    .columns(['county_region_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('designation_applications_subject_idx')
    .on('designation_applications')
    .columns(['subject_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('designation_applications_status_idx')
    .on('designation_applications')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('designation_materials')
    .addColumn('application_id', 'text', (c) => c.notNull().references('designation_applications.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('facts_json', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('file_name', 'text')
    .addColumn('mime_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('designation_materials_pk', ['application_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('designation_events')
    .addColumn('application_id', 'text', (c) => c.notNull().references('designation_applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('designation_events_pk', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('designation_experts')
    .addColumn('application_id', 'text', (c) => c.notNull().references('designation_applications.id'))
    .addColumn('expert_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addPrimaryKeyConstraint('designation_experts_pk', ['application_id', 'expert_user_id'])
    .execute();
  await db.schema
    .createIndex('designation_experts_expert_idx')
    .on('designation_experts')
    .columns(['expert_user_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('designation_scores')
    .addColumn('application_id', 'text', (c) => c.notNull().references('designation_applications.id'))
    .addColumn('expert_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('score_tenths', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('designation_scores_pk', ['application_id', 'expert_user_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('expert_ties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expert_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('expert_ties_expert_idx')
    .on('expert_ties')
    .columns(['expert_user_id', 'organization_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('designation_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('designation_applications.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('lodged_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('designation_objections_application_idx')
    .on('designation_objections')
    .columns(['application_id', 'status'])
    .execute();

  await db.schema
    .createTable('designations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('county_region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('application_id', 'text', (c) => c.references('designation_applications.id'))
    .addColumn('designated_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rectify_by', 'text')
    .addColumn('revoked_on', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('designations_count_idx')
    .on('designations')
    .columns(['kind', 'designated_on', 'revoked_on', 'county_region_id'])
    .execute();
  await db.schema.createIndex('designations_subject_idx').on('designations').columns(['subject_id', 'kind']).execute();

  await db.schema
    .createTable('designation_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('designation_id', 'text', (c) => c.notNull().references('designations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('rectify_by', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('designation_reviews_designation_year_idx')
    .on('designation_reviews')
    .columns(['designation_id', 'year'])
    .unique()
    .execute();
  await db.schema
    .createIndex('designation_reviews_status_idx')
    .on('designation_reviews')
    .columns(['status', 'due_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'designation_reviews',
    'designations',
    'designation_objections',
    'expert_ties',
    'designation_scores',
    'designation_experts',
    'designation_events',
    'designation_materials',
    'designation_applications',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
