import { PROGRESS_KINDS, type ProgressKind, type TaskForceRole, type UnitRole } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { conflict, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit, type AuditTrace } from '../audit/index';
import { isIsoDate } from './programme.dates';
import type { DocumentIndicator, ProgrammeDocument } from './programme.document';
import { canViewProgramme } from './programme.policy';
import * as repo from './programme.repo';

const kindRecord = <T>(value: (kind: ProgressKind) => T): Record<ProgressKind, T> =>
  Object.fromEntries(PROGRESS_KINDS.map((k) => [k, value(k)])) as Record<ProgressKind, T>;

/** A programme the actor may see, or 404 (missing and not allowed look the same). */
export async function visibleProgramme(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findProgramme(db, id);
  if (!row || !canViewProgramme(ctx.actor, row.region_path)) {
    throw notFound('工作方案');
  }
  return row;
}

function summary(row: repo.ProgrammeWithRegion) {
  return {
    id: row.id,
    title: row.title,
    documentNumber: row.document_number,
    issuingBody: row.issuing_body,
    issuedOn: row.issued_on,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    regionId: row.region_id,
    regionName: row.region_name,
    regionCode: row.region_code,
  };
}

/** The programmes the actor may see (a deployment may hold several: cities of a province). */
export async function listProgrammes(db: Kysely<DB>, ctx: RequestContext) {
  const rows = await repo.listProgrammes(db);
  return { items: rows.filter((r) => canViewProgramme(ctx.actor, r.region_path)).map(summary) };
}

/** The whole plan as data: targets, milestones, key tasks with units, phases, safeguards, task force. */
export async function getProgramme(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await visibleProgramme(db, ctx, id);
  const parts = await repo.programmeParts(db, id);
  const targetOf = new Map(parts.targets.map((t) => [t.kind, Number(t.target)]));
  return {
    ...summary(row),
    guidingPrinciples: row.guiding_principles,
    goals: row.goals,
    targets: PROGRESS_KINDS.filter((k) => targetOf.has(k)).map((kind) => ({ kind, target: targetOf.get(kind) ?? 0 })),
    milestones: parts.milestones.map((m) => ({
      due: m.due_on,
      title: m.title,
      targets: PROGRESS_KINDS.flatMap((kind) => {
        const t = parts.milestoneTargets.find((x) => x.due_on === m.due_on && x.kind === kind);
        return t ? [{ kind, target: Number(t.target) }] : [];
      }),
    })),
    tasks: parts.tasks.map((t) => ({
      id: t.id,
      position: Number(t.position),
      title: t.title,
      content: t.content,
      units: parts.units
        .filter((u) => u.task_id === t.id)
        .map((u) => ({ name: u.unit_name, organizationId: u.organization_id, role: u.role as UnitRole })),
    })),
    phases: parts.phases.map((p) => ({
      title: p.title,
      startOn: p.start_on,
      endOn: p.end_on,
      content: p.content,
      deliverables: JSON.parse(p.deliverables) as string[],
    })),
    safeguards: parts.safeguards.map((s) => ({ title: s.title, content: s.content })),
    taskForce: {
      members: parts.members.map((m) => ({
        role: m.role as TaskForceRole,
        name: m.name,
        post: m.post,
        organization: m.organization_name,
        organizationId: m.organization_id,
      })),
      office: {
        organization: row.office_organization_name,
        organizationId: row.office_organization_id,
        director: row.office_director,
      },
    },
  };
}

export type ProgrammeDetail = Awaited<ReturnType<typeof getProgramme>>;

/** The programme as a portable document (regions by code, units by name), for another deployment to import. */
export async function exportProgramme(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<ProgrammeDocument> {
  const detail = await getProgramme(db, ctx, id);
  const [allocations, units, indicators] = await Promise.all([
    repo.allocationsOf(db, id),
    repo.childRegions(db, detail.regionId),
    repo.indicatorsOf(db, id),
  ]);
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const groups = indicators.filter((i) => i.parent_id === null);
  return {
    format: 'shangmi.programme',
    version: 1,
    title: detail.title,
    documentNumber: detail.documentNumber,
    issuingBody: detail.issuingBody,
    issuedOn: detail.issuedOn,
    periodStart: detail.periodStart,
    periodEnd: detail.periodEnd,
    regionCode: detail.regionCode,
    guidingPrinciples: detail.guidingPrinciples,
    goals: detail.goals,
    targets: detail.targets,
    milestones: detail.milestones,
    tasks: detail.tasks.map((t) => ({
      title: t.title,
      content: t.content,
      units: t.units.map((u) => ({ name: u.name, role: u.role })),
    })),
    phases: detail.phases,
    safeguards: detail.safeguards,
    taskForce: {
      members: detail.taskForce.members.map((m) => ({
        role: m.role,
        name: m.name,
        post: m.post,
        organization: m.organization,
      })),
      office: { organization: detail.taskForce.office.organization, director: detail.taskForce.office.director },
    },
    allocations: allocations
      .filter((a) => codeOf.has(a.region_id))
      .map((a) => ({
        regionCode: codeOf.get(a.region_id) ?? '',
        kind: a.kind as ProgressKind,
        target: Number(a.target),
      })),
    indicators: groups.map((g) => ({
      code: g.code,
      name: g.name,
      weight: Number(g.weight),
      description: g.description,
      children: indicators
        .filter((c) => c.parent_id === g.id)
        .map((c) => ({
          code: c.code,
          name: c.name,
          weight: Number(c.weight),
          method: c.method as 'auto' | 'manual' | null,
          source: c.source as DocumentIndicator['source'],
          description: c.description,
        })),
    })),
  };
}

/** Checks beyond the JSON schema: dates, unique kinds, milestones within the period, indicator weights. */
export function documentProblems(doc: ProgrammeDocument): FieldError[] {
  const problems: FieldError[] = [];
  for (const [field, value] of [
    ['issuedOn', doc.issuedOn],
    ['periodStart', doc.periodStart],
    ['periodEnd', doc.periodEnd],
  ] as const) {
    if (!isIsoDate(value)) {
      problems.push({ field, message: `日期「${value}」无效` });
    }
  }
  if (doc.periodEnd < doc.periodStart) {
    problems.push({ field: 'periodEnd', message: '实施期限的结束日期早于开始日期' });
  }
  const kinds = doc.targets.map((t) => t.kind);
  if (new Set(kinds).size !== kinds.length) {
    problems.push({ field: 'targets', message: '目标类别重复' });
  }
  const finalOf = new Map(doc.targets.map((t) => [t.kind, t.target]));
  const dues = new Set<string>();
  doc.milestones.forEach((m, i) => {
    if (!isIsoDate(m.due)) {
      problems.push({ field: `milestones[${i}].due`, message: `节点日期「${m.due}」无效` });
    }
    if (dues.has(m.due)) {
      problems.push({ field: `milestones[${i}].due`, message: `节点日期「${m.due}」重复` });
    }
    dues.add(m.due);
    if (m.due < doc.periodStart || m.due > doc.periodEnd) {
      problems.push({ field: `milestones[${i}].due`, message: `节点「${m.title}」不在方案实施期限内` });
    }
    for (const t of m.targets) {
      const final = finalOf.get(t.kind);
      if (final === undefined) {
        problems.push({ field: `milestones[${i}].targets`, message: `节点「${m.title}」含有方案目标中没有的类别` });
      } else if (t.target > final) {
        problems.push({ field: `milestones[${i}].targets`, message: `节点「${m.title}」的目标超过方案总目标` });
      }
    }
  });
  doc.phases.forEach((p, i) => {
    if (!isIsoDate(p.startOn) || !isIsoDate(p.endOn) || p.endOn < p.startOn) {
      problems.push({ field: `phases[${i}]`, message: `实施步骤「${p.title}」的起止日期无效` });
    }
  });
  doc.tasks.forEach((t, i) => {
    if (t.units.length > 0 && t.units[0]?.role !== 'lead') {
      problems.push({ field: `tasks[${i}].units`, message: `重点任务「${t.title}」的责任单位应以牵头单位开头` });
    }
  });
  problems.push(...indicatorProblems(doc.indicators ?? []));
  return problems;
}

export function indicatorProblems(groups: DocumentIndicator[]): FieldError[] {
  const problems: FieldError[] = [];
  const codes = new Set<string>();
  groups.forEach((g, i) => {
    const all = [g, ...(g.children ?? [])];
    for (const indicator of all) {
      if (codes.has(indicator.code)) {
        problems.push({ field: `indicators[${i}]`, message: `指标编号「${indicator.code}」重复` });
      }
      codes.add(indicator.code);
    }
    const children = g.children ?? [];
    if (children.length > 0) {
      const sum = children.reduce((s, c) => s + c.weight, 0);
      if (sum !== g.weight) {
        problems.push({
          field: `indicators[${i}].weight`,
          message: `指标「${g.name}」的分值 ${g.weight} 与其下级指标分值之和 ${sum} 不一致`,
        });
      }
    }
    for (const leaf of children.length > 0 ? children : [g]) {
      if (!leaf.method) {
        problems.push({ field: `indicators[${i}]`, message: `指标「${leaf.name}」未指定计分方式` });
      } else if (leaf.method === 'auto' && !leaf.source) {
        problems.push({ field: `indicators[${i}]`, message: `自动计分指标「${leaf.name}」未指定数据来源` });
      }
    }
  });
  return problems;
}

/** Indicator rows of a document's tree (two levels), ids made here. */
export function indicatorRows(programmeId: string, groups: DocumentIndicator[]): DB['evaluation_indicators'][] {
  const rows: DB['evaluation_indicators'][] = [];
  let position = 0;
  for (const group of groups) {
    const groupId = newId();
    const children = group.children ?? [];
    rows.push({
      id: groupId,
      programme_id: programmeId,
      parent_id: null,
      position: position++,
      code: group.code,
      name: group.name,
      weight: group.weight,
      method: children.length > 0 ? null : (group.method ?? null),
      source: children.length > 0 ? null : (group.source ?? null),
      description: group.description ?? '',
    });
    for (const child of children) {
      rows.push({
        id: newId(),
        programme_id: programmeId,
        parent_id: groupId,
        position: position++,
        code: child.code,
        name: child.name,
        weight: child.weight,
        method: child.method ?? null,
        source: child.method === 'auto' ? (child.source ?? null) : null,
        description: child.description ?? '',
      });
    }
  }
  return rows;
}

/**
 * Loads a programme document: one transaction, audited. The region is found by its code, each unit and
 * task force organisation by name among the departments (kept as written when not registered).
 * Refused (409) when the same document number is already loaded for that region.
 */
export async function importProgramme(db: Kysely<DB>, trace: AuditTrace, doc: ProgrammeDocument): Promise<string> {
  const problems = documentProblems(doc);
  const allocationCodes = [...new Set((doc.allocations ?? []).map((a) => a.regionCode))];
  const regions = await repo.regionsByCode(db, [doc.regionCode, ...allocationCodes]);
  const region = regions.find((r) => r.code === doc.regionCode);
  if (!region) {
    problems.push({ field: 'regionCode', message: `区域代码「${doc.regionCode}」在本系统中不存在，请先导入区域` });
  }
  const allocationRows: { region_id: string; kind: string; target: number }[] = [];
  const seen = new Set<string>();
  for (const [i, a] of (doc.allocations ?? []).entries()) {
    const unit = regions.find((r) => r.code === a.regionCode);
    if (!unit || !region || unit.parent_id !== region.id) {
      problems.push({ field: `allocations[${i}]`, message: `分解区域「${a.regionCode}」不是方案区域的下一级区域` });
      continue;
    }
    const key = `${unit.id}:${a.kind}`;
    if (seen.has(key)) {
      problems.push({ field: `allocations[${i}]`, message: `区域「${unit.name}」的同一类目标重复分解` });
    }
    seen.add(key);
    allocationRows.push({ region_id: unit.id, kind: a.kind, target: a.target });
  }
  if (problems.length > 0 || !region) {
    throw invalid(problems);
  }
  if (await repo.findProgrammeByDocument(db, doc.documentNumber, region.id)) {
    throw conflict(`文号为「${doc.documentNumber}」的工作方案已导入该区域`, [
      { field: 'documentNumber', message: '该文号的方案已存在' },
    ]);
  }
  const names = [
    ...doc.tasks.flatMap((t) => t.units.map((u) => u.name)),
    ...doc.taskForce.members.map((m) => m.organization),
    doc.taskForce.office.organization,
  ];
  const orgs = new Map((await repo.organizationsByName(db, [...new Set(names)])).map((o) => [o.name, o.id]));
  const id = newId();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('programmes')
      .values({
        id,
        title: doc.title,
        document_number: doc.documentNumber,
        issuing_body: doc.issuingBody,
        issued_on: doc.issuedOn,
        period_start: doc.periodStart,
        period_end: doc.periodEnd,
        region_id: region.id,
        guiding_principles: doc.guidingPrinciples,
        goals: doc.goals,
        office_organization_name: doc.taskForce.office.organization,
        office_organization_id: orgs.get(doc.taskForce.office.organization) ?? null,
        office_director: doc.taskForce.office.director,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto('programme_targets')
      .values(doc.targets.map((t) => ({ programme_id: id, kind: t.kind, target: t.target })))
      .execute();
    if (doc.milestones.length > 0) {
      await trx
        .insertInto('programme_milestones')
        .values(doc.milestones.map((m) => ({ programme_id: id, due_on: m.due, title: m.title })))
        .execute();
      const milestoneTargets = doc.milestones.flatMap((m) =>
        m.targets.map((t) => ({ programme_id: id, due_on: m.due, kind: t.kind, target: t.target })),
      );
      if (milestoneTargets.length > 0) {
        await trx.insertInto('programme_milestone_targets').values(milestoneTargets).execute();
      }
    }
    for (const [position, task] of doc.tasks.entries()) {
      const taskId = newId();
      await trx
        .insertInto('programme_tasks')
        .values({ id: taskId, programme_id: id, position, title: task.title, content: task.content })
        .execute();
      if (task.units.length > 0) {
        await trx
          .insertInto('programme_task_units')
          .values(
            task.units.map((u, i) => ({
              task_id: taskId,
              position: i,
              unit_name: u.name,
              organization_id: orgs.get(u.name) ?? null,
              role: u.role,
            })),
          )
          .execute();
      }
    }
    if (doc.phases.length > 0) {
      await trx
        .insertInto('programme_phases')
        .values(
          doc.phases.map((p, position) => ({
            programme_id: id,
            position,
            title: p.title,
            start_on: p.startOn,
            end_on: p.endOn,
            content: p.content,
            deliverables: JSON.stringify(p.deliverables),
          })),
        )
        .execute();
    }
    if (doc.safeguards.length > 0) {
      await trx
        .insertInto('programme_safeguards')
        .values(
          doc.safeguards.map((s, position) => ({ programme_id: id, position, title: s.title, content: s.content })),
        )
        .execute();
    }
    if (doc.taskForce.members.length > 0) {
      await trx
        .insertInto('task_force_members')
        .values(
          doc.taskForce.members.map((m, position) => ({
            programme_id: id,
            position,
            role: m.role,
            name: m.name,
            post: m.post,
            organization_name: m.organization,
            organization_id: orgs.get(m.organization) ?? null,
          })),
        )
        .execute();
    }
    await repo.replaceAllocations(trx, id, allocationRows);
    const indicators = indicatorRows(id, doc.indicators ?? []);
    if (indicators.length > 0) {
      await repo.replaceIndicators(trx, id, indicators);
    }
    await writeAudit(trx, trace, {
      action: 'import',
      entityType: 'programme',
      entityId: id,
      changedFields: Object.keys(doc),
    });
  });
  return id;
}

export async function importProgrammeForActor(db: Kysely<DB>, ctx: RequestContext, doc: ProgrammeDocument) {
  const id = await importProgramme(db, ctx, doc);
  return getProgramme(db, ctx, id);
}

/** The allocation table: each unit's share of each target, the sums, and where the parts do not add up. */
export async function getAllocation(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const programme = await visibleProgramme(db, ctx, id);
  const [units, rows, targets] = await Promise.all([
    repo.childRegions(db, programme.region_id),
    repo.allocationsOf(db, id),
    repo.targetsOf(db, id),
  ]);
  const targetOf = new Map(targets.map((t) => [t.kind as ProgressKind, Number(t.target)]));
  const kinds = PROGRESS_KINDS.filter((k) => targetOf.has(k));
  const valueOf = (regionId: string, kind: ProgressKind) =>
    Number(rows.find((r) => r.region_id === regionId && r.kind === kind)?.target ?? 0);
  const items = units.map((u) => ({
    regionId: u.id,
    code: u.code,
    name: u.name,
    targets: kindRecord((k) => valueOf(u.id, k)),
  }));
  const totals = kindRecord((k) => items.reduce((s, i) => s + i.targets[k], 0));
  const mismatches = kinds
    .filter((k) => totals[k] !== targetOf.get(k))
    .map((kind) => ({ kind, target: targetOf.get(kind) ?? 0, allocated: totals[kind] }));
  return {
    kinds,
    targets: kindRecord((k) => targetOf.get(k) ?? 0),
    items,
    totals,
    mismatches,
    balanced: mismatches.length === 0,
  };
}

/**
 * Saves the split of the targets across the units. Parts that do not add up are saved all the same (the
 * office may be mid-way), and the answer lists the mismatches for the page to warn about.
 */
export async function saveAllocation(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: { items: { regionId: string; kind: ProgressKind; target: number }[] },
) {
  const programme = await visibleProgramme(db, ctx, id);
  const [units, targets] = await Promise.all([repo.childRegions(db, programme.region_id), repo.targetsOf(db, id)]);
  const unitIds = new Set(units.map((u) => u.id));
  const kinds = new Set(targets.map((t) => t.kind));
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (!unitIds.has(item.regionId)) {
      problems.push({ field: `items[${i}].regionId`, message: '只能分解到方案区域的下一级区域（县市区、开发区）' });
    }
    if (!kinds.has(item.kind)) {
      problems.push({ field: `items[${i}].kind`, message: '方案没有该类目标' });
    }
    const key = `${item.regionId}:${item.kind}`;
    if (seen.has(key)) {
      problems.push({ field: `items[${i}]`, message: '同一区域的同一类目标重复' });
    }
    seen.add(key);
  });
  if (problems.length > 0) {
    throw invalid(problems);
  }
  await db.transaction().execute(async (trx) => {
    await repo.replaceAllocations(
      trx,
      id,
      input.items.map((i) => ({ region_id: i.regionId, kind: i.kind, target: i.target })),
    );
    await repo.touchProgramme(trx, id, nowIso());
    await writeAudit(trx, ctx, {
      action: 'allocate',
      entityType: 'programme',
      entityId: id,
      changedFields: ['allocations'],
    });
  });
  return getAllocation(db, ctx, id);
}
