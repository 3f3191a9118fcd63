import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/db/schema';
import { runCampaignReminders, startCampaignReminders } from '../src/modules/campaigns/index';
import { createTestApp, enterpriseIdByName, regionId, type Session, type TestApp } from './helpers';

const MISSING = '00000000-0000-4000-8000-000000000000';
const cst = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A published standard with two requirements for every industry (and a draft version of it). */
async function standardVersions(db: Kysely<DB>) {
  const at = new Date().toISOString();
  const frameworkId = crypto.randomUUID();
  const published = crypto.randomUUID();
  const draft = crypto.randomUUID();
  const content = JSON.stringify({
    chapters: [
      {
        code: '1',
        title: '制度',
        clauses: [
          {
            code: '1.1',
            title: '制度',
            requirements: ['C1', 'C2'].map((code) => ({
              code,
              text: `要求 ${code}`,
              guidance: '',
              evidence: '',
              weight: 1,
              mandatory: false,
              industries: [],
            })),
          },
        ],
      },
    ],
  });
  await db
    .insertInto('frameworks')
    .values({
      id: frameworkId,
      code: 'TEST-CAMPAIGN-STD',
      kind: 'standard',
      name: '活动测试标准',
      industry_code: null,
      description: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('framework_versions')
    .values([
      {
        id: published,
        framework_id: frameworkId,
        version: '1.0',
        status: 'published',
        base_version_id: null,
        template: 0,
        content,
        requirement_count: 2,
        published_at: at,
        created_at: at,
        updated_at: at,
      },
      {
        id: draft,
        framework_id: frameworkId,
        version: '2.0-draft',
        status: 'draft',
        base_version_id: null,
        template: 0,
        content,
        requirement_count: 2,
        published_at: null,
        created_at: at,
        updated_at: at,
      },
    ])
    .execute();
  return { published, draft };
}

describe('conformance campaigns', () => {
  let t: TestApp;
  let versions: { published: string; draft: string };
  let city: Session;
  let donge: Session;
  let linqing: Session;
  let linqingRegion: string;
  let dongeRegion: string;
  let cityCampaign: string;
  let countyCampaign: string;

  beforeAll(async () => {
    t = await createTestApp();
    versions = await standardVersions(t.db);
    city = await t.login('city.admin');
    donge = await t.login('county.donge');
    linqing = await t.login('county.linqing');
    linqingRegion = await regionId(t.db, '371581');
    dongeRegion = await regionId(t.db, '371524');
  });
  afterAll(async () => t.close());

  it('refuses bad campaigns in Chinese, field by field', async () => {
    const past = await city.post('/api/campaigns', {
      name: '过期活动',
      standardVersionId: versions.published,
      criteria: {},
      deadline: cst(-1),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ field: 'deadline', message: '截止日期不能早于今天' }]);
    const draft = await city.post('/api/campaigns', {
      name: '草案活动',
      standardVersionId: versions.draft,
      criteria: {},
      deadline: cst(10),
    });
    expect(draft.statusCode).toBe(400);
    expect(draft.json().errors[0].field).toBe('standardVersionId');
    const missing = await city.post('/api/campaigns', {
      name: '无标准',
      standardVersionId: MISSING,
      criteria: {},
      deadline: cst(10),
    });
    expect(missing.statusCode).toBe(400);
    const badIndustry = await city.post('/api/campaigns', {
      name: '未知行业',
      standardVersionId: versions.published,
      criteria: { industries: ['no_such_industry'] },
      deadline: cst(10),
    });
    expect(badIndustry.statusCode).toBe(400);
    expect(badIndustry.json().detail).toContain('no_such_industry');
    const outside = await donge.post('/api/campaigns', {
      name: '越界活动',
      standardVersionId: versions.published,
      criteria: { regionIds: [linqingRegion] },
      deadline: cst(10),
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('criteria.regionIds');
    const noDate = await city.post('/api/campaigns', {
      name: '坏日期',
      standardVersionId: versions.published,
      criteria: {},
      deadline: '2026-02-30',
    });
    expect(noDate.statusCode).toBe(400);
  });

  it('a county campaign reaches only its own enterprises; a city campaign by honour reaches every county', async () => {
    const county = await donge.post('/api/campaigns', {
      name: '东阿县贯标',
      standardVersionId: versions.published,
      criteria: {},
      deadline: cst(20),
    });
    expect(county.statusCode, county.body).toBe(201);
    countyCampaign = county.json().id;
    expect(county.json().ownerRegion.name).toBe('东阿县');
    expect(county.json().byRegion.map((r: { regionName: string }) => r.regionName)).toEqual(['东阿县']);
    const dongeCount = await t.db
      .selectFrom('enterprises as e')
      .innerJoin('regions as r', 'r.id', 'e.region_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.path', 'like', `%/${dongeRegion}/%`)
      .where('e.status', '=', 'active')
      .executeTakeFirstOrThrow();
    expect(county.json().counts.total).toBe(Number(dongeCount.n));

    // 东阿's enterprises already have an open assessment for this version: the city's campaign skips them.
    const cityRes = await city.post('/api/campaigns', {
      name: '专精特新企业贯标',
      standardVersionId: versions.published,
      criteria: { honours: ['specialized'] },
      deadline: cst(7),
    });
    expect(cityRes.statusCode, cityRes.body).toBe(201);
    cityCampaign = cityRes.json().id;
    const entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
    const page = (await city.get(`/api/campaigns/${cityCampaign}/assessments?pageSize=200`)).json();
    const enterprises = page.items.map((a: { enterprise: { id: string } }) => a.enterprise.id);
    expect(enterprises).toContain(entB);
    expect(page.items.every((a: { enterprise: { regionName: string } }) => a.enterprise.regionName !== '东阿县')).toBe(
      true,
    );
    expect(page.items[0]).toMatchObject({
      status: 'not_started',
      answered: 0,
      total: 2,
      standardVersionLabel: '活动测试标准 1.0',
    });
  });

  it('shows campaigns and their counts within the viewer’s region', async () => {
    const seen = (await linqing.get('/api/campaigns')).json().items.map((c: { id: string }) => c.id);
    expect(seen).toContain(cityCampaign);
    expect(seen).not.toContain(countyCampaign);
    expect((await linqing.get(`/api/campaigns/${countyCampaign}`)).statusCode).toBe(404);
    const asLinqing = (await linqing.get(`/api/campaigns/${cityCampaign}`)).json();
    expect(asLinqing.byRegion.map((r: { regionName: string }) => r.regionName)).toEqual(['临清市']);
    expect(asLinqing.manageable).toBe(false);
    const asCity = (await city.get(`/api/campaigns/${cityCampaign}`)).json();
    expect(asLinqing.counts.total).toBeGreaterThanOrEqual(1);
    expect(asCity.counts.total).toBeGreaterThanOrEqual(asLinqing.counts.total);
    expect(asCity.manageable).toBe(true);
    const station = await t.login('station.donge');
    expect((await station.get(`/api/campaigns/${countyCampaign}`)).statusCode).toBe(200);
    expect((await station.get('/api/campaigns?q=东阿')).json().total).toBe(1);
    // Reminding or closing someone else's campaign is refused.
    expect((await linqing.post(`/api/campaigns/${cityCampaign}/remind`)).statusCode).toBe(403);
    expect((await donge.post(`/api/campaigns/${cityCampaign}/close`)).statusCode).toBe(403);
  });

  it('reminds those not submitted: by hand, and on schedule at 7 and 1 days before, once each', async () => {
    const total = (await city.get(`/api/campaigns/${cityCampaign}`)).json().counts.total;
    const manual = await city.post(`/api/campaigns/${cityCampaign}/remind`);
    expect(manual.statusCode).toBe(200);
    expect(manual.json().sent).toBe(total);

    const deadline = cst(7);
    expect((await runCampaignReminders(t.db, addDays(deadline, -8))).sent).toBe(0);
    expect((await runCampaignReminders(t.db, addDays(deadline, -7))).sent).toBe(total);
    expect((await runCampaignReminders(t.db, addDays(deadline, -7))).sent).toBe(0);
    expect((await runCampaignReminders(t.db, addDays(deadline, -3))).sent).toBe(0);
    expect((await runCampaignReminders(t.db, addDays(deadline, -1))).sent).toBe(total);
    expect((await runCampaignReminders(t.db, deadline)).sent).toBe(0);
    expect((await runCampaignReminders(t.db, addDays(deadline, 1))).sent).toBe(0);

    const entB = await t.login('ent.b.admin');
    const reminders = (await entB.get('/api/notifications?pageSize=50'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'campaign_reminder');
    expect(reminders).toHaveLength(3);
    expect(reminders[0].title).toContain(deadline);

    // The scheduled job runs, stops, and never keeps the process alive.
    const job = startCampaignReminders(t.app, { intervalMs: 60_000, firstRunMs: 60_000 });
    await job.runNow();
    job.stop();
    expect(
      (await entB.get('/api/notifications?pageSize=50'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'campaign_reminder'),
    ).toHaveLength(3);
  });

  it('closes a campaign once', async () => {
    const closed = await donge.post(`/api/campaigns/${countyCampaign}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect((await donge.post(`/api/campaigns/${countyCampaign}/close`)).statusCode).toBe(409);
    expect((await donge.post(`/api/campaigns/${countyCampaign}/remind`)).statusCode).toBe(409);
    expect((await city.get('/api/campaigns?status=closed')).json().items.map((c: { id: string }) => c.id)).toEqual([
      countyCampaign,
    ]);
  });
});
