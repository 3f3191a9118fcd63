/**
 * `npm run bench:secrets`: the secret register of one enterprise with 5,000 secret points and 2,000
 * personnel (3 knowers, a carrier and a measure per point, agreements for most people), in a throw-away
 * SQLite file built with the app's migrations and sealed with a throw-away master key.
 *  1. Service calls, in process: the register's first page, a search, a category+level filter, the
 *     readiness filter (computes readiness over the whole register), opening a point (decryption + access
 *     log), the personnel list, the attention card and the government summary.
 *  2. Over HTTP with wrk (loopback, bounded: 2 threads, 16 connections, 8 s each) against GET /api/health
 *     in the same run as the baseline.
 * Prints a Markdown table. Everything it starts, it stops; nothing leaves the loopback interface.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { permissionsOf, SECRET_CATEGORIES } from '@shangmi/shared';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrateToLatest, openDatabase } from '../src/db/database';
import type { RequestContext } from '../src/lib/context';
import { newId, nowIso } from '../src/lib/ids';
import { installMasterKey, masterKeyFrom, sealerFor } from '../src/lib/keyring';
import { listPersonnel } from '../src/modules/secrets/people.service';
import {
  acknowledgePoint,
  attention,
  getPoint,
  listRegister,
  secretSummary,
} from '../src/modules/secrets/secrets.service';
import { seedDemo } from '../src/seed/seed.service';

const POINTS = 5_000;
const PERSONNEL = 2_000;
const PASSWORD = 'Shangmi@2025';
const HOST = '127.0.0.1';
const WRK_ARGS = ['-t2', '-c16', '-d8s', '--timeout', '5s', '--latency'];
const ENTERPRISE = '东阿示范阿胶股份有限公司';

const log = (message: string) => process.stderr.write(`[bench:secrets] ${message}\n`);

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timeIt<T>(fn: () => Promise<T>, runs: number): Promise<{ medianMs: number; result: T }> {
  let result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    result = await fn();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), result };
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
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50: /\s50%\s+(\S+)/.exec(output)?.[1] ?? '?',
    p99: /\s99%\s+(\S+)/.exec(output)?.[1] ?? '?',
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-bench-secrets-'));
  installMasterKey(masterKeyFrom(randomBytes(32), 'bench'));
  const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'shangmi.db') });
  const db = database.db;
  try {
    await migrateToLatest(db);
    await seedDemo(db, PASSWORD, 20);
    const enterprise = await db
      .selectFrom('enterprises as e')
      .innerJoin('regions as r', 'r.id', 'e.region_id')
      .select(['e.id', 'e.region_id', 'r.path', 'r.name'])
      .where('e.name', '=', ENTERPRISE)
      .executeTakeFirstOrThrow();
    const admin = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('username', '=', 'ent.a.admin')
      .executeTakeFirstOrThrow();
    const enterpriseId = enterprise.id;

    log(`seeding ${POINTS} points and ${PERSONNEL} personnel`);
    const seedStarted = performance.now();
    const rand = random(7);
    const at = nowIso();
    const departments = ['技术研发中心', '生产部', '质量部', '销售部', '采购部', '信息部', '财务部', '行政部'];
    const sealer = await sealerFor(db, enterpriseId);
    const people: string[] = [];
    await db.transaction().execute(async (trx) => {
      const rows = [];
      for (let i = 0; i < PERSONNEL; i += 1) {
        const id = newId();
        people.push(id);
        rows.push({
          id,
          enterprise_id: enterpriseId,
          name: `员工${String(i).padStart(4, '0')}`,
          department: departments[i % departments.length] ?? '生产部',
          post: '岗位',
          hire_date: '2020-01-01',
          status: 'active',
          left_on: null,
          user_id: null,
          notes_enc: null,
          created_at: at,
          updated_at: at,
        });
      }
      for (let i = 0; i < rows.length; i += 200) {
        await trx
          .insertInto('personnel')
          .values(rows.slice(i, i + 200))
          .execute();
      }
      const agreements = people
        .filter(() => rand() < 0.85)
        .map((personnelId) => ({
          id: newId(),
          enterprise_id: enterpriseId,
          personnel_id: personnelId,
          kind: 'confidentiality',
          signed_on: '2020-01-01',
          effective_from: '2020-01-01',
          effective_until: null,
          restricted_months: null,
          monthly_compensation_fen: null,
          document_name: null,
          document_mime: null,
          document_size: null,
          document_key: null,
          status: 'active',
          created_by: admin.id,
          created_at: at,
          updated_at: at,
        }));
      for (let i = 0; i < agreements.length; i += 200) {
        await trx
          .insertInto('agreements')
          .values(agreements.slice(i, i + 200))
          .execute();
      }
      const levels = ['core', 'important', 'important', 'general', 'general'];
      for (let start = 0; start < POINTS; start += 100) {
        const points = [];
        const scope = [];
        const carriers = [];
        const measures = [];
        for (let i = start; i < start + 100; i += 1) {
          const id = newId();
          const content = `秘点 ${i} 的具体内容：参数甲 ${(rand() * 100).toFixed(2)}，参数乙 ${(rand() * 100).toFixed(2)}，工序说明若干字以满足具体性要求。`;
          points.push({
            id,
            enterprise_id: enterpriseId,
            number: `MD-2025-${String(i + 1).padStart(4, '0')}`,
            name: `秘点${i}号`,
            category: SECRET_CATEGORIES[i % SECRET_CATEGORIES.length] ?? 'formula',
            level_code: levels[i % levels.length] ?? 'general',
            protected_until: null,
            department: departments[i % departments.length] ?? '生产部',
            status: i % 7 === 0 ? 'draft' : 'confirmed',
            content_enc: sealer.encrypt(content, { table: 'secret_points', column: 'content', rowId: id }),
            value_statement_enc:
              i % 2 === 0
                ? sealer.encrypt('商业价值', { table: 'secret_points', column: 'value_statement', rowId: id })
                : null,
            notes_enc: null,
            content_chars: [...content].length,
            created_by: admin.id,
            confirmed_by: null,
            confirmed_at: null,
            created_at: at,
            updated_at: at,
          });
          const knowers = new Set<string>();
          while (knowers.size < 3) {
            knowers.add(people[Math.floor(rand() * people.length)] ?? '');
          }
          for (const personnelId of knowers) {
            scope.push({ secret_point_id: id, personnel_id: personnelId, added_at: at });
          }
          const carrierId = newId();
          carriers.push({
            id: carrierId,
            secret_point_id: id,
            enterprise_id: enterpriseId,
            kind: 'paper',
            label: '原件',
            location_enc: sealer.encrypt('保密柜', { table: 'secret_carriers', column: 'location', rowId: carrierId }),
            custodian_personnel_id: [...knowers][0] ?? null,
            status: 'held',
            created_at: at,
            updated_at: at,
          });
          const measureId = newId();
          measures.push({
            id: measureId,
            secret_point_id: id,
            enterprise_id: enterpriseId,
            requirement_code: '9.1.2',
            description_enc: sealer.encrypt('加锁', {
              table: 'secret_measures',
              column: 'description',
              rowId: measureId,
            }),
            status: 'in_place',
            created_at: at,
            updated_at: at,
          });
        }
        await trx.insertInto('secret_points').values(points).execute();
        await trx.insertInto('secret_point_personnel').values(scope).execute();
        await trx.insertInto('secret_carriers').values(carriers).execute();
        await trx.insertInto('secret_measures').values(measures).execute();
      }
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const ctx: RequestContext = {
      requestId: 'bench',
      clientIp: '127.0.0.1',
      actor: {
        userId: admin.id,
        username: 'ent.a.admin',
        displayName: admin.display_name,
        roles: ['enterprise_admin'],
        permissions: permissionsOf(['enterprise_admin']),
        organizationId: enterpriseId,
        organizationName: ENTERPRISE,
        organizationKind: 'enterprise',
        regionId: enterprise.region_id,
        regionName: enterprise.name,
        regionPath: enterprise.path,
        enterpriseId,
      },
    };
    const target = await db
      .selectFrom('secret_points')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .where('number', '=', 'MD-2025-2501')
      .executeTakeFirstOrThrow();
    await acknowledgePoint(db, ctx, enterpriseId, target.id);

    log('service calls');
    const page1 = await timeIt(() => listRegister(db, ctx, enterpriseId, { page: 1, pageSize: 20 }), 20);
    const search = await timeIt(() => listRegister(db, ctx, enterpriseId, { q: '秘点12', page: 1, pageSize: 20 }), 20);
    const filter = await timeIt(
      () => listRegister(db, ctx, enterpriseId, { category: 'formula', level: 'core', page: 1, pageSize: 20 }),
      20,
    );
    const lowReadiness = await timeIt(
      () => listRegister(db, ctx, enterpriseId, { readinessBelow: 80, page: 1, pageSize: 20 }),
      5,
    );
    const open = await timeIt(() => getPoint(db, ctx, enterpriseId, target.id), 50);
    const personnel = await timeIt(() => listPersonnel(db, ctx, enterpriseId, { page: 1, pageSize: 20 }), 10);
    const attentionCall = await timeIt(() => attention(db, ctx, enterpriseId), 5);
    const summary = await timeIt(() => secretSummary(db, enterpriseId), 5);

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
    const figures: [string, WrkFigures | null][] = [];
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'ent.a.admin', password: PASSWORD },
      });
      const sid = login.cookies.find((c) => c.name === 'shangmi_sid')?.value ?? '';
      const cookie = [`Cookie: shangmi_sid=${sid}`];
      const e = `${base}/api/enterprises/${enterpriseId}`;
      figures.push(['GET /api/health (baseline)', await wrk(`${base}/api/health`, [])]);
      figures.push(['GET /api/auth/me (signed-in baseline)', await wrk(`${base}/api/auth/me`, cookie)]);
      figures.push(['GET …/secret-points (page 1 of 5,000)', await wrk(`${e}/secret-points`, cookie)]);
      figures.push([
        'GET …/secret-points?category=formula&level=core',
        await wrk(`${e}/secret-points?category=formula&level=core`, cookie),
      ]);
      figures.push([
        'GET …/secret-points?q=秘点12',
        await wrk(`${e}/secret-points?q=${encodeURIComponent('秘点12')}`, cookie),
      ]);
      figures.push([
        'GET …/secret-points/{id} (decrypt + access log write)',
        await wrk(`${e}/secret-points/${target.id}`, cookie),
      ]);
      figures.push(['GET …/personnel (page 1 of 2,000)', await wrk(`${e}/personnel`, cookie)]);
    } finally {
      await app.close();
    }

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const health = figures[0]?.[1];
    const lines = [
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}, SQLite (better-sqlite3), ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| measurement | figure |',
      '|---|---|',
      `| data set | ${POINTS.toLocaleString('en-US')} points (3 knowers, 1 carrier, 1 measure each), ${PERSONNEL.toLocaleString('en-US')} personnel, ~85 % with a confidentiality agreement; sealed and inserted in ${seedSeconds.toFixed(1)} s |`,
      `| listRegister page 1 (readiness of 20 rows) | ${ms(page1.medianMs)} (median of 20) |`,
      `| listRegister search q=秘点12 (${search.result.total} matches) | ${ms(search.medianMs)} |`,
      `| listRegister category + level (${filter.result.total} matches) | ${ms(filter.medianMs)} |`,
      `| listRegister readinessBelow=80 (readiness of all ${POINTS.toLocaleString('en-US')}; ${lowReadiness.result.total} matches) | ${ms(lowReadiness.medianMs)} (median of 5) |`,
      `| getPoint: decrypt content, carriers, measures, events + log the read | ${ms(open.medianMs)} (median of 50) |`,
      `| listPersonnel page 1 (flags from 15,000 scope pairs) | ${ms(personnel.medianMs)} |`,
      `| attention (home card, whole register) | ${ms(attentionCall.medianMs)} |`,
      `| secretSummary (government aggregates) | ${ms(summary.medianMs)} |`,
      ...figures.map(([label, w]) =>
        w
          ? `| HTTP ${label} (wrk ${WRK_ARGS.slice(0, 3).join(' ')}) | ${Math.round(w.rps).toLocaleString('en-US')} req/s${health && w !== health ? ` (${((w.rps / health.rps) * 100).toFixed(1)} % of health)` : ''}, p50 ${w.p50}, p99 ${w.p99}${w.non2xx ? `, ${w.non2xx} non-2xx` : ''} |`
          : `| HTTP ${label} | wrk not installed |`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    installMasterKey(null);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
