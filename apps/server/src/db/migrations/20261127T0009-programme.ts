import type { Kysely } from 'kysely';

// The programme: plan as data, allocation, responsibility list, task force meetings, inspections and
// evaluation. Portable (text ids made in application code, ISO dates as text, lists as child tables).
// Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('guiding_principles', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('office_organization_name', 'text', (c) => c.notNull())
    .addColumn('office_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('office_director', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('programmes_document_uq', ['document_number', 'region_id'])
    .execute();

  await db.schema
    .createTable('programme_targets')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_targets_pk', ['programme_id', 'kind'])
    .execute();

  await db.schema
    .createTable('programme_milestones')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_milestones_pk', ['programme_id', 'due_on'])
    .execute();

  await db.schema
    .createTable('programme_milestone_targets')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_milestone_targets_pk', ['programme_id', 'due_on', 'kind'])
    .execute();

  await db.schema
    .createTable('programme_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addUniqueConstraint('programme_tasks_position_uq', ['programme_id', 'position'])
    .execute();

  await db.schema
    .createTable('programme_task_units')
    .addColumn('task_id', 'text', (c) => c.notNull().references('programme_tasks.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_task_units_pk', ['task_id', 'position'])
    .execute();

  await db.schema
    .createTable('programme_phases')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('deliverables', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_phases_pk', ['programme_id', 'position'])
    .execute();

  await db.schema
    .createTable('programme_safeguards')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_safeguards_pk', ['programme_id', 'position'])
    .execute();

  await db.schema
    .createTable('task_force_members')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addPrimaryKeyConstraint('task_force_members_pk', ['programme_id', 'position'])
    .execute();

  await db.schema
    .createTable('programme_allocations')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_allocations_pk', ['programme_id', 'region_id', 'kind'])
    .execute();

  await db.schema
    .createTable('task_force_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_force_meetings_programme_idx')
    .on('task_force_meetings')
    .columns(['programme_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('meeting_decisions')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('task_force_meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_decisions_pk', ['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('work_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('task_id', 'text', (c) => c.references('programme_tasks.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('owner_region_path', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('meeting_id', 'text', (c) => c.references('task_force_meetings.id'))
    .addColumn('decision_position', 'integer')
    .addColumn('overdue_notified_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_items_programme_idx')
    .on('work_items')
    .columns(['programme_id', 'deadline'])
    .execute();
  await db.schema
    .createIndex('work_items_owner_idx')
    .on('work_items')
    .columns(['owner_organization_id', 'deadline'])
    .execute();
  await db.schema.createIndex('work_items_due_idx').on('work_items').columns(['status', 'deadline']).execute();

  await db.schema
    .createTable('work_item_partners')
    .addColumn('work_item_id', 'text', (c) => c.notNull().references('work_items.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addPrimaryKeyConstraint('work_item_partners_pk', ['work_item_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('work_item_partners_org_idx')
    .on('work_item_partners')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('work_item_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_item_id', 'text', (c) => c.notNull().references('work_items.id'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status_after', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_item_reports_item_idx')
    .on('work_item_reports')
    .columns(['work_item_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('work_item_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('work_item_reports.id'))
    .addColumn('work_item_id', 'text', (c) => c.notNull().references('work_items.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_item_attachments_report_idx')
    .on('work_item_attachments')
    .column('report_id')
    .execute();

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('work_item_id', 'text', (c) => c.references('work_items.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('inspectors', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspections_programme_idx')
    .on('inspections')
    .columns(['programme_id', 'inspected_on'])
    .execute();

  await db.schema
    .createTable('evaluation_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('parent_id', 'text', (c) => c.references('evaluation_indicators.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('source', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addUniqueConstraint('evaluation_indicators_code_uq', ['programme_id', 'code'])
    .execute();

  await db.schema
    .createTable('evaluation_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evaluation_rounds_programme_idx')
    .on('evaluation_rounds')
    .columns(['programme_id', 'period_end'])
    .execute();

  await db.schema
    .createTable('evaluation_scores')
    .addColumn('round_id', 'text', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('evaluation_indicators.id'))
    .addColumn('score_centi', 'integer', (c) => c.notNull())
    .addColumn('automatic', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('scored_by', 'text')
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_scores_pk', ['round_id', 'region_id', 'indicator_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'evaluation_scores',
    'evaluation_rounds',
    'evaluation_indicators',
    'inspections',
    'work_item_attachments',
    'work_item_reports',
    'work_item_partners',
    'work_items',
    'meeting_decisions',
    'task_force_meetings',
    'programme_allocations',
    'task_force_members',
    'programme_safeguards',
    'programme_phases',
    'programme_task_units',
    'programme_tasks',
    'programme_milestone_targets',
    'programme_milestones',
    'programme_targets',
    'programmes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
