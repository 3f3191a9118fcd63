import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/db/schema';
import { newId, nowIso } from '../src/lib/ids';
import { countConformingEnterprises } from '../src/modules/certificates/index';
import { runOverdueCheck, type MessageChannels } from '../src/modules/programme/index';
import { paceStatus, planLine } from '../src/modules/programme/programme.progress';
import { createTestApp, regionId, type Session, type TestApp } from './helpers';

/** A designation row as the designation workflow leaves it (the workflow itself is another module's). */
async function buildDesignation(
  db: Kysely<DB>,
  overrides: {
    kind: 'base' | 'station' | 'enterprise';
    countyRegionId: string;
    designatedOn: string;
    revokedOn?: string;
  },
) {
  const at = nowIso();
  await db
    .insertInto('designations')
    .values({
      id: newId(),
      number: `TEST-${randomBytes(6).toString('hex')}`,
      kind: overrides.kind,
      subject_id: newId(),
      subject_name: '测试对象',
      region_id: overrides.countyRegionId,
      county_region_id: overrides.countyRegionId,
      application_id: null,
      designated_on: overrides.designatedOn,
      status: overrides.revokedOn ? 'revoked' : 'active',
      rectify_by: null,
      revoked_on: overrides.revokedOn ?? null,
      revoke_reason: overrides.revokedOn ? '测试撤销' : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

function multipart(file: { name: string; data: Buffer }) {
  const boundary = `----shangmi${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface KindProgress {
  kind: string;
  target: number;
  actual: number;
  expected: number;
  status: string;
  nextMilestone: { due: string; target: number } | null;
}
interface Progress {
  asOf: string;
  scope: { regionId: string; name: string; level: string };
  kinds: KindProgress[];
  milestones: {
    due: string;
    met: boolean;
    passed: boolean;
    targets: { kind: string; target: number; actual: number }[];
  }[];
  regions: {
    regionId: string;
    name: string;
    allocated: Record<string, number>;
    actual: Record<string, number>;
    status: string;
  }[];
}

describe('programme', () => {
  let t: TestApp;
  let city: Session;
  let donge: Session;
  let linqing: Session;
  let police: Session;
  let programmeId: string;
  let dongeRegion: string;
  let linqingRegion: string;
  let dataDir: string;
  const orgId = async (name: string) =>
    (await t.db.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmi-programme-'));
    t = await createTestApp({ config: { dataDir } });
    city = await t.login('city.admin');
    donge = await t.login('county.donge');
    linqing = await t.login('county.linqing');
    police = await t.login('dept.police');
    dongeRegion = await regionId(t.db, '371524');
    linqingRegion = await regionId(t.db, '371581');
    const list = (await city.get('/api/programmes')).json<{ items: { id: string; documentNumber: string }[] }>();
    programmeId = list.items.find((p) => p.documentNumber === '聊政办字〔2023〕23号')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds Liaocheng’s programme exactly as the plan writes it', async () => {
    const res = await city.get(`/api/programmes/${programmeId}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      title: '聊城市争创省级商业秘密保护创新试点工作方案（2023—2025年）',
      documentNumber: '聊政办字〔2023〕23号',
      issuingBody: '聊城市人民政府办公室',
      issuedOn: '2023-09-19',
      periodEnd: '2025-12-31',
      regionName: '聊城市',
    });
    expect(p.goals).toContain(
      '到2025年，在全市打造市级商业秘密保护示范基地10个、示范指导站（点）100个、示范企业60家、贯标企业1000家',
    );
    expect(p.guidingPrinciples).toMatch(/^坚持以习近平新时代中国特色社会主义思想为指导/);
    expect(p.targets).toEqual([
      { kind: 'base', target: 10 },
      { kind: 'station', target: 100 },
      { kind: 'enterprise', target: 60 },
      { kind: 'conforming', target: 1000 },
    ]);
    const milestones = p.milestones.map((m: { due: string; targets: { kind: string; target: number }[] }) => [
      m.due,
      m.targets.map((x) => `${x.kind}:${x.target}`).join(','),
    ]);
    expect(milestones).toEqual([
      ['2023-12-31', 'base:3,station:30,enterprise:15'],
      ['2024-12-31', 'base:6,station:60,enterprise:35,conforming:500'],
      ['2025-09-30', 'base:10,station:100,enterprise:60,conforming:1000'],
    ]);
    expect(p.tasks).toHaveLength(7);
    expect(p.tasks[0].title).toBe('强化制度机制创新，形成聊城特色商业秘密保护体系');
    expect(p.tasks[2].units.map((u: { name: string }) => u.name)).toEqual([
      '市市场监管局',
      '市工业和信息化局',
      '市发展改革委',
      '市公安局',
      '市中级人民法院',
      '市检察院',
      '各县〔市、区〕人民政府、市属开发区管委会',
    ]);
    // The lead first, as the plan lists them: task (六) is led by 市商务局, task (七) by 市委宣传部.
    expect(p.tasks[5].units[0]).toMatchObject({ name: '市商务局', role: 'lead' });
    expect(p.tasks[6].units[0]).toMatchObject({ name: '市委宣传部', role: 'lead' });
    expect(p.tasks[6].units.slice(1).every((u: { role: string }) => u.role === 'cooperating')).toBe(true);
    expect(p.tasks[6].units[0].organizationId).toBe(await orgId('市委宣传部'));
    expect(p.tasks[3].content).toContain('立案协助、证据互认、维权联动、信息共享、案情会商等协作机制');
    expect(p.tasks[3].content).not.toContain('责任单位');
    expect(p.phases.map((x: { title: string; endOn: string }) => `${x.title}@${x.endOn}`)).toEqual([
      '找准问题症结，推进工作落实@2023-12-31',
      '发挥各方力量，落实创建任务@2024-12-31',
      '推广试点经验，争创全国试点@2025-12-31',
    ]);
    expect(p.phases[0].deliverables.length).toBeGreaterThan(0);
    expect(p.safeguards.map((s: { title: string }) => s.title)).toEqual([
      '加强组织领导',
      '强化要素保障',
      '突出考核评价',
    ]);
    const members = p.taskForce.members as { role: string; name: string; post: string; organization: string }[];
    expect(members.filter((m) => m.role === 'convener')).toEqual([
      expect.objectContaining({ name: '张建军', post: '副市长' }),
    ]);
    expect(
      members.filter((m) => m.role === 'deputy_convener').map((m) => `${m.name}|${m.organization}|${m.post}`),
    ).toEqual(['刘延勇|市政府|副秘书长', '陈玉国|市市场监管局|党组书记']);
    const plain = members.filter((m) => m.role === 'member');
    expect(plain).toHaveLength(14);
    expect(plain[0]).toEqual({
      role: 'member',
      name: '王亚男',
      post: '副部长、网信办主任，市新闻办主任',
      organization: '市委宣传部',
      organizationId: await orgId('市委宣传部'),
    });
    expect(plain.map((m) => m.name)).toContain('蒋玉勤');
    expect(p.taskForce.office).toMatchObject({ organization: '市市场监管局', director: '申磊' });
  });

  it('seeding again changes nothing (idempotent)', async () => {
    const { seedProgramme } = await import('../src/seed/programme');
    await seedProgramme(t.db);
    const list = (await city.get('/api/programmes')).json<{ items: unknown[] }>();
    expect(list.items).toHaveLength(1);
  });

  it('exports as JSON and imports as another programme; refuses duplicates and inconsistent plans', async () => {
    const exported = await city.get(`/api/programmes/${programmeId}/export`);
    expect(exported.statusCode).toBe(200);
    const doc = exported.json();
    expect(doc.format).toBe('shangmi.programme');
    expect(doc.allocations.length).toBe(44);
    expect(doc.indicators.length).toBeGreaterThan(0);
    expect((await city.post('/api/programmes/import', doc)).statusCode).toBe(409);
    const other = { ...doc, documentNumber: '聊政办字〔2026〕1号', title: '第二期方案' };
    const created = await city.post('/api/programmes/import', other);
    expect(created.statusCode).toBe(201);
    expect(created.json().tasks).toHaveLength(7);
    expect((await city.get('/api/programmes')).json().items).toHaveLength(2);
    const badMilestone = {
      ...doc,
      documentNumber: 'X-1',
      milestones: [{ due: '2024-12-31', title: '超额', targets: [{ kind: 'base', target: 99 }] }],
    };
    const bad = await city.post('/api/programmes/import', badMilestone);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('超过方案总目标');
    const unknownRegion = await city.post('/api/programmes/import', {
      ...doc,
      documentNumber: 'X-2',
      regionCode: '999999',
    });
    expect(unknownRegion.statusCode).toBe(400);
    expect((await donge.post('/api/programmes/import', { ...doc, documentNumber: 'X-3' })).statusCode).toBe(403);
  });

  it('warns when the allocation does not add up to the city figure, and saves it all the same', async () => {
    const before = (await city.get(`/api/programmes/${programmeId}/allocation`)).json();
    expect(before.balanced).toBe(true);
    expect(before.items).toHaveLength(11);
    expect(before.totals).toEqual({ base: 10, station: 100, enterprise: 60, conforming: 1000 });
    const items = before.items.flatMap((i: { regionId: string; targets: Record<string, number> }) =>
      Object.entries(i.targets).map(([kind, target]) => ({
        regionId: i.regionId,
        kind,
        target: i.regionId === dongeRegion && kind === 'station' ? target + 3 : target,
      })),
    );
    const saved = await city.inject({
      method: 'PUT',
      url: `/api/programmes/${programmeId}/allocation`,
      payload: { items },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().mismatches).toEqual([{ kind: 'station', target: 100, allocated: 103 }]);
    const foreign = await city.inject({
      method: 'PUT',
      url: `/api/programmes/${programmeId}/allocation`,
      payload: { items: [{ regionId: await regionId(t.db, '371524001'), kind: 'base', target: 1 }] },
    });
    expect(foreign.statusCode).toBe(400);
    const restored = await city.inject({
      method: 'PUT',
      url: `/api/programmes/${programmeId}/allocation`,
      payload: {
        items: items.map((i: { regionId: string; kind: string; target: number }) =>
          i.regionId === dongeRegion && i.kind === 'station' ? { ...i, target: i.target - 3 } : i,
        ),
      },
    });
    expect(restored.json().balanced).toBe(true);
    expect(
      (await donge.inject({ method: 'PUT', url: `/api/programmes/${programmeId}/allocation`, payload: { items } }))
        .statusCode,
    ).toBe(403);
  });

  it('computes progress from designation records as of any date (revocation ends counting)', async () => {
    const at = async (asOf: string, s: Session = city) =>
      (await s.get(`/api/programmes/${programmeId}/progress?asOf=${asOf}`)).json<Progress>();
    const kind = (p: Progress, k: string) => p.kinds.find((x) => x.kind === k);
    const region = (p: Progress, id: string) => p.regions.find((r) => r.regionId === id);
    const before = await at('2024-05-31');
    const beforeLater = await at('2024-06-01');
    await buildDesignation(t.db, {
      kind: 'base',
      countyRegionId: dongeRegion,
      designatedOn: '2024-01-10',
      revokedOn: '2024-06-01',
    });
    await buildDesignation(t.db, { kind: 'station', countyRegionId: dongeRegion, designatedOn: '2024-05-31' });
    await buildDesignation(t.db, { kind: 'station', countyRegionId: linqingRegion, designatedOn: '2024-06-02' });
    const after = await at('2024-05-31');
    const afterLater = await at('2024-06-01');
    expect(kind(after, 'base')?.actual).toBe((kind(before, 'base')?.actual ?? 0) + 1);
    expect(kind(afterLater, 'base')?.actual).toBe(kind(beforeLater, 'base')?.actual);
    expect(kind(after, 'station')?.actual).toBe((kind(before, 'station')?.actual ?? 0) + 1);
    expect(region(after, dongeRegion)?.actual.station).toBe((region(before, dongeRegion)?.actual.station ?? 0) + 1);
    expect(region(afterLater, linqingRegion)?.actual.station).toBe(region(beforeLater, linqingRegion)?.actual.station);
    expect(kind(after, 'base')?.target).toBe(10);
    expect(kind(after, 'station')?.nextMilestone).toMatchObject({ due: '2024-12-31', target: 60 });
    // Conforming enterprises are the certificates module's count, not a typed figure.
    const city371500 = await t.db
      .selectFrom('regions')
      .select('path')
      .where('code', '=', '371500')
      .executeTakeFirstOrThrow();
    expect(kind(after, 'conforming')?.actual).toBe(
      await countConformingEnterprises(t.db, { asOf: '2024-05-31', regionPath: city371500.path }),
    );
    // Milestones: 2023-12-31 counted on its own date.
    const end2023 = after.milestones.find((m) => m.due === '2023-12-31');
    expect(end2023?.passed).toBe(true);
    expect(end2023?.met).toBe(end2023?.targets.every((x) => x.actual >= x.target));
    expect(after.regions).toHaveLength(11);
    const bad = await city.get(`/api/programmes/${programmeId}/progress?asOf=2024-13-01`);
    expect(bad.statusCode).toBe(400);
  });

  it('sees a new or revoked certificate at once although conforming counts are cached', async () => {
    const conformingOn = async (asOf: string) =>
      (await city.get(`/api/programmes/${programmeId}/progress?asOf=${asOf}`))
        .json<Progress>()
        .kinds.find((k) => k.kind === 'conforming')?.actual ?? -1;
    const before = await conformingOn('2024-06-30');
    expect(await conformingOn('2024-06-30')).toBe(before);
    // An enterprise of the city without any certificate, so the new one adds exactly one.
    const cityPath = (
      await t.db.selectFrom('regions').select('path').where('code', '=', '371500').executeTakeFirstOrThrow()
    ).path;
    const enterprise = await t.db
      .selectFrom('enterprises as e')
      .innerJoin('regions as r', 'r.id', 'e.region_id')
      .select(['e.id', 'e.region_id', 'e.industry_code'])
      .where('r.path', 'like', `${cityPath}%`)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('certificates as c').select('c.id').whereRef('c.enterprise_id', '=', 'e.id'))),
      )
      .orderBy('e.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const version = await t.db
      .selectFrom('framework_versions as v')
      .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
      .select('v.id')
      .where('f.kind', '=', 'standard')
      .executeTakeFirstOrThrow();
    const at = nowIso();
    const assessmentId = newId();
    await t.db
      .insertInto('assessments')
      .values({
        id: assessmentId,
        enterprise_id: enterprise.id,
        campaign_id: null,
        standard_version_id: version.id,
        guide_version_id: null,
        industry_code: enterprise.industry_code,
        region_id: enterprise.region_id,
        status: 'accepted',
        round: 1,
        score_bp: 9000,
        mandatory_unmet: 0,
        due_date: null,
        renews_certificate_id: null,
        submitted_at: at,
        decided_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const certificateId = newId();
    await t.db
      .insertInto('certificates')
      .values({
        id: certificateId,
        number: `TEST-${randomBytes(4).toString('hex')}`,
        enterprise_id: enterprise.id,
        assessment_id: assessmentId,
        standard_version_id: version.id,
        guide_version_id: null,
        region_id: enterprise.region_id,
        industry_code: enterprise.industry_code,
        score_bp: 9000,
        valid_from: '2024-01-02',
        valid_until: '2099-01-01',
        status: 'valid',
        revoked_at: null,
        revoke_reason: null,
        issued_by: 'test',
        created_at: at,
      })
      .execute();
    expect(await conformingOn('2024-06-30')).toBe(before + 1);
    await t.db
      .updateTable('certificates')
      .set({ status: 'revoked', revoked_at: '2024-03-01T00:00:00.000Z', revoke_reason: '测试' })
      .where('id', '=', certificateId)
      .execute();
    expect(await conformingOn('2024-06-30')).toBe(before);
  });

  it('shows a county admin their own region only, with their allocation as the target', async () => {
    const own = await donge.get(`/api/programmes/${programmeId}/progress?asOf=2025-09-30`);
    expect(own.statusCode).toBe(200);
    const p = own.json<Progress>();
    expect(p.scope).toMatchObject({ regionId: dongeRegion, name: '东阿县', level: 'unit' });
    expect(p.regions.map((r) => r.name)).toEqual(['东阿县']);
    expect(p.kinds.find((k) => k.kind === 'base')?.target).toBe(2);
    expect(p.kinds.find((k) => k.kind === 'station')?.actual).toBe(p.regions[0]?.actual.station);
    const other = await donge.get(`/api/programmes/${programmeId}/progress?asOf=2025-09-30&regionId=${linqingRegion}`);
    expect(other.statusCode).toBe(404);
    const cityView = await city.get(
      `/api/programmes/${programmeId}/progress?asOf=2025-09-30&regionId=${linqingRegion}`,
    );
    expect(cityView.json<Progress>().scope.name).toBe('临清市');
    const series = await donge.get(`/api/programmes/${programmeId}/progress/series`);
    expect(series.statusCode).toBe(200);
    const s = series.json();
    expect(s.dates).toContain('2024-12-31');
    expect(s.series.find((x: { kind: string }) => x.kind === 'base').target).toBe(2);
  });

  it('applies the pace rule: expected along the milestone line, at risk from 80 %', () => {
    const points = [
      { due: '2023-12-31', target: 30 },
      { due: '2024-12-31', target: 60 },
    ];
    expect(planLine('2023-09-19', points, '2023-09-19')).toBe(0);
    expect(planLine('2023-09-19', points, '2023-12-31')).toBe(30);
    expect(planLine('2023-09-19', points, '2024-07-01')).toBeCloseTo(30 + (30 * 183) / 366, 5);
    expect(planLine('2023-09-19', points, '2026-01-01')).toBe(60);
    expect(paceStatus(6, 10, 0.6)).toEqual({ expected: 6, status: 'on_track' });
    expect(paceStatus(5, 10, 0.6)).toEqual({ expected: 6, status: 'at_risk' });
    expect(paceStatus(4, 10, 0.6)).toEqual({ expected: 6, status: 'behind' });
    expect(paceStatus(0, 0, 1)).toEqual({ expected: 0, status: 'on_track' });
  });

  it('lets a department officer see and report on their own unit’s items only; the office sees the report', async () => {
    const policeOrg = await orgId('市公安局');
    const created = await city.post(`/api/programmes/${programmeId}/work-items`, {
      title: '建立商业秘密刑事案件线索移送机制',
      ownerOrganizationId: policeOrg,
      partnerOrganizationIds: [await orgId('市检察院')],
      deadline: '2099-12-31',
    });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      ownerName: '市公安局',
      displayStatus: 'not_started',
      partners: [{ name: '市检察院' }],
    });
    const commerce = await city.post(`/api/programmes/${programmeId}/work-items`, {
      title: '商务局事项',
      ownerOrganizationId: await orgId('市商务局'),
      deadline: '2099-12-31',
    });
    const mine = (await police.get(`/api/programmes/${programmeId}/work-items?pageSize=100`)).json();
    expect(
      mine.items.every(
        (w: { ownerName: string; partners: { name: string }[] }) =>
          w.ownerName === '市公安局' || w.partners.some((p) => p.name === '市公安局'),
      ),
    ).toBe(true);
    expect(mine.items.map((w: { id: string }) => w.id)).toContain(item.id);
    expect((await police.get(`/api/work-items/${commerce.json().id}`)).statusCode).toBe(404);
    expect(
      (await police.post(`/api/work-items/${commerce.json().id}/reports`, { body: '越权', status: 'done' })).statusCode,
    ).toBe(404);
    expect((await police.patch(`/api/work-items/${item.id}`, { title: '改名' })).statusCode).toBe(403);
    expect((await donge.get(`/api/work-items/${item.id}`)).statusCode).toBe(404);
    const report = await police.post(`/api/work-items/${item.id}/reports`, {
      body: '已起草移送办法，征求检察院意见',
      status: 'in_progress',
    });
    expect(report.statusCode).toBe(201);
    const reportId = report.json().reportId;
    const upload = await police.inject({
      method: 'POST',
      url: `/api/work-items/${item.id}/reports/${reportId}/attachments`,
      ...multipart({ name: '移送办法（征求意见稿）.pdf', data: PDF }),
    });
    expect(upload.statusCode).toBe(201);
    const renamedExe = await police.inject({
      method: 'POST',
      url: `/api/work-items/${item.id}/reports/${reportId}/attachments`,
      ...multipart({ name: 'virus.pdf', data: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) }),
    });
    expect(renamedExe.statusCode).toBe(415);
    const seen = (await city.get(`/api/work-items/${item.id}`)).json();
    expect(seen.status).toBe('in_progress');
    expect(seen.reports[0]).toMatchObject({ body: '已起草移送办法，征求检察院意见', organizationName: '市公安局' });
    expect(seen.reports[0].attachments[0].fileName).toBe('移送办法（征求意见稿）.pdf');
    const file = await city.get(`/api/work-items/${item.id}/attachments/${seen.reports[0].attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // The co-operating unit's officer would see it; the county does not; the office's Excel lists it.
    const xlsx = await city.get(`/api/programmes/${programmeId}/work-items.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('turns overdue items red and notifies the owner and the office once, by inbox and the channels', async () => {
    const policeOrg = await orgId('市公安局');
    const created = await city.post(`/api/programmes/${programmeId}/work-items`, {
      title: '逾期测试事项',
      ownerOrganizationId: policeOrg,
      deadline: '2024-01-31',
    });
    const id = created.json().id;
    expect(created.json()).toMatchObject({ displayStatus: 'overdue', overdue: true });
    const overdue = (await police.get(`/api/programmes/${programmeId}/work-items?status=overdue&pageSize=100`)).json();
    expect(overdue.items.map((w: { id: string }) => w.id)).toContain(id);
    await t.db
      .updateTable('organizations')
      .set({ contact_phone: '13906350099', contact_email: 'police@example.cn' })
      .where('id', '=', policeOrg)
      .execute();
    const sent: string[] = [];
    const channels: MessageChannels = {
      sms: async (to, text) => {
        sent.push(`sms:${to}:${text}`);
      },
      email: async (to, subject) => {
        sent.push(`email:${to}:${subject}`);
      },
    };
    const first = await runOverdueCheck(t.db, { channels });
    expect(first.notified).toBeGreaterThanOrEqual(1);
    expect(sent.some((s) => s.startsWith('sms:13906350099') && s.includes('逾期测试事项'))).toBe(true);
    expect(sent.some((s) => s.startsWith('email:police@example.cn'))).toBe(true);
    const second = await runOverdueCheck(t.db, { channels });
    expect(second.overdue).toBe(0);
    const policeInbox = (await police.get('/api/notifications?pageSize=100')).json();
    expect(policeInbox.items.filter((n: { title: string }) => n.title.includes('逾期测试事项'))).toHaveLength(1);
    const officeInbox = (await city.get('/api/notifications?pageSize=100')).json();
    expect(officeInbox.items.filter((n: { title: string }) => n.title.includes('逾期测试事项'))).toHaveLength(1);
    // Done turns it back: reported done today, late.
    await police.post(`/api/work-items/${id}/reports`, { body: '已完成', status: 'done' });
    expect((await police.get(`/api/work-items/${id}`)).json()).toMatchObject({ displayStatus: 'done', overdue: false });
  });

  it('records task force meetings whose decisions become work items', async () => {
    const meeting = await city.post(`/api/programmes/${programmeId}/meetings`, {
      heldOn: '2024-03-15',
      title: '工作专班第一次会商',
      location: '市市场监管局三楼会议室',
      attendees: ['张建军（总召集人）', '陈玉国', '申磊'],
      agenda: '研究示范基地建设指南',
      minutes: '会议听取了建设指南起草情况汇报。',
      decisions: ['市公安局牵头建立线索移送机制', '各县报送示范基地候选名单'],
    });
    expect(meeting.statusCode).toBe(201);
    const m = meeting.json();
    expect(m.decisions).toHaveLength(2);
    const made = await city.post(`/api/meetings/${m.id}/decisions/0/work-items`, {
      items: [
        { title: '建立线索移送机制（会商议定）', ownerOrganizationId: await orgId('市公安局'), deadline: '2099-06-30' },
      ],
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().items[0]).toMatchObject({ meetingId: m.id, decisionPosition: 0 });
    expect((await city.get(`/api/meetings/${m.id}`)).json().decisions[0].workItems).toBe(1);
    expect(
      (
        await city.post(`/api/meetings/${m.id}/decisions/9/work-items`, {
          items: [{ title: 'x', ownerOrganizationId: await orgId('市公安局'), deadline: '2099-06-30' }],
        })
      ).statusCode,
    ).toBe(404);
    expect((await police.get(`/api/programmes/${programmeId}/meetings`)).json().total).toBe(1);
  });

  it('keeps inspection notes on a region visible to that region and the office', async () => {
    const created = await city.post(`/api/programmes/${programmeId}/inspections`, {
      target: 'region',
      regionId: dongeRegion,
      inspectedOn: '2024-10-10',
      inspectors: '市督查组',
      findings: '示范指导站建设进度滞后',
      requirements: '11月底前补齐',
    });
    expect(created.statusCode).toBe(201);
    expect((await donge.get(`/api/programmes/${programmeId}/inspections`)).json().total).toBe(1);
    expect((await linqing.get(`/api/programmes/${programmeId}/inspections`)).json().total).toBe(0);
    expect((await city.get(`/api/programmes/${programmeId}/inspections`)).json().total).toBe(1);
    const bad = await city.post(`/api/programmes/${programmeId}/inspections`, {
      target: 'work_item',
      inspectedOn: '2024-10-10',
      inspectors: '市督查组',
      findings: '无',
      requirements: '',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('scores an evaluation round automatically and manually, ranks, exports and publishes', async () => {
    const tree = (await city.get(`/api/programmes/${programmeId}/indicators`)).json();
    expect(tree.totalWeight).toBe(100);
    const manual = tree.items
      .flatMap((g: { children: { id: string; method: string; weight: number }[] }) => g.children)
      .find((c: { method: string }) => c.method === 'manual');
    // An item of 东阿县's government due in the period and done late: its on-time share is 0.
    const lateItem = await city.post(`/api/programmes/${programmeId}/work-items`, {
      title: '东阿县报送示范基地候选名单',
      ownerOrganizationId: await orgId('东阿县人民政府'),
      deadline: '2024-03-01',
    });
    expect(
      (await donge.post(`/api/work-items/${lateItem.json().id}/reports`, { body: '已报送', status: 'done' }))
        .statusCode,
    ).toBe(201);
    const progressAtEnd = (
      await city.get(`/api/programmes/${programmeId}/progress?asOf=2024-12-31&regionId=${dongeRegion}`)
    ).json<Progress>();
    const dongeActual = progressAtEnd.regions[0]?.actual ?? {};
    const leafByCode = (code: string) =>
      tree.items
        .flatMap((g: { children: { id: string; code: string }[] }) => g.children)
        .find((c: { code: string }) => c.code === code);
    const round = await city.post(`/api/programmes/${programmeId}/evaluation-rounds`, {
      name: '2024年度考核',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    });
    expect(round.statusCode).toBe(201);
    const results = round.json();
    expect(results.results).toHaveLength(11);
    const ranks = results.results.map((r: { total: number }) => r.total);
    expect([...ranks].sort((a: number, b: number) => b - a)).toEqual(ranks);
    const dongeRow = results.results.find((r: { regionId: string }) => r.regionId === dongeRegion);
    expect(dongeRow.complete).toBe(false);
    const scoreOf = (code: string) =>
      dongeRow.scores.find((x: { indicatorId: string }) => x.indicatorId === leafByCode(code).id).score;
    // A1: 15 points × bases designated ÷ 东阿县's allocation of 2 (capped); C1: 0 of 1 item on time.
    expect(scoreOf('A1')).toBeCloseTo(Math.round(1500 * Math.min(1, (dongeActual.base ?? 0) / 2)) / 100, 2);
    expect(scoreOf('A2')).toBeCloseTo(Math.round(2000 * Math.min(1, (dongeActual.station ?? 0) / 12)) / 100, 2);
    expect(scoreOf('C1')).toBe(0);
    const roundId = results.round.id;
    const scored = await city.inject({
      method: 'PUT',
      url: `/api/evaluation-rounds/${roundId}/scores`,
      payload: { regionId: dongeRegion, indicatorId: manual.id, score: 6.5, basis: '投诉办结台账 12 件，按时 11 件' },
    });
    expect(scored.statusCode).toBe(200);
    const after = scored.json().results.find((r: { regionId: string }) => r.regionId === dongeRegion);
    expect(after.total).toBeCloseTo(dongeRow.total + 6.5, 2);
    const tooHigh = await city.inject({
      method: 'PUT',
      url: `/api/evaluation-rounds/${roundId}/scores`,
      payload: { regionId: dongeRegion, indicatorId: manual.id, score: 99, basis: '超分' },
    });
    expect(tooHigh.statusCode).toBe(400);
    const own = (await donge.get(`/api/evaluation-rounds/${roundId}`)).json();
    expect(own.results.map((r: { name: string }) => r.name)).toEqual(['东阿县']);
    expect(
      (
        await donge.inject({
          method: 'PUT',
          url: `/api/evaluation-rounds/${roundId}/scores`,
          payload: { regionId: dongeRegion, indicatorId: manual.id, score: 1, basis: '自评' },
        })
      ).statusCode,
    ).toBe(403);
    const xlsx = await city.get(`/api/evaluation-rounds/${roundId}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const changeTree = await city.inject({
      method: 'PUT',
      url: `/api/programmes/${programmeId}/indicators`,
      payload: { items: [{ code: 'Z', name: '唯一', weight: 100, method: 'manual' }] },
    });
    expect(changeTree.statusCode).toBe(409);
    expect((await city.post(`/api/evaluation-rounds/${roundId}/publish`)).statusCode).toBe(200);
    const late = await city.inject({
      method: 'PUT',
      url: `/api/evaluation-rounds/${roundId}/scores`,
      payload: { regionId: dongeRegion, indicatorId: manual.id, score: 1, basis: '发布后修改' },
    });
    expect(late.statusCode).toBe(409);
  });

  it('validates an indicator tree: a group’s points are the sum of its children’s', async () => {
    const other = (await city.get('/api/programmes')).json().items.find((p: { id: string }) => p.id !== programmeId);
    const res = await city.inject({
      method: 'PUT',
      url: `/api/programmes/${other.id}/indicators`,
      payload: {
        items: [
          {
            code: 'A',
            name: '示范',
            weight: 50,
            children: [{ code: 'A1', name: '基地', weight: 20, method: 'auto', source: 'designation_base' }],
          },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('不一致');
  });

  it('prints a Chinese PDF report with its charts', async () => {
    const res = await city.get(`/api/programmes/${programmeId}/report.pdf?asOf=2025-09-30`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(20_000);
    // A county admin prints their own region's report; a department officer the city's, without evaluation.
    const own = await donge.get(`/api/programmes/${programmeId}/report.pdf?asOf=2025-09-30`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain(encodeURIComponent('东阿县'));
    expect((await police.get(`/api/programmes/${programmeId}/report.pdf`)).statusCode).toBe(200);
  }, 60_000);

  it('hides a programme from roles without the permission and answers 404 for unknown ids', async () => {
    const station = await t.login('station.donge');
    expect((await station.get('/api/programmes')).statusCode).toBe(403);
    expect((await city.get('/api/programmes/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await police.get(`/api/programmes/${programmeId}/progress`)).statusCode).toBe(200);
  });
});
