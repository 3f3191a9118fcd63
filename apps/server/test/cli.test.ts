import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';

const run = promisify(execFile);
const BIN = path.join(import.meta.dirname, '../bin/shangmi.mjs');

/** Runs `shangmi …` with text on standard input; resolves with the exit code and output. */
function runWithInput(args: string[], input: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// The CLI is exercised on an SQLite file in a temporary data directory (the PostgreSQL path is the same code).
describe('the shangmi command', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-cli-'));
    env = { ...process.env, SHANGMI_DATA_DIR: dir, DATABASE_URL: '' };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates, then says the database is up to date', async () => {
    const first = await run(process.execPath, [BIN, 'migrate'], { env });
    expect(first.stdout).toContain('已执行迁移');
    const second = await run(process.execPath, [BIN, 'migrate'], { env });
    expect(second.stdout).toContain('数据库已是最新');
  });

  it('creates the first administrator with the password from stdin, who can then log in', async () => {
    const weak = await runWithInput(['admin', 'create', '--username', 'root.admin'], 'short\n', env);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('密码长度');
    const ok = await runWithInput(
      ['admin', 'create', '--username', 'root.admin', '--display-name', '系统管理员'],
      'Str0ng#Passw0rd\n',
      env,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('已创建用户 root.admin');
    const again = await runWithInput(['admin', 'create', '--username', 'root.admin'], 'Str0ng#Passw0rd\n', env);
    expect(again.code).toBe(1);

    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'shangmi.db') });
    const app = await buildApp({
      db: database.db,
      dialect: 'sqlite',
      config: { ...loadConfig({}), dataDir: dir },
      serveWeb: false,
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'root.admin', password: 'Str0ng#Passw0rd' },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().user).toMatchObject({ roles: ['city_admin'], organization: { name: '市市场监管局' } });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('seeds N synthetic enterprises with valid, unique USCCs', async () => {
    const res = await run(process.execPath, [BIN, 'seed', '--scale', '300'], { env });
    expect(res.stdout).toContain('已合成 300 家企业');
    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'shangmi.db') });
    try {
      const row = await database.db
        .selectFrom('enterprises')
        .select([
          sql<number>`count(*)`.as('n'),
          sql<number>`count(distinct uscc)`.as('u'),
          sql<number>`sum(synthetic)`.as('s'),
        ])
        .executeTakeFirstOrThrow();
      expect([Number(row.n), Number(row.u), Number(row.s)]).toEqual([300, 300, 300]);
      const regions = await database.db
        .selectFrom('organizations')
        .select('region_id')
        .distinct()
        .where('kind', '=', 'enterprise')
        .execute();
      expect(regions.length).toBeGreaterThan(5);
    } finally {
      await database.close();
    }
    const bad = await run(process.execPath, [BIN, 'seed', '--scale', 'many'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((bad as { code: number }).code).not.toBe(0);
  });

  it('writes the OpenAPI document', async () => {
    const out = path.join(dir, 'openapi.json');
    await run(process.execPath, [BIN, 'openapi', '--out', out], { env });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/enterprises');
  });
});
