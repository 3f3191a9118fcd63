import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { enterpriseScope } from '../../plugins/authz';
import { flattenRequirements, loadVersion } from '../frameworks/index';
import * as repo from './conformance.repo';

/*
 * Why an in-memory tally and not a query per request, nor a tally table:
 * the heat map and the gap list aggregate assessment_answers (≈70 rows per assessment, 350,000 rows at
 * 5,000 assessments), which takes tens to hundreds of milliseconds on either dialect (see
 * docs/performance.md, "Standards and conformance"). Both views, every scope and every filter are sums
 * over one small table of counts per (requirement, industry, region, answer) — a few thousand cells — so
 * that table is built once per (standard version, campaign) and kept in memory. It is rebuilt when the
 * fingerprint of the version's assessments changes (count and latest change times, one cheap query per
 * request): the fingerprint comes from the database, so it holds across several server processes, and it
 * needs no hook in the assessments service, unlike a tally table maintained on submit/return/accept, which
 * would have to be kept right in every transition (and a returned-then-resubmitted assessment would
 * have to be subtracted and added back). Autosaves of assessments being filled in do not invalidate it
 * (only the submitted and accepted ones count). The cost is one full aggregate after each submission,
 * return or acceptance, paid by the next reader (≈0.4–1 s at 5,000 assessments on SQLite, where it
 * blocks the event loop; see docs/performance.md for the incremental rebuild that would remove it).
 */

export type HeatmapDimension = 'industry' | 'region';

interface RequirementInfo {
  code: string;
  text: string;
  mandatory: boolean;
  source: 'standard' | 'guide';
}

interface Cell {
  code: string;
  industry: string;
  regionId: string;
  conform: number;
  partial: number;
  nonconform: number;
  na: number;
}

interface Tally {
  fingerprint: string;
  requirements: RequirementInfo[];
  cells: Cell[];
  groups: { industry: string; regionId: string; count: number }[];
  regions: Map<string, { name: string; path: string; sortOrder: number }>;
  industries: Map<string, { name: string; sortOrder: number }>;
  /** Finished answers (heat maps, gap lists) computed from this tally. */
  results: Map<string, unknown>;
}

const CACHE_ENTRIES = 16;
const caches = new WeakMap<Kysely<DB>, Map<string, { fingerprint: string; tally: Promise<Tally> }>>();

async function buildTally(db: Kysely<DB>, source: repo.TallySource, fingerprint: string): Promise<Tally> {
  const [answers, groupRows] = await Promise.all([repo.answerTallies(db, source), repo.assessmentGroups(db, source)]);
  const cellByKey = new Map<string, Cell>();
  for (const row of answers) {
    const key = `${row.code}\u0000${row.industry}\u0000${row.regionId}`;
    let cell = cellByKey.get(key);
    if (!cell) {
      cell = {
        code: row.code,
        industry: row.industry,
        regionId: row.regionId,
        conform: 0,
        partial: 0,
        nonconform: 0,
        na: 0,
      };
      cellByKey.set(key, cell);
    }
    switch (row.answer) {
      case 'conform':
      case 'partial':
      case 'nonconform':
      case 'na':
        cell[row.answer] += row.count;
        break;
      default:
        break;
    }
  }
  const groups = new Map<string, { industry: string; regionId: string; count: number }>();
  const guideIds = new Set<string>();
  for (const row of groupRows) {
    const key = `${row.industry}\u0000${row.regionId}`;
    const group = groups.get(key) ?? { industry: row.industry, regionId: row.regionId, count: 0 };
    group.count += row.count;
    groups.set(key, group);
    if (row.guideVersionId) {
      guideIds.add(row.guideVersionId);
    }
  }
  // Requirement texts: the standard's, in order, then those of the guides the assessments were opened with.
  const requirements: RequirementInfo[] = [];
  const seen = new Set<string>();
  const versions = await Promise.all([source.standardVersionId, ...guideIds].map((id) => loadVersion(db, id)));
  if (!versions[0] || versions[0].kind !== 'standard') {
    throw notFound('标准版本');
  }
  for (const version of versions) {
    if (!version) {
      continue;
    }
    for (const r of flattenRequirements(version.content, version.kind === 'guide' ? 'guide' : 'standard')) {
      if (!seen.has(r.code)) {
        seen.add(r.code);
        requirements.push({ code: r.code, text: r.text, mandatory: r.mandatory, source: r.source });
      }
    }
  }
  const regionIds = [...new Set([...groups.values()].map((g) => g.regionId))];
  const industryCodes = [...new Set([...groups.values()].map((g) => g.industry))];
  const [regions, industries] = await Promise.all([
    repo.regionsByIds(db, regionIds),
    repo.industriesByCodes(db, industryCodes),
  ]);
  return {
    fingerprint,
    requirements,
    cells: [...cellByKey.values()],
    groups: [...groups.values()],
    regions: new Map(regions.map((r) => [r.id, { name: r.name, path: r.path, sortOrder: Number(r.sort_order) }])),
    industries: new Map(industries.map((i) => [i.code, { name: i.name, sortOrder: Number(i.sort_order) }])),
    results: new Map(),
  };
}

/** The tally of a (standard version, campaign), from memory unless the assessments changed since it was built. */
export async function tallyFor(db: Kysely<DB>, source: repo.TallySource): Promise<Tally> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${source.standardVersionId}|${source.campaignId ?? ''}`;
  const fingerprint = await repo.tallyFingerprint(db, source);
  const cached = cache.get(key);
  if (cached && cached.fingerprint === fingerprint) {
    return cached.tally;
  }
  // The promise is cached, so concurrent first readers share one build.
  const tally = buildTally(db, source, fingerprint);
  cache.delete(key);
  cache.set(key, { fingerprint, tally });
  if (cache.size > CACHE_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
  tally.catch(() => {
    if (cache.get(key)?.tally === tally) {
      cache.delete(key);
    }
  });
  return tally;
}

/** Which regions' assessments an analytics reader may see: all (city-wide roles) or a region's subtree. */
function regionFilter(ctx: RequestContext, tally: Tally, extraPath?: string): (regionId: string) => boolean {
  const scope = enterpriseScope(ctx.actor);
  const paths: string[] = [];
  switch (scope.kind) {
    case 'all':
      break;
    case 'region':
      paths.push(scope.path);
      break;
    case 'enterprise':
    case 'none':
      return () => false;
  }
  if (extraPath !== undefined) {
    paths.push(extraPath);
  }
  if (paths.length === 0) {
    return () => true;
  }
  return (regionId) => {
    const path = tally.regions.get(regionId)?.path;
    return path !== undefined && paths.every((p) => path.startsWith(p));
  };
}

/** The tally of a standard version; 404 when the id is not a standard version (checked when the tally is built). */
async function standardTally(db: Kysely<DB>, standardVersionId: string, campaignId: string | undefined) {
  return tallyFor(db, { standardVersionId, campaignId: campaignId ?? null });
}

const RESULTS_PER_TALLY = 64;

/** Answers computed from a tally are kept with it (they change only when it does), keyed by view and scope. */
function memo<T>(tally: Tally, key: string, compute: () => T): T {
  const hit = tally.results.get(key);
  if (hit !== undefined) {
    return hit as T;
  }
  const value = compute();
  if (tally.results.size >= RESULTS_PER_TALLY) {
    tally.results.clear();
  }
  tally.results.set(key, value);
  return value;
}

/** A key for the actor's reach in analytics: all, a region path, or nothing. */
function scopeKey(ctx: RequestContext): string {
  const scope = enterpriseScope(ctx.actor);
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'region':
      return `region:${scope.path}`;
    case 'enterprise':
    case 'none':
      return 'none';
  }
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

export interface HeatmapInput {
  dimension?: HeatmapDimension;
  standardVersionId: string;
  campaignId?: string;
}

export interface Heatmap {
  requirements: { code: string; text: string }[];
  columns: { key: string; label: string; assessments: number }[];
  cells: { code: string; key: string; passRate: number; answered: number }[];
}

/**
 * Pass rate of each requirement per industry or per county-level region, over submitted and accepted
 * assessments of a standard version (optionally one campaign). 符合 counts 1, 部分符合 0.5, 不符合 0;
 * 不适用 is left out. `answered` is the number of assessments that gave a countable answer.
 */
export async function heatmap(db: Kysely<DB>, ctx: RequestContext, input: HeatmapInput): Promise<Heatmap> {
  const dimension = input.dimension ?? 'industry';
  const tally = await standardTally(db, input.standardVersionId, input.campaignId);
  return memo(tally, `heatmap|${dimension}|${scopeKey(ctx)}`, () => computeHeatmap(ctx, tally, dimension));
}

function computeHeatmap(ctx: RequestContext, tally: Tally, dimension: HeatmapDimension): Heatmap {
  const visible = regionFilter(ctx, tally);
  const keyOf = (c: { industry: string; regionId: string }) => (dimension === 'industry' ? c.industry : c.regionId);

  const columnCounts = new Map<string, number>();
  for (const group of tally.groups) {
    if (visible(group.regionId)) {
      columnCounts.set(keyOf(group), (columnCounts.get(keyOf(group)) ?? 0) + group.count);
    }
  }
  const sums = new Map<string, { code: string; key: string; points: number; answered: number }>();
  for (const cell of tally.cells) {
    if (!visible(cell.regionId)) {
      continue;
    }
    const answered = cell.conform + cell.partial + cell.nonconform;
    if (answered === 0) {
      continue;
    }
    const id = `${cell.code}\u0000${keyOf(cell)}`;
    const sum = sums.get(id) ?? { code: cell.code, key: keyOf(cell), points: 0, answered: 0 };
    sum.points += cell.conform + cell.partial / 2;
    sum.answered += answered;
    sums.set(id, sum);
  }

  const label = (key: string): { label: string; sortOrder: number } => {
    if (dimension === 'industry') {
      const industry = tally.industries.get(key);
      return { label: industry?.name ?? key, sortOrder: industry?.sortOrder ?? Number.MAX_SAFE_INTEGER };
    }
    const region = tally.regions.get(key);
    return { label: region?.name ?? key, sortOrder: region?.sortOrder ?? Number.MAX_SAFE_INTEGER };
  };
  const columns = [...columnCounts.entries()]
    .map(([key, assessments]) => ({ key, ...label(key), assessments }))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label, 'zh-CN'))
    .map(({ key, label: text, assessments }) => ({ key, label: text, assessments }));

  const withData = new Set([...sums.values()].map((s) => s.code));
  const requirements = tally.requirements
    .filter((r) => r.source === 'standard' || withData.has(r.code))
    .map((r) => ({ code: r.code, text: r.text }));
  const order = new Map(requirements.map((r, index) => [r.code, index]));
  const columnOrder = new Map(columns.map((c, index) => [c.key, index]));
  const cells = [...sums.values()]
    .filter((s) => order.has(s.code))
    .sort(
      (a, b) =>
        (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0) ||
        (columnOrder.get(a.key) ?? 0) - (columnOrder.get(b.key) ?? 0),
    )
    .map((s) => ({ code: s.code, key: s.key, passRate: round4(s.points / s.answered), answered: s.answered }));
  return { requirements, columns, cells };
}

export interface CommonGapsInput {
  standardVersionId: string;
  regionId?: string;
  industry?: string;
  campaignId?: string;
  limit?: number;
}

export interface CommonGap {
  code: string;
  text: string;
  /** Share of the assessments that answered it (不适用 left out) with 部分符合 or 不符合. */
  gapRate: number;
  /** Assessments that answered it (不适用 left out). */
  assessments: number;
  mandatory: boolean;
}

/**
 * The requirements most often not met (部分符合 or 不符合), the list that training should address:
 * highest gap rate first, then the most assessments.
 */
export async function commonGaps(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: CommonGapsInput,
): Promise<{ items: CommonGap[] }> {
  const tally = await standardTally(db, input.standardVersionId, input.campaignId);
  let extraPath: string | undefined;
  if (input.regionId) {
    const region = await repo.findRegion(db, input.regionId);
    if (!region) {
      return { items: [] };
    }
    extraPath = region.path;
  }
  const key = `gaps|${scopeKey(ctx)}|${extraPath ?? ''}|${input.industry ?? ''}|${input.limit ?? 20}`;
  return memo(tally, key, () => computeGaps(ctx, tally, input, extraPath));
}

function computeGaps(
  ctx: RequestContext,
  tally: Tally,
  input: CommonGapsInput,
  extraPath: string | undefined,
): { items: CommonGap[] } {
  const visible = regionFilter(ctx, tally, extraPath);
  const sums = new Map<string, { gaps: number; answered: number }>();
  for (const cell of tally.cells) {
    if (!visible(cell.regionId) || (input.industry !== undefined && cell.industry !== input.industry)) {
      continue;
    }
    const sum = sums.get(cell.code) ?? { gaps: 0, answered: 0 };
    sum.gaps += cell.partial + cell.nonconform;
    sum.answered += cell.conform + cell.partial + cell.nonconform;
    sums.set(cell.code, sum);
  }
  const items: (CommonGap & { index: number })[] = [];
  tally.requirements.forEach((r, index) => {
    const sum = sums.get(r.code);
    if (sum && sum.answered > 0 && sum.gaps > 0) {
      items.push({
        code: r.code,
        text: r.text,
        gapRate: round4(sum.gaps / sum.answered),
        assessments: sum.answered,
        mandatory: r.mandatory,
        index,
      });
    }
  });
  items.sort((a, b) => b.gapRate - a.gapRate || b.assessments - a.assessments || a.index - b.index);
  return { items: items.slice(0, input.limit ?? 20).map(({ index: _index, ...item }) => item) };
}
