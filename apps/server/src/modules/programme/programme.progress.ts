import {
  DESIGNATION_KINDS,
  PACE_AT_RISK_RATIO,
  PACE_STATUSES,
  PROGRESS_KINDS,
  type PaceStatus,
  type ProgressKind,
} from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { invalid, notFound } from '../../lib/errors';
import { cachedDesignationSpans, conformingCounter } from './programme.cache';
import { cstToday, daysBetween, isIsoDate, monthEnds } from './programme.dates';
import { ownUnitPath } from './programme.policy';
import * as repo from './programme.repo';
import { visibleProgramme } from './programme.service';

export type KindCounts = Record<ProgressKind, number>;
const zeros = (): KindCounts => ({ base: 0, station: 0, enterprise: 0, conforming: 0 });
const isDesignationKind = (kind: string): kind is (typeof DESIGNATION_KINDS)[number] =>
  (DESIGNATION_KINDS as readonly string[]).includes(kind);

export interface MilestonePoint {
  due: string;
  target: number;
}

/**
 * The plan's line for one kind on a date: 0 at the programme's start, straight lines between the
 * milestones that name the kind, flat after the last one. The conforming target has no 2023 milestone,
 * so its line runs from the start straight to 2024-12-31.
 */
export function planLine(periodStart: string, points: MilestonePoint[], date: string): number {
  let fromDate = periodStart;
  let fromValue = 0;
  for (const point of [...points].sort((a, b) => a.due.localeCompare(b.due))) {
    if (date <= point.due) {
      const span = daysBetween(fromDate, point.due);
      if (span <= 0) {
        return point.target;
      }
      const elapsed = Math.max(0, daysBetween(fromDate, date));
      return fromValue + ((point.target - fromValue) * elapsed) / span;
    }
    fromDate = point.due;
    fromValue = point.target;
  }
  return fromValue;
}

/**
 * Pace of an allocation unit for one kind (documented in docs/programme.md): the expected count is the
 * allocation times the share of the final target the plan's line has reached, rounded down (a station
 * is built whole). On track when the actual reaches it, at risk when it reaches PACE_AT_RISK_RATIO of
 * it, behind below that.
 */
export function paceStatus(actual: number, allocated: number, share: number): { expected: number; status: PaceStatus } {
  const expected = Math.floor(allocated * Math.min(1, Math.max(0, share)) + 1e-9);
  if (actual >= expected) {
    return { expected, status: 'on_track' };
  }
  return { expected, status: actual >= PACE_AT_RISK_RATIO * expected ? 'at_risk' : 'behind' };
}

/** The worse of statuses (behind < at_risk < on_track). */
export function worstStatus(statuses: PaceStatus[]): PaceStatus {
  let worst: PaceStatus = 'on_track';
  for (const s of statuses) {
    if (PACE_STATUSES.indexOf(s) > PACE_STATUSES.indexOf(worst)) {
      worst = s;
    }
  }
  return worst;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  path: string;
}

interface ProgrammeFrame {
  programme: Awaited<ReturnType<typeof visibleProgramme>>;
  units: Unit[];
  /** The unit the answer is limited to (a county admin's own, or the one asked for); null = the whole programme. */
  scope: Unit | null;
  targets: Map<ProgressKind, number>;
  milestones: { due: string; title: string; targets: Map<ProgressKind, number> }[];
  allocations: Map<string, KindCounts>;
}

async function frame(db: Kysely<DB>, ctx: RequestContext, id: string, regionId?: string): Promise<ProgrammeFrame> {
  const programme = await visibleProgramme(db, ctx, id);
  const [units, targetRows, milestoneRows, allocationRows] = await Promise.all([
    repo.childRegions(db, programme.region_id),
    repo.targetsOf(db, id),
    repo.milestonesOf(db, id),
    repo.allocationsOf(db, id),
  ]);
  const own = ownUnitPath(ctx.actor);
  let scope: Unit | null = null;
  if (own !== null) {
    scope = units.find((u) => own.startsWith(u.path)) ?? null;
    if (!scope || (regionId && regionId !== scope.id)) {
      throw notFound('区域进度');
    }
  } else if (regionId) {
    scope = units.find((u) => u.id === regionId) ?? null;
    if (!scope) {
      throw notFound('区域进度');
    }
  }
  const allocations = new Map<string, KindCounts>();
  for (const row of allocationRows) {
    const counts = allocations.get(row.region_id) ?? zeros();
    counts[row.kind as ProgressKind] = Number(row.target);
    allocations.set(row.region_id, counts);
  }
  return {
    programme,
    units,
    scope,
    targets: new Map(targetRows.map((t) => [t.kind as ProgressKind, Number(t.target)])),
    milestones: milestoneRows.milestones.map((m) => ({
      due: m.due_on,
      title: m.title,
      targets: new Map(
        milestoneRows.targets
          .filter((t) => t.due_on === m.due_on)
          .map((t) => [t.kind as ProgressKind, Number(t.target)]),
      ),
    })),
    allocations,
  };
}

/** Maps any region id to the allocation unit it lies in (one lookup query for ids that are not units). */
async function unitResolver(db: Kysely<DB>, units: Unit[], regionIds: string[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const unknown = [...new Set(regionIds.filter((id) => !byId.has(id)))];
  const paths = await repo.regionPaths(db, unknown);
  const resolved = new Map<string, Unit | null>();
  for (const row of paths) {
    resolved.set(row.id, units.find((u) => row.path.startsWith(u.path)) ?? null);
  }
  return (regionId: string): Unit | null => byId.get(regionId) ?? resolved.get(regionId) ?? null;
}

/**
 * Counts per allocation unit, and in total inside the programme's region, on each of `dates`: the
 * designations from one read of their spans (a designation counts from designated_on until revoked_on,
 * exclusive — the designations module's rule), conforming enterprises per date from the certificates
 * module (cached while no certificate is issued or revoked), and one region lookup for all of them.
 */
export async function unitActualsOn(db: Kysely<DB>, units: Unit[], programmeRegionId: string, dates: string[]) {
  const conformingCounts = await conformingCounter(db);
  const [spans, conforming] = await Promise.all([
    cachedDesignationSpans(db),
    Promise.all(dates.map((d) => conformingCounts.byRegion(d))),
  ]);
  const resolve = await unitResolver(db, units, [
    ...new Set([...spans.map((d) => d.countyRegionId), ...conforming.flatMap((rows) => rows.map((c) => c.regionId))]),
  ]);
  const inProgramme = (regionId: string) => resolve(regionId) !== null || regionId === programmeRegionId;
  const counted = spans.filter((s) => isDesignationKind(s.kind) && inProgramme(s.countyRegionId));
  const result = new Map<string, { perUnit: Map<string, KindCounts>; total: KindCounts }>();
  dates.forEach((date, index) => {
    const perUnit = new Map<string, KindCounts>(units.map((u) => [u.id, zeros()]));
    const total = zeros();
    const add = (regionId: string, kind: ProgressKind, count: number) => {
      const unit = resolve(regionId);
      if (unit) {
        const counts = perUnit.get(unit.id);
        if (counts) {
          counts[kind] += count;
        }
        total[kind] += count;
      } else if (regionId === programmeRegionId) {
        total[kind] += count;
      }
    };
    for (const span of counted) {
      if (span.designatedOn <= date && (span.revokedOn === null || span.revokedOn > date)) {
        add(span.countyRegionId, span.kind, 1);
      }
    }
    for (const c of conforming[index] ?? []) {
      add(c.regionId, 'conforming', c.count);
    }
    result.set(date, { perUnit, total });
  });
  return result;
}

/** Counts per allocation unit, and in total inside the programme's region, on `asOf`. */
export async function unitActuals(db: Kysely<DB>, units: Unit[], programmeRegionId: string, asOf: string) {
  const all = await unitActualsOn(db, units, programmeRegionId, [asOf]);
  return all.get(asOf) ?? { perUnit: new Map<string, KindCounts>(), total: zeros() };
}

/** A unit's share of a city-level figure: its allocation over the city's target, applied to the figure. */
function scaled(f: ProgrammeFrame, kind: ProgressKind, value: number): number {
  if (!f.scope) {
    return value;
  }
  const final = f.targets.get(kind) ?? 0;
  const allocated = f.allocations.get(f.scope.id)?.[kind] ?? 0;
  return final > 0 ? Math.round((allocated * value) / final) : 0;
}

function milestonePoints(f: ProgrammeFrame, kind: ProgressKind): MilestonePoint[] {
  return f.milestones.flatMap((m) => {
    const target = m.targets.get(kind);
    return target === undefined ? [] : [{ due: m.due, target }];
  });
}

/**
 * Progress on `asOf`, computed from the records (never typed): for each kind the target and the actual,
 * the milestones and whether they were met (on their date; for a future one, whether it is met already),
 * and per allocation unit the allocation, the actual and the pace. A county admin gets their own unit,
 * with their allocation as the target and the milestones scaled to it.
 */
export async function computeProgress(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: { asOf?: string; regionId?: string },
) {
  if (input.asOf !== undefined && !isIsoDate(input.asOf)) {
    throw invalid([{ field: 'asOf', message: `日期「${input.asOf}」无效` }]);
  }
  const f = await frame(db, ctx, id, input.regionId);
  const asOf = input.asOf ?? cstToday();
  const kinds = PROGRESS_KINDS.filter((k) => f.targets.has(k));
  const dates = [...new Set([asOf, ...f.milestones.map((m) => (m.due <= asOf ? m.due : asOf))])];
  const results = await unitActualsOn(db, f.units, f.programme.region_id, dates);
  const pick = (date: string): KindCounts => {
    const r = results.get(date);
    if (!r) {
      return zeros();
    }
    return f.scope ? (r.perUnit.get(f.scope.id) ?? zeros()) : r.total;
  };
  const now = pick(asOf);
  const targetOf = (k: ProgressKind) => (f.scope ? (f.allocations.get(f.scope.id)?.[k] ?? 0) : (f.targets.get(k) ?? 0));
  const shareOf = (k: ProgressKind) => {
    const final = f.targets.get(k) ?? 0;
    return final > 0 ? planLine(f.programme.period_start, milestonePoints(f, k), asOf) / final : 0;
  };

  const milestones = f.milestones.map((m) => {
    const passed = m.due <= asOf;
    const actual = pick(passed ? m.due : asOf);
    const targets = kinds
      .filter((k) => m.targets.has(k))
      .map((kind) => ({ kind, target: scaled(f, kind, m.targets.get(kind) ?? 0), actual: actual[kind] }));
    return { due: m.due, title: m.title, passed, targets, met: targets.every((t) => t.actual >= t.target) };
  });

  const kindSummaries = kinds.map((kind) => {
    const next = milestones.find((m) => m.due >= asOf && m.targets.some((t) => t.kind === kind));
    const pace = paceStatus(now[kind], targetOf(kind), shareOf(kind));
    return {
      kind,
      target: targetOf(kind),
      actual: now[kind],
      expected: pace.expected,
      status: pace.status,
      nextMilestone: next
        ? { due: next.due, title: next.title, target: next.targets.find((t) => t.kind === kind)?.target ?? 0 }
        : null,
    };
  });

  const current = results.get(asOf);
  const regions = (f.scope ? [f.scope] : f.units).map((unit) => {
    const allocated = f.allocations.get(unit.id) ?? zeros();
    const actual = current?.perUnit.get(unit.id) ?? zeros();
    const expected = zeros();
    const statusByKind: Record<ProgressKind, PaceStatus> = {
      base: 'on_track',
      station: 'on_track',
      enterprise: 'on_track',
      conforming: 'on_track',
    };
    for (const kind of kinds) {
      const pace = paceStatus(actual[kind], allocated[kind], shareOf(kind));
      expected[kind] = pace.expected;
      statusByKind[kind] = pace.status;
    }
    return {
      regionId: unit.id,
      code: unit.code,
      name: unit.name,
      allocated,
      actual,
      expected,
      statusByKind,
      status: worstStatus(kinds.filter((k) => allocated[k] > 0).map((k) => statusByKind[k])),
    };
  });

  return {
    programmeId: id,
    asOf,
    scope: f.scope
      ? { regionId: f.scope.id, name: f.scope.name, level: 'unit' as const }
      : { regionId: f.programme.region_id, name: f.programme.region_name, level: 'programme' as const },
    kinds: kindSummaries,
    milestones,
    regions,
  };
}

export type Progress = Awaited<ReturnType<typeof computeProgress>>;

/**
 * Cumulative actual per kind at each month's end (and each milestone date) over the programme's period,
 * up to today, against the plan's line: what the dashboard's chart and the PDF report draw.
 */
export async function progressSeries(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: { regionId?: string; today?: string },
) {
  const f = await frame(db, ctx, id, input.regionId);
  const today = input.today ?? cstToday();
  const kinds = PROGRESS_KINDS.filter((k) => f.targets.has(k));
  const dates = [
    ...new Set([...monthEnds(f.programme.period_start, f.programme.period_end), ...f.milestones.map((m) => m.due)]),
  ].sort();
  const measured = dates.filter((d) => d <= today);
  const spans = await cachedDesignationSpans(db);
  const resolve = await unitResolver(
    db,
    f.units,
    spans.map((s) => s.countyRegionId),
  );
  const inScope = (regionId: string) => {
    const unit = resolve(regionId);
    return f.scope ? unit?.id === f.scope.id : unit !== null || regionId === f.programme.region_id;
  };
  const counted = spans.filter((s) => inScope(s.countyRegionId));
  const scopePath = f.scope?.path ?? f.programme.region_path;
  const counter = await conformingCounter(db);
  const conforming = kinds.includes('conforming')
    ? await Promise.all(measured.map((d) => counter.count(d, scopePath)))
    : [];
  const series = kinds.map((kind) => {
    const points = milestonePoints(f, kind);
    const actual = dates.map((d, i) => {
      if (d > today) {
        return null;
      }
      if (kind === 'conforming') {
        return conforming[i] ?? 0;
      }
      return counted.filter((s) => s.kind === kind && s.designatedOn <= d && (s.revokedOn === null || s.revokedOn > d))
        .length;
    });
    const plan = dates.map((d) => Math.round(scaled(f, kind, planLine(f.programme.period_start, points, d)) * 10) / 10);
    return {
      kind,
      actual,
      plan,
      target: f.scope ? (f.allocations.get(f.scope.id)?.[kind] ?? 0) : (f.targets.get(kind) ?? 0),
    };
  });
  return {
    programmeId: id,
    today,
    scope: f.scope
      ? { regionId: f.scope.id, name: f.scope.name, level: 'unit' as const }
      : { regionId: f.programme.region_id, name: f.programme.region_name, level: 'programme' as const },
    dates,
    series,
    milestones: f.milestones.map((m) => ({
      due: m.due,
      title: m.title,
      targets: kinds
        .filter((k) => m.targets.has(k))
        .map((kind) => ({ kind, target: scaled(f, kind, m.targets.get(kind) ?? 0) })),
    })),
  };
}

export type ProgressSeries = Awaited<ReturnType<typeof progressSeries>>;
