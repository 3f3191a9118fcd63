/**
 * `npm run bench:attestations`: the transparency log under load, on a throw-away SQLite data directory.
 *
 * 1. Appends through the HTTP API with concurrent keep-alive clients (single-hash requests, then batch
 *    requests of 100 and 1000 hashes), 10 s each: sustained appends per second, and the time from sending
 *    a request to its answer — which comes only once its entries are in a signed checkpoint, so it is the
 *    time to checkpoint. /api/health is measured in the same run for scale. The clients run on the same
 *    2 cores as the server (Node, not wrk: wrk is not installed here and the POST bodies need fresh hashes).
 * 2. Inclusion proof generation at 1,000,000 leaves: a log of 10^6 entries is written straight into a
 *    fresh database (entries and node hashes as the integrator writes them), then the log service makes
 *    proofs for random leaves — the same code path as GET /api/log/proof/inclusion — and checks them.
 *
 * Everything it starts, it stops; nothing leaves the loopback interface.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CompactRange, leafHash, nodeKey, toBase64, toHex, verifyInclusion } from '@shangmi/shared';
import { migrateToLatest, openDatabase } from '../src/db/database';
import { generateSigner } from '../src/modules/attestations/checkpoint';
import { TransparencyLog } from '../src/modules/attestations/log.service';
import { sha256 } from '../src/modules/attestations/merkle';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(REPO_ROOT, 'apps/server/bin/shangmi.mjs');
const HOST = '127.0.0.1';
const PASSWORD = 'Shangmi@2025';
const DURATION_MS = 10_000;
const PROOF_LEAVES = 1_000_000;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SHANGMI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, 'serve', '--demo'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://${HOST}:${port}/api/health`);
      if (res.ok) {
        return { child, port };
      }
    } catch {
      // not yet
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

interface Response {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(
  agent: http.Agent,
  port: number,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, method, path: url, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }),
      );
    });
    req.on('error', reject);
    if (body) {
      req.end(body);
    } else {
      req.end();
    }
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface LoadResult {
  name: string;
  connections: number;
  requests: number;
  appends: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

async function load(
  name: string,
  connections: number,
  perRequest: number,
  send: (agent: http.Agent) => Promise<number>,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + DURATION_MS;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const status = await send(agent).catch(() => 0);
        if (status >= 200 && status < 300) {
          latencies.push(performance.now() - t0);
        } else {
          errors += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const result = {
    name,
    connections,
    requests: latencies.length,
    appends: (latencies.length * perRequest) / seconds,
    errors,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
  };
  log(
    `${name}: ${result.appends.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${errors}`,
  );
  return result;
}

/**
 * Open loop: `rate` requests per second whatever the answers, so latency is the time to checkpoint at
 * that offered load rather than queueing at saturation.
 */
async function paced(
  name: string,
  rate: number,
  perRequest: number,
  send: (agent: http.Agent) => Promise<number>,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; performance.now() - started < DURATION_MS; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) {
      await sleep(wait);
    }
    const t0 = performance.now();
    pending.push(
      send(agent)
        .catch(() => 0)
        .then((status) => {
          if (status >= 200 && status < 300) {
            latencies.push(performance.now() - t0);
          } else {
            errors += 1;
          }
        }),
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const result = {
    name,
    connections: rate,
    requests: latencies.length,
    appends: (latencies.length * perRequest) / seconds,
    errors,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
  };
  log(
    `${name}: ${result.appends.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${errors}`,
  );
  return result;
}

async function httpBench(): Promise<{ results: LoadResult[]; health: LoadResult; entries: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-bench-tlog-'));
  const { child, port } = await startServer(dataDir);
  try {
    const agent = new http.Agent({ keepAlive: true });
    const loginRes = await request(
      agent,
      port,
      'POST',
      '/api/auth/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ username: 'ent.a.user', password: PASSWORD }),
    );
    const cookie = /shangmi_sid=[^;]+/.exec(String(loginRes.headers['set-cookie']))?.[0] ?? '';
    const csrf = (JSON.parse(loginRes.body) as { csrfToken: string }).csrfToken;
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
    const hash = () => randomBytes(32).toString('hex');
    // Warm up (JIT, statement cache, PDF-free paths).
    for (let i = 0; i < 50; i++) {
      await request(agent, port, 'POST', '/api/attestations', headers, JSON.stringify({ sha256: hash() }));
    }
    const health = await load(
      'GET /api/health',
      32,
      1,
      async (a) => (await request(a, port, 'GET', '/api/health', {})).status,
    );
    const results = [
      await load(
        'POST /api/attestations (1 hash)',
        32,
        1,
        async (a) =>
          (await request(a, port, 'POST', '/api/attestations', headers, JSON.stringify({ sha256: hash() }))).status,
      ),
      await load(
        'POST /api/attestations/batch (100 hashes)',
        16,
        100,
        async (a) =>
          (
            await request(
              a,
              port,
              'POST',
              '/api/attestations/batch',
              headers,
              JSON.stringify({ items: Array.from({ length: 100 }, () => ({ sha256: hash() })) }),
            )
          ).status,
      ),
      await load(
        'POST /api/attestations/batch (1000 hashes)',
        8,
        1000,
        async (a) =>
          (
            await request(
              a,
              port,
              'POST',
              '/api/attestations/batch',
              headers,
              JSON.stringify({ items: Array.from({ length: 1000 }, () => ({ sha256: hash() })) }),
            )
          ).status,
      ),
      await paced(
        'paced: 20 req/s × 100 hashes (open loop)',
        20,
        100,
        async (a) =>
          (
            await request(
              a,
              port,
              'POST',
              '/api/attestations/batch',
              headers,
              JSON.stringify({ items: Array.from({ length: 100 }, () => ({ sha256: hash() })) }),
            )
          ).status,
      ),
      await paced(
        'paced: 200 req/s × 1 hash (open loop)',
        200,
        1,
        async (a) =>
          (await request(a, port, 'POST', '/api/attestations', headers, JSON.stringify({ sha256: hash() }))).status,
      ),
    ];
    const checkpoint = await request(agent, port, 'GET', '/api/log/checkpoint', {});
    const entries = Number(checkpoint.body.split('\n')[1]);
    agent.destroy();
    return { results, health, entries };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function proofBench(): Promise<{ buildSeconds: number; p50: number; p99: number; mean: number; depth: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-bench-proof-'));
  const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dataDir, 'bench.db') });
  try {
    await migrateToLatest(database.db);
    const t0 = performance.now();
    const range = new CompactRange(sha256);
    const entry = new Uint8Array(73);
    entry[0] = 1;
    let entries: { leaf_index: number; entry: string }[] = [];
    let nodes: { node_key: number; hash: string }[] = [];
    const flush = async () => {
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < entries.length; i += 200) {
          await trx
            .insertInto('log_entries')
            .values(entries.slice(i, i + 200))
            .execute();
        }
        for (let i = 0; i < nodes.length; i += 200) {
          await trx
            .insertInto('log_nodes')
            .values(nodes.slice(i, i + 200))
            .execute();
        }
      });
      entries = [];
      nodes = [];
    };
    for (let i = 0; i < PROOF_LEAVES; i++) {
      entry.set(sha256(new Uint8Array([i & 255, (i >> 8) & 255, (i >> 16) & 255])), 1);
      const bytes = new Uint8Array(entry);
      range.append(leafHash(sha256, bytes), (node, hash) => {
        // As the integrator stores them: leaf hashes are recomputed from entries, not stored.
        if (node.level > 0) {
          nodes.push({ node_key: nodeKey(node), hash: toHex(hash) });
        }
      });
      entries.push({ leaf_index: i, entry: toBase64(bytes) });
      if (entries.length === 50_000) {
        await flush();
      }
    }
    await flush();
    const root = range.root();
    await database.db
      .insertInto('log_state')
      .values({ id: 1, tree_size: PROOF_LEAVES, updated_at: new Date().toISOString() })
      .execute();
    const buildSeconds = (performance.now() - t0) / 1000;
    log(`built a ${PROOF_LEAVES}-leaf log in ${buildSeconds.toFixed(1)} s`);

    const logService = new TransparencyLog(database.db, generateSigner('bench/log'), 'bench/log', {
      info: () => undefined,
      error: (obj, msg) => log(`${msg} ${JSON.stringify(obj)}`),
    });
    await logService.init();
    const times: number[] = [];
    let depth = 0;
    for (let n = 0; n < 3000; n++) {
      const leaf = Math.floor(Math.random() * PROOF_LEAVES);
      const t = performance.now();
      const proof = await logService.inclusionProof(leaf, PROOF_LEAVES);
      const elapsed = performance.now() - t;
      if (n >= 500) {
        times.push(elapsed);
      }
      depth = proof.length;
      if (n % 500 === 0) {
        const bytes = fromBase64Entry(
          await database.db
            .selectFrom('log_entries')
            .select('entry')
            .where('leaf_index', '=', leaf)
            .executeTakeFirstOrThrow(),
        );
        if (!verifyInclusion(sha256, leaf, PROOF_LEAVES, leafHash(sha256, bytes), proof, root)) {
          throw new Error(`proof for leaf ${leaf} does not verify`);
        }
      }
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const result = { buildSeconds, p50: percentile(times, 50), p99: percentile(times, 99), mean, depth };
    log(`inclusion proof at ${PROOF_LEAVES} leaves: p50 ${result.p50.toFixed(3)} ms, p99 ${result.p99.toFixed(3)} ms`);
    return result;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function fromBase64Entry(row: { entry: string }): Uint8Array {
  return new Uint8Array(Buffer.from(row.entry, 'base64'));
}

const ms = (v: number) => v.toFixed(1);
// `-- --http-only` / `-- --proof-only` run one half (the 10^6-leaf build takes minutes).
const only = process.argv.find((a) => a === '--http-only' || a === '--proof-only');
const http_ = only === '--proof-only' ? null : await httpBench();
const proof = only === '--http-only' ? null : await proofBench();
const lines = [
  `Transparency log bench (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end, SQLite, clients on the same machine)`,
  '',
  ...(http_
    ? [
        '| scenario | connections (paced: requests/s) | appends/s | requests | errors | p50 ms (to checkpoint) | p99 ms | max ms |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        ...[http_.health, ...http_.results].map(
          (r) =>
            `| ${r.name} | ${r.connections} | ${r.appends.toFixed(0)} | ${r.requests} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} |`,
        ),
        '',
        `Log size after the HTTP runs: ${http_.entries} entries.`,
        '',
      ]
    : []),
  ...(proof
    ? [
        `Inclusion proof at ${PROOF_LEAVES.toLocaleString('en')} leaves (${proof.depth} hashes, DB-backed, 2,500 random leaves): p50 ${proof.p50.toFixed(3)} ms, p99 ${proof.p99.toFixed(3)} ms, mean ${proof.mean.toFixed(3)} ms (building the 10^6-leaf log directly: ${proof.buildSeconds.toFixed(0)} s).`,
      ]
    : []),
];
process.stdout.write(`${lines.join('\n')}\n`);
