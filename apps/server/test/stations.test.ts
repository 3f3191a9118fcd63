import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, enterpriseIdByName, regionId, type Session, type TestApp } from './helpers';

interface Station {
  id: string;
  name: string;
  regionName: string;
  countyName: string;
  hostKind: string;
  hostOrganizationName: string | null;
  longitude: number;
  latitude: number;
  staff: { name: string; phone: string; liaison: boolean }[];
  services: string[];
  openingHours: string;
  contactPhone: string;
  status: string;
  demonstration: boolean;
}
interface StationPage {
  items: Station[];
  total: number;
}

const DEMO_STATION = '东阿县铜城市场监管所商业秘密保护服务站';

describe('service stations', () => {
  let t: TestApp;
  let city: Session;
  let donge: Session;
  let linqing: Session;
  let dongeRegion: string;
  let linqingRegion: string;
  beforeAll(async () => {
    t = await createTestApp();
    city = await t.login('city.admin');
    donge = await t.login('county.donge');
    linqing = await t.login('county.linqing');
    dongeRegion = await regionId(t.db, '371524');
    linqingRegion = await regionId(t.db, '371581');
  });
  afterAll(async () => t.close());

  const valid = (overrides: Record<string, unknown> = {}) => ({
    name: '东阿县新城商业秘密保护服务点',
    hostKind: 'township',
    regionId: dongeRegion,
    address: '东阿县新城街道办事处',
    longitude: 116.24,
    latitude: 36.32,
    staff: [
      { name: '张联络', role: '联络员', phone: '13906350001', liaison: true },
      { name: '李兼职', role: '兼职工作人员', phone: '13906350002', liaison: false },
    ],
    openingHours: '工作日 9:00-17:00',
    services: ['legal_consultation', 'complaint_intake'],
    contactName: '张联络',
    contactPhone: '0635-3201234',
    ...overrides,
  });

  it('seeds the demo stations, the existing 铜城 station organisation converted with the same id', async () => {
    const page = (await city.get('/api/stations?pageSize=100')).json<StationPage>();
    expect(page.total).toBeGreaterThanOrEqual(15);
    const counties = new Set(page.items.map((s) => s.countyName));
    expect(counties.size).toBe(11);
    const tongcheng = page.items.find((s) => s.name === DEMO_STATION);
    expect(tongcheng).toMatchObject({ countyName: '东阿县', hostKind: 'market_supervision_office', status: 'active' });
    expect(tongcheng?.id).toBe(await enterpriseIdByName(t.db, DEMO_STATION));
    for (const station of page.items) {
      expect(station.staff.filter((s) => s.liaison)).toHaveLength(1);
      expect(station.services.length).toBeGreaterThan(0);
    }
  });

  it('creates a station as an organisation of kind service_station, audited', async () => {
    const res = await donge.post('/api/stations', valid());
    expect(res.statusCode).toBe(201);
    const station = res.json<Station>();
    expect(station).toMatchObject({
      regionName: '东阿县',
      countyName: '东阿县',
      longitude: 116.24,
      latitude: 36.32,
      status: 'active',
      demonstration: false,
      services: expect.arrayContaining(['legal_consultation', 'complaint_intake']),
    });
    const org = await city.get(`/api/organizations/${station.id}`);
    expect(org.statusCode).toBe(200);
    expect(org.json()).toMatchObject({ kind: 'service_station', name: valid().name });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'service_station')
      .where('entity_id', '=', station.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses coordinates outside the city and a staff list without exactly one liaison, in Chinese', async () => {
    const far = await city.post('/api/stations', valid({ longitude: 120.1, latitude: 30.2 }));
    expect(far.statusCode).toBe(400);
    expect(
      far
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['latitude', 'longitude']);
    expect(far.json().detail).toContain('经度应在 115.2–116.6 之间');
    const none = await city.post(
      '/api/stations',
      valid({ staff: [{ name: '王', role: '工作人员', phone: '13906350003', liaison: false }] }),
    );
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([{ field: 'staff', message: '请指定 1 名联络员' }]);
    const two = await city.post(
      '/api/stations',
      valid({
        staff: [
          { name: '甲', role: '联络员', phone: '13906350004', liaison: true },
          { name: '乙', role: '联络员', phone: '13906350005', liaison: true },
        ],
      }),
    );
    expect(two.json().errors[0].message).toBe('联络员只能有 1 名，当前指定了 2 名');
    const empty = await city.post('/api/stations', valid({ staff: [], services: [] }));
    expect(empty.json().errors).toEqual([
      { field: 'staff', message: '服务站至少应配备 1 名工作人员' },
      { field: 'services', message: '请至少选择一项服务内容' },
    ]);
    const unknown = await city.post('/api/stations', valid({ rating: 5 }));
    expect(unknown.statusCode).toBe(400);
  });

  it('filters by name, region, host kind and service', async () => {
    const byName = (await city.get(`/api/stations?q=${encodeURIComponent('烟店')}`)).json<StationPage>();
    expect(byName.items.map((s) => s.name)).toEqual(['临清市烟店镇商业秘密保护服务站']);
    const inLinqing = (await city.get(`/api/stations?regionId=${linqingRegion}`)).json<StationPage>();
    expect(inLinqing.total).toBe(2);
    expect(inLinqing.items.every((s) => s.countyName === '临清市')).toBe(true);
    const parks = (await city.get('/api/stations?hostKind=industrial_park&pageSize=100')).json<StationPage>();
    expect(parks.items.length).toBeGreaterThan(0);
    expect(parks.items.every((s) => s.hostKind === 'industrial_park')).toBe(true);
    const rights = (await city.get('/api/stations?service=rights_assistance&pageSize=100')).json<StationPage>();
    expect(rights.items.every((s) => s.services.includes('rights_assistance'))).toBe(true);
    const all = (await city.get('/api/stations?pageSize=100')).json<StationPage>();
    expect(rights.total).toBeLessThan(all.total);
  });

  it("keeps a county to its own region: another county's station is 404 to read or edit", async () => {
    const own = (await linqing.get('/api/stations?pageSize=100')).json<StationPage>();
    expect(own.items.length).toBe(2);
    expect(own.items.every((s) => s.countyName === '临清市')).toBe(true);
    const dongeStation = await enterpriseIdByName(t.db, DEMO_STATION);
    expect((await linqing.get(`/api/stations/${dongeStation}`)).statusCode).toBe(404);
    expect((await linqing.patch(`/api/stations/${dongeStation}`, { openingHours: '全天' })).statusCode).toBe(404);
    expect((await linqing.post(`/api/stations/${dongeStation}/archive`, { reason: '测试越权' })).statusCode).toBe(404);
    // A county cannot set one up elsewhere either.
    const elsewhere = await linqing.post('/api/stations', valid());
    expect(elsewhere.statusCode).toBe(403);
    // Station staff see their own county only.
    const staff = await t.login('station.donge');
    const seen = (await staff.get('/api/stations?pageSize=100')).json<StationPage>();
    expect(seen.items.every((s) => s.countyName === '东阿县')).toBe(true);
    expect(seen.items.length).toBeGreaterThan(0);
  });

  it('lets station staff edit their own station’s day-to-day details, and nothing else', async () => {
    const staff = await t.login('station.donge');
    const own = await enterpriseIdByName(t.db, DEMO_STATION);
    const ok = await staff.patch(`/api/stations/${own}`, {
      openingHours: '工作日 8:00-18:00',
      services: ['legal_consultation'],
      contactPhone: '0635-3209999',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      openingHours: '工作日 8:00-18:00',
      services: ['legal_consultation'],
      contactPhone: '0635-3209999',
    });
    const moved = await staff.patch(`/api/stations/${own}`, { longitude: 116.3 });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0]).toMatchObject({ field: 'longitude' });
    const noLiaison = await staff.patch(`/api/stations/${own}`, {
      staff: [{ name: '王', role: '工作人员', phone: '13906350003', liaison: false }],
    });
    expect(noLiaison.json().errors).toEqual([{ field: 'staff', message: '请指定 1 名联络员' }]);
    // Another station in the same county: visible, not editable.
    const other = (await staff.get(`/api/stations?q=${encodeURIComponent('经济开发区')}`)).json<StationPage>().items[0];
    expect(other).toBeDefined();
    const refused = await staff.patch(`/api/stations/${other?.id}`, { openingHours: '全天' });
    expect(refused.statusCode).toBe(403);
    expect((await staff.post(`/api/stations/${own}/archive`, { reason: '自行归档' })).statusCode).toBe(403);
  });

  it('archives and restores; an archived station is not editable and leaves the public directory', async () => {
    const created = (await city.post('/api/stations', valid({ name: '东阿县归档测试服务点' }))).json<Station>();
    const archived = await donge.post(`/api/stations/${created.id}/archive`, { reason: '场所撤并' });
    expect(archived.json()).toMatchObject({ status: 'archived' });
    expect((await donge.post(`/api/stations/${created.id}/archive`, { reason: '再次' })).statusCode).toBe(409);
    expect((await donge.patch(`/api/stations/${created.id}`, { openingHours: '全天' })).statusCode).toBe(409);
    const publicList = await t.app.inject({ method: 'GET', url: '/api/public/stations' });
    expect(publicList.json().items.map((s: Station) => s.id)).not.toContain(created.id);
    const onlyArchived = (await city.get('/api/stations?status=archived')).json<StationPage>();
    expect(onlyArchived.items.map((s) => s.id)).toEqual([created.id]);
    const restored = await donge.post(`/api/stations/${created.id}/restore`, { reason: '恢复服务' });
    expect(restored.json()).toMatchObject({ status: 'active' });
  });

  it('publishes a directory without login: active stations only, no staff phone numbers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/stations' });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(15);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'address',
          'contactPhone',
          'demonstration',
          'id',
          'latitude',
          'longitude',
          'name',
          'openingHours',
          'regionName',
          'services',
        ].sort(),
      );
    }
    // Seeded staff mobiles (139/137 0635 …) never appear.
    expect(res.body).not.toMatch(/1[37]90635\d{4}/);
    expect(res.body).not.toContain('13906350001');
    const filtered = await t.app.inject({
      method: 'GET',
      url: `/api/public/stations?regionId=${linqingRegion}&service=rights_assistance`,
    });
    expect(filtered.json().items.map((s: Station) => s.name)).toEqual(['临清市新华路市场监管所商业秘密保护服务站']);
    // The demo history designated five stations, one of them revoked at its 2025 review.
    const demonstration = await t.app.inject({ method: 'GET', url: '/api/public/stations?demonstration=true' });
    expect(
      demonstration
        .json<{ items: Station[] }>()
        .items.map((s) => s.name)
        .sort(),
    ).toEqual(
      [
        '临清市新华路市场监管所商业秘密保护服务站',
        '东昌府区古楼市场监管所商业秘密保护服务站',
        '聊城经济技术开发区商业秘密保护服务站',
        '茌平区振兴市场监管所商业秘密保护服务站',
      ].sort(),
    );
  });

  it('gives the public map stations and bases by coordinates, with counts per county-level region', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/map' });
    expect(res.statusCode).toBe(200);
    const map = res.json<{
      stations: { longitude: number; latitude: number }[];
      bases: { name: string; designated: boolean }[];
      regions: { name: string; stations: number; bases: number }[];
      bounds: { minLng: number; maxLng: number; minLat: number; maxLat: number };
    }>();
    expect(map.bounds).toEqual({ minLng: 115.2, maxLng: 116.6, minLat: 35.8, maxLat: 37.1 });
    expect(map.regions).toHaveLength(11);
    expect(map.regions.reduce((n, r) => n + r.stations, 0)).toBe(map.stations.length);
    expect(map.regions.find((r) => r.name === '临清市')).toMatchObject({ stations: 2, bases: 1 });
    expect(map.bases).toHaveLength(3);
    for (const s of map.stations) {
      expect(s.longitude).toBeGreaterThanOrEqual(115.2);
      expect(s.latitude).toBeLessThanOrEqual(37.1);
    }
    expect(res.body).not.toMatch(/1[37]90635\d{4}/);
  });
});
