/**
 * `node --import tsx apps/server/bench/standards.ts` (or `npm run bench:standards`): the standards and
 * conformance figures of docs/performance.md.
 *  1. Score and gap computation (effectiveRequirements + scoreAnswers) for a synthetic 200-requirement
 *     standard with a 20-requirement guide overlay: ops/s and µs per call.
 *  2. The conformance heat map over 5,000 synthetic assessments (~70 answers each, 350,000 answer rows)
 *     in a throw-away SQLite file built with the app's migrations: the raw aggregate (what the tallies
 *     replace), a rebuild of the tallies from scratch, what counting one assessment adds to a submission
 *     or a return, the service functions reading the tallies, then over HTTP with wrk (loopback, bounded
 *     duration) against GET /api/health as the baseline in the same run.
 * Prints a Markdown table. Everything it starts, it stops; nothing leaves the loopback interface.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { permissionsOf } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrateToLatest, openDatabase } from '../src/db/database';
import type { AssessmentAnswerTable, AssessmentTable, DB } from '../src/db/schema';
import type { RequestContext } from '../src/lib/context';
import { newId, nowIso } from '../src/lib/ids';
import {
  addAssessmentToTallies,
  commonGaps,
  heatmap,
  rebuildConformanceTallies,
  removeAssessmentFromTallies,
} from '../src/modules/conformance/index';
import { revisionOf } from '../src/modules/conformance/conformance.repo';
import {
  effectiveRequirements,
  scoreAnswers,
  type Answer,
  type AnswerInput,
  type FrameworkContent,
} from '../src/modules/frameworks/frameworks.content';
import { seedDemo } from '../src/seed/seed.service';

const ASSESSMENTS = 5_000;
const STANDARD_REQUIREMENTS = 70;
const PASSWORD = 'Shangmi@2025';
const HOST = '127.0.0.1';
const WRK_ARGS = ['-t2', '-c16', '-d8s', '--timeout', '5s', '--latency'];

const log = (message: string) => process.stderr.write(`[bench:standards] ${message}\n`);

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticContent(requirements: number, prefix: string, industries: (i: number) => string[]): FrameworkContent {
  const chapters: FrameworkContent['chapters'] = [];
  const perChapter = 10;
  for (let c = 0; c * perChapter < requirements; c += 1) {
    const count = Math.min(perChapter, requirements - c * perChapter);
    chapters.push({
      code: `${prefix}${c + 1}`,
      title: `第${c + 1}章`,
      clauses: [
        {
          code: `${prefix}${c + 1}.1`,
          title: `条款${c + 1}`,
          requirements: Array.from({ length: count }, (_, k) => {
            const i = c * perChapter + k;
            return {
              code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
              text: `要求 ${i + 1}：建立并执行相应的商业秘密保护措施`,
              guidance: '对照制度文件与记录逐项检查，缺失的补齐并留存证据。',
              evidence: '制度文件、记录、照片',
              weight: 1 + (i % 3),
              mandatory: i % 10 === 0,
              industries: industries(i),
            };
          }),
        },
      ],
    });
  }
  return { passScore: 80, chapters };
}

function pickAnswer(next: () => number): Answer {
  const r = next();
  return r < 0.62 ? 'conform' : r < 0.82 ? 'partial' : r < 0.95 ? 'nonconform' : 'na';
}

/** Part 1: pure computation, no I/O. */
function benchScoring(): { label: string; opsPerSecond: number; microseconds: number }[] {
  const standard = syntheticContent(200, 'S', (i) => (i % 25 === 0 ? ['chemical'] : []));
  const guide: FrameworkContent = {
    ...syntheticContent(20, 'G', () => []),
    overrides: [{ requirementCode: 'S-005', weight: 5, mandatory: true }],
  };
  const next = random(42);
  const requirements = effectiveRequirements(standard, guide, 'chemical');
  const answers = new Map<string, AnswerInput>(requirements.map((r) => [r.code, { answer: pickAnswer(next) }]));
  // Warm up, then run for about a second and count.
  const measure = (label: string, fn: () => unknown) => {
    for (let i = 0; i < 200; i += 1) {
      fn();
    }
    let iterations = 0;
    const started = performance.now();
    let ms = 0;
    while (ms < 1_000) {
      for (let i = 0; i < 50; i += 1) {
        fn();
      }
      iterations += 50;
      ms = performance.now() - started;
    }
    return { label, opsPerSecond: Math.round((iterations / ms) * 1000), microseconds: (ms * 1000) / iterations };
  };
  return [
    measure(`effectiveRequirements (200 + 20 guide → ${requirements.length})`, () =>
      effectiveRequirements(standard, guide, 'chemical'),
    ),
    measure(`scoreAnswers (${requirements.length} requirements, with gap list)`, () =>
      scoreAnswers(requirements, answers, 80),
    ),
    measure('both (what an autosave recomputes)', () =>
      scoreAnswers(effectiveRequirements(standard, guide, 'chemical'), answers, 80),
    ),
  ];
}

/** Part 2a: a throw-away database with 5,000 analysed assessments of one published standard version. */
async function seedAssessments(db: Kysely<DB>): Promise<string> {
  await seedDemo(db, PASSWORD, 200);
  const at = nowIso();
  const frameworkId = newId();
  const versionId = newId();
  const content = syntheticContent(STANDARD_REQUIREMENTS, 'B', () => []);
  await db
    .insertInto('frameworks')
    .values({
      id: frameworkId,
      code: 'BENCH',
      kind: 'standard',
      name: '基准测试规范',
      industry_code: null,
      description: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('framework_versions')
    .values({
      id: versionId,
      framework_id: frameworkId,
      version: '1',
      status: 'published',
      base_version_id: null,
      template: 0,
      content: JSON.stringify(content),
      requirement_count: STANDARD_REQUIREMENTS,
      published_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const enterprises = await db
    .selectFrom('enterprises as e')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .select(['e.id', 'e.industry_code', 'r.path'])
    .execute();
  const codes = content.chapters.flatMap((c) => c.clauses.flatMap((cl) => cl.requirements.map((r) => r.code)));
  const next = random(7);
  const BATCH = 100;
  for (let offset = 0; offset < ASSESSMENTS; offset += BATCH) {
    const assessments: AssessmentTable[] = [];
    const answers: AssessmentAnswerTable[] = [];
    for (let i = offset; i < Math.min(ASSESSMENTS, offset + BATCH); i += 1) {
      const enterprise = enterprises[i % enterprises.length];
      if (!enterprise) {
        throw new Error('no enterprises');
      }
      const id = newId();
      const status = i % 10 < 6 ? 'accepted' : i % 10 < 9 ? 'submitted' : 'in_progress';
      assessments.push({
        id,
        enterprise_id: enterprise.id,
        campaign_id: null,
        standard_version_id: versionId,
        guide_version_id: null,
        industry_code: enterprise.industry_code,
        region_id: enterprise.path.split('/').filter(Boolean)[1] ?? enterprise.path,
        status,
        round: 1,
        score_bp: 8000,
        mandatory_unmet: 0,
        due_date: null,
        renews_certificate_id: null,
        submitted_at: status === 'in_progress' ? null : at,
        decided_at: status === 'accepted' ? at : null,
        created_at: at,
        updated_at: at,
      });
      for (const code of codes) {
        answers.push({
          assessment_id: id,
          requirement_code: code,
          answer: pickAnswer(next),
          na_reason: null,
          notes: null,
          updated_by: null,
          updated_at: at,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('assessments').values(assessments).execute();
      for (let k = 0; k < answers.length; k += 500) {
        await trx
          .insertInto('assessment_answers')
          .values(answers.slice(k, k + 500))
          .execute();
      }
    });
  }
  return versionId;
}

async function timeIt<T>(fn: () => Promise<T>, runs: number): Promise<{ medianMs: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    result = await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, result: result as T };
}

interface WrkFigures {
  rps: number;
  p50: string;
  p99: string;
  non2xx: number;
}

async function wrk(url: string, headers: string[]): Promise<WrkFigures | null> {
  if (spawnSync('wrk', ['--version']).error) {
    return null;
  }
  const args = [...WRK_ARGS, ...headers.flatMap((h) => ['-H', h]), url];
  log(`wrk ${args.join(' ')}`);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0);
  const p50 = /\s50%\s+(\S+)/.exec(output)?.[1] ?? '?';
  const p99 = /\s99%\s+(\S+)/.exec(output)?.[1] ?? '?';
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  return { rps, p50, p99, non2xx };
}

async function main(): Promise<void> {
  log('1/2 score and gap computation');
  const scoring = benchScoring();

  log(`2/2 seeding ${ASSESSMENTS} assessments × ${STANDARD_REQUIREMENTS} answers into a temporary SQLite file`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-bench-standards-'));
  const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'bench.db') });
  const seedStarted = performance.now();
  try {
    await migrateToLatest(database.db);
    const versionId = await seedAssessments(database.db);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const db = database.db;
    const cityAdmin = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', '=', 'city.admin')
      .executeTakeFirstOrThrow();
    const ctx: RequestContext = {
      actor: {
        userId: cityAdmin.id,
        username: cityAdmin.username,
        displayName: 'bench',
        roles: ['city_admin'],
        permissions: permissionsOf(['city_admin']),
        organizationId: '',
        organizationName: '',
        organizationKind: 'department',
        regionId: '',
        regionName: '',
        regionPath: '/',
        enterpriseId: null,
      },
      requestId: 'bench',
      clientIp: HOST,
    };
    const answerRows = await db
      .selectFrom('assessment_answers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    // What the tallies replace: the aggregate the in-memory cache used to rebuild after every change.
    const aggregate = await timeIt(
      () =>
        db
          .selectFrom('assessments as a')
          .innerJoin('assessment_answers as aa', 'aa.assessment_id', 'a.id')
          .where('a.standard_version_id', '=', versionId)
          .where('a.status', 'in', ['submitted', 'accepted'])
          .where('aa.answer', 'is not', null)
          .select((eb) => [
            'aa.requirement_code',
            'a.industry_code',
            'a.region_id',
            'aa.answer',
            eb.fn.countAll().as('n'),
          ])
          .groupBy(['aa.requirement_code', 'a.industry_code', 'a.region_id', 'aa.answer'])
          .execute(),
      5,
    );
    // Backfill: the tallies from scratch (the seed above inserted rows directly, bypassing the service).
    const rebuild = await timeIt(() => rebuildConformanceTallies(db, versionId), 3);
    const tallyRows = await db
      .selectFrom('conformance_tallies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    // What counting adds to a submission and to a return: the same status change in a transaction,
    // without and with the tally call (one assessment, 70 answers, alternately leaving and re-entering).
    const target = await db
      .selectFrom('assessments')
      .select('id')
      .where('standard_version_id', '=', versionId)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    const setStatus = (trx: Kysely<DB>, status: string) =>
      trx.updateTable('assessments').set({ status, updated_at: nowIso() }).where('id', '=', target.id).execute();
    const statusOnly = await timeIt(
      () =>
        db.transaction().execute(async (trx) => {
          await setStatus(trx, 'submitted');
        }),
      100,
    );
    const enterTimes: number[] = [];
    const leaveTimes: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      let started = performance.now();
      await db.transaction().execute(async (trx) => {
        await setStatus(trx, 'returned');
        await removeAssessmentFromTallies(trx, target.id);
      });
      leaveTimes.push(performance.now() - started);
      started = performance.now();
      await db.transaction().execute(async (trx) => {
        await setStatus(trx, 'submitted');
        await addAssessmentToTallies(trx, target.id);
      });
      enterTimes.push(performance.now() - started);
    }
    const median = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? 0;

    const resubmit = async () => {
      await db.transaction().execute(async (trx) => {
        await setStatus(trx, 'returned');
        await removeAssessmentFromTallies(trx, target.id);
      });
      await db.transaction().execute(async (trx) => {
        await setStatus(trx, 'submitted');
        await addAssessmentToTallies(trx, target.id);
      });
    };
    const revisionCheck = await timeIt(() => revisionOf(db, versionId), 100);
    // First reader after a change: the tallies are read again (a return and a resubmission before each call).
    const coldTimes: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      await resubmit();
      const started = performance.now();
      await heatmap(db, ctx, { dimension: 'industry', standardVersionId: versionId });
      coldTimes.push(performance.now() - started);
    }
    const byIndustry = await timeIt(
      () => heatmap(db, ctx, { dimension: 'industry', standardVersionId: versionId }),
      50,
    );
    const byRegion = await timeIt(() => heatmap(db, ctx, { dimension: 'region', standardVersionId: versionId }), 50);
    const gapsCall = await timeIt(() => commonGaps(db, ctx, { standardVersionId: versionId, limit: 20 }), 50);
    const county = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', '=', 'county.donge')
      .executeTakeFirstOrThrow();
    const donge = await db
      .selectFrom('regions')
      .select(['id', 'path'])
      .where('code', '=', '371524')
      .executeTakeFirstOrThrow();
    const countyCtx: RequestContext = {
      ...ctx,
      actor: {
        ...ctx.actor,
        userId: county.id,
        username: county.username,
        roles: ['county_admin'],
        permissions: permissionsOf(['county_admin']),
        regionId: donge.id,
        regionPath: donge.path,
      },
    };
    const byRegionCounty = await timeIt(
      () => heatmap(db, countyCtx, { dimension: 'region', standardVersionId: versionId }),
      50,
    );

    log('HTTP: starting the app on 127.0.0.1');
    const app = await buildApp({
      db,
      dialect: database.dialect,
      config: { ...loadConfig({}), dataDir: dir },
      serveWeb: false,
    });
    await app.listen({ port: 0, host: HOST });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://${HOST}:${port}`;
    let health: WrkFigures | null = null;
    let heat: WrkFigures | null = null;
    let gaps: WrkFigures | null = null;
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'city.admin', password: PASSWORD },
      });
      const sid = login.cookies.find((c) => c.name === 'shangmi_sid')?.value ?? '';
      const cookie = [`Cookie: shangmi_sid=${sid}`];
      health = await wrk(`${base}/api/health`, []);
      heat = await wrk(`${base}/api/conformance/heatmap?dimension=region&standardVersionId=${versionId}`, cookie);
      gaps = await wrk(`${base}/api/conformance/common-gaps?standardVersionId=${versionId}`, cookie);
    } finally {
      await app.close();
    }

    const ms = (value: number) => `${value.toFixed(2)} ms`;
    const lines = [
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}, SQLite (better-sqlite3), ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| measurement | figure |',
      '|---|---|',
      ...scoring.map(
        (s) => `| ${s.label} | ${s.opsPerSecond.toLocaleString('en-US')} ops/s, ${s.microseconds.toFixed(1)} µs/call |`,
      ),
      `| data set | ${ASSESSMENTS.toLocaleString('en-US')} assessments (90 % submitted/accepted), ${Number(answerRows.n).toLocaleString('en-US')} answer rows, seeded in ${seedSeconds.toFixed(1)} s |`,
      `| raw aggregate over assessment_answers (GROUP BY requirement, industry, region, answer): what the tallies replace | ${ms(aggregate.medianMs)} (median of 5) |`,
      `| rebuildConformanceTallies(version) from scratch → ${Number(tallyRows.n).toLocaleString('en-US')} tally rows | ${ms(rebuild.medianMs)} (median of 3) |`,
      `| status-change transaction alone (baseline) | ${ms(statusOnly.medianMs)} |`,
      `| same + addAssessmentToTallies (submission: 70 answers → 70 + 1 rows upserted) | ${ms(median(enterTimes))} |`,
      `| same + removeAssessmentFromTallies (return) | ${ms(median(leaveTimes))} |`,
      `| tally revision check (one row by primary key, every request) | ${ms(revisionCheck.medianMs)} |`,
      `| heatmap() cold: first reader after a change (tally rows read again) | ${ms(median(coldTimes))} (median of 10) |`,
      `| heatmap() warm, by industry (${byIndustry.result.columns.length} columns × ${byIndustry.result.requirements.length} requirements) | ${ms(byIndustry.medianMs)} |`,
      `| heatmap() warm, by region (${byRegion.result.columns.length} columns) | ${ms(byRegion.medianMs)} |`,
      `| heatmap() warm, by region as a county admin (${byRegionCounty.result.columns.length} column) | ${ms(byRegionCounty.medianMs)} |`,
      `| commonGaps() warm | ${ms(gapsCall.medianMs)} |`,
    ];
    const http = (label: string, w: WrkFigures | null) =>
      w
        ? `| HTTP ${label} (wrk ${WRK_ARGS.slice(0, 3).join(' ')}) | ${Math.round(w.rps).toLocaleString('en-US')} req/s, p50 ${w.p50}, p99 ${w.p99}${w.non2xx ? `, ${w.non2xx} non-2xx` : ''} |`
        : `| HTTP ${label} | wrk not installed |`;
    lines.push(
      http('GET /api/health (baseline)', health),
      http('GET /api/conformance/heatmap', heat),
      http('GET /api/conformance/common-gaps', gaps),
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
