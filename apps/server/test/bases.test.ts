import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, enterpriseIdByName, regionId, type Session, type TestApp } from './helpers';

interface Base {
  id: string;
  name: string;
  hostKind: string;
  hostOrganizationName: string | null;
  regionName: string;
  longitude: number;
  latitude: number;
  enterprises: { id: string; name: string }[];
  status: string;
  designated: boolean;
}

describe('demonstration bases', () => {
  let t: TestApp;
  let city: Session;
  let donge: Session;
  let linqing: Session;
  let dongeZone: string;
  let entA: string;
  let entB: string;
  beforeAll(async () => {
    t = await createTestApp();
    city = await t.login('city.admin');
    donge = await t.login('county.donge');
    linqing = await t.login('county.linqing');
    dongeZone = await regionId(t.db, '371524900');
    entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
  });
  afterAll(async () => t.close());

  const valid = (overrides: Record<string, unknown> = {}) => ({
    name: '东阿县中医药商业秘密保护示范基地',
    hostKind: 'industrial_park',
    regionId: dongeZone,
    address: '东阿县经济开发区',
    longitude: 116.28,
    latitude: 36.31,
    description: '测试基地',
    ...overrides,
  });

  it('seeds the three demo bases with the enterprises they cover', async () => {
    const page = (await city.get('/api/bases')).json<{ items: Base[]; total: number }>();
    expect(page.total).toBe(3);
    const ejiao = page.items.find((b) => b.name.startsWith('东阿阿胶产业集群'));
    expect(ejiao).toMatchObject({ hostKind: 'cluster', regionName: '东阿县经济开发区', designated: false });
    expect(ejiao?.enterprises.map((e) => e.id)).toContain(entA);
    const xinfa = page.items.find((b) => b.name.includes('信发'));
    expect(xinfa?.hostKind).toBe('leading_enterprise');
  });

  it('creates, edits and archives a base within the county; another county sees 404', async () => {
    const res = await donge.post('/api/bases', valid());
    expect(res.statusCode).toBe(201);
    const base = res.json<Base>();
    expect(base).toMatchObject({ status: 'active', enterprises: [], longitude: 116.28, designated: false });
    expect((await linqing.get(`/api/bases/${base.id}`)).statusCode).toBe(404);
    expect((await linqing.patch(`/api/bases/${base.id}`, { name: '越权' })).statusCode).toBe(404);
    const linqingList = (await linqing.get('/api/bases')).json<{ items: Base[] }>();
    expect(linqingList.items.map((b) => b.regionName)).toEqual(['烟店镇']);
    expect((await linqing.post('/api/bases', valid())).statusCode).toBe(403);
    const far = await donge.patch(`/api/bases/${base.id}`, { latitude: 40 });
    expect(far.statusCode).toBe(400);
    expect(far.json().errors[0]).toMatchObject({ field: 'latitude' });
    const renamed = await donge.patch(`/api/bases/${base.id}`, { name: '东阿县中医药示范基地', description: '改' });
    expect(renamed.json()).toMatchObject({ name: '东阿县中医药示范基地', description: '改' });
    const archived = await donge.post(`/api/bases/${base.id}/archive`, { reason: '并入阿胶基地' });
    expect(archived.json().status).toBe('archived');
    expect((await donge.patch(`/api/bases/${base.id}`, { name: '再改' })).statusCode).toBe(409);
    const map = (await t.app.inject({ method: 'GET', url: '/api/public/map' })).json<{ bases: { id: string }[] }>();
    expect(map.bases.map((b) => b.id)).not.toContain(base.id);
    expect((await donge.post(`/api/bases/${base.id}/restore`, { reason: '恢复' })).json().status).toBe('active');
  });

  it('sets covered enterprises, only among those the actor can see', async () => {
    const base = (await donge.post('/api/bases', valid({ name: '覆盖企业测试基地' }))).json<Base>();
    const ok = await donge.inject({
      method: 'PUT',
      url: `/api/bases/${base.id}/enterprises`,
      payload: { enterpriseIds: [entA] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().enterprises).toEqual([{ id: entA, name: '东阿示范阿胶股份有限公司' }]);
    const outside = await donge.inject({
      method: 'PUT',
      url: `/api/bases/${base.id}/enterprises`,
      payload: { enterpriseIds: [entA, entB] },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([{ field: 'enterpriseIds.1', message: '企业不存在或不在您的管辖范围内' }]);
    const cleared = await city.inject({
      method: 'PUT',
      url: `/api/bases/${base.id}/enterprises`,
      payload: { enterpriseIds: [] },
    });
    expect(cleared.json().enterprises).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'demonstration_base')
      .where('entity_id', '=', base.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('is not readable by station staff (no base:read)', async () => {
    const staff = await t.login('station.donge');
    const res = await staff.get('/api/bases');
    expect(res.statusCode).toBe(403);
  });
});
