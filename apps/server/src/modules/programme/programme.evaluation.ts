import type { IndicatorMethod, IndicatorSource } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { conflict, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { writeAudit, type AuditTrace } from '../audit/index';
import { isIsoDate } from './programme.dates';
import type { DocumentIndicator } from './programme.document';
import { evaluationRegionPath } from './programme.policy';
import { unitActuals } from './programme.progress';
import * as repo from './programme.repo';
import { indicatorProblems, indicatorRows, visibleProgramme } from './programme.service';

/** The indicator tree: groups with their leaves, weights in points. */
export async function getIndicators(db: Kysely<DB>, ctx: RequestContext, programmeId: string) {
  await visibleProgramme(db, ctx, programmeId);
  const rows = await repo.indicatorsOf(db, programmeId);
  const node = (r: (typeof rows)[number]) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    weight: Number(r.weight),
    method: (r.method ?? null) as IndicatorMethod | null,
    source: (r.source ?? null) as IndicatorSource | null,
    description: r.description,
  });
  const items = rows
    .filter((r) => r.parent_id === null)
    .map((g) => ({ ...node(g), children: rows.filter((c) => c.parent_id === g.id).map(node) }));
  return { items, totalWeight: items.reduce((s, g) => s + g.weight, 0) };
}

/** Replaces the indicator tree; refused once a round has been scored with it (scores would lose their meaning). */
export async function saveIndicators(
  db: Kysely<DB>,
  ctx: RequestContext,
  programmeId: string,
  input: { items: DocumentIndicator[] },
) {
  await visibleProgramme(db, ctx, programmeId);
  const problems = indicatorProblems(input.items);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  if ((await repo.countRounds(db, programmeId)) > 0) {
    throw conflict('已有考核轮次使用该指标体系，不能再修改；如需调整请导入新的工作方案版本');
  }
  await db.transaction().execute(async (trx) => {
    await repo.replaceIndicators(trx, programmeId, indicatorRows(programmeId, input.items));
    await writeAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_indicators',
      entityId: programmeId,
      changedFields: ['indicators'],
    });
  });
  return getIndicators(db, ctx, programmeId);
}

function presentRound(row: DB['evaluation_rounds']) {
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status as 'open' | 'published',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listRounds(db: Kysely<DB>, ctx: RequestContext, programmeId: string) {
  await visibleProgramme(db, ctx, programmeId);
  const rows = await repo.listRounds(db, programmeId);
  return { items: rows.map(presentRound) };
}

const ratioScore = (weight: number, actual: number, allocated: number) => {
  const ratio = allocated <= 0 ? 1 : Math.min(1, actual / allocated);
  return Math.round(weight * ratio * 100);
};

/**
 * Scores every automatic indicator for every unit from the records as of the round's end: designations
 * and conforming enterprises against the unit's allocation (capped at full marks; no allocation = full
 * marks), and the share of the unit's work items due in the round's period that were done by their
 * deadline (none due = full marks). Manual scores are left as they are.
 */
async function scoreAutomatic(trx: Kysely<DB>, trace: AuditTrace, round: DB['evaluation_rounds']) {
  const programme = await repo.findProgramme(trx, round.programme_id);
  if (!programme) {
    throw notFound('工作方案');
  }
  const [units, indicators, allocationRows, items] = await Promise.all([
    repo.childRegions(trx, programme.region_id),
    repo.indicatorsOf(trx, round.programme_id),
    repo.allocationsOf(trx, round.programme_id),
    repo.workItemsDue(trx, round.programme_id, round.period_end),
  ]);
  const actuals = await unitActuals(trx, units, programme.region_id, round.period_end);
  const allocated = (regionId: string, kind: string) =>
    Number(allocationRows.find((a) => a.region_id === regionId && a.kind === kind)?.target ?? 0);
  const at = nowIso();
  for (const unit of units) {
    const actual = actuals.perUnit.get(unit.id);
    const due = items.filter((i) => i.owner_region_path.startsWith(unit.path) && i.deadline >= round.period_start);
    const onTime = due.filter((i) => i.status === 'done' && i.completed_on !== null && i.completed_on <= i.deadline);
    for (const indicator of indicators.filter((i) => i.method === 'auto' && i.source)) {
      const weight = Number(indicator.weight);
      let score = 0;
      let basis = '';
      const source = indicator.source as IndicatorSource;
      switch (source) {
        case 'designation_base':
        case 'designation_station':
        case 'designation_enterprise': {
          const kind = source.replace('designation_', '') as 'base' | 'station' | 'enterprise';
          const a = actual?.[kind] ?? 0;
          const target = allocated(unit.id, kind);
          score = ratioScore(weight, a, target);
          basis = `截至${round.period_end}授牌 ${a}，分解任务 ${target}`;
          break;
        }
        case 'conforming': {
          const a = actual?.conforming ?? 0;
          const target = allocated(unit.id, 'conforming');
          score = ratioScore(weight, a, target);
          basis = `截至${round.period_end}贯标企业 ${a}，分解任务 ${target}`;
          break;
        }
        case 'workitems_on_time':
          score = due.length === 0 ? weight * 100 : Math.round((weight * 100 * onTime.length) / due.length);
          basis = due.length === 0 ? '本期无到期事项' : `本期到期 ${due.length} 项，按期完成 ${onTime.length} 项`;
          break;
      }
      await repo.upsertScore(trx, {
        round_id: round.id,
        region_id: unit.id,
        indicator_id: indicator.id,
        score_centi: score,
        automatic: 1,
        basis,
        scored_by: null,
        scored_at: at,
      });
    }
  }
  await writeAudit(trx, trace, {
    action: 'score_automatic',
    entityType: 'evaluation_round',
    entityId: round.id,
    changedFields: ['scores'],
  });
}

/** Opens an evaluation round for a period and scores its automatic indicators at once. */
export async function createRound(
  db: Kysely<DB>,
  ctx: RequestContext,
  programmeId: string,
  input: { name: string; periodStart: string; periodEnd: string },
) {
  await visibleProgramme(db, ctx, programmeId);
  const problems: FieldError[] = [];
  if (!isIsoDate(input.periodStart)) {
    problems.push({ field: 'periodStart', message: '考核期开始日期无效' });
  }
  if (!isIsoDate(input.periodEnd) || input.periodEnd < input.periodStart) {
    problems.push({ field: 'periodEnd', message: '考核期结束日期无效或早于开始日期' });
  }
  if ((await repo.indicatorsOf(db, programmeId)).length === 0) {
    problems.push({ field: 'indicators', message: '该方案尚未设置考核指标体系' });
  }
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const at = nowIso();
  const row: DB['evaluation_rounds'] = {
    id: newId(),
    programme_id: programmeId,
    name: input.name.trim(),
    period_start: input.periodStart,
    period_end: input.periodEnd,
    status: 'open',
    created_by: ctx.actor.userId,
    created_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertRound(trx, row);
    await writeAudit(trx, ctx, {
      action: 'create',
      entityType: 'evaluation_round',
      entityId: row.id,
      changedFields: Object.keys(input),
    });
    await scoreAutomatic(trx, ctx, row);
  });
  return getRoundResults(db, ctx, row.id);
}

async function visibleRound(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const round = await repo.findRound(db, id);
  if (!round) {
    throw notFound('考核轮次');
  }
  await visibleProgramme(db, ctx, round.programme_id);
  return round;
}

/** Recomputes the automatic scores from the records as they are now (an open round only). */
export async function recomputeRound(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const round = await visibleRound(db, ctx, id);
  if (round.status !== 'open') {
    throw conflict('考核结果已发布，不能重新计分');
  }
  await db.transaction().execute(async (trx) => {
    await scoreAutomatic(trx, ctx, round);
    await repo.updateRound(trx, id, { updated_at: nowIso() });
  });
  return getRoundResults(db, ctx, id);
}

/** An evaluator's score on a manual indicator, with the evidence it rests on (required). */
export async function setManualScore(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: { regionId: string; indicatorId: string; score: number; basis: string },
) {
  const round = await visibleRound(db, ctx, id);
  if (round.status !== 'open') {
    throw conflict('考核结果已发布，不能再修改评分');
  }
  const programme = await repo.findProgramme(db, round.programme_id);
  const [units, indicators] = await Promise.all([
    repo.childRegions(db, programme?.region_id ?? ''),
    repo.indicatorsOf(db, round.programme_id),
  ]);
  const indicator = indicators.find((i) => i.id === input.indicatorId);
  const problems: FieldError[] = [];
  if (!units.some((u) => u.id === input.regionId)) {
    problems.push({ field: 'regionId', message: '该区域不参加本方案的考核' });
  }
  if (!indicator || indicator.method !== 'manual') {
    problems.push({ field: 'indicatorId', message: '只能对人工评分指标打分（自动指标由系统计算）' });
  } else if (input.score > Number(indicator.weight)) {
    problems.push({ field: 'score', message: `得分不能超过该指标分值 ${indicator.weight}` });
  }
  if (input.basis.trim().length < 2) {
    problems.push({ field: 'basis', message: '请填写评分佐证' });
  }
  if (problems.length > 0) {
    throw invalid(problems);
  }
  await db.transaction().execute(async (trx) => {
    await repo.upsertScore(trx, {
      round_id: id,
      region_id: input.regionId,
      indicator_id: input.indicatorId,
      score_centi: Math.round(input.score * 100),
      automatic: 0,
      basis: input.basis.trim(),
      scored_by: ctx.actor.userId,
      scored_at: nowIso(),
    });
    await writeAudit(trx, ctx, {
      action: 'score_manual',
      entityType: 'evaluation_round',
      entityId: id,
      changedFields: ['scores'],
    });
  });
  return getRoundResults(db, ctx, id);
}

export async function publishRound(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const round = await visibleRound(db, ctx, id);
  if (round.status === 'published') {
    throw conflict('考核结果已发布');
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateRound(trx, id, { status: 'published', updated_at: nowIso() });
    await writeAudit(trx, ctx, {
      action: 'publish',
      entityType: 'evaluation_round',
      entityId: id,
      changedFields: ['status'],
    });
  });
  return getRoundResults(db, ctx, id);
}

/**
 * Results of a round: each unit's score per leaf indicator, its total and its rank (ties share a rank),
 * highest first. A county admin sees their own row (with its rank) only.
 */
export async function getRoundResults(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const round = await visibleRound(db, ctx, id);
  const programme = await repo.findProgramme(db, round.programme_id);
  const [units, indicators, scores] = await Promise.all([
    repo.childRegions(db, programme?.region_id ?? ''),
    repo.indicatorsOf(db, round.programme_id),
    repo.scoresOf(db, id),
  ]);
  const leaves = indicators.filter((i) => i.method !== null);
  const rows = units.map((unit) => {
    const unitScores = leaves.map((leaf) => {
      const s = scores.find((x) => x.region_id === unit.id && x.indicator_id === leaf.id);
      return {
        indicatorId: leaf.id,
        score: s ? Number(s.score_centi) / 100 : null,
        automatic: s ? Number(s.automatic) === 1 : leaf.method === 'auto',
        basis: s?.basis ?? null,
      };
    });
    const total = unitScores.reduce((sum, s) => sum + Math.round((s.score ?? 0) * 100), 0) / 100;
    return {
      regionId: unit.id,
      code: unit.code,
      name: unit.name,
      path: unit.path,
      total,
      complete: unitScores.every((s) => s.score !== null),
      scores: unitScores,
      rank: 0,
    };
  });
  rows.sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.rank = previous && previous.total === row.total ? previous.rank : index + 1;
  });
  const own = evaluationRegionPath(ctx.actor);
  const visible = own === null ? rows : rows.filter((r) => own.startsWith(r.path));
  return {
    round: presentRound(round),
    indicators: indicators.map((i) => ({
      id: i.id,
      parentId: i.parent_id,
      code: i.code,
      name: i.name,
      weight: Number(i.weight),
      method: (i.method ?? null) as IndicatorMethod | null,
      source: (i.source ?? null) as IndicatorSource | null,
    })),
    results: visible.map(({ path: _path, ...rest }) => rest),
  };
}

export type RoundResults = Awaited<ReturnType<typeof getRoundResults>>;
