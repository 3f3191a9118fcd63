import type { Kysely } from 'kysely';

// Standards and conformance (贯标): frameworks and versions, campaigns, self-assessments with their
// answers, evidence, review rounds, certificates; and the in-app notification inbox. Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull()) // standard | guide
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text') // guides: the industry they apply to
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('framework_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | published | retired
    .addColumn('base_version_id', 'text', (c) => c.references('framework_versions.id')) // guide → standard version
    .addColumn('template', 'integer', (c) => c.notNull().defaultTo(0)) // 1: an editable draft written by us
    .addColumn('content', 'text', (c) => c.notNull()) // JSON: FrameworkContent
    .addColumn('requirement_count', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('framework_versions_version_uq', ['framework_id', 'version'])
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('standard_version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('owner_region_id', 'text', (c) => c.notNull().references('regions.id')) // city or county that launched it
    .addColumn('criteria', 'text', (c) => c.notNull()) // JSON: { regionIds, industries, honours }
    .addColumn('deadline', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('standard_version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('guide_version_id', 'text', (c) => c.references('framework_versions.id'))
    .addColumn('industry_code', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id')) // the enterprise's county-level region
    .addColumn('status', 'text', (c) => c.notNull()) // not_started | in_progress | submitted | returned | accepted
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('score_bp', 'integer') // score in basis points (0–10000), computed at save
    .addColumn('mandatory_unmet', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_date', 'text')
    .addColumn('renews_certificate_id', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessments_enterprise_idx')
    .on('assessments')
    .columns(['enterprise_id', 'status'])
    .execute();
  await db.schema
    .createIndex('assessments_campaign_idx')
    .on('assessments')
    .columns(['campaign_id', 'status'])
    .execute();
  await db.schema.createIndex('assessments_region_idx').on('assessments').columns(['region_id', 'status']).execute();

  await db.schema
    .createTable('assessment_answers')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('requirement_code', 'text', (c) => c.notNull())
    .addColumn('answer', 'text') // conform | partial | nonconform | na
    .addColumn('na_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_answers_pk', ['assessment_id', 'requirement_code'])
    .execute();

  await db.schema
    .createTable('assessment_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('requirement_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // file | link
    .addColumn('file_name', 'text')
    .addColumn('mime_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('storage_key', 'text')
    .addColumn('sha256', 'text')
    .addColumn('link_type', 'text')
    .addColumn('link_id', 'text')
    .addColumn('link_label', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_evidence_assessment_idx')
    .on('assessment_evidence')
    .columns(['assessment_id', 'requirement_code'])
    .execute();

  await db.schema
    .createTable('assessment_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull()) // JSON snapshot of the answers as submitted
    .addColumn('score_bp', 'integer', (c) => c.notNull())
    .addColumn('mandatory_unmet', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text') // returned | accepted (null while under review)
    .addColumn('reviewer_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .addUniqueConstraint('assessment_rounds_uq', ['assessment_id', 'round'])
    .execute();

  await db.schema
    .createTable('assessment_review_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('requirement_code', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull()) // accept | return
    .addColumn('comment', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_review_items_uq', ['assessment_id', 'round', 'requirement_code'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('standard_version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('guide_version_id', 'text', (c) => c.references('framework_versions.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('industry_code', 'text', (c) => c.notNull())
    .addColumn('score_bp', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('valid_until', 'text', (c) => c.notNull()) // YYYY-MM-DD, inclusive
    .addColumn('status', 'text', (c) => c.notNull()) // valid | revoked
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certificates_enterprise_idx')
    .on('certificates')
    .columns(['enterprise_id', 'valid_until'])
    .execute();
  await db.schema
    .createIndex('certificates_validity_idx')
    .on('certificates')
    .columns(['status', 'valid_from', 'valid_until'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('recipient_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique()) // makes scheduled reminders idempotent
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['recipient_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_org_idx')
    .on('notifications')
    .columns(['recipient_organization_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notifications',
    'certificates',
    'assessment_review_items',
    'assessment_rounds',
    'assessment_evidence',
    'assessment_answers',
    'assessments',
    'campaigns',
    'framework_versions',
    'frameworks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
