import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../src/db/database';
import { verifyAuditChain, writeAudit } from '../src/modules/audit/index';
import { seedDemo } from '../src/seed/seed.service';
import { syntheticUscc } from '../src/seed/synthetic';
import { createTestApp, regionId, type Session, type TestApp } from './helpers';

const run = promisify(execFile);
const BIN = path.join(import.meta.dirname, '../bin/shangmi.mjs');

describe('the audit chain', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('city.admin');
  });
  afterAll(async () => t.close());

  const newEnterprise = async (serial: number) => ({
    name: `审计测试企业${serial}`,
    uscc: syntheticUscc('371524', 500000 + serial),
    regionId: await regionId(t.db, '371524'),
    address: '东阿县测试路1号',
    industry: 'chemical',
    size: 'small',
    contactName: '张三',
    contactPhone: '0635-1234567',
  });

  it('records each change with actor, request id, client IP and changed field names — never values', async () => {
    const input = await newEnterprise(1);
    const created = await admin.post('/api/enterprises', input);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const patched = await admin.patch(`/api/enterprises/${id}`, { contactName: '李四', address: '东阿县测试路2号' });
    expect(patched.statusCode).toBe(200);
    const log = await admin.get(`/api/audit?entityType=enterprise&entityId=${id}`);
    expect(log.statusCode).toBe(200);
    const items = log.json().items as {
      action: string;
      actorUsername: string;
      requestId: string;
      clientIp: string;
      changedFields: string[];
    }[];
    expect(items.map((i) => i.action)).toEqual(['update', 'create']);
    expect(items[0]).toMatchObject({
      actorUsername: 'city.admin',
      clientIp: '127.0.0.1',
      changedFields: ['address', 'contactName'],
    });
    expect(items[0]?.requestId).toMatch(/[0-9a-f-]{36}/);
    const raw = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
    expect(JSON.stringify(raw)).not.toContain('李四');
  });

  it('writes nothing when the change fails', async () => {
    const before = await t.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    const input = await newEnterprise(1); // same USCC as above → 409
    const res = await admin.post('/api/enterprises', input);
    expect(res.statusCode).toBe(409);
    const after = await t.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('rolls the audit record back with the change (same transaction)', async () => {
    const before = await t.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await writeAudit(
          trx,
          { actor: null, requestId: 'test', clientIp: 'local' },
          { action: 'x', entityType: 'y', entityId: 'z' },
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await t.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('keeps one unbroken chain under concurrent writes', async () => {
    const results = await Promise.all(
      [2, 3, 4, 5, 6, 7].map(async (n) => admin.post('/api/enterprises', await newEnterprise(n))),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const verdict = await verifyAuditChain(t.db);
    expect(verdict.ok).toBe(true);
  });

  it('filters the log by actor and time, and is for administrators only', async () => {
    const byActor = await admin.get('/api/audit?actor=city.admin&pageSize=5');
    expect(byActor.json().items.every((i: { actorUsername: string }) => i.actorUsername === 'city.admin')).toBe(true);
    const future = await admin.get(
      `/api/audit?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`,
    );
    expect(future.json().total).toBe(0);
    const county = await t.login('county.donge');
    expect((await county.get('/api/audit')).statusCode).toBe(403);
  });

  it('detects a record edited directly in the database, naming it', async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const victim = await t.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.db.updateTable('audit_log').set({ actor_username: 'mallory' }).where('seq', '=', victim.seq).execute();
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({ ok: false, brokenSeq: Number(victim.seq) });
  });
});

describe('shangmi audit verify (CLI)', () => {
  it('exits 0 on an intact chain and non-zero naming the first broken record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-audit-'));
    try {
      const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'shangmi.db') });
      await migrateToLatest(database.db);
      await seedDemo(database.db, 'Shangmi@2025', 3);
      await database.close();
      const env = { ...process.env, SHANGMI_DATA_DIR: dir, DATABASE_URL: '' };
      const ok = await run(process.execPath, [BIN, 'audit', 'verify'], { env });
      expect(ok.stdout).toContain('审计链完整');

      const tamper = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'shangmi.db') });
      await tamper.db.updateTable('audit_log').set({ action: 'forged' }).where('seq', '=', 1).execute();
      await tamper.close();
      const broken = await run(process.execPath, [BIN, 'audit', 'verify'], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(broken?.code).toBe(1);
      expect(broken?.stderr).toContain('#1');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
