import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { likeEscape } from '../../lib/sql';

/** The only place that touches Kysely for the programme. */

export type ProgrammeRow = DB['programmes'];

const PROGRAMME_COLUMNS = [
  'p.id',
  'p.title',
  'p.document_number',
  'p.issuing_body',
  'p.issued_on',
  'p.period_start',
  'p.period_end',
  'p.region_id',
  'p.guiding_principles',
  'p.goals',
  'p.office_organization_name',
  'p.office_organization_id',
  'p.office_director',
  'p.created_at',
  'p.updated_at',
] as const;

export async function listProgrammes(db: Kysely<DB>) {
  return db
    .selectFrom('programmes as p')
    .innerJoin('regions as r', 'r.id', 'p.region_id')
    .select([...PROGRAMME_COLUMNS, 'r.name as region_name', 'r.code as region_code', 'r.path as region_path'])
    .orderBy('p.issued_on', 'desc')
    .orderBy('p.id')
    .execute();
}

export type ProgrammeWithRegion = Awaited<ReturnType<typeof listProgrammes>>[number];

export async function findProgramme(db: Kysely<DB>, id: string): Promise<ProgrammeWithRegion | undefined> {
  return db
    .selectFrom('programmes as p')
    .innerJoin('regions as r', 'r.id', 'p.region_id')
    .select([...PROGRAMME_COLUMNS, 'r.name as region_name', 'r.code as region_code', 'r.path as region_path'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function findProgrammeByDocument(db: Kysely<DB>, documentNumber: string, regionId: string) {
  return db
    .selectFrom('programmes')
    .select('id')
    .where('document_number', '=', documentNumber)
    .where('region_id', '=', regionId)
    .executeTakeFirst();
}

export async function programmeParts(db: Kysely<DB>, id: string) {
  const [targets, milestones, milestoneTargets, tasks, units, phases, safeguards, members] = await Promise.all([
    db.selectFrom('programme_targets').select(['kind', 'target']).where('programme_id', '=', id).execute(),
    db
      .selectFrom('programme_milestones')
      .select(['due_on', 'title'])
      .where('programme_id', '=', id)
      .orderBy('due_on')
      .execute(),
    db
      .selectFrom('programme_milestone_targets')
      .select(['due_on', 'kind', 'target'])
      .where('programme_id', '=', id)
      .execute(),
    db
      .selectFrom('programme_tasks')
      .select(['id', 'position', 'title', 'content'])
      .where('programme_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('programme_task_units as u')
      .innerJoin('programme_tasks as t', 't.id', 'u.task_id')
      .select(['u.task_id', 'u.position', 'u.unit_name', 'u.organization_id', 'u.role'])
      .where('t.programme_id', '=', id)
      .orderBy('u.task_id')
      .orderBy('u.position')
      .execute(),
    db
      .selectFrom('programme_phases')
      .select(['position', 'title', 'start_on', 'end_on', 'content', 'deliverables'])
      .where('programme_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('programme_safeguards')
      .select(['position', 'title', 'content'])
      .where('programme_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('task_force_members')
      .select(['position', 'role', 'name', 'post', 'organization_name', 'organization_id'])
      .where('programme_id', '=', id)
      .orderBy('position')
      .execute(),
  ]);
  return { targets, milestones, milestoneTargets, tasks, units, phases, safeguards, members };
}

export async function targetsOf(db: Kysely<DB>, programmeId: string) {
  return db
    .selectFrom('programme_targets')
    .select(['kind', 'target'])
    .where('programme_id', '=', programmeId)
    .execute();
}

export async function milestonesOf(db: Kysely<DB>, programmeId: string) {
  const [milestones, targets] = await Promise.all([
    db
      .selectFrom('programme_milestones')
      .select(['due_on', 'title'])
      .where('programme_id', '=', programmeId)
      .orderBy('due_on')
      .execute(),
    db
      .selectFrom('programme_milestone_targets')
      .select(['due_on', 'kind', 'target'])
      .where('programme_id', '=', programmeId)
      .execute(),
  ]);
  return { milestones, targets };
}

/** The allocation units: the direct children of the programme's region (counties and zones of a city). */
export async function childRegions(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('regions')
    .select(['id', 'code', 'name', 'path', 'kind'])
    .where('parent_id', '=', regionId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function regionPaths(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('regions').select(['id', 'path']).where('id', 'in', ids).execute();
}

export async function regionsByCode(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) {
    return [];
  }
  return db
    .selectFrom('regions')
    .select(['id', 'code', 'name', 'path', 'parent_id'])
    .where('code', 'in', codes)
    .execute();
}

export async function findRegion(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('regions')
    .select(['id', 'code', 'name', 'path', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function organizationsByName(db: Kysely<DB>, names: string[]) {
  if (names.length === 0) {
    return [];
  }
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('name', 'in', names)
    .where('kind', '=', 'department')
    .execute();
}

export async function findOrganizations(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .selectFrom('organizations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.contact_phone', 'o.contact_email', 'r.path as region_path'])
    .where('o.id', 'in', ids)
    .execute();
}

export async function allocationsOf(db: Kysely<DB>, programmeId: string) {
  return db
    .selectFrom('programme_allocations')
    .select(['region_id', 'kind', 'target'])
    .where('programme_id', '=', programmeId)
    .execute();
}

export async function replaceAllocations(
  db: Kysely<DB>,
  programmeId: string,
  rows: { region_id: string; kind: string; target: number }[],
) {
  await db.deleteFrom('programme_allocations').where('programme_id', '=', programmeId).execute();
  if (rows.length > 0) {
    await db
      .insertInto('programme_allocations')
      .values(rows.map((r) => ({ ...r, programme_id: programmeId })))
      .execute();
  }
}

export async function touchProgramme(db: Kysely<DB>, id: string, at: string) {
  await db.updateTable('programmes').set({ updated_at: at }).where('id', '=', id).execute();
}

// ---------- work items ----------

export interface WorkItemFilter {
  programmeId: string;
  /** Only items owned by, or co-operated on by, this organisation. */
  organizationId?: string;
  /** Only items whose owner sits in this region subtree (or that this organisation co-operates on). */
  regionPath?: string;
  partnerOrganizationId?: string;
  status?: 'not_started' | 'in_progress' | 'done' | 'overdue';
  today: string;
  taskId?: string;
  ownerOrganizationId?: string;
  q?: string;
}

function workItemQuery(db: Kysely<DB>, filter: WorkItemFilter) {
  let query = db
    .selectFrom('work_items as w')
    .innerJoin('organizations as o', 'o.id', 'w.owner_organization_id')
    .leftJoin('programme_tasks as t', 't.id', 'w.task_id')
    .where('w.programme_id', '=', filter.programmeId);
  if (filter.organizationId) {
    const org = filter.organizationId;
    query = query.where((eb) =>
      eb.or([
        eb('w.owner_organization_id', '=', org),
        eb.exists(
          eb
            .selectFrom('work_item_partners as wp')
            .select('wp.work_item_id')
            .whereRef('wp.work_item_id', '=', 'w.id')
            .where('wp.organization_id', '=', org),
        ),
      ]),
    );
  }
  if (filter.regionPath) {
    const path = filter.regionPath;
    const partner = filter.partnerOrganizationId;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`w.owner_region_path like ${likeEscape(path) + '%'} escape '\\'`,
        ...(partner
          ? [
              eb.exists(
                eb
                  .selectFrom('work_item_partners as wp')
                  .select('wp.work_item_id')
                  .whereRef('wp.work_item_id', '=', 'w.id')
                  .where('wp.organization_id', '=', partner),
              ),
            ]
          : []),
      ]),
    );
  }
  switch (filter.status) {
    case undefined:
      break;
    case 'done':
      query = query.where('w.status', '=', 'done');
      break;
    case 'overdue':
      query = query.where('w.status', '!=', 'done').where('w.deadline', '<', filter.today);
      break;
    case 'not_started':
    case 'in_progress':
      // An item past its deadline shows as overdue, not under its stored status.
      query = query.where('w.status', '=', filter.status).where('w.deadline', '>=', filter.today);
      break;
  }
  if (filter.taskId) {
    query = query.where('w.task_id', '=', filter.taskId);
  }
  if (filter.ownerOrganizationId) {
    query = query.where('w.owner_organization_id', '=', filter.ownerOrganizationId);
  }
  if (filter.q) {
    query = query.where(sql<boolean>`w.title like ${'%' + likeEscape(filter.q) + '%'} escape '\\'`);
  }
  return query;
}

const WORK_ITEM_COLUMNS = [
  'w.id',
  'w.programme_id',
  'w.task_id',
  'w.title',
  'w.description',
  'w.owner_organization_id',
  'w.owner_region_path',
  'w.deadline',
  'w.status',
  'w.completed_on',
  'w.meeting_id',
  'w.decision_position',
  'w.overdue_notified_on',
  'w.created_at',
  'w.updated_at',
  'o.name as owner_name',
  't.title as task_title',
  't.position as task_position',
] as const;

export async function searchWorkItems(db: Kysely<DB>, filter: WorkItemFilter, limit: number, offset: number) {
  return workItemQuery(db, filter)
    .select([...WORK_ITEM_COLUMNS])
    .orderBy('w.deadline')
    .orderBy('w.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type WorkItemRow = Awaited<ReturnType<typeof searchWorkItems>>[number];

export async function countWorkItems(db: Kysely<DB>, filter: WorkItemFilter): Promise<number> {
  const row = await workItemQuery(db, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findWorkItem(db: Kysely<DB>, id: string): Promise<WorkItemRow | undefined> {
  return db
    .selectFrom('work_items as w')
    .innerJoin('organizations as o', 'o.id', 'w.owner_organization_id')
    .leftJoin('programme_tasks as t', 't.id', 'w.task_id')
    .select([...WORK_ITEM_COLUMNS])
    .where('w.id', '=', id)
    .executeTakeFirst();
}

export async function partnersOf(db: Kysely<DB>, ids: string[]) {
  const map = new Map<string, { id: string; name: string }[]>();
  if (ids.length === 0) {
    return map;
  }
  const rows = await db
    .selectFrom('work_item_partners as wp')
    .innerJoin('organizations as o', 'o.id', 'wp.organization_id')
    .select(['wp.work_item_id', 'o.id', 'o.name'])
    .where('wp.work_item_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  for (const row of rows) {
    const list = map.get(row.work_item_id) ?? [];
    list.push({ id: row.id, name: row.name });
    map.set(row.work_item_id, list);
  }
  return map;
}

export async function insertWorkItem(db: Kysely<DB>, row: DB['work_items'], partners: string[]) {
  await db.insertInto('work_items').values(row).execute();
  if (partners.length > 0) {
    await db
      .insertInto('work_item_partners')
      .values(partners.map((organization_id) => ({ work_item_id: row.id, organization_id })))
      .execute();
  }
}

export async function updateWorkItem(db: Kysely<DB>, id: string, patch: Partial<DB['work_items']>) {
  await db.updateTable('work_items').set(patch).where('id', '=', id).execute();
}

export async function replacePartners(db: Kysely<DB>, id: string, partners: string[]) {
  await db.deleteFrom('work_item_partners').where('work_item_id', '=', id).execute();
  if (partners.length > 0) {
    await db
      .insertInto('work_item_partners')
      .values(partners.map((organization_id) => ({ work_item_id: id, organization_id })))
      .execute();
  }
}

export async function reportsOf(db: Kysely<DB>, workItemId: string) {
  const [reports, attachments] = await Promise.all([
    db
      .selectFrom('work_item_reports as r')
      .innerJoin('organizations as o', 'o.id', 'r.organization_id')
      .select([
        'r.id',
        'r.author_name',
        'r.organization_id',
        'o.name as organization_name',
        'r.body',
        'r.status_after',
        'r.created_at',
      ])
      .where('r.work_item_id', '=', workItemId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('work_item_attachments')
      .select(['id', 'report_id', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'created_at'])
      .where('work_item_id', '=', workItemId)
      .orderBy('created_at')
      .execute(),
  ]);
  return { reports, attachments };
}

export async function insertReport(db: Kysely<DB>, row: DB['work_item_reports']) {
  await db.insertInto('work_item_reports').values(row).execute();
}

export async function findReport(db: Kysely<DB>, workItemId: string, reportId: string) {
  return db
    .selectFrom('work_item_reports')
    .select(['id', 'work_item_id', 'organization_id'])
    .where('id', '=', reportId)
    .where('work_item_id', '=', workItemId)
    .executeTakeFirst();
}

export async function insertAttachment(db: Kysely<DB>, row: DB['work_item_attachments']) {
  await db.insertInto('work_item_attachments').values(row).execute();
}

export async function findAttachment(db: Kysely<DB>, workItemId: string, id: string) {
  return db
    .selectFrom('work_item_attachments')
    .select(['id', 'file_name', 'mime_type', 'storage_key'])
    .where('id', '=', id)
    .where('work_item_id', '=', workItemId)
    .executeTakeFirst();
}

/** Items past their deadline, not done, not yet notified for this deadline. */
export async function overdueUnnotified(db: Kysely<DB>, today: string) {
  return db
    .selectFrom('work_items as w')
    .innerJoin('programmes as p', 'p.id', 'w.programme_id')
    .innerJoin('organizations as o', 'o.id', 'w.owner_organization_id')
    .select([
      'w.id',
      'w.title',
      'w.deadline',
      'w.owner_organization_id',
      'o.name as owner_name',
      'o.contact_phone',
      'o.contact_email',
      'p.office_organization_id',
    ])
    .where('w.status', '!=', 'done')
    .where('w.deadline', '<', today)
    .where((eb) =>
      eb.or([eb('w.overdue_notified_on', 'is', null), eb('w.overdue_notified_on', '<', eb.ref('w.deadline'))]),
    )
    .orderBy('w.deadline')
    .execute();
}

/** Work items due by `until`, per owner region path: how many, and how many done by their deadline. */
export async function workItemsDue(db: Kysely<DB>, programmeId: string, until: string) {
  return db
    .selectFrom('work_items')
    .select(['owner_region_path', 'deadline', 'status', 'completed_on'])
    .where('programme_id', '=', programmeId)
    .where('deadline', '<=', until)
    .execute();
}

export async function workItemStatusCounts(db: Kysely<DB>, programmeId: string, today: string) {
  return db
    .selectFrom('work_items')
    .select([
      'status',
      sql<number>`case when status <> 'done' and deadline < ${today} then 1 else 0 end`.as('overdue'),
      (eb) => eb.fn.countAll<string | number>().as('n'),
    ])
    .where('programme_id', '=', programmeId)
    .groupBy(['status', sql`case when status <> 'done' and deadline < ${today} then 1 else 0 end`])
    .execute();
}

// ---------- meetings and inspections ----------

export async function listMeetings(db: Kysely<DB>, programmeId: string, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('task_force_meetings')
      .selectAll()
      .where('programme_id', '=', programmeId)
      .orderBy('held_on', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('task_force_meetings')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('programme_id', '=', programmeId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findMeeting(db: Kysely<DB>, id: string) {
  return db.selectFrom('task_force_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function decisionsOf(db: Kysely<DB>, meetingIds: string[]) {
  if (meetingIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('meeting_decisions as d')
    .select([
      'd.meeting_id',
      'd.position',
      'd.text',
      (eb) =>
        eb
          .selectFrom('work_items as w')
          .select((e) => e.fn.countAll<string | number>().as('n'))
          .whereRef('w.meeting_id', '=', 'd.meeting_id')
          .whereRef('w.decision_position', '=', 'd.position')
          .as('work_items'),
    ])
    .where('d.meeting_id', 'in', meetingIds)
    .orderBy('d.meeting_id')
    .orderBy('d.position')
    .execute();
}

export async function insertMeeting(db: Kysely<DB>, row: DB['task_force_meetings'], decisions: string[]) {
  await db.insertInto('task_force_meetings').values(row).execute();
  if (decisions.length > 0) {
    await db
      .insertInto('meeting_decisions')
      .values(decisions.map((text, position) => ({ meeting_id: row.id, position, text })))
      .execute();
  }
}

export async function listInspections(
  db: Kysely<DB>,
  filter: { programmeId: string; regionPath?: string; workItemId?: string },
  limit: number,
  offset: number,
) {
  let query = db
    .selectFrom('inspections as i')
    .leftJoin('regions as r', 'r.id', 'i.region_id')
    .leftJoin('work_items as w', 'w.id', 'i.work_item_id')
    .where('i.programme_id', '=', filter.programmeId);
  if (filter.regionPath) {
    query = query.where(sql<boolean>`i.region_path like ${likeEscape(filter.regionPath) + '%'} escape '\\'`);
  }
  if (filter.workItemId) {
    query = query.where('i.work_item_id', '=', filter.workItemId);
  }
  const [rows, total] = await Promise.all([
    query
      .select([
        'i.id',
        'i.target',
        'i.region_id',
        'r.name as region_name',
        'i.work_item_id',
        'w.title as work_item_title',
        'i.inspected_on',
        'i.inspectors',
        'i.findings',
        'i.requirements',
        'i.created_at',
      ])
      .orderBy('i.inspected_on', 'desc')
      .orderBy('i.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function insertInspection(db: Kysely<DB>, row: DB['inspections']) {
  await db.insertInto('inspections').values(row).execute();
}

// ---------- evaluation ----------

export async function indicatorsOf(db: Kysely<DB>, programmeId: string) {
  return db
    .selectFrom('evaluation_indicators')
    .select(['id', 'parent_id', 'position', 'code', 'name', 'weight', 'method', 'source', 'description'])
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .execute();
}

export async function replaceIndicators(db: Kysely<DB>, programmeId: string, rows: DB['evaluation_indicators'][]) {
  // Children first (they reference their group).
  await db
    .deleteFrom('evaluation_indicators')
    .where('programme_id', '=', programmeId)
    .where('parent_id', 'is not', null)
    .execute();
  await db.deleteFrom('evaluation_indicators').where('programme_id', '=', programmeId).execute();
  for (const row of rows.filter((r) => r.parent_id === null)) {
    await db.insertInto('evaluation_indicators').values(row).execute();
  }
  const children = rows.filter((r) => r.parent_id !== null);
  if (children.length > 0) {
    await db.insertInto('evaluation_indicators').values(children).execute();
  }
}

export async function countRounds(db: Kysely<DB>, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('evaluation_rounds')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listRounds(db: Kysely<DB>, programmeId: string) {
  return db
    .selectFrom('evaluation_rounds')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('period_end', 'desc')
    .orderBy('id')
    .execute();
}

export async function findRound(db: Kysely<DB>, id: string) {
  return db.selectFrom('evaluation_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRound(db: Kysely<DB>, row: DB['evaluation_rounds']) {
  await db.insertInto('evaluation_rounds').values(row).execute();
}

export async function updateRound(db: Kysely<DB>, id: string, patch: Partial<DB['evaluation_rounds']>) {
  await db.updateTable('evaluation_rounds').set(patch).where('id', '=', id).execute();
}

export async function scoresOf(db: Kysely<DB>, roundId: string) {
  return db
    .selectFrom('evaluation_scores')
    .select(['region_id', 'indicator_id', 'score_centi', 'automatic', 'basis', 'scored_by', 'scored_at'])
    .where('round_id', '=', roundId)
    .execute();
}

export async function upsertScore(db: Kysely<DB>, row: DB['evaluation_scores']) {
  await db
    .deleteFrom('evaluation_scores')
    .where('round_id', '=', row.round_id)
    .where('region_id', '=', row.region_id)
    .where('indicator_id', '=', row.indicator_id)
    .execute();
  await db.insertInto('evaluation_scores').values(row).execute();
}

/**
 * A fingerprint of the certificates table that changes whenever a conforming count can: a certificate
 * is issued (the row count) or revoked (the revoked count). Certificates are never edited otherwise nor
 * deleted. Both counts are answered from the certificates' own indexes (microseconds on SQLite), so a
 * cached count is checked on every request. Read-only use of the certificates module's table.
 */
export async function certificateFingerprint(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('certificates')
    .select([
      (eb) => eb.fn.countAll<string | number>().as('n'),
      (eb) =>
        eb
          .selectFrom('certificates as r')
          .select((e) => e.fn.countAll<string | number>().as('r'))
          .where('r.status', '=', 'revoked')
          .as('revoked'),
    ])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}:${Number(row.revoked ?? 0)}`;
}

/**
 * A fingerprint of the designations table for the counting spans: a designation is made (row count) or
 * revoked (revoked count); designation and revocation dates are not edited afterwards, nothing is deleted.
 * Read-only use of the designations module's table, answered from its counting index.
 */
export async function designationFingerprint(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('designations')
    .select([
      (eb) => eb.fn.countAll<string | number>().as('n'),
      (eb) => eb.fn.count<string | number>('revoked_on').as('revoked'),
    ])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}:${Number(row.revoked)}`;
}
