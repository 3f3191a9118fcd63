import type { Kysely } from 'kysely';

// Conformance analytics (heat map, common gaps) as counters kept by the assessments service in the same
// transaction as a submission or a return, instead of an aggregate over assessment_answers per change.
// campaign_key is '' for "every assessment of the standard version" and a campaign id for that
// campaign's: a key column is never NULL, which both dialects treat alike in a primary key and in
// ON CONFLICT. The rows are derived data (rebuildable from assessments and their answers), so they
// carry no foreign keys. Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conformance_tallies')
    .addColumn('standard_version_id', 'text', (c) => c.notNull())
    .addColumn('campaign_key', 'text', (c) => c.notNull())
    .addColumn('requirement_code', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('conform', 'integer', (c) => c.notNull())
    .addColumn('partial', 'integer', (c) => c.notNull())
    .addColumn('nonconform', 'integer', (c) => c.notNull())
    .addColumn('na', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('conformance_tallies_pk', [
      'standard_version_id',
      'campaign_key',
      'requirement_code',
      'industry_code',
      'region_id',
    ])
    .execute();

  // Analysed assessments per column (industry, region) and the guide version they were opened with
  // (guide_version_key '' for none): the column headers' counts and the guides' requirement texts.
  await db.schema
    .createTable('conformance_assessment_counts')
    .addColumn('standard_version_id', 'text', (c) => c.notNull())
    .addColumn('campaign_key', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('guide_version_key', 'text', (c) => c.notNull())
    .addColumn('assessments', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('conformance_assessment_counts_pk', [
      'standard_version_id',
      'campaign_key',
      'industry_code',
      'region_id',
      'guide_version_key',
    ])
    .execute();

  // Bumped in the same transaction as every change to a standard version's tallies: a reader keeps the
  // finished heat map in memory and checks this one row per request to know whether it still holds.
  await db.schema
    .createTable('conformance_tally_revisions')
    .addColumn('standard_version_id', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conformance_tally_revisions').execute();
  await db.schema.dropTable('conformance_assessment_counts').execute();
  await db.schema.dropTable('conformance_tallies').execute();
}
