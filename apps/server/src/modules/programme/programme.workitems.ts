import type { InspectionTarget, WorkItemDisplayStatus, WorkItemStatus } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { checkEvidenceFile, readUpload, removeUpload, storeUpload } from '../../lib/files';
import { AppError, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { cstToday, isIsoDate } from './programme.dates';
import { canReportOnWorkItem, canViewWorkItem, ownUnitPath, workItemScope } from './programme.policy';
import * as repo from './programme.repo';
import { visibleProgramme } from './programme.service';

/** The status a user sees: overdue when the deadline has passed and the item is not done. */
export function displayStatus(status: string, deadline: string, today: string): WorkItemDisplayStatus {
  if (status !== 'done' && deadline < today) {
    return 'overdue';
  }
  return status as WorkItemStatus;
}

function present(row: repo.WorkItemRow, partners: { id: string; name: string }[], today: string) {
  return {
    id: row.id,
    programmeId: row.programme_id,
    taskId: row.task_id,
    taskTitle: row.task_title ?? null,
    taskPosition: row.task_position === null || row.task_position === undefined ? null : Number(row.task_position),
    title: row.title,
    description: row.description,
    ownerOrganizationId: row.owner_organization_id,
    ownerName: row.owner_name,
    partners,
    deadline: row.deadline,
    status: row.status as WorkItemStatus,
    displayStatus: displayStatus(row.status, row.deadline, today),
    overdue: row.status !== 'done' && row.deadline < today,
    completedOn: row.completed_on,
    meetingId: row.meeting_id,
    decisionPosition: row.decision_position === null ? null : Number(row.decision_position),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type WorkItem = ReturnType<typeof present>;

export interface WorkItemQuery {
  status?: WorkItemDisplayStatus;
  taskId?: string;
  ownerOrganizationId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

function scopedFilter(
  ctx: RequestContext,
  programmeId: string,
  query: WorkItemQuery,
  today: string,
): repo.WorkItemFilter {
  const scope = workItemScope(ctx.actor);
  return {
    programmeId,
    today,
    ...(scope.kind === 'organization' ? { organizationId: scope.organizationId } : {}),
    ...(scope.kind === 'region' ? { regionPath: scope.path, partnerOrganizationId: scope.organizationId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.taskId ? { taskId: query.taskId } : {}),
    ...(query.ownerOrganizationId ? { ownerOrganizationId: query.ownerOrganizationId } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
  };
}

/** The responsibility list within the actor's reach (office: all; county: own region; department: own unit). */
export async function listWorkItems(db: Kysely<DB>, ctx: RequestContext, programmeId: string, query: WorkItemQuery) {
  await visibleProgramme(db, ctx, programmeId);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const today = cstToday();
  const filter = scopedFilter(ctx, programmeId, query, today);
  const [rows, total] = await Promise.all([
    repo.searchWorkItems(db, filter, pageSize, (page - 1) * pageSize),
    repo.countWorkItems(db, filter),
  ]);
  const partners = await repo.partnersOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, partners.get(r.id) ?? [], today)), total, page, pageSize };
}

/** Every item of the list (for the Excel export), within reach. */
export async function allWorkItems(db: Kysely<DB>, ctx: RequestContext, programmeId: string, query: WorkItemQuery) {
  await visibleProgramme(db, ctx, programmeId);
  const today = cstToday();
  const filter = scopedFilter(ctx, programmeId, query, today);
  const rows = await repo.searchWorkItems(db, filter, 10_000, 0);
  const partners = await repo.partnersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, partners.get(r.id) ?? [], today));
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findWorkItem(db, id);
  if (!row) {
    throw notFound('工作事项');
  }
  const partners = (await repo.partnersOf(db, [id])).get(id) ?? [];
  const visible = canViewWorkItem(ctx.actor, {
    ownerOrganizationId: row.owner_organization_id,
    ownerRegionPath: row.owner_region_path,
    partnerIds: partners.map((p) => p.id),
  });
  if (!visible) {
    throw notFound('工作事项');
  }
  await visibleProgramme(db, ctx, row.programme_id);
  return { row, partners };
}

/** One work item with its progress reports (newest first) and their attachments. */
export async function getWorkItem(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const { row, partners } = await loadVisible(db, ctx, id);
  const { reports, attachments } = await repo.reportsOf(db, id);
  return {
    ...present(row, partners, cstToday()),
    canReport: canReportOnWorkItem(ctx.actor, { ownerOrganizationId: row.owner_organization_id }),
    reports: reports.map((r) => ({
      id: r.id,
      authorName: r.author_name,
      organizationName: r.organization_name,
      body: r.body,
      statusAfter: r.status_after as WorkItemStatus,
      createdAt: r.created_at,
      attachments: attachments
        .filter((a) => a.report_id === r.id)
        .map((a) => ({
          id: a.id,
          fileName: a.file_name,
          mimeType: a.mime_type,
          sizeBytes: Number(a.size_bytes),
          sha256: a.sha256,
        })),
    })),
  };
}

export type WorkItemDetail = Awaited<ReturnType<typeof getWorkItem>>;

export interface WorkItemInput {
  title: string;
  description?: string;
  taskId?: string | null;
  ownerOrganizationId: string;
  partnerOrganizationIds?: string[];
  deadline: string;
}

async function checkInput(
  db: Kysely<DB>,
  programmeId: string,
  input: Partial<WorkItemInput>,
): Promise<{ problems: FieldError[]; ownerPath: string | null }> {
  const problems: FieldError[] = [];
  let ownerPath: string | null = null;
  if (input.deadline !== undefined && !isIsoDate(input.deadline)) {
    problems.push({ field: 'deadline', message: '完成时限不是有效日期' });
  }
  const ids = [
    ...(input.ownerOrganizationId ? [input.ownerOrganizationId] : []),
    ...(input.partnerOrganizationIds ?? []),
  ];
  const orgs = await repo.findOrganizations(db, [...new Set(ids)]);
  if (input.ownerOrganizationId) {
    const owner = orgs.find((o) => o.id === input.ownerOrganizationId);
    if (!owner || owner.kind !== 'department') {
      problems.push({ field: 'ownerOrganizationId', message: '责任单位须为已登记的政府部门或县（市、区）政府' });
    } else {
      ownerPath = owner.region_path;
    }
  }
  for (const partner of input.partnerOrganizationIds ?? []) {
    if (!orgs.some((o) => o.id === partner && o.kind === 'department')) {
      problems.push({ field: 'partnerOrganizationIds', message: '配合单位须为已登记的政府部门或县（市、区）政府' });
    }
    if (partner === input.ownerOrganizationId) {
      problems.push({ field: 'partnerOrganizationIds', message: '配合单位不能与责任单位相同' });
    }
  }
  if (input.taskId) {
    const parts = await repo.programmeParts(db, programmeId);
    if (!parts.tasks.some((t) => t.id === input.taskId)) {
      problems.push({ field: 'taskId', message: '重点任务不属于该工作方案' });
    }
  }
  return { problems, ownerPath };
}

async function insertItem(
  trx: Kysely<DB>,
  ctx: RequestContext,
  programmeId: string,
  input: WorkItemInput,
  ownerPath: string,
  source: { meetingId: string; position: number } | null,
): Promise<string> {
  const id = newId();
  const at = nowIso();
  await repo.insertWorkItem(
    trx,
    {
      id,
      programme_id: programmeId,
      task_id: input.taskId ?? null,
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
      owner_organization_id: input.ownerOrganizationId,
      owner_region_path: ownerPath,
      deadline: input.deadline,
      status: 'not_started',
      completed_on: null,
      meeting_id: source?.meetingId ?? null,
      decision_position: source?.position ?? null,
      overdue_notified_on: null,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    },
    [...new Set(input.partnerOrganizationIds ?? [])],
  );
  await writeAudit(trx, ctx, {
    action: 'create',
    entityType: 'work_item',
    entityId: id,
    changedFields: Object.keys(input),
  });
  return id;
}

/** The office breaks a key task into a work item with an owning unit, co-operating units and a deadline. */
export async function createWorkItem(db: Kysely<DB>, ctx: RequestContext, programmeId: string, input: WorkItemInput) {
  await visibleProgramme(db, ctx, programmeId);
  const { problems, ownerPath } = await checkInput(db, programmeId, input);
  if (problems.length > 0 || !ownerPath) {
    throw invalid(problems);
  }
  const id = await db.transaction().execute((trx) => insertItem(trx, ctx, programmeId, input, ownerPath, null));
  return getWorkItem(db, ctx, id);
}

/** The office changes an item (title, units, deadline, task). A new deadline re-arms the overdue notice. */
export async function updateWorkItem(db: Kysely<DB>, ctx: RequestContext, id: string, patch: Partial<WorkItemInput>) {
  const { row } = await loadVisible(db, ctx, id);
  const { problems, ownerPath } = await checkInput(db, row.programme_id, {
    ...patch,
    ...(patch.partnerOrganizationIds && !patch.ownerOrganizationId
      ? { ownerOrganizationId: row.owner_organization_id }
      : {}),
  });
  if (problems.length > 0) {
    throw invalid(problems);
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateWorkItem(trx, id, {
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
      ...(patch.taskId !== undefined ? { task_id: patch.taskId } : {}),
      ...(patch.ownerOrganizationId && ownerPath
        ? { owner_organization_id: patch.ownerOrganizationId, owner_region_path: ownerPath }
        : {}),
      ...(patch.deadline !== undefined ? { deadline: patch.deadline, overdue_notified_on: null } : {}),
      updated_at: nowIso(),
    });
    if (patch.partnerOrganizationIds) {
      await repo.replacePartners(trx, id, [...new Set(patch.partnerOrganizationIds)]);
    }
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: 'work_item',
      entityId: id,
      changedFields: Object.keys(patch),
    });
  });
  return getWorkItem(db, ctx, id);
}

/**
 * The owning unit reports progress and sets the status (not started, in progress, done); marking it
 * done records the day, which the evaluation compares with the deadline. The office sees it at once.
 */
export async function reportOnWorkItem(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: { body: string; status: WorkItemStatus },
) {
  const { row } = await loadVisible(db, ctx, id);
  if (!canReportOnWorkItem(ctx.actor, { ownerOrganizationId: row.owner_organization_id })) {
    throw forbidden('只有责任单位可以报送该事项的进展');
  }
  const today = cstToday();
  const reportId = newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertReport(trx, {
      id: reportId,
      work_item_id: id,
      author_user_id: ctx.actor.userId,
      author_name: ctx.actor.displayName,
      organization_id: ctx.actor.organizationId,
      body: input.body.trim(),
      status_after: input.status,
      created_at: at,
    });
    await repo.updateWorkItem(trx, id, {
      status: input.status,
      completed_on: input.status === 'done' ? (row.completed_on ?? today) : null,
      updated_at: at,
    });
    await writeAudit(trx, ctx, {
      action: 'report',
      entityType: 'work_item',
      entityId: id,
      changedFields: ['status', 'report'],
    });
  });
  return { reportId, item: await getWorkItem(db, ctx, id) };
}

/** Adds a file to one of the owning unit's progress reports (checked like evidence: type by content, size). */
export async function addReportAttachment(
  db: Kysely<DB>,
  ctx: RequestContext,
  dataDir: string,
  id: string,
  reportId: string,
  file: { fileName: string; data: Buffer },
) {
  const { row } = await loadVisible(db, ctx, id);
  const report = await repo.findReport(db, id, reportId);
  if (!report) {
    throw notFound('进展报告');
  }
  if (!canReportOnWorkItem(ctx.actor, { ownerOrganizationId: row.owner_organization_id })) {
    throw forbidden('只有责任单位可以上传附件');
  }
  const { mimeType } = checkEvidenceFile(file.fileName, file.data);
  const stored = await storeUpload(dataDir, 'workitems', file.data);
  const attachmentId = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertAttachment(trx, {
        id: attachmentId,
        report_id: reportId,
        work_item_id: id,
        file_name: file.fileName.slice(0, 200),
        mime_type: mimeType,
        size_bytes: stored.sizeBytes,
        storage_key: stored.storageKey,
        sha256: stored.sha256,
        created_by: ctx.actor.userId,
        created_at: nowIso(),
      });
      await writeAudit(trx, ctx, {
        action: 'attach',
        entityType: 'work_item',
        entityId: id,
        changedFields: ['attachments'],
      });
    });
  } catch (error) {
    await removeUpload(dataDir, stored.storageKey);
    throw error;
  }
  return {
    id: attachmentId,
    fileName: file.fileName.slice(0, 200),
    mimeType,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
  };
}

export async function readAttachment(
  db: Kysely<DB>,
  ctx: RequestContext,
  dataDir: string,
  id: string,
  attachmentId: string,
) {
  await loadVisible(db, ctx, id);
  const attachment = await repo.findAttachment(db, id, attachmentId);
  if (!attachment) {
    throw notFound('附件');
  }
  const data = await readUpload(dataDir, attachment.storage_key);
  if (!data) {
    throw new AppError('attachment_missing', 404, '附件文件已不存在');
  }
  return { data, mimeType: attachment.mime_type, fileName: attachment.file_name };
}

// ---------- task force meetings ----------

function presentMeeting(row: DB['task_force_meetings'], decisions: Awaited<ReturnType<typeof repo.decisionsOf>>) {
  return {
    id: row.id,
    programmeId: row.programme_id,
    heldOn: row.held_on,
    title: row.title,
    location: row.location,
    attendees: JSON.parse(row.attendees) as string[],
    agenda: row.agenda,
    minutes: row.minutes,
    decisions: decisions
      .filter((d) => d.meeting_id === row.id)
      .map((d) => ({ position: Number(d.position), text: d.text, workItems: Number(d.work_items ?? 0) })),
    createdAt: row.created_at,
  };
}

export async function listMeetings(
  db: Kysely<DB>,
  ctx: RequestContext,
  programmeId: string,
  query: { page?: number; pageSize?: number },
) {
  await visibleProgramme(db, ctx, programmeId);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await repo.listMeetings(db, programmeId, pageSize, (page - 1) * pageSize);
  const decisions = await repo.decisionsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentMeeting(r, decisions)), total, page, pageSize };
}

export async function getMeeting(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findMeeting(db, id);
  if (!row) {
    throw notFound('会商记录');
  }
  await visibleProgramme(db, ctx, row.programme_id);
  return presentMeeting(row, await repo.decisionsOf(db, [id]));
}

export interface MeetingInput {
  heldOn: string;
  title: string;
  location: string;
  attendees: string[];
  agenda: string;
  minutes: string;
  decisions: string[];
}

/** Records a task force meeting (会商) with its decisions. */
export async function createMeeting(db: Kysely<DB>, ctx: RequestContext, programmeId: string, input: MeetingInput) {
  await visibleProgramme(db, ctx, programmeId);
  if (!isIsoDate(input.heldOn)) {
    throw invalid([{ field: 'heldOn', message: '会商日期无效' }]);
  }
  const id = newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertMeeting(
      trx,
      {
        id,
        programme_id: programmeId,
        held_on: input.heldOn,
        title: input.title.trim(),
        location: input.location.trim(),
        attendees: JSON.stringify(input.attendees.map((a) => a.trim()).filter(Boolean)),
        agenda: input.agenda.trim(),
        minutes: input.minutes.trim(),
        created_by: ctx.actor.userId,
        created_at: at,
        updated_at: at,
      },
      input.decisions.map((d) => d.trim()).filter(Boolean),
    );
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'task_force_meeting',
      entityId: id,
      changedFields: Object.keys(input),
    });
  });
  return getMeeting(db, ctx, id);
}

/** Turns one decision of a meeting into work items (one transaction: all or none). */
export async function workItemsFromDecision(
  db: Kysely<DB>,
  ctx: RequestContext,
  meetingId: string,
  position: number,
  input: { items: WorkItemInput[] },
) {
  const meeting = await getMeeting(db, ctx, meetingId);
  if (!meeting.decisions.some((d) => d.position === position)) {
    throw notFound('会商决定');
  }
  const checked: { input: WorkItemInput; ownerPath: string }[] = [];
  const problems: FieldError[] = [];
  for (const [i, item] of input.items.entries()) {
    const result = await checkInput(db, meeting.programmeId, item);
    problems.push(...result.problems.map((p) => ({ ...p, field: `items[${i}].${p.field}` })));
    if (result.ownerPath) {
      checked.push({ input: item, ownerPath: result.ownerPath });
    }
  }
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const ids = await db.transaction().execute(async (trx) => {
    const created: string[] = [];
    for (const c of checked) {
      created.push(await insertItem(trx, ctx, meeting.programmeId, c.input, c.ownerPath, { meetingId, position }));
    }
    return created;
  });
  return { items: await Promise.all(ids.map((id) => getWorkItem(db, ctx, id))) };
}

// ---------- inspections ----------

export interface InspectionInput {
  target: InspectionTarget;
  regionId?: string;
  workItemId?: string;
  inspectedOn: string;
  inspectors: string;
  findings: string;
  requirements: string;
}

export async function listInspections(
  db: Kysely<DB>,
  ctx: RequestContext,
  programmeId: string,
  query: { workItemId?: string; page?: number; pageSize?: number },
) {
  await visibleProgramme(db, ctx, programmeId);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const own = ownUnitPath(ctx.actor);
  const scope = workItemScope(ctx.actor);
  // A department officer sees the notes on their own items only.
  if (scope.kind === 'organization') {
    if (!query.workItemId) {
      return { items: [], total: 0, page, pageSize };
    }
    await loadVisible(db, ctx, query.workItemId);
  }
  const { rows, total } = await repo.listInspections(
    db,
    { programmeId, ...(own ? { regionPath: own } : {}), ...(query.workItemId ? { workItemId: query.workItemId } : {}) },
    pageSize,
    (page - 1) * pageSize,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      target: r.target as InspectionTarget,
      regionId: r.region_id,
      regionName: r.region_name ?? null,
      workItemId: r.work_item_id,
      workItemTitle: r.work_item_title ?? null,
      inspectedOn: r.inspected_on,
      inspectors: r.inspectors,
      findings: r.findings,
      requirements: r.requirements,
      createdAt: r.created_at,
    })),
    total,
    page,
    pageSize,
  };
}

/** An inspection note (督查) on a region or on a work item. */
export async function createInspection(
  db: Kysely<DB>,
  ctx: RequestContext,
  programmeId: string,
  input: InspectionInput,
) {
  const programme = await visibleProgramme(db, ctx, programmeId);
  const problems: FieldError[] = [];
  if (!isIsoDate(input.inspectedOn)) {
    problems.push({ field: 'inspectedOn', message: '督查日期无效' });
  }
  let regionPath: string | null = null;
  if (input.target === 'region') {
    const region = input.regionId ? await repo.findRegion(db, input.regionId) : undefined;
    if (!region || !region.path.startsWith(programme.region_path)) {
      problems.push({ field: 'regionId', message: '请选择方案范围内的区域' });
    } else {
      regionPath = region.path;
    }
  } else {
    const item = input.workItemId ? await repo.findWorkItem(db, input.workItemId) : undefined;
    if (!item || item.programme_id !== programmeId) {
      problems.push({ field: 'workItemId', message: '请选择该方案的工作事项' });
    } else {
      regionPath = item.owner_region_path;
    }
  }
  if (problems.length > 0 || !regionPath) {
    throw invalid(problems);
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertInspection(trx, {
      id,
      programme_id: programmeId,
      target: input.target,
      region_id: input.target === 'region' ? (input.regionId ?? null) : null,
      work_item_id: input.target === 'work_item' ? (input.workItemId ?? null) : null,
      region_path: regionPath,
      inspected_on: input.inspectedOn,
      inspectors: input.inspectors.trim(),
      findings: input.findings.trim(),
      requirements: input.requirements.trim(),
      created_by: ctx.actor.userId,
      created_at: nowIso(),
    });
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'inspection',
      entityId: id,
      changedFields: Object.keys(input),
    });
  });
  return { id };
}
