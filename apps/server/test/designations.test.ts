import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today, workingDayPeriod } from '../src/lib/calendar';
import { countDesignations } from '../src/modules/designations/index';
import { panelResult } from '../src/modules/designations/designations.scoring';
import { createTestApp, enterpriseIdByName, type Session, type TestApp } from './helpers';

interface Application {
  id: string;
  number: string;
  status: string;
  kind: string;
  route: string;
  subjectName: string;
  finalScore: number | null;
  noticeStart: string | null;
  noticeEnd: string | null;
  criteria: { groups: { items: { code: string; maxScore: number; autoSource: string | null }[] }[] };
  materials: { itemCode: string; note: string; facts: { met: boolean | null; summary: string } | null }[];
  experts:
    | {
        userId: string;
        name: string;
        submitted: boolean;
        scores: { itemCode: string; score: number }[] | null;
        total: number | null;
        dropped: boolean;
      }[]
    | null;
  expertCount: number;
  expertsSubmitted: number;
  objections: { id: string; status: string; name: string; text: string }[];
  actions: string[];
  designationBlockedBy: string | null;
  designationId: string | null;
}

const ENT_A = '东阿示范阿胶股份有限公司';

describe('designation workflow: apply → county review → expert review → decision → notice → designation → annual review', () => {
  let t: TestApp;
  let entA: Session;
  let entB: Session;
  let donge: Session;
  let linqing: Session;
  let city: Session;
  const experts: Record<string, Session> = {};
  const expertIds: Record<string, string> = {};
  let clockDir: string;
  let clockFile: string;

  const setClock = (offsetDays: number) => {
    fs.writeFileSync(clockFile, JSON.stringify({ offsetDays }));
    // The file is re-read when its mtime changes; make sure it does even within the same millisecond.
    const when = new Date(Date.now() + offsetDays * 1000 + Math.random() * 1000);
    fs.utimesSync(clockFile, when, when);
  };

  beforeAll(async () => {
    clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-clock-'));
    clockFile = path.join(clockDir, 'clock.json');
    process.env.SHANGMI_CLOCK_FILE = clockFile;
    setClock(0);
    t = await createTestApp();
    [entA, entB, donge, linqing, city] = await Promise.all([
      t.login('ent.a.admin'),
      t.login('ent.b.admin'),
      t.login('county.donge'),
      t.login('county.linqing'),
      t.login('city.admin'),
    ]);
    for (const name of ['expert.demo', 'expert.law', 'expert.tech', 'expert.industry', 'expert.assoc']) {
      experts[name] = await t.login(name);
      const row = await t.db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirstOrThrow();
      expertIds[name] = row.id;
    }
  });

  afterAll(async () => {
    delete process.env.SHANGMI_CLOCK_FILE;
    fs.rmSync(clockDir, { recursive: true, force: true });
    await t.close();
  });

  let app: Application;
  const url = () => `/api/applications/${app.id}`;

  it('opens an application with the materials list of the current criteria, facts filled in from the records', async () => {
    const entId = await enterpriseIdByName(t.db, ENT_A);
    const res = await entA.post('/api/applications', { kind: 'enterprise', subjectId: entId, statement: '' });
    expect(res.statusCode).toBe(201);
    app = res.json<Application>();
    expect(app).toMatchObject({ status: 'draft', route: 'self', kind: 'enterprise', subjectName: ENT_A });
    expect(app.number).toMatch(/^SQ\d{4}-\d{4}$/);
    const items = app.criteria.groups.flatMap((g) => g.items);
    expect(items.length).toBeGreaterThan(0);
    expect(app.materials.map((m) => m.itemCode).sort()).toEqual(items.map((i) => i.code).sort());
    // The certificate criterion is answered from the certificates register, not typed in.
    const certificateItem = items.find((i) => i.autoSource === 'certificate');
    const certificateFact = app.materials.find((m) => m.itemCode === certificateItem?.code)?.facts;
    expect(certificateFact?.summary).toMatch(/贯标证书/);
    // So are the register, agreement and training criteria, from the enterprise's own records (figures only).
    const factOf = (source: string) =>
      app.materials.find((m) => m.itemCode === items.find((i) => i.autoSource === source)?.code)?.facts;
    expect(factOf('secret_register')?.summary).toMatch(/秘点/);
    expect(factOf('agreements')?.summary).toMatch(/签约率/);
    expect(factOf('training')?.summary).toMatch(/培训/);
    expect(app.actions).toEqual(expect.arrayContaining(['edit', 'submit', 'withdraw']));

    // A second open application for the same subject is refused; another enterprise cannot apply for it.
    const again = await entA.post('/api/applications', { kind: 'enterprise', subjectId: entId, statement: '' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(app.number);
    const other = await entB.post('/api/applications', { kind: 'enterprise', subjectId: entId, statement: '' });
    expect(other.statusCode).toBe(404);
  });

  it('refuses to submit until every criterion has material, naming the missing ones', async () => {
    const res = await entA.post(`${url()}/submit`);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ detail: string; errors: { field: string; message: string }[] }>();
    expect(body.detail).toMatch(/项指标没有材料/);
    expect(body.errors.length).toBeGreaterThan(0);
    // Nothing changed.
    expect((await entA.get(url())).json<Application>().status).toBe('draft');
  });

  it('submits once the statement and each criterion are filled; other regions and enterprises cannot see it', async () => {
    const patch = await entA.patch(url(), { statement: '企业建立了完整的商业秘密管理体系，申报示范企业。' });
    expect(patch.statusCode).toBe(200);
    for (const m of app.materials) {
      const res = await entA.inject({
        method: 'PUT',
        url: `${url()}/materials/${m.itemCode}`,
        payload: { note: `关于指标 ${m.itemCode} 的说明材料` },
      });
      expect(res.statusCode).toBe(200);
    }
    const bad = await entA.inject({ method: 'PUT', url: `${url()}/materials/X9.9`, payload: { note: 'x' } });
    expect(bad.statusCode).toBe(404);
    const submitted = await entA.post(`${url()}/submit`);
    expect(submitted.statusCode).toBe(200);
    app = submitted.json<Application>();
    expect(app.status).toBe('submitted');
    // Once submitted the applicant cannot edit.
    const edit = await entA.patch(url(), { statement: '改' });
    expect(edit.statusCode).toBe(409);

    expect((await entB.get(url())).statusCode).toBe(404);
    expect((await linqing.get(url())).statusCode).toBe(404);
    expect((await experts['expert.demo']!.get(url())).statusCode).toBe(404);
    const list = await donge.get('/api/applications?status=submitted');
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(app.id);
  });

  it('county review: returning needs a reason; the applicant fixes and resubmits; the county passes it', async () => {
    const noReason = await donge.post(`${url()}/county-review`, { outcome: 'return', note: '' });
    expect(noReason.statusCode).toBe(400);
    const other = await linqing.post(`${url()}/county-review`, { outcome: 'pass', note: '' });
    expect(other.statusCode).toBe(404);
    const returned = await donge.post(`${url()}/county-review`, { outcome: 'return', note: '请补充培训记录' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json<Application>().status).toBe('returned');
    expect((await entA.post(`${url()}/submit`)).statusCode).toBe(200);
    const passed = await donge.post(`${url()}/county-review`, { outcome: 'pass', note: '材料齐全' });
    expect(passed.statusCode).toBe(200);
    app = passed.json<Application>();
    expect(app.status).toBe('county_passed');
    expect(app.actions).toEqual([]);
  });

  it('assigns 3 to 5 experts, refusing one who declared a tie with the applicant', async () => {
    const candidates = await city.get(`${url()}/expert-candidates`);
    expect(candidates.statusCode).toBe(200);
    const tied = candidates
      .json<{ items: { userId: string; conflict: string | null }[] }>()
      .items.find((c) => c.userId === expertIds['expert.assoc']);
    expect(tied?.conflict).toMatch(/关联/);

    const withTie = await city.inject({
      method: 'PUT',
      url: `${url()}/experts`,
      payload: { expertUserIds: [expertIds['expert.demo'], expertIds['expert.law'], expertIds['expert.assoc']] },
    });
    expect(withTie.statusCode).toBe(400);
    expect(withTie.json().detail).toMatch(/回避/);
    const two = await city.inject({
      method: 'PUT',
      url: `${url()}/experts`,
      payload: { expertUserIds: [expertIds['expert.demo'], expertIds['expert.law']] },
    });
    expect(two.statusCode).toBe(400);
    const countyTries = await donge.inject({
      method: 'PUT',
      url: `${url()}/experts`,
      payload: { expertUserIds: [expertIds['expert.demo'], expertIds['expert.law'], expertIds['expert.tech']] },
    });
    expect(countyTries.statusCode).toBe(403);
    const ok = await city.inject({
      method: 'PUT',
      url: `${url()}/experts`,
      payload: { expertUserIds: [expertIds['expert.demo'], expertIds['expert.law'], expertIds['expert.tech']] },
    });
    expect(ok.statusCode).toBe(200);
    app = ok.json<Application>();
    expect(app.status).toBe('expert_review');
    expect(app.expertCount).toBe(3);
  });

  const scoreAll = (factor: number) =>
    app.criteria.groups
      .flatMap((g) => g.items)
      .map((i) => ({ itemCode: i.code, score: Math.round(i.maxScore * factor * 2) / 2, comment: '' }));

  it('scores blind: each expert sees only their own until all are in; bad scores are refused', async () => {
    const first = experts['expert.demo']!;
    const items = scoreAll(0.8);
    const [firstItem] = items;
    const max = app.criteria.groups.flatMap((g) => g.items)[0]!.maxScore;
    const tooHigh = await first.inject({
      method: 'PUT',
      url: `${url()}/scores`,
      payload: { items: [{ itemCode: firstItem!.itemCode, score: max + 1, comment: '' }], submit: false },
    });
    expect(tooHigh.statusCode).toBe(400);
    const incomplete = await first.inject({
      method: 'PUT',
      url: `${url()}/scores`,
      payload: { items: items.slice(0, 1), submit: true },
    });
    expect(incomplete.statusCode).toBe(400);
    const submitted = await first.inject({ method: 'PUT', url: `${url()}/scores`, payload: { items, submit: true } });
    expect(submitted.statusCode).toBe(200);
    const again = await first.inject({ method: 'PUT', url: `${url()}/scores`, payload: { items, submit: true } });
    expect(again.statusCode).toBe(409);

    // The second expert sees only themselves; the city sees who submitted but no scores yet.
    const second = await experts['expert.law']!.get(url());
    const panel = second.json<Application>().experts ?? [];
    expect(panel.map((e) => e.userId)).toEqual([expertIds['expert.law']]);
    const cityView = (await city.get(url())).json<Application>();
    expect(cityView.experts?.every((e) => e.scores === null)).toBe(true);
    expect(cityView.expertsSubmitted).toBe(1);
    // The applicant never sees the panel.
    expect((await entA.get(url())).json<Application>().experts).toBeNull();
    // An expert not on the panel cannot score.
    const outsider = await experts['expert.industry']!.inject({
      method: 'PUT',
      url: `${url()}/scores`,
      payload: { items, submit: true },
    });
    expect(outsider.statusCode).toBe(404);

    await experts['expert.law']!.inject({
      method: 'PUT',
      url: `${url()}/scores`,
      payload: { items: scoreAll(0.9), submit: true },
    });
    const last = await experts['expert.tech']!.inject({
      method: 'PUT',
      url: `${url()}/scores`,
      payload: { items: scoreAll(0.7), submit: true },
    });
    expect(last.statusCode).toBe(200);
    app = last.json<Application>();
    expect(app.status).toBe('scored');
    const totals = (app.experts ?? []).map((e) => e.total ?? 0);
    expect(totals).toHaveLength(3);
    expect(app.finalScore).toBeCloseTo(totals.reduce((a, b) => a + b, 0) / 3, 1);
  });

  it('records the decision and opens a public notice of 5 working days', async () => {
    const future = await city.post(`${url()}/decision`, {
      decision: 'approve',
      date: addDays(today(), 3),
      basis: '专家评审得分达到示范标准',
    });
    expect(future.statusCode).toBe(400);
    const res = await city.post(`${url()}/decision`, {
      decision: 'approve',
      date: today(),
      basis: '专家评审得分达到示范标准，经工作专班会商同意',
    });
    expect(res.statusCode).toBe(200);
    app = res.json<Application>();
    expect(app.status).toBe('notice');
    const expected = workingDayPeriod(addDays(today(), 1), 5, { holidays: new Set(), workdays: new Set() });
    expect({ start: app.noticeStart, end: app.noticeEnd }).toEqual({ start: expected.first, end: expected.last });
  });

  it('an objection during the notice holds designation until answered in writing; then it is designated', async () => {
    // Notice begins the working day after the decision: move the clock into it.
    const toStart = Math.round((Date.parse(app.noticeStart!) - Date.parse(today())) / 86_400_000);
    setClock(toStart);
    const notices = await t.app.inject({ method: 'GET', url: '/api/public/notices' });
    expect(notices.json<{ items: { id: string }[] }>().items.map((n) => n.id)).toContain(app.id);

    const blockedByPeriod = await city.post(`${url()}/designate`);
    expect(blockedByPeriod.statusCode).toBe(409);
    expect(blockedByPeriod.json().detail).toMatch(/公示期/);

    const invalidObjection = await t.app.inject({
      method: 'POST',
      url: `/api/public/notices/${app.id}/objections`,
      payload: { name: '', contact: '1', text: '' },
    });
    expect(invalidObjection.statusCode).toBe(400);
    const objection = await t.app.inject({
      method: 'POST',
      url: `/api/public/notices/${app.id}/objections`,
      payload: { name: '王某', contact: '13800000000', text: '该企业去年曾因侵犯他人商业秘密被投诉，请核实。' },
    });
    expect(objection.statusCode).toBe(201);
    const objectionId = objection.json<{ id: string }>().id;
    // The applicant sees the objection but not who lodged it.
    const seenByApplicant = (await entA.get(url())).json<Application>().objections;
    expect(seenByApplicant[0]).toMatchObject({ name: '（已隐去）', status: 'open' });

    // The notice period ends; the open objection still blocks.
    const toAfter = Math.round((Date.parse(app.noticeEnd!) - Date.parse(addDays(today(), -toStart))) / 86_400_000) + 1;
    setClock(toAfter);
    const lateObjection = await t.app.inject({
      method: 'POST',
      url: `/api/public/notices/${app.id}/objections`,
      payload: { name: '李某', contact: '13900000000', text: '公示期满之后再提的异议。' },
    });
    expect(lateObjection.statusCode).toBe(409);
    const blocked = await city.post(`${url()}/designate`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toMatch(/异议/);
    const view = (await city.get(url())).json<Application>();
    expect(view.actions).toContain('answer_objection');
    expect(view.actions).not.toContain('designate');

    const answered = await city.post(`${url()}/objections/${objectionId}/answer`, {
      answer: '经核查，该投诉已于2025年调解结案，不构成违法记录，异议不成立。',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json<Application>().actions).toContain('designate');
    const designated = await city.post(`${url()}/designate`);
    expect(designated.statusCode).toBe(200);
    app = designated.json<Application>();
    expect(app.status).toBe('designated');
    expect(app.designationId).toBeTruthy();

    const directory = await t.app.inject({
      method: 'GET',
      url: `/api/public/designations?kind=enterprise&q=${encodeURIComponent(ENT_A)}`,
    });
    const entries = directory.json<{ items: { name: string; number: string; contactName: string | null }[] }>().items;
    expect(entries.map((e) => e.name)).toContain(ENT_A);
    expect(entries[0]?.number).toMatch(/^聊商秘示〔\d{4}〕企\d{3}号$/);
    const pdf = await city.get(`/api/designations/${app.designationId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('annual review: a revoked designation stops counting from its revocation date, history keeps what counted', async () => {
    const designationId = app.designationId!;
    const designatedOn = (await city.get(`/api/designations/${designationId}`)).json<{ designatedOn: string }>()
      .designatedOn;
    const year = Number(designatedOn.slice(0, 4)) + 1;
    // Move into next year so the review can be decided.
    const offset = Math.round((Date.parse(`${year}-03-01`) - Date.parse(addDays(today(), 0))) / 86_400_000);
    const current = JSON.parse(fs.readFileSync(clockFile, 'utf8')) as { offsetDays: number };
    setClock(current.offsetDays + offset);
    const generated = await city.post('/api/designations/reviews/generate', { year });
    expect(generated.statusCode).toBe(200);
    expect(generated.json<{ created: number }>().created).toBeGreaterThan(0);
    const again = await city.post('/api/designations/reviews/generate', { year });
    expect(again.json<{ created: number }>().created).toBe(0);

    const detail = (await city.get(`/api/designations/${designationId}`)).json<{
      reviews: { id: string; year: number }[];
    }>();
    const review = detail.reviews.find((r) => r.year === year);
    expect(review).toBeTruthy();
    const noDate = await city.post(`/api/designations/${designationId}/reviews/${review!.id}/outcome`, {
      outcome: 'rectify',
      note: '台账不完整',
    });
    expect(noDate.statusCode).toBe(400);
    const rectify = await city.post(`/api/designations/${designationId}/reviews/${review!.id}/outcome`, {
      outcome: 'rectify',
      note: '台账不完整，限期整改',
      rectifyBy: addDays(today(), 30),
    });
    expect(rectify.statusCode).toBe(200);
    expect(rectify.json<{ status: string }>().status).toBe('rectifying');

    const entId = await enterpriseIdByName(t.db, ENT_A);
    const countOn = async (date: string) =>
      (await countDesignations(t.db, { asOf: date }))
        .filter((c) => c.kind === 'enterprise')
        .reduce((n, c) => n + c.count, 0);
    const before = await countOn(addDays(today(), -1));
    const revokedOn = addDays(today(), 0);
    const revoke = await city.post(`/api/designations/${designationId}/reviews/${review!.id}/outcome`, {
      outcome: 'revoke',
      note: '整改期满仍未达标，撤销命名',
      effectiveOn: revokedOn,
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json<{ status: string; revokedOn: string }>()).toMatchObject({ status: 'revoked', revokedOn });
    // Counted the day before revocation, not on the day.
    expect(await countOn(addDays(revokedOn, -1))).toBe(before);
    expect(await countOn(revokedOn)).toBe(before - 1);
    const inForce = await city.get(`/api/designations?kind=enterprise&asOf=${addDays(revokedOn, -1)}&pageSize=100`);
    expect(inForce.json<{ items: { subjectId: string }[] }>().items.map((d) => d.subjectId)).toContain(entId);
    const directory = await t.app.inject({
      method: 'GET',
      url: `/api/public/designations?q=${encodeURIComponent(ENT_A)}`,
    });
    expect(directory.json<{ total: number }>().total).toBe(0);
    // The enterprise may apply again.
    const reapply = await entA.post('/api/applications', {
      kind: 'enterprise',
      subjectId: entId,
      statement: '整改后重新申报',
    });
    expect(reapply.statusCode).toBe(201);
    setClock(0);
  });

  it('counts designations per kind and county as of a date, from the seeded history', async () => {
    const counts = await t.app.inject({ method: 'GET', url: '/api/designations/counts?asOf=2024-01-01' });
    expect(counts.statusCode).toBe(401);
    const res = await city.get('/api/designations/counts?asOf=2024-01-01');
    const items = res.json<{ items: { kind: string; count: number }[] }>().items;
    expect(items.filter((i) => i.kind === 'station').reduce((n, i) => n + i.count, 0)).toBe(3);
    const later = (await countDesignations(t.db, { asOf: '2025-06-30' })).filter((c) => c.kind === 'station');
    expect(later.reduce((n, c) => n + c.count, 0)).toBe(5);
    const afterRevocation = (await countDesignations(t.db, { asOf: '2025-09-30' })).filter((c) => c.kind === 'station');
    expect(afterRevocation.reduce((n, c) => n + c.count, 0)).toBe(4);
    const excel = await city.get('/api/designations/export?kind=station');
    expect(excel.statusCode).toBe(200);
    expect(excel.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a station applies through its own staff and the public directory filters by service', async () => {
    const station = await t.login('station.donge');
    const stationId = await enterpriseIdByName(t.db, '东阿县铜城市场监管所商业秘密保护服务站');
    const res = await station.post('/api/applications', {
      kind: 'station',
      subjectId: stationId,
      statement: '申报示范指导站',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<Application>().route).toBe('host');
    const directory = await t.app.inject({
      method: 'GET',
      url: '/api/public/designations?kind=station&service=rights_assistance',
    });
    expect(directory.statusCode).toBe(200);
    const names = directory.json<{ items: { name: string; services: string[] }[] }>().items;
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.services.includes('rights_assistance'))).toBe(true);
    // The revoked station is not listed.
    const all = await t.app.inject({ method: 'GET', url: '/api/public/designations?pageSize=100' });
    expect(all.json<{ items: { name: string }[] }>().items.map((i) => i.name)).not.toContain(
      '高唐县鱼丘湖市场监管所商业秘密保护服务站',
    );
  });

  it('experts declare their own ties', async () => {
    const expert = experts['expert.industry']!;
    // Experts cannot browse the enterprise register, but can find an enterprise by name to declare a tie.
    const found = await expert.get(`/api/expert-ties/organizations?q=${encodeURIComponent('示范轴承')}`);
    expect(found.statusCode).toBe(200);
    const targets = found.json<{ items: { id: string; name: string; kind: string }[] }>().items;
    expect(targets).toEqual([expect.objectContaining({ name: '临清示范轴承有限公司', kind: 'enterprise' })]);
    expect(Object.keys(targets[0]!).sort()).toEqual(['id', 'kind', 'name', 'regionName']);
    const entB = targets[0]!.id;
    const res = await expert.post('/api/expert-ties', { organizationId: entB, note: '持有该企业少量股份' });
    expect(res.statusCode).toBe(201);
    const dup = await expert.post('/api/expert-ties', { organizationId: entB, note: '再次申报' });
    expect(dup.statusCode).toBe(409);
    const mine = await expert.get('/api/expert-ties');
    expect(mine.json<{ items: unknown[] }>().items).toHaveLength(1);
    const cityView = await city.get('/api/expert-ties');
    expect(cityView.json<{ items: unknown[] }>().items.length).toBeGreaterThanOrEqual(2);
  });
});

describe('panel result', () => {
  const expert = (id: string, ...scores: number[]) => ({
    expertUserId: id,
    items: new Map(scores.map((s, i) => [`i${i}`, s])),
  });
  it('averages three totals', () => {
    const r = panelResult([expert('a', 400, 400), expert('b', 300, 300), expert('c', 350, 350)]);
    expect(r.finalTenths).toBe(700);
    expect(r.totals.every((t) => !t.dropped)).toBe(true);
  });
  it('drops the highest and lowest of five', () => {
    const r = panelResult([expert('a', 900), expert('b', 100), expert('c', 800), expert('d', 700), expert('e', 600)]);
    expect(
      r.totals
        .filter((t) => t.dropped)
        .map((t) => t.expertUserId)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(r.finalTenths).toBe(700);
  });
});

describe('working days', () => {
  it('skips weekends and configured holidays, honouring make-up workdays', () => {
    const none = { holidays: new Set<string>(), workdays: new Set<string>() };
    // 2026-09-25 is a Friday.
    expect(workingDayPeriod('2026-09-25', 5, none)).toEqual({ first: '2026-09-25', last: '2026-10-01' });
    const national = {
      holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
      workdays: new Set(['2026-10-10']),
    };
    expect(workingDayPeriod('2026-09-29', 3, national)).toEqual({ first: '2026-09-29', last: '2026-10-08' });
    expect(workingDayPeriod('2026-10-01', 2, national)).toEqual({ first: '2026-10-08', last: '2026-10-09' });
    expect(workingDayPeriod('2026-10-09', 2, national)).toEqual({ first: '2026-10-09', last: '2026-10-10' });
  });
});
