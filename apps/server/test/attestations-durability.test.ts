import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { fromBase64, verifyConsistency, type AttestationReceipt } from '@shangmi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCheckpoint } from '../src/modules/attestations/checkpoint';
import { sha256 } from '../src/modules/attestations/merkle';
import { DEMO_PASSWORD } from './helpers';

// The real server in its own process on a file-backed SQLite data directory, killed with SIGKILL in the
// middle of a burst of attestations; then `shangmi log verify` and `shangmi verify --receipt` as a user runs them.

const BIN = path.resolve(import.meta.dirname, '../bin/shangmi.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function childEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SHANGMI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
    SHANGMI_WEB_DIST: path.join(dataDir, 'no-web'),
    SHANGMI_LOG_KEY: '',
  };
}

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
    env: childEnv(dataDir, port),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) {
        return child;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${stderr}`);
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ent.a.user', password: DEMO_PASSWORD }),
  });
  const cookie = /shangmi_sid=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  const body = (await res.json()) as { csrfToken: string };
  if (!cookie) {
    throw new Error('no session');
  }
  return { cookie, csrf: body.csrfToken };
}

function cli(dataDir: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: childEnv(dataDir, 0),
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('durability of the transparency log under SIGKILL', () => {
  let dataDir: string;
  let port: number;
  let server: ChildProcess | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-tlog-kill-'));
    port = await freePort();
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged entry and stays consistent with every checkpoint issued before the kill', async () => {
    server = await startServer(dataDir, port);
    const base = `http://127.0.0.1:${port}`;
    const session = await login(base);
    const acknowledged = new Map<string, number>();
    const notes = new Set<string>();
    let receipt: { receipt: AttestationReceipt; content: string } | null = null;
    let stop = false;
    let inFlightAtKill = 0;
    let inFlight = 0;

    const client = async (id: number) => {
      for (let n = 0; !stop; n++) {
        const content = `client ${id} file ${n} ${randomBytes(8).toString('hex')}`;
        const hash = createHash('sha256').update(content).digest('hex');
        inFlight += 1;
        try {
          const res = await fetch(`${base}/api/attestations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
            body: JSON.stringify({ sha256: hash }),
          });
          if (res.status === 201) {
            const body = (await res.json()) as { receipt: AttestationReceipt };
            acknowledged.set(hash, body.receipt.leafIndex);
            notes.add(body.receipt.checkpoint);
            receipt ??= { receipt: body.receipt, content };
          }
        } catch {
          // The server died under this request: it was never acknowledged.
        } finally {
          inFlight -= 1;
        }
      }
    };
    const poller = async () => {
      while (!stop) {
        try {
          notes.add(await (await fetch(`${base}/api/log/checkpoint`)).text());
        } catch {
          // killed
        }
        await new Promise((r) => setTimeout(r, 15));
      }
    };
    const clients = [...Array.from({ length: 8 }, (_, i) => client(i)), poller()];
    while (acknowledged.size < 400) {
      await new Promise((r) => setTimeout(r, 10));
    }
    inFlightAtKill = inFlight;
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    stop = true;
    await Promise.all(clients);
    expect(inFlightAtKill).toBeGreaterThan(0);

    server = await startServer(dataDir, port);
    const note = await (await fetch(`${base}/api/log/checkpoint`)).text();
    const key = (await (await fetch(`${base}/api/log/public-key`)).text()).trim();
    const current = openCheckpoint(note, key);
    // Every acknowledged entry is in the log, at the index its receipt gave.
    const logged = new Map<number, string>();
    for (let start = 0; start < current.size; start += 1000) {
      const page = (await (await fetch(`${base}/api/log/entries?start=${start}&end=${start + 1000}`)).json()) as {
        entries: { leafIndex: number; sha256: string }[];
      };
      for (const e of page.entries) {
        logged.set(e.leafIndex, e.sha256);
      }
    }
    expect(current.size).toBeGreaterThanOrEqual(acknowledged.size);
    for (const [hash, index] of acknowledged) {
      expect(logged.get(index)).toBe(hash);
    }
    // Every checkpoint seen before the kill is consistent with the tree after the restart.
    expect(notes.size).toBeGreaterThan(2);
    for (const old of notes) {
      const cp = openCheckpoint(old, key);
      const res = (await (
        await fetch(`${base}/api/log/proof/consistency?from=${cp.size}&to=${current.size}`)
      ).json()) as {
        proof: string[];
      };
      expect(
        verifyConsistency(sha256, cp.size, current.size, cp.rootHash, current.rootHash, res.proof.map(fromBase64)),
      ).toBe(true);
    }
    // The log keeps taking entries after the restart.
    const session2 = await login(base);
    const after = await fetch(`${base}/api/attestations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session2.cookie, 'x-csrf-token': session2.csrf },
      body: JSON.stringify({ sha256: 'ab'.repeat(32) }),
    });
    expect(after.status).toBe(201);
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
    server = null;

    // `shangmi log verify` recomputes everything: intact.
    const ok = cli(dataDir, ['log', 'verify']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('透明日志完整');

    // `shangmi verify --receipt`, offline: the file proves out; another file does not.
    const held = receipt!;
    const receiptFile = path.join(dataDir, 'receipt.json');
    const goodFile = path.join(dataDir, 'file.txt');
    const badFile = path.join(dataDir, 'other.txt');
    fs.writeFileSync(receiptFile, JSON.stringify(held.receipt));
    fs.writeFileSync(goodFile, held.content);
    fs.writeFileSync(badFile, `${held.content}.`);
    const proven = cli(dataDir, ['verify', '--receipt', receiptFile, goodFile, '--public-key', key]);
    expect(proven.status, proven.stderr).toBe(0);
    expect(proven.stdout).toContain('已证明');
    const refused = cli(dataDir, ['verify', '--receipt', receiptFile, badFile, '--public-key', key]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('不一致');
    const wrongKey = cli(dataDir, [
      'verify',
      '--receipt',
      receiptFile,
      goodFile,
      '--public-key',
      key.replace(/\+[0-9a-f]{8}\+/, '+00000000+'),
    ]);
    expect(wrongKey.status).toBe(1);

    // Someone alters one stored entry (a different file hash at index 3): `log verify` catches it.
    const db = new SQLite(path.join(dataDir, 'shangmi.db'));
    const row = db.prepare('select entry from log_entries where leaf_index = 3').get() as { entry: string };
    const bytes = Buffer.from(row.entry, 'base64');
    bytes[5] = bytes[5]! ^ 0xff;
    db.prepare('update log_entries set entry = ? where leaf_index = 3').run(bytes.toString('base64'));
    db.close();
    const caught = cli(dataDir, ['log', 'verify']);
    expect(caught.status).toBe(1);
    expect(caught.stderr).toContain('不一致');
  }, 300_000);
});
