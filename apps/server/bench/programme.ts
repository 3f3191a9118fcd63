/**
 * `npm run bench:programme`: the programme's progress at province scale. Builds a throw-away SQLite
 * database (demo data + a synthetic province: 16 cities, 50,000 enterprises, 2,000 designations, 20,000
 * certificates, a province programme over the 16 cities), times each query the progress answer runs,
 * then starts the real server on 127.0.0.1 and loads it with wrk (2 threads, 32 connections, 10 s per
 * scenario): /api/health and the progress of the province and of Liaocheng, in the same run, so the
 * ratio to health is what the machine's noise leaves comparable. Prints Markdown (also written to
 * bench-results/programme.md). Everything it starts, it stops.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateToLatest, openDatabase } from '../src/db/database';
import { conformingByRegion, countConformingEnterprises } from '../src/modules/certificates/index';
import { countDesignations, designationSpans } from '../src/modules/designations/index';
import { seedDemo } from '../src/seed/seed.service';
import { seedProvinceScale } from '../src/seed/province-scale';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(REPO_ROOT, 'apps/server/bin/shangmi.mjs');
const HOST = '127.0.0.1';
const PASSWORD = 'Shangmi@2025';
const WRK_ARGS = ['-t2', '-c32', '-d10s', '--timeout', '5s'];
const MARK = 'BENCH_JSON ';
const AS_OF = '2025-09-30';

const log = (message: string) => process.stderr.write(`[bench:programme] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface WrkResult {
  requests: number;
  durationUs: number;
  socketErrors: number;
  non2xx: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

function requireWrk(): void {
  if (spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error) {
    process.stderr.write('wrk 未安装（not on PATH）。请先安装：apt-get install -y wrk\n');
    process.exit(1);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SHANGMI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited early (${child.exitCode})`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        return { child, base };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('server did not become healthy within 30 s');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function luaScript(dir: string): string {
  const file = path.join(dir, 'report.lua');
  fs.writeFileSync(
    file,
    `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('${MARK}{"requests":%d,"durationUs":%d,"socketErrors":%d,"non2xx":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`,
  );
  return file;
}

async function runWrk(url: string, script: string, headers: string[] = []): Promise<WrkResult> {
  if (!url.startsWith(`http://${HOST}:`)) {
    throw new Error(`refusing to load anything but ${HOST}: ${url}`);
  }
  log(`wrk ${WRK_ARGS.join(' ')} ${url}`);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', [...WRK_ARGS, '-s', script, ...headers.flatMap((h) => ['-H', h]), url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve(text);
      } else {
        reject(new Error(`wrk exited ${code}: ${text}`));
      }
    });
  });
  const line = output.split('\n').find((l) => l.startsWith(MARK));
  if (!line) {
    throw new Error(`wrk printed no summary: ${output}`);
  }
  return JSON.parse(line.slice(MARK.length)) as WrkResult;
}

/** Median and worst of `runs` timed calls, in ms (after one warm-up call). */
async function timeQuery(run: () => Promise<unknown>, runs = 20): Promise<{ medianMs: number; maxMs: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, maxMs: times[times.length - 1] ?? 0 };
}

async function main(): Promise<void> {
  requireWrk();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-bench-programme-'));
  const lines: string[] = [];
  let server: { child: ChildProcess; base: string } | null = null;
  try {
    log(`seeding ${dataDir}`);
    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dataDir, 'shangmi.db') });
    await migrateToLatest(database.db);
    let started = performance.now();
    await seedDemo(database.db, PASSWORD, 200);
    const counts = await seedProvinceScale(database.db);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`seeded ${JSON.stringify(counts)} in ${seedSeconds.toFixed(1)} s`);

    const province = await database.db
      .selectFrom('regions')
      .select(['id', 'path'])
      .where('code', '=', '380000')
      .executeTakeFirstOrThrow();
    const queries: [string, () => Promise<unknown>][] = [
      ['countDesignations (all counties, one date)', () => countDesignations(database.db, { asOf: AS_OF })],
      ['conformingByRegion (one date)', () => conformingByRegion(database.db, AS_OF)],
      [
        'countConformingEnterprises (province subtree)',
        () => countConformingEnterprises(database.db, { asOf: AS_OF, regionPath: province.path }),
      ],
      ['designationSpans (all, for the chart)', () => designationSpans(database.db)],
    ];
    const timings: string[] = [];
    for (const [label, run] of queries) {
      const t = await timeQuery(run);
      timings.push(`| ${label} | ${t.medianMs.toFixed(2)} | ${t.maxMs.toFixed(2)} |`);
    }
    await database.close();

    // The secret register's master key (the server refuses to start without one outside `serve --demo`).
    fs.writeFileSync(path.join(dataDir, 'master.key'), randomBytes(32).toString('base64'), { mode: 0o600 });
    server = await startServer(dataDir);
    const serverStarted = performance.now();
    const login = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city.admin', password: PASSWORD }),
    });
    const cookie = `shangmi_sid=${/shangmi_sid=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? ''}`;
    const programmes = (await (await fetch(`${server.base}/api/programmes`, { headers: { cookie } })).json()) as {
      items: { id: string; regionCode: string }[];
    };
    const provinceProgramme = programmes.items.find((p) => p.regionCode === '380000');
    const cityProgramme = programmes.items.find((p) => p.regionCode === '371500');
    if (!provinceProgramme || !cityProgramme) {
      throw new Error('programmes missing after seeding');
    }
    started = performance.now();
    const sample = await fetch(`${server.base}/api/programmes/${provinceProgramme.id}/progress?asOf=${AS_OF}`, {
      headers: { cookie },
    });
    const single = performance.now() - started;
    const body = (await sample.json()) as {
      kinds: { kind: string; actual: number; target: number }[];
      regions: unknown[];
    };
    log(
      `province progress: ${JSON.stringify(body.kinds)} over ${body.regions.length} cities (${single.toFixed(1)} ms)`,
    );

    // The server's background jobs make their first runs 30–45 s after start (certificate renewals open
    // assessments for the certificates near expiry: hundreds at this scale). Measure after them.
    const settle = 50_000 - (performance.now() - serverStarted);
    if (settle > 0) {
      log(`waiting ${(settle / 1000).toFixed(0)} s for the background jobs' first runs`);
      await sleep(settle);
    }
    const script = luaScript(dataDir);
    const health = await runWrk(`${server.base}/api/health`, script);
    const listRun = await runWrk(`${server.base}/api/programmes`, script, [`Cookie: ${cookie}`]);
    const provinceRun = await runWrk(
      `${server.base}/api/programmes/${provinceProgramme.id}/progress?asOf=${AS_OF}`,
      script,
      [`Cookie: ${cookie}`],
    );
    const cityRun = await runWrk(`${server.base}/api/programmes/${cityProgramme.id}/progress?asOf=${AS_OF}`, script, [
      `Cookie: ${cookie}`,
    ]);
    const rps = (r: WrkResult) => r.requests / (r.durationUs / 1e6);
    const row = (label: string, r: WrkResult) =>
      `| ${label} | ${rps(r).toFixed(0)} | ${(rps(r) / rps(health)).toFixed(3)} | ${(r.p50Us / 1000).toFixed(1)} | ${(r.p99Us / 1000).toFixed(1)} | ${(r.p99Us / health.p99Us).toFixed(1)} | ${r.non2xx + r.socketErrors} |`;
    lines.push(
      `Data set: ${counts.enterprises} enterprises, ${counts.designations} designations, ${counts.certificates} certificates over 16 synthetic cities (+ the demo data), seeded in ${seedSeconds.toFixed(0)} s. wrk ${WRK_ARGS.join(' ')}, SQLite, one server process; ${os.cpus().length} CPUs.`,
      '',
      '| scenario | req/s | req/s ÷ health | p50 ms | p99 ms | p99 ÷ health p99 | errors |',
      '|---|---|---|---|---|---|---|',
      row('GET /api/health', health),
      row('GET /api/programmes (signed in: session + 2 queries)', listRun),
      row(`GET progress, province (16 cities), asOf ${AS_OF}`, provinceRun),
      row(`GET progress, 聊城市 (11 counties), asOf ${AS_OF}`, cityRun),
      '',
      '| query (in-process, SQLite) | median ms | max ms (20 runs) |',
      '|---|---|---|',
      ...timings,
    );
    const text = `${lines.join('\n')}\n`;
    process.stdout.write(text);
    const out = path.join(REPO_ROOT, 'bench-results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'programme.md'), text);
  } finally {
    if (server) {
      await stopServer(server.child);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
