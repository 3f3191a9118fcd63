import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { enterpriseScope } from '../../plugins/authz';
import { flattenRequirements, loadVersion } from '../frameworks/index';
import * as repo from './conformance.repo';

/*
 * The heat map and the gap list are sums over conformance_tallies: counts per (requirement, industry,
 * county-level region, answer) of the analysed assessments of a (standard version, campaign), a few
 * thousand rows kept by the assessments service in the same transaction as each submission and return
 * (see conformance.tallies.ts). Reading them costs O(cells), not O(answers): ~7,000 rows and 20–30 ms at
 * 5,000 assessments on SQLite, where it blocks the event loop. So they are kept in memory per
 * (standard version, campaign) with the finished answers, and each request checks one row, the
 * version's tally revision, bumped in the same transaction as every change: an unchanged revision serves
 * from memory, and several server processes stay right without sharing memory. See docs/performance.md.
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
  revision: number;
  requirements: RequirementInfo[];
  cells: Cell[];
  groups: { industry: string; regionId: string; count: number }[];
  regions: Map<string, { name: string; path: string; sortOrder: number }>;
  industries: Map<string, { name: string; sortOrder: number }>;
  /** Finished answers (heat maps, gap lists) computed from this tally, by view and scope. */
  results: Map<string, unknown>;
}

interface VersionRequirements {
  kind: 'standard' | 'guide';
  requirements: RequirementInfo[];
}

// Published framework versions never change, so their flattened requirements can be kept.
const PUBLISHED_VERSIONS_KEPT = 64;
const publishedRequirements = new Map<string, VersionRequirements>();

async function requirementsOfVersion(db: Kysely<DB>, id: string): Promise<VersionRequirements | null> {
  const kept = publishedRequirements.get(id);
  if (kept) {
    return kept;
  }
  const version = await loadVersion(db, id);
  if (!version) {
    return null;
  }
  const source = version.kind === 'guide' ? 'guide' : 'standard';
  const result: VersionRequirements = {
    kind: source,
    requirements: flattenRequirements(version.content, source).map((r) => ({
      code: r.code,
      text: r.text,
      mandatory: r.mandatory,
      source: r.source,
    })),
  };
  if (version.status === 'published') {
    if (publishedRequirements.size >= PUBLISHED_VERSIONS_KEPT) {
      publishedRequirements.clear();
    }
    publishedRequirements.set(id, result);
  }
  return result;
}

const TALLIES_KEPT = 16;
const kept = new WeakMap<Kysely<DB>, Map<string, Promise<Tally>>>();

/**
 * The tallies of a standard version (optionally one campaign), from memory while the version's tally
 * revision is unchanged; 404 when the id is not a standard version.
 */
async function tallyOf(db: Kysely<DB>, standardVersionId: string, campaignId: string | undefined): Promise<Tally> {
  let cache = kept.get(db);
  if (!cache) {
    cache = new Map();
    kept.set(db, cache);
  }
  const key = `${standardVersionId}|${campaignId ?? ''}`;
  // Read before the tallies: what is loaded is at least as new as the revision it is kept under.
  const revision = await repo.revisionOf(db, standardVersionId);
  const hit = cache.get(key);
  if (hit && (await hit).revision === revision) {
    return hit;
  }
  // The promise is kept, so concurrent readers after a change share one load.
  const tally = loadTally(db, standardVersionId, campaignId, revision);
  cache.delete(key);
  cache.set(key, tally);
  if (cache.size > TALLIES_KEPT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
  tally.catch(() => {
    if (cache.get(key) === tally) {
      cache.delete(key);
    }
  });
  return tally;
}

async function loadTally(
  db: Kysely<DB>,
  standardVersionId: string,
  campaignId: string | undefined,
  revision: number,
): Promise<Tally> {
  const scope = { standardVersionId, campaignKey: campaignId ?? repo.ALL_CAMPAIGNS };
  const [standard, tallyRows, countRows] = await Promise.all([
    requirementsOfVersion(db, standardVersionId),
    repo.talliesOf(db, scope),
    repo.assessmentCountsOf(db, scope),
  ]);
  if (!standard || standard.kind !== 'standard') {
    throw notFound('标准版本');
  }
  const groups = new Map<string, { industry: string; regionId: string; count: number }>();
  const guideIds = new Set<string>();
  for (const row of countRows) {
    const key = `${row.industry_code}\u0000${row.region_id}`;
    const group = groups.get(key) ?? { industry: row.industry_code, regionId: row.region_id, count: 0 };
    group.count += Number(row.assessments);
    groups.set(key, group);
    if (row.guide_version_key) {
      guideIds.add(row.guide_version_key);
    }
  }
  // Requirement texts: the standard's, in order, then those of the guides the assessments were opened with.
  const requirements: RequirementInfo[] = [];
  const seen = new Set<string>();
  const guides = await Promise.all([...guideIds].sort().map((id) => requirementsOfVersion(db, id)));
  for (const version of [standard, ...guides]) {
    for (const r of version?.requirements ?? []) {
      if (!seen.has(r.code)) {
        seen.add(r.code);
        requirements.push(r);
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
    revision,
    requirements,
    cells: tallyRows.map((r) => ({
      code: r.requirement_code,
      industry: r.industry_code,
      regionId: r.region_id,
      conform: Number(r.conform),
      partial: Number(r.partial),
      nonconform: Number(r.nonconform),
      na: Number(r.na),
    })),
    groups: [...groups.values()],
    regions: new Map(regions.map((r) => [r.id, { name: r.name, path: r.path, sortOrder: Number(r.sort_order) }])),
    industries: new Map(industries.map((i) => [i.code, { name: i.name, sortOrder: Number(i.sort_order) }])),
    results: new Map(),
  };
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
  const tally = await tallyOf(db, input.standardVersionId, input.campaignId);
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
  const tally = await tallyOf(db, input.standardVersionId, input.campaignId);
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
