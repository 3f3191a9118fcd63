/**
 * `npm run bench`: seeds a throw-away SQLite database (demo + 20 000 synthetic enterprises), starts the
 * real server on 127.0.0.1, loads it with wrk (bounded: 2 threads, 32 connections, 10 s per scenario),
 * measures a 10 000-row Excel import over HTTP, and prints a Markdown table (also written to
 * bench-results/latest.md). Everything it starts, it stops; nothing leaves the loopback interface.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchImportWorkbook } from './import-workbook';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(REPO_ROOT, 'apps/server/bin/shangmi.mjs');
const HOST = '127.0.0.1';
const SCALE = 20_000;
const IMPORT_ROWS = 10_000;
const WRK_ARGS = ['-t2', '-c32', '-d10s', '--timeout', '5s'];
const PASSWORD = 'Shangmi@2025';
/** A substring that many synthetic names contain (…科技有限公司, …科技…), so the search scans and counts for real. */
const COMMON_QUERY = '科技';
const MARK = 'BENCH_JSON ';

interface WrkResult {
  requests: number;
  durationUs: number;
  socketErrors: number;
  non2xx: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

interface EventLoopStats {
  eventLoopDelayP50Ms?: number;
  eventLoopDelayP99Ms?: number;
  eventLoopDelayMaxMs?: number;
}

interface RunningServer {
  child: ChildProcess;
  base: string;
  stdout: string[];
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function requireWrk(): void {
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
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

function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SHANGMI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  // The bench measures the default single-file deployment (SQLite); a DATABASE_URL in the shell must not leak in.
  delete env.DATABASE_URL;
  return env;
}

function cli(dataDir: string, args: string[]): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: serverEnv(dataDir),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`shangmi ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  log(`shangmi ${args.join(' ')}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO_ROOT,
    env: serverEnv(dataDir, { PORT: String(port), HOST, SHANGMI_EVENT_LOOP_STATS: '1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => process.stderr.write(chunk));
  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited early (${child.exitCode}): ${stdout.join('')}`);
    }
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) {
        return { child, base, stdout };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('server did not become healthy within 30 s');
}

/** SIGTERM, wait for the exit (SIGKILL after 10 s), and read the event-loop line the server prints on shutdown. */
async function stopServer(server: RunningServer): Promise<EventLoopStats | null> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  for (const line of server.stdout.join('').split('\n')) {
    if (line.includes('"eventLoopDelayP99Ms"')) {
      try {
        return JSON.parse(line.trim()) as EventLoopStats;
      } catch {
        return null;
      }
    }
  }
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function login(base: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'city.admin', password: PASSWORD }),
  });
  if (!res.ok) {
    throw new Error(`login failed: ${res.status} ${await res.text()}`);
  }
  const setCookie = res.headers.get('set-cookie') ?? '';
  const match = /shangmi_sid=([^;]+)/.exec(setCookie);
  if (!match) {
    throw new Error('login returned no session cookie');
  }
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: `shangmi_sid=${match[1]}`, csrfToken: body.csrfToken };
}

function writeLuaScript(dir: string): string {
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

async function runWrk(label: string, url: string, script: string, headers: string[] = []): Promise<WrkResult> {
  if (!url.startsWith(`http://${HOST}:`)) {
    throw new Error(`refusing to load anything but ${HOST}: ${url}`);
  }
  log(`wrk ${WRK_ARGS.join(' ')} ${label}`);
  const args = [...WRK_ARGS, '-s', script, ...headers.flatMap((h) => ['-H', h]), url];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
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

interface ImportTiming {
  rows: number;
  fileBytes: number;
  validateSeconds: number;
  commitSeconds: number;
  validRows: number;
  importedRows: number;
  /** Latency of /api/health probed every 50 ms during the import: what other users felt. */
  healthP99Ms: number;
  healthMaxMs: number;
}

interface ImportJobState {
  status: string;
  validRows: number;
  importedRows: number;
  errors: unknown[];
  message: string | null;
}

async function pollJob(
  base: string,
  cookie: string,
  jobId: string,
  until: (status: string) => boolean,
): Promise<ImportJobState> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/api/enterprises/import/${jobId}`, { headers: { cookie } });
    if (!res.ok) {
      throw new Error(`poll ${jobId}: ${res.status} ${await res.text()}`);
    }
    const job = (await res.json()) as ImportJobState;
    if (until(job.status)) {
      return job;
    }
    await sleep(100);
  }
  throw new Error(`import job ${jobId} did not finish within 120 s`);
}

async function measureImport(base: string, session: { cookie: string; csrfToken: string }): Promise<ImportTiming> {
  log(`building a ${IMPORT_ROWS}-row import file`);
  const file = await benchImportWorkbook(IMPORT_ROWS);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };

  // Probe health while the import runs, to see whether it stalls other requests.
  const probes: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const started = performance.now();
      await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
      probes.push(performance.now() - started);
      await sleep(50);
    }
  })();

  try {
    const form = new FormData();
    form.append(
      'file',
      new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      'bench-import.xlsx',
    );
    const started = performance.now();
    const upload = await fetch(`${base}/api/enterprises/import`, { method: 'POST', headers, body: form });
    if (upload.status !== 202) {
      throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    }
    const { jobId } = (await upload.json()) as { jobId: string };
    const validated = await pollJob(base, session.cookie, jobId, (s) => s !== 'validating');
    const validateSeconds = (performance.now() - started) / 1000;
    if (validated.status !== 'validated' || validated.validRows !== IMPORT_ROWS) {
      throw new Error(`validation: ${JSON.stringify({ ...validated, errors: validated.errors.slice(0, 5) })}`);
    }
    const commitStarted = performance.now();
    const commit = await fetch(`${base}/api/enterprises/import/${jobId}/commit`, { method: 'POST', headers });
    if (commit.status !== 202) {
      throw new Error(`commit: ${commit.status} ${await commit.text()}`);
    }
    const done = await pollJob(base, session.cookie, jobId, (s) => s !== 'importing');
    const commitSeconds = (performance.now() - commitStarted) / 1000;
    if (done.status !== 'done') {
      throw new Error(`commit ended ${done.status}: ${done.message ?? ''}`);
    }
    const sorted = [...probes].sort((a, b) => a - b);
    return {
      rows: IMPORT_ROWS,
      fileBytes: file.length,
      validateSeconds,
      commitSeconds,
      validRows: validated.validRows,
      importedRows: done.importedRows,
      healthP99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
      healthMaxMs: sorted[sorted.length - 1] ?? 0,
    };
  } finally {
    probing = false;
    await prober;
  }
}

const ms = (us: number) => `${(us / 1000).toFixed(2)} ms`;
const rate = (r: WrkResult) => r.requests / (r.durationUs / 1e6);
const elMs = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(2)} ms`);

function report(
  scenarios: Array<{ name: string; result: WrkResult }>,
  loadLoop: EventLoopStats | null,
  importTiming: ImportTiming,
  importLoop: EventLoopStats | null,
  seconds: number,
): string {
  const health = scenarios[0]?.result;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `# Shangmi bench — ${new Date().toISOString()}`,
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}.`,
    `Database: SQLite (file in a temp dir), demo data + ${SCALE.toLocaleString('en')} synthetic enterprises. wrk ${WRK_ARGS.join(' ')} on ${HOST}.`,
    '',
    '| Scenario | req/s | p50 | p99 | max | req/s vs health | p99 vs health | non-2xx / socket errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { name, result } of scenarios) {
    const rateRatio = health ? rate(result) / rate(health) : 1;
    const p99Ratio = health ? result.p99Us / health.p99Us : 1;
    lines.push(
      `| ${name} | ${rate(result).toFixed(0)} | ${ms(result.p50Us)} | ${ms(result.p99Us)} | ${ms(result.maxUs)} | ${rateRatio.toFixed(2)} | ${p99Ratio.toFixed(1)}× | ${result.non2xx} / ${result.socketErrors} |`,
    );
  }
  lines.push(
    '',
    `Server event-loop delay over the three load runs: p50 ${elMs(loadLoop?.eventLoopDelayP50Ms)}, p99 ${elMs(loadLoop?.eventLoopDelayP99Ms)}, max ${elMs(loadLoop?.eventLoopDelayMaxMs)}.`,
    '',
    '| Import (HTTP, one user) | value |',
    '|---|---:|',
    `| rows / file size | ${importTiming.rows.toLocaleString('en')} / ${(importTiming.fileBytes / 1024).toFixed(0)} KiB |`,
    `| upload + parse + validate (until status validated) | ${importTiming.validateSeconds.toFixed(2)} s |`,
    `| commit (until status done, ${importTiming.importedRows.toLocaleString('en')} rows written) | ${importTiming.commitSeconds.toFixed(2)} s |`,
    `| total | ${(importTiming.validateSeconds + importTiming.commitSeconds).toFixed(2)} s |`,
    `| /api/health latency during the import (probe every 50 ms): p99 / max | ${importTiming.healthP99Ms.toFixed(1)} ms / ${importTiming.healthMaxMs.toFixed(1)} ms |`,
    `| server event-loop delay during the import server's life: p99 / max | ${elMs(importLoop?.eventLoopDelayP99Ms)} / ${elMs(importLoop?.eventLoopDelayMaxMs)} |`,
    '',
    `Bench wall time: ${seconds.toFixed(0)} s.`,
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  requireWrk();
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-bench-'));
  let server: RunningServer | null = null;
  const abort = () => {
    server?.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    cli(dataDir, ['seed', '--demo']);
    cli(dataDir, ['seed', '--scale', String(SCALE)]);
    const script = writeLuaScript(dataDir);

    // Server 1: the read-path load runs, so its event-loop figure covers only them.
    server = await startServer(dataDir);
    const session = await login(server.base);
    const regions = (await (await fetch(`${server.base}/api/regions`)).json()) as {
      items: Array<{ children: Array<{ id: string; name: string }> }>;
    };
    const donge = regions.items[0]?.children.find((r) => r.name === '东阿县');
    if (!donge) {
      throw new Error('region 东阿县 not found');
    }
    const cookieHeader = [`Cookie: ${session.cookie}`];
    const scenarios = [
      { name: 'GET /api/health (baseline)', result: await runWrk('health', `${server.base}/api/health`, script) },
      {
        name: `GET /api/enterprises?q=${COMMON_QUERY}&pageSize=20`,
        result: await runWrk(
          'search',
          `${server.base}/api/enterprises?q=${encodeURIComponent(COMMON_QUERY)}&pageSize=20`,
          script,
          cookieHeader,
        ),
      },
      {
        name: 'GET /api/enterprises?industry=chemical&regionId=东阿县&pageSize=20',
        result: await runWrk(
          'filter',
          `${server.base}/api/enterprises?industry=chemical&regionId=${donge.id}&pageSize=20`,
          script,
          cookieHeader,
        ),
      },
    ];
    const loadLoop = await stopServer(server);
    server = null;

    // Server 2: the import, with the same data.
    server = await startServer(dataDir);
    const importTiming = await measureImport(server.base, await login(server.base));
    const importLoop = await stopServer(server);
    server = null;

    const markdown = report(scenarios, loadLoop, importTiming, importLoop, (performance.now() - started) / 1000);
    process.stdout.write(`${markdown}\n`);
    const outDir = path.join(REPO_ROOT, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'latest.md'), markdown);
    log(`written to ${path.relative(process.cwd(), path.join(outDir, 'latest.md'))}`);
  } finally {
    if (server) {
      await stopServer(server);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
