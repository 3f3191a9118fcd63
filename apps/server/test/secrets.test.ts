import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NON_COMPETE_REFUSAL } from '@shangmi/shared';
import { runSecretReminders } from '../src/modules/secrets/index';
import { addMonths, nonCompeteProblems, paymentSchedule, readiness } from '../src/modules/secrets/secrets.policy';
import { createTestApp, enterpriseIdByName, type Session, type TestApp } from './helpers';

const CORE_CONTENT = '测试配方：甲组分 37.5%、乙组分 22.5%、丙组分其余；80℃ 恒温搅拌 45 分钟后静置 12 小时。';

describe('secret register', () => {
  let t: TestApp;
  let admin: Session;
  let user: Session;
  let entA: string;
  let entB: string;
  let pointId: string;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp({ syntheticCount: 2 });
    admin = await t.login('ent.a.admin');
    user = await t.login('ent.a.user');
    entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
  });
  afterAll(async () => t.close());

  it('lists the seeded register with readiness; an enterprise user sees only their knowledge scope', async () => {
    const all = await admin.get(`/api/enterprises/${entA}/secret-points`);
    expect(all.statusCode).toBe(200);
    const body = all.json<{
      items: { name: string; readiness: { score: number; missing: string[] } }[];
      total: number;
    }>();
    expect(body.total).toBe(5);
    const formula = body.items.find((p) => p.name === '复方阿胶浆核心配方');
    expect(formula?.readiness.missing).toContain('carrier_attested');
    const mine = await user.get(`/api/enterprises/${entA}/secret-points`);
    const names = mine
      .json<{ items: { name: string }[] }>()
      .items.map((p) => p.name)
      .sort();
    expect(names).toEqual(['全国经销商客户档案', '驴皮供应商名录及采购价格'].sort());
  });

  it('registers a core point, needs the notice before the first read, and logs every read', async () => {
    const created = await admin.post(`/api/enterprises/${entA}/secret-points`, {
      name: '测试核心配方',
      category: 'formula',
      levelCode: 'core',
      protectedUntil: null,
      department: '技术研发中心',
      content: CORE_CONTENT,
    });
    expect(created.statusCode, created.body).toBe(201);
    const point = created.json<{ id: string; number: string; status: string; core: boolean; content: string }>();
    expect(point.status).toBe('draft');
    expect(point.core).toBe(true);
    expect(point.number).toMatch(/^MD-\d{4}-\d{4}$/);
    pointId = point.id;

    const blocked = await admin.get(`/api/enterprises/${entA}/secret-points/${pointId}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().type).toMatch(/secret_acknowledgement_required$/);
    expect((await admin.post(`/api/enterprises/${entA}/secret-points/${pointId}/acknowledgement`)).statusCode).toBe(
      200,
    );
    const opened = await admin.get(`/api/enterprises/${entA}/secret-points/${pointId}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().content).toBe(CORE_CONTENT);
    await admin.get(`/api/enterprises/${entA}/secret-points/${pointId}`);

    const log = await admin.get(`/api/enterprises/${entA}/secret-points/${pointId}/access-log`);
    expect(log.statusCode).toBe(200);
    const actions = log.json<{ items: { action: string; username: string }[] }>().items.map((e) => e.action);
    expect(actions.filter((a) => a === 'read')).toHaveLength(2);
    expect(actions).toContain('acknowledge');
    // The enterprise user cannot read the access log (route permission).
    expect((await user.get(`/api/enterprises/${entA}/secret-points/${pointId}/access-log`)).statusCode).toBe(403);
  });

  it('hides the point from an enterprise user outside its knowledge scope (404), and shows it once inside', async () => {
    expect((await user.get(`/api/enterprises/${entA}/secret-points/${pointId}`)).statusCode).toBe(404);
    expect((await user.post(`/api/enterprises/${entA}/secret-points/${pointId}/acknowledgement`)).statusCode).toBe(404);
    expect((await user.patch(`/api/enterprises/${entA}/secret-points/${pointId}`, { name: '改名' })).statusCode).toBe(
      404,
    );
    const zhao = await t.db.selectFrom('personnel').select('id').where('name', '=', '赵磊').executeTakeFirstOrThrow();
    const scoped = await admin.inject({
      method: 'PUT',
      url: `/api/enterprises/${entA}/secret-points/${pointId}/scope`,
      payload: { personnelIds: [zhao.id] },
    });
    expect(scoped.statusCode, scoped.body).toBe(200);
    expect((await user.get(`/api/enterprises/${entA}/secret-points/${pointId}`)).statusCode).toBe(409);
    await user.post(`/api/enterprises/${entA}/secret-points/${pointId}/acknowledgement`);
    expect((await user.get(`/api/enterprises/${entA}/secret-points/${pointId}`)).json().content).toBe(CORE_CONTENT);
    await admin.inject({
      method: 'PUT',
      url: `/api/enterprises/${entA}/secret-points/${pointId}/scope`,
      payload: { personnelIds: [] },
    });
    expect((await user.get(`/api/enterprises/${entA}/secret-points/${pointId}`)).statusCode).toBe(404);
  });

  it('raises readiness as a person with a confidentiality agreement, carrier, measure and training are added', async () => {
    const score = async () => {
      const res = await admin.get(`/api/enterprises/${entA}/secret-points/${pointId}`);
      return res.json<{ readiness: { score: number; properties: Record<string, number>; missing: string[] } }>()
        .readiness;
    };
    const before = await score();
    expect(before.missing).toEqual(
      expect.arrayContaining(['scope_defined', 'knowers_signed', 'carrier_registered', 'measures_in_place']),
    );
    const person = await admin.post(`/api/enterprises/${entA}/personnel`, {
      name: '测试员',
      department: '技术研发中心',
      post: '工程师',
      hireDate: '2024-01-02',
    });
    expect(person.statusCode, person.body).toBe(201);
    personId = person.json<{ id: string }>().id;
    await admin.inject({
      method: 'PUT',
      url: `/api/enterprises/${entA}/secret-points/${pointId}/scope`,
      payload: { personnelIds: [personId] },
    });
    const agreement = await admin.post(`/api/enterprises/${entA}/agreements`, {
      personnelId: personId,
      kind: 'confidentiality',
      signedOn: '2024-01-02',
      effectiveFrom: '2024-01-02',
    });
    expect(agreement.statusCode, agreement.body).toBe(201);
    const middle = await score();
    expect(middle.score).toBeGreaterThan(before.score);
    expect(middle.missing).not.toContain('knowers_signed');
    expect(middle.missing).not.toContain('scope_defined');

    expect(
      (
        await admin.post(`/api/enterprises/${entA}/secret-points/${pointId}/carriers`, {
          kind: 'paper',
          label: '原件',
          location: '三号保密柜',
          custodianPersonnelId: personId,
        })
      ).statusCode,
    ).toBe(201);
    const badMeasure = await admin.post(`/api/enterprises/${entA}/secret-points/${pointId}/measures`, {
      requirementCode: 'NOPE-1',
      description: '加锁',
      status: 'in_place',
    });
    expect(badMeasure.statusCode).toBe(400);
    expect(
      (
        await admin.post(`/api/enterprises/${entA}/secret-points/${pointId}/measures`, {
          requirementCode: '9.1.2',
          description: '存放于保密柜',
          status: 'in_place',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await admin.post(`/api/enterprises/${entA}/personnel/${personId}/trainings`, {
          trainedOn: '2025-01-01',
          topic: '保密培训',
          hours: 1.5,
        })
      ).statusCode,
    ).toBe(201);
    const after = await score();
    expect(after.properties.protection).toBe(100);
    expect(after.missing).toEqual(expect.arrayContaining(['value_statement', 'carrier_attested']));
    expect(after.score).toBeGreaterThan(middle.score);
  });

  it('moves a point draft → confirmed → declassified and never deletes it', async () => {
    const confirm = await admin.post(`/api/enterprises/${entA}/secret-points/${pointId}/confirm`, {});
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().status).toBe('confirmed');
    expect((await admin.post(`/api/enterprises/${entA}/secret-points/${pointId}/confirm`, {})).statusCode).toBe(409);
    expect((await user.post(`/api/enterprises/${entA}/secret-points/${pointId}/confirm`, {})).statusCode).toBe(403);
    const events = await admin.post(`/api/enterprises/${entA}/secret-points/${pointId}/events`, {
      kind: 'copied',
      occurredOn: '2025-02-01',
      note: '复制一份交质量部',
    });
    expect(events.statusCode).toBe(201);
    expect(events.json<{ events: { kind: string }[] }>().events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['created', 'confirmed', 'copied']),
    );
  });

  it('refuses a non-compete longer than two years, citing 劳动合同法 第24条', async () => {
    const res = await admin.post(`/api/enterprises/${entA}/agreements`, {
      personnelId: personId,
      kind: 'non_compete',
      signedOn: '2024-01-02',
      effectiveFrom: '2024-01-02',
      restrictedMonths: 36,
      monthlyCompensation: 3000,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('第二十四条');
    expect(res.json().errors).toEqual([{ field: 'restrictedMonths', message: NON_COMPETE_REFUSAL }]);
    const ok = await admin.post(`/api/enterprises/${entA}/agreements`, {
      personnelId: personId,
      kind: 'non_compete',
      signedOn: '2024-01-02',
      effectiveFrom: '2024-01-02',
      restrictedMonths: 24,
      monthlyCompensation: 3000,
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('computes signing rates from the records', async () => {
    const summary = await (await t.login('city.admin')).get(`/api/enterprises/${entA}/secret-summary`);
    expect(summary.statusCode).toBe(200);
    const rates = summary.json<{ signingRates: Record<string, number | null> }>().signingRates;
    // Knowers of live points (seed: 李秀英 王建国 孙丽 周强 陈静 赵磊 刘洋; + 测试员); 孙丽 and 周强 unsigned.
    expect(rates.knowers).toBe(8);
    expect(rates.confidentialitySigned).toBe(6);
    expect(rates.confidentialityRate).toBe(75);
    // Core knowers: 李秀英 王建国 孙丽 周强 测试员; non-compete: 李秀英 王建国 测试员.
    expect(rates.coreKnowers).toBe(5);
    expect(rates.nonCompeteSigned).toBe(3);
    expect(rates.nonCompeteRate).toBe(60);
  });

  it('offboards a person: high risk, carriers returned, letter, payment schedule, completion', async () => {
    const started = await admin.post(`/api/enterprises/${entA}/offboardings`, {
      personnelId: personId,
      leavingOn: '2030-01-31',
    });
    expect(started.statusCode, started.body).toBe(201);
    const off = started.json<{ id: string; highRisk: boolean; steps: { step: string }[]; carriersHeld: unknown[] }>();
    expect(off.highRisk).toBe(true);
    expect(off.steps).toHaveLength(5);
    expect(off.carriersHeld).toHaveLength(1);
    expect(
      (await admin.post(`/api/enterprises/${entA}/offboardings`, { personnelId: personId, leavingOn: '2030-01-31' }))
        .statusCode,
    ).toBe(409);

    const base = `/api/enterprises/${entA}/offboardings/${off.id}`;
    const letter = await admin.get(`${base}/reminder-letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    for (const step of ['carriers_returned', 'access_revoked', 'exit_interview', 'reminder_letter']) {
      const res = await admin.post(`${base}/steps/${step}`, { note: '已办' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const carrierStatus = await t.db
      .selectFrom('secret_carriers')
      .select('status')
      .where('custodian_personnel_id', '=', personId)
      .execute();
    expect(carrierStatus.map((c) => c.status)).toEqual(['returned']);

    const nc = await t.db
      .selectFrom('agreements')
      .select('id')
      .where('personnel_id', '=', personId)
      .where('kind', '=', 'non_compete')
      .executeTakeFirstOrThrow();
    const done = await admin.post(`${base}/steps/non_compete_activated`, { agreementId: nc.id });
    expect(done.statusCode, done.body).toBe(200);
    const final = done.json<{ status: string; payments: { dueOn: string; amount: number }[] }>();
    expect(final.status).toBe('completed');
    expect(final.payments).toHaveLength(24);
    expect(final.payments[0]).toMatchObject({ dueOn: '2030-02-28', amount: 3000 });
    const person = await admin.get(`/api/enterprises/${entA}/personnel/${personId}`);
    expect(person.json().status).toBe('left');
  });

  it('reminds the enterprise admin of overdue offboarding steps once a day', async () => {
    const first = await runSecretReminders(t.db);
    expect(first.overdue).toBeGreaterThan(0);
    expect(first.notified).toBeGreaterThan(0);
    const again = await runSecretReminders(t.db);
    expect(again.notified).toBe(0);
    const inbox = await admin.get('/api/notifications');
    expect(inbox.body).toContain('离职办理逾期');
  });

  it('gives government aggregates only, and other enterprises nothing', async () => {
    const county = await t.login('county.donge');
    const summary = await county.get(`/api/enterprises/${entA}/secret-summary`);
    expect(summary.statusCode).toBe(200);
    expect(summary.body).not.toContain('配方');
    expect(summary.body).not.toContain('李秀英');
    expect((await (await t.login('county.linqing')).get(`/api/enterprises/${entA}/secret-summary`)).statusCode).toBe(
      404,
    );
    const b = await t.login('ent.b.admin');
    expect((await b.get(`/api/enterprises/${entA}/secret-points`)).statusCode).toBe(404);
    expect((await b.get(`/api/enterprises/${entB}/secret-points`)).statusCode).toBe(200);
  });

  it('declassifies and destroys a point without deleting it; a closed point cannot be changed', async () => {
    const created = await admin.post(`/api/enterprises/${entA}/secret-points`, {
      name: '待解密的旧工艺',
      category: 'process',
      levelCode: 'general',
      protectedUntil: '2027-01-01',
      department: '生产部',
      content: '旧工艺参数，已被新工艺替代。',
    });
    const id = created.json<{ id: string }>().id;
    const url = `/api/enterprises/${entA}/secret-points/${id}`;
    expect((await admin.post(`${url}/declassify`, {})).statusCode).toBe(400);
    const declassified = await admin.post(`${url}/declassify`, { reason: '工艺已公开发表' });
    expect(declassified.statusCode, declassified.body).toBe(200);
    expect(declassified.json().status).toBe('declassified');
    expect((await admin.patch(url, { name: '改名' })).statusCode).toBe(409);
    const destroyed = await admin.post(`${url}/destroy`, { reason: '载体已按规定销毁' });
    expect(destroyed.json().status).toBe('destroyed');
    expect((await admin.post(`${url}/destroy`, { reason: '再次销毁' })).statusCode).toBe(409);
    const listed = await admin.get(`/api/enterprises/${entA}/secret-points?status=destroyed`);
    expect(listed.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toContain(id);
    const detail = await admin.get(url);
    expect(detail.json<{ events: { kind: string; note: string | null }[] }>().events.map((e) => e.kind)).toEqual([
      'destroyed',
      'declassified',
      'created',
    ]);
  });
});

describe('levels and members', () => {
  let t: TestApp;
  let entB: string;
  beforeAll(async () => {
    t = await createTestApp({ syntheticCount: 1 });
    entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
  });
  afterAll(async () => t.close());

  it('lets an enterprise configure its own levels; a level in use cannot be removed', async () => {
    const admin = await t.login('ent.b.admin');
    const url = `/api/enterprises/${entB}/secret-levels`;
    const put = (levels: unknown) => admin.inject({ method: 'PUT', url, payload: { levels } });
    expect((await put([{ code: 'top', name: '绝密级', core: true }])).statusCode).toBe(409);
    expect((await put([{ code: 'general', name: '一般', core: false }])).statusCode).toBe(400);
    const ok = await put([
      { code: 'core', name: '核心商密', core: true },
      { code: 'important', name: '重要商密', core: false },
      { code: 'general', name: '一般商密', core: false },
      { code: 'internal', name: '内部', core: false },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const created = await admin.post(`/api/enterprises/${entB}/secret-points`, {
      name: '内部资料',
      category: 'data',
      levelCode: 'internal',
      department: '技术部',
      content: '内部资料的具体内容。',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ levelName: '内部', core: false });
    expect(
      (
        await admin.post(`/api/enterprises/${entB}/secret-points`, {
          name: 'x',
          category: 'data',
          levelCode: 'nope',
          department: 'x',
          content: 'x',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('an enterprise user who registers a point is in its knowledge scope and can open it', async () => {
    const entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    const user = await t.login('ent.a.user');
    const created = await user.post(`/api/enterprises/${entA}/secret-points`, {
      name: '用户登记的秘点',
      category: 'source_code',
      levelCode: 'important',
      department: '信息部',
      content: '信息部自研排产算法的源代码与参数。',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string; knowers: { name: string }[] }>().id;
    expect(created.json<{ knowers: { name: string }[] }>().knowers.map((k) => k.name)).toEqual(['赵磊']);
    expect((await user.get(`/api/enterprises/${entA}/secret-points/${id}`)).statusCode).toBe(200);
    // Confirming is the admin's.
    expect((await user.post(`/api/enterprises/${entA}/secret-points/${id}/confirm`, {})).statusCode).toBe(403);
    expect((await user.get(`/api/enterprises/${entA}/personnel`)).statusCode).toBe(403);
  });
});

describe('secret register rules (pure)', () => {
  it('scores readiness per property and names what is missing', () => {
    const empty = readiness({
      contentChars: 10,
      hasValueStatement: false,
      knowers: [],
      carriers: [],
      attestations: 0,
      linkedMeasuresInPlace: 0,
    });
    expect(empty.score).toBe(0);
    expect(empty.missing).toHaveLength(9);
    const full = readiness({
      contentChars: 60,
      hasValueStatement: true,
      knowers: [{ personnelId: 'a', signed: true, trained: true }],
      carriers: [{ custodianPersonnelId: 'a', custodianSigned: true }],
      attestations: 1,
      linkedMeasuresInPlace: 1,
    });
    expect(full).toEqual({ score: 100, properties: { secrecy: 100, value: 100, protection: 100 }, missing: [] });
    const unsigned = readiness({
      contentChars: 60,
      hasValueStatement: true,
      knowers: [
        { personnelId: 'a', signed: true, trained: true },
        { personnelId: 'b', signed: false, trained: true },
      ],
      carriers: [{ custodianPersonnelId: null, custodianSigned: false }],
      attestations: 1,
      linkedMeasuresInPlace: 1,
    });
    expect(unsigned.properties).toEqual({ secrecy: 100, value: 100, protection: 50 });
    expect(unsigned.missing).toEqual(['custodians_signed', 'knowers_signed']);
  });

  it('refuses non-compete terms beyond two years and without compensation', () => {
    expect(nonCompeteProblems(24, 100)).toEqual([]);
    expect(nonCompeteProblems(25, 100)).toEqual([{ field: 'restrictedMonths', message: NON_COMPETE_REFUSAL }]);
    expect(nonCompeteProblems(12, 0).map((p) => p.field)).toEqual(['monthlyCompensation']);
  });

  it('schedules monthly payments with month ends clamped', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(paymentSchedule('2026-01-31', 3, 500000).map((p) => p.dueOn)).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
  });
});
