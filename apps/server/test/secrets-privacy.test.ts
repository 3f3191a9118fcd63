import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrateToLatest, openDatabase, type Database } from '../src/db/database';
import { installMasterKey, resolveMasterKey } from '../src/lib/keyring';
import { rotateMasterKey } from '../src/modules/secrets/cli';
import { seedDemo } from '../src/seed/seed.service';
import { createTestApp, DEMO_PASSWORD, enterpriseIdByName, type TestApp } from './helpers';

const usesPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/** Distinctive plaintexts: none of them may appear in the database file. */
const SECRETS = {
  content: '绝密配方甲乙丙丁 QUOKKA-CONTENT-7731：蒸制温度 93.5℃ 保持 41 分钟',
  value: '年利润贡献 PANGOLIN-VALUE-4410 万元',
  notes: '备注 AXOLOTL-NOTES-9902',
  location: '地下二层 NARWHAL-LOCATION-5517 号保险柜',
  measure: '指纹锁 OKAPI-MEASURE-3308',
  event: '复制给 TAPIR-EVENT-6604 审阅',
  personNotes: '曾任 KAKAPO-PERSON-2209 首席工程师',
  stepNote: '谈话记录 DUGONG-STEP-8812',
};

async function login(app: FastifyInstance, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = `shangmi_sid=${res.cookies.find((c) => c.name === 'shangmi_sid')?.value ?? ''}`;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrf },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
}

describe.skipIf(usesPostgres)('encryption at rest (SQLite file)', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;
  let entA: string;
  let pointId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-secrets-'));
    installMasterKey(resolveMasterKey(dir, { demo: true }));
    database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'shangmi.db') });
    await migrateToLatest(database.db);
    await seedDemo(database.db, DEMO_PASSWORD, 2);
    app = await buildApp({
      db: database.db,
      dialect: database.dialect,
      config: { ...loadConfig({}), dataDir: dir },
      serveWeb: false,
    });
    await app.ready();
    entA = (
      await database.db
        .selectFrom('enterprises')
        .select('id')
        .where('name', '=', '东阿示范阿胶股份有限公司')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await app.close();
    installMasterKey(null);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores no plaintext of any secret content in the database file or the uploads', async () => {
    const as = await login(app, 'ent.a.admin');
    const base = `/api/enterprises/${entA}`;
    const person = await as('POST', `${base}/personnel`, {
      name: '加密测试员',
      department: '研发',
      post: '工程师',
      hireDate: '2023-03-03',
      notes: SECRETS.personNotes,
    });
    expect(person.statusCode, person.body).toBe(201);
    const personId = person.json<{ id: string }>().id;
    const created = await as('POST', `${base}/secret-points`, {
      name: '加密测试秘点',
      category: 'process',
      levelCode: 'important',
      department: '研发',
      content: SECRETS.content,
      valueStatement: SECRETS.value,
      notes: SECRETS.notes,
      personnelIds: [personId],
    });
    expect(created.statusCode, created.body).toBe(201);
    pointId = created.json<{ id: string }>().id;
    const point = `${base}/secret-points/${pointId}`;
    expect(
      (await as('POST', `${point}/carriers`, { kind: 'paper', label: '原件', location: SECRETS.location })).statusCode,
    ).toBe(201);
    expect(
      (await as('POST', `${point}/measures`, { description: SECRETS.measure, status: 'in_place' })).statusCode,
    ).toBe(201);
    expect(
      (await as('POST', `${point}/events`, { kind: 'copied', occurredOn: '2025-01-01', note: SECRETS.event }))
        .statusCode,
    ).toBe(201);
    const agreement = await as('POST', `${base}/agreements`, {
      personnelId: personId,
      kind: 'confidentiality',
      signedOn: '2023-03-03',
      effectiveFrom: '2023-03-03',
    });
    const agreementId = agreement.json<{ id: string }>().id;
    const boundary = 'XBOUNDARYX';
    const upload = await app.inject({
      method: 'POST',
      url: `${base}/agreements/${agreementId}/document`,
      headers: {
        ...(await (async () => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'ent.a.admin', password: DEMO_PASSWORD },
          });
          return {
            cookie: `shangmi_sid=${res.cookies.find((c) => c.name === 'shangmi_sid')?.value ?? ''}`,
            'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken,
          };
        })()),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="agreement.txt"\r\nContent-Type: text/plain\r\n\r\n${SECRETS.content}\r\n--${boundary}--\r\n`,
      ),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const off = await as('POST', `${base}/offboardings`, { personnelId: personId, leavingOn: '2031-01-01' });
    expect(off.statusCode, off.body).toBe(201);
    const offId = off.json<{ id: string }>().id;
    expect(
      (await as('POST', `${base}/offboardings/${offId}/steps/exit_interview`, { note: SECRETS.stepNote })).statusCode,
    ).toBe(200);

    // Everything reads back decrypted through the API…
    const detail = await as('GET', point);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(SECRETS.content);
    expect(detail.body).toContain(SECRETS.location);
    const doc = await as('GET', `${base}/agreements/${agreementId}/document`);
    expect(doc.body).toBe(SECRETS.content);

    // …and nowhere in the bytes at rest (database, WAL, uploads).
    await app.close();
    await database.close();
    const files = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
    expect(files.some((f) => f.endsWith('shangmi.db'))).toBe(true);
    const seeded = ['九蒸九晒', '双人双锁', '冬至取水', '残余奥氏体'];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const [field, secret] of Object.entries(SECRETS)) {
        for (const marker of [secret, secret.match(/[A-Z]+-[A-Z]+-\d+/)?.[0] ?? secret]) {
          expect(bytes.includes(Buffer.from(marker, 'utf8')), `${field} in ${path.basename(file)}`).toBe(false);
        }
      }
      for (const phrase of seeded) {
        expect(bytes.includes(Buffer.from(phrase, 'utf8')), `seeded ${phrase} in ${path.basename(file)}`).toBe(false);
      }
    }
    // Labels stay searchable in plaintext by design (documented in docs/secrets.md).
    const db = fs.readFileSync(path.join(dir, 'shangmi.db'));
    expect(db.includes(Buffer.from('加密测试秘点', 'utf8'))).toBe(true);
    // Reopen for afterAll.
    database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'shangmi.db') });
    app = await buildApp({
      db: database.db,
      dialect: database.dialect,
      config: { ...loadConfig({}), dataDir: dir },
      serveWeb: false,
    });
    await app.ready();
  });

  it('`keys rotate` re-wraps every data key; contents open with the new master key only', async () => {
    const before = await database.db
      .selectFrom('secret_data_keys')
      .select(['enterprise_id', 'master_key_id'])
      .execute();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const oldKey = resolveMasterKey(dir, { demo: false });
    const result = await rotateMasterKey(database.db, dir);
    expect(result.rewrapped).toBe(before.length);
    expect(result.envSource).toBe(false);
    const newKey = resolveMasterKey(dir, { demo: false });
    expect(newKey.id).toBe(result.newKeyId);
    expect(newKey.id).not.toBe(oldKey.id);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('master.key.retired-'))).toBe(true);
    const after = await database.db.selectFrom('secret_data_keys').select(['master_key_id']).execute();
    expect(new Set(after.map((r) => r.master_key_id))).toEqual(new Set([newKey.id]));

    installMasterKey(newKey);
    const as = await login(app, 'ent.a.admin');
    const ok = await as('GET', `/api/enterprises/${entA}/secret-points/${pointId}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().content).toBe(SECRETS.content);

    installMasterKey(oldKey);
    const refused = await as('GET', `/api/enterprises/${entA}/secret-points/${pointId}`);
    expect(refused.statusCode).toBe(503);
    expect(refused.body).not.toContain(SECRETS.content);
    installMasterKey(newKey);
  });
});

describe('contents stay with the enterprise', () => {
  let t: TestApp;
  let entA: string;
  const ids: Record<string, string> = {};
  const CONTENT = '私有内容 WOMBAT-PRIVATE-1188：配比七比三，恒温六十五度';

  beforeAll(async () => {
    t = await createTestApp({ syntheticCount: 2 });
    entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    const admin = await t.login('ent.a.admin');
    const base = `/api/enterprises/${entA}`;
    const person = await admin.post(`${base}/personnel`, {
      name: '范围测试员',
      department: '研发',
      post: '工程师',
      hireDate: '2023-01-01',
    });
    ids.personnelId = person.json<{ id: string }>().id;
    const point = await admin.post(`${base}/secret-points`, {
      name: '私有秘点',
      category: 'formula',
      levelCode: 'core',
      department: '研发',
      content: CONTENT,
      personnelIds: [ids.personnelId],
    });
    ids.pointId = point.json<{ id: string }>().id;
    const withCarrier = await admin.post(`${base}/secret-points/${ids.pointId}/carriers`, {
      kind: 'paper',
      label: '原件',
      location: '保密柜',
      custodianPersonnelId: ids.personnelId,
    });
    ids.carrierId = withCarrier.json<{ carriers: { id: string }[] }>().carriers[0]?.id ?? '';
    const withMeasure = await admin.post(`${base}/secret-points/${ids.pointId}/measures`, {
      description: '加锁',
      status: 'in_place',
    });
    ids.measureId = withMeasure.json<{ measures: { id: string }[] }>().measures[0]?.id ?? '';
    const agreement = await admin.post(`${base}/agreements`, {
      personnelId: ids.personnelId,
      kind: 'non_compete',
      signedOn: '2023-01-01',
      effectiveFrom: '2023-01-01',
      restrictedMonths: 12,
      monthlyCompensation: 4000,
    });
    ids.agreementId = agreement.json<{ id: string }>().id;
    const off = await admin.post(`${base}/offboardings`, { personnelId: ids.personnelId, leavingOn: '2031-06-30' });
    ids.offboardingId = off.json<{ id: string }>().id;
    const activated = await admin.post(`${base}/offboardings/${ids.offboardingId}/steps/non_compete_activated`, {
      agreementId: ids.agreementId,
    });
    ids.paymentId = activated.json<{ payments: { id: string }[] }>().payments[0]?.id ?? '';
    ids.step = 'exit_interview';
    expect(Object.values(ids).every((v) => v.length > 0)).toBe(true);
  });
  afterAll(async () => t.close());

  const OUTSIDERS = [
    'city.admin',
    'county.donge',
    'dept.police',
    'station.donge',
    'assoc.ejiao',
    'expert.demo',
    'ent.b.admin',
  ];

  it('every government role and every other enterprise gets 404 on every content route, as for a missing record', async () => {
    const routes = t.app.routeTable.filter(
      (r) =>
        r.permission?.startsWith('secret:') &&
        r.permission !== 'secret:summary' &&
        r.url.startsWith('/api/enterprises/:id/'),
    );
    expect(routes.length).toBeGreaterThan(30);
    const fill = (url: string) =>
      url.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? entA : (ids[name] ?? '')));
    for (const username of OUTSIDERS) {
      const s = await t.login(username);
      for (const route of routes) {
        const url = fill(route.url);
        expect(url, route.url).not.toContain(':');
        const res = await s.inject({
          method: route.method,
          url,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const label = `${username} ${route.method} ${route.url}`;
        // Another enterprise holds the permission and the record layer answers exactly like a missing id;
        // government roles hold no secret:read/write/manage and the route layer answers the same 404.
        expect(res.statusCode, label).toBe(404);
        expect(res.json().type, label).toMatch(/not_found$/);
        expect(res.body, label).not.toContain('WOMBAT');
        expect(res.body, label).not.toContain('私有秘点');
        expect(res.body, label).not.toContain('范围测试员');
      }
    }
  });

  it('the same routes answer the enterprise admin (the ids are real)', async () => {
    const admin = await t.login('ent.a.admin');
    await admin.post(`/api/enterprises/${entA}/secret-points/${ids.pointId}/acknowledgement`);
    const res = await admin.get(`/api/enterprises/${entA}/secret-points/${ids.pointId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('WOMBAT');
  });

  it('government summary holds aggregates only', async () => {
    for (const username of ['city.admin', 'county.donge', 'dept.police']) {
      const s = await t.login(username);
      const res = await s.get(`/api/enterprises/${entA}/secret-summary`);
      expect(res.statusCode, username).toBe(200);
      const body = res.json<{ totalPoints: number; byLevel: { levelName: string; count: number }[] }>();
      expect(body.totalPoints).toBe(6);
      expect(body.byLevel.find((l) => l.levelName === '核心商密')?.count).toBe(3);
      for (const forbidden of ['WOMBAT', '私有秘点', '复方阿胶浆', '李秀英', '保密柜', 'MD-']) {
        expect(res.body, `${username} ${forbidden}`).not.toContain(forbidden);
      }
    }
    const b = await t.login('ent.b.admin');
    expect((await b.get(`/api/enterprises/${entA}/secret-summary`)).statusCode).toBe(403);
  });

  it('imports an inventory all-or-nothing with a row report, and exports it', async () => {
    const admin = await t.login('ent.a.admin');
    const sheet = async (rows: (string | null)[][]) => {
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet('秘点清单');
      ws.addRow(['*秘点名称', '*类别', '*密级', '保密期限', '*责任部门', '*具体内容', '商业价值说明', '备注']);
      rows.forEach((r) => ws.addRow(r));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const upload = (data: Buffer) => {
      const boundary = 'YBOUNDARYY';
      return admin.inject({
        method: 'POST',
        url: `/api/enterprises/${entA}/secret-points/import`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          data,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    };
    const count = async () =>
      (await admin.get(`/api/enterprises/${entA}/secret-points`)).json<{ total: number }>().total;
    const before = await count();
    const bad = await upload(
      await sheet([
        ['导入秘点一', '配方', '核心商密', '长期', '研发', '导入内容一，足够具体的描述。', null, null],
        ['导入秘点二', '不存在的类别', '核心商密', '2030-13-01', '研发', '导入内容二', null, null],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(200);
    const report = bad.json<{ imported: number; errors: { row: number; field: string }[] }>();
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => `${e.row}:${e.field}`).sort()).toEqual(['3:保密期限', '3:类别']);
    expect(await count()).toBe(before);
    const good = await upload(
      await sheet([
        ['导入秘点一', '配方', '核心商密', '长期', '研发', '导入内容一，足够具体的描述。', null, null],
        ['导入秘点二', '客户信息', '一般商密', '2030-12-01', '销售', '导入内容二', '价值', '备注'],
      ]),
    );
    expect(good.json<{ imported: number }>().imported).toBe(2);
    expect(await count()).toBe(before + 2);

    const exported = await admin.get(`/api/enterprises/${entA}/secret-points/export`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const values = JSON.stringify(workbook.worksheets[0]?.getSheetValues());
    expect(values).toContain('导入内容一');
    expect(values).toContain('WOMBAT');
    const log = await admin.get(`/api/enterprises/${entA}/secret-access-log?action=export`);
    expect(log.json<{ total: number }>().total).toBe(1);
  });
});
