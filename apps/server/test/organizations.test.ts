import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, enterpriseIdByName, regionId, type Session, type TestApp } from './helpers';

interface Organization {
  id: string;
  kind: string;
  name: string;
  regionId: string;
  regionName: string;
  status: string;
  contactPhone: string;
  contactEmail: string | null;
}
interface OrganizationPage {
  items: Organization[];
  total: number;
  page: number;
  pageSize: number;
}
interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

// Service stations have their own module (a place with staff and services); organisations of other
// kinds are managed here. The examples use a third-party service provider.
const newStation = (regionIdValue: string, name = '东阿县明法律师事务所') => ({
  kind: 'service_provider',
  name,
  regionId: regionIdValue,
  address: '山东省聊城市东阿县刘集镇',
  contactName: '值班员',
  contactPhone: '0635-3200200',
});

describe('organizations', () => {
  let t: TestApp;
  let city: Session;
  let donge: Session;
  let dongeRegion: string;
  let linqingRegion: string;
  let linqingGovernment: string;
  let enterpriseA: string;

  beforeAll(async () => {
    t = await createTestApp();
    city = await t.login('city.admin');
    donge = await t.login('county.donge');
    dongeRegion = await regionId(t.db, '371524');
    linqingRegion = await regionId(t.db, '371581');
    linqingGovernment = await enterpriseIdByName(t.db, '临清市人民政府');
    enterpriseA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
  });
  afterAll(async () => t.close());

  describe('list', () => {
    it('lists every organisation for the city admin, with region names and no unknown fields', async () => {
      const res = await city.get('/api/organizations?pageSize=200');
      expect(res.statusCode).toBe(200);
      const page = res.json<OrganizationPage>();
      expect(page.total).toBeGreaterThan(30);
      const association = page.items.find((o) => o.name === '聊城市阿胶行业协会');
      expect(association).toMatchObject({
        kind: 'association',
        regionName: '东阿县',
        status: 'active',
        contactEmail: null,
      });
      expect(Object.keys(association ?? {}).sort()).toEqual(
        [
          'address',
          'archivedReason',
          'contactEmail',
          'contactName',
          'contactPhone',
          'createdAt',
          'id',
          'kind',
          'name',
          'regionId',
          'regionName',
          'status',
          'updatedAt',
        ].sort(),
      );
    });

    it('searches by name and filters by kind, region and status', async () => {
      const byName = (
        await city.get(`/api/organizations?q=${encodeURIComponent('阿胶行业')}`)
      ).json<OrganizationPage>();
      expect(byName.items.map((o) => o.name)).toEqual(['聊城市阿胶行业协会']);

      const stations = (await city.get('/api/organizations?kind=service_station')).json<OrganizationPage>();
      expect(stations.items.length).toBeGreaterThan(0);
      expect(stations.items.every((o) => o.kind === 'service_station')).toBe(true);

      const inLinqing = (
        await city.get(`/api/organizations?regionId=${linqingRegion}&pageSize=200`)
      ).json<OrganizationPage>();
      const names = inLinqing.items.map((o) => o.name);
      expect(names).toContain('临清市人民政府');
      expect(names).toContain('临清示范轴承有限公司'); // in a town of 临清市: the filter covers the subtree
      expect(names).not.toContain('东阿县人民政府');

      const archived = (await city.get('/api/organizations?status=archived')).json<OrganizationPage>();
      expect(archived.items.every((o) => o.status === 'archived')).toBe(true);
    });

    it('treats LIKE wildcards in the search as plain characters', async () => {
      const res = (await city.get(`/api/organizations?q=${encodeURIComponent('%')}`)).json<OrganizationPage>();
      expect(res.total).toBe(0);
      const underscore = (await city.get('/api/organizations?q=_')).json<OrganizationPage>();
      expect(underscore.total).toBe(0);
    });

    it('pages through the results without overlap', async () => {
      const first = (await city.get('/api/organizations?page=1&pageSize=5')).json<OrganizationPage>();
      const second = (await city.get('/api/organizations?page=2&pageSize=5')).json<OrganizationPage>();
      expect(first).toMatchObject({ page: 1, pageSize: 5 });
      expect(first.items).toHaveLength(5);
      expect(second.items).toHaveLength(5);
      expect(second.total).toBe(first.total);
      const overlap = first.items.filter((a) => second.items.some((b) => b.id === a.id));
      expect(overlap).toHaveLength(0);
    });

    it('rejects unknown query fields and bad values with a problem', async () => {
      for (const url of [
        '/api/organizations?colour=red',
        '/api/organizations?kind=bank',
        '/api/organizations?pageSize=1000',
      ]) {
        const res = await city.get(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<Problem>().errors?.length).toBeGreaterThan(0);
      }
      expect((await city.get('/api/organizations?colour=red')).json<Problem>().errors).toEqual([
        expect.objectContaining({ field: 'colour' }),
      ]);
    });
  });

  describe('scope', () => {
    it('shows a county admin only their own region', async () => {
      const page = (await donge.get('/api/organizations?pageSize=200')).json<OrganizationPage>();
      const names = page.items.map((o) => o.name);
      expect(names).toContain('东阿县人民政府');
      expect(names).toContain('东阿县铜城市场监管所商业秘密保护服务站');
      expect(names).toContain('东阿示范阿胶股份有限公司');
      expect(names).not.toContain('临清市人民政府');
      expect(names).not.toContain('市市场监管局');
      const other = (await donge.get(`/api/organizations?regionId=${linqingRegion}`)).json<OrganizationPage>();
      expect(other.total).toBe(0);
    });

    it('answers 404 when a county admin reads or changes another region’s organisation', async () => {
      expect((await donge.get(`/api/organizations/${linqingGovernment}`)).statusCode).toBe(404);
      expect(
        (await donge.patch(`/api/organizations/${linqingGovernment}`, { contactPhone: '0635-1111111' })).statusCode,
      ).toBe(404);
      expect(
        (await donge.post(`/api/organizations/${linqingGovernment}/archive`, { reason: '测试越权' })).statusCode,
      ).toBe(404);
      // The same answer as for an id that does not exist.
      const missing = await donge.get('/api/organizations/00000000-0000-4000-8000-000000000000');
      expect(missing.statusCode).toBe(404);
      expect(missing.json<Problem>().detail).toBe(
        (await donge.get(`/api/organizations/${linqingGovernment}`)).json<Problem>().detail,
      );
    });

    it('hides enterprise organisations from experts, who may not read the enterprise registry', async () => {
      const expert = await t.login('expert.demo');
      const page = (await expert.get('/api/organizations?pageSize=200')).json<OrganizationPage>();
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.some((o) => o.kind === 'enterprise')).toBe(false);
      expect((await expert.get(`/api/organizations/${enterpriseA}`)).statusCode).toBe(404);
    });

    it('refuses enterprise accounts and read-only roles by permission', async () => {
      const enterprise = await t.login('ent.a.admin');
      expect((await enterprise.get('/api/organizations')).statusCode).toBe(403);
      const police = await t.login('dept.police');
      expect((await police.get('/api/organizations')).statusCode).toBe(200);
      expect((await police.post('/api/organizations', newStation(dongeRegion, '公安不应能建'))).statusCode).toBe(403);
    });
  });

  describe('create', () => {
    it('lets a county admin register a station in their region, audited with field names', async () => {
      const res = await donge.post('/api/organizations', newStation(dongeRegion));
      expect(res.statusCode).toBe(201);
      const created = res.json<Organization>();
      expect(created).toMatchObject({
        kind: 'service_provider',
        regionName: '东阿县',
        status: 'active',
        contactEmail: null,
      });
      expect((await donge.get(`/api/organizations/${created.id}`)).json<Organization>().name).toBe(
        '东阿县明法律师事务所',
      );

      const audit = (await city.get(`/api/audit?entityType=organization&entityId=${created.id}`)).json<{
        items: { action: string; actorUsername: string; changedFields: string[] }[];
      }>();
      expect(audit.items).toEqual([
        expect.objectContaining({
          action: 'create',
          actorUsername: 'county.donge',
          changedFields: ['address', 'contactName', 'contactPhone', 'kind', 'name', 'regionId'],
        }),
      ]);
    });

    it('answers 409 with a field error for a duplicate name of the same kind in the same region', async () => {
      const res = await city.post('/api/organizations', newStation(dongeRegion, '聊城市阿胶行业协会'));
      expect(res.statusCode).toBe(201); // a station may share an association's name
      const dup = await city.post('/api/organizations', {
        ...newStation(dongeRegion, '聊城市阿胶行业协会'),
        kind: 'association',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.headers['content-type']).toContain('application/problem+json');
      expect(dup.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'name' })]);
      // The same name in another region is fine.
      const elsewhere = await city.post('/api/organizations', {
        ...newStation(linqingRegion, '聊城市阿胶行业协会'),
        kind: 'association',
      });
      expect(elsewhere.statusCode).toBe(201);
    });

    it('refuses a county admin outside their region with 403', async () => {
      const res = await donge.post('/api/organizations', newStation(linqingRegion, '临清某律师事务所'));
      expect(res.statusCode).toBe(403);
      expect(res.json<Problem>().detail).toContain('本辖区');
    });

    it('sends enterprises to the enterprise registry with a Chinese reason', async () => {
      const res = await city.post('/api/organizations', { ...newStation(dongeRegion, '某新企业'), kind: 'enterprise' });
      expect(res.statusCode).toBe(400);
      const problem = res.json<Problem>();
      expect(problem.detail).toContain('企业管理');
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    });

    it('reports field errors as problem+json', async () => {
      const res = await city.post('/api/organizations', {
        kind: 'bank',
        name: '',
        regionId: 'not-a-uuid',
        address: '地址',
        contactName: '某人',
        contactPhone: 'abc',
        contactEmail: 'not-an-email',
        extra: 1,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const fields = (res.json<Problem>().errors ?? []).map((e) => e.field);
      for (const field of ['kind', 'name', 'regionId', 'contactPhone', 'contactEmail', 'extra']) {
        expect(fields).toContain(field);
      }
      const blank = await city.post('/api/organizations', { ...newStation(dongeRegion), name: '   ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'name' })]);
      const unknownRegion = await city.post(
        '/api/organizations',
        newStation('00000000-0000-4000-8000-000000000000', '无区域站'),
      );
      expect(unknownRegion.statusCode).toBe(400);
      expect(unknownRegion.json<Problem>().errors).toEqual([{ field: 'regionId', message: '所属区域不存在' }]);
    });
  });

  describe('update, archive and restore', () => {
    let stationId: string;
    beforeAll(async () => {
      const res = await donge.post('/api/organizations', newStation(dongeRegion, '东阿县姜楼镇知识产权服务中心'));
      stationId = res.json<Organization>().id;
    });

    it('applies a partial change and audits only the changed field names', async () => {
      const res = await donge.patch(`/api/organizations/${stationId}`, {
        contactPhone: '0635-3209999',
        contactName: '值班员',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<Organization>().contactPhone).toBe('0635-3209999');
      const audit = (await city.get(`/api/audit?entityType=organization&entityId=${stationId}`)).json<{
        items: { action: string; changedFields: string[] }[];
      }>();
      expect(audit.items.find((e) => e.action === 'update')?.changedFields).toEqual(['contactPhone']);
    });

    it('sends service stations to the stations module', async () => {
      const created = await donge.post('/api/organizations', {
        ...newStation(dongeRegion, '某服务站'),
        kind: 'service_station',
      });
      expect(created.statusCode).toBe(400);
      expect(created.json<Problem>().errors?.[0]).toEqual({
        field: 'kind',
        message: '服务站（点）请通过「服务站点」管理登记和修改',
      });
      const demoStation = (
        await city.get(`/api/organizations?kind=service_station&q=${encodeURIComponent('铜城')}`)
      ).json<OrganizationPage>().items[0];
      expect((await donge.patch(`/api/organizations/${demoStation?.id}`, { contactName: '某人' })).statusCode).toBe(
        400,
      );
    });

    it('refuses an empty patch, unknown fields, moving out of the region and duplicate names', async () => {
      expect((await donge.post('/api/organizations', newStation(dongeRegion, '东阿县第二律师事务所'))).statusCode).toBe(
        201,
      );
      expect((await donge.patch(`/api/organizations/${stationId}`, {})).statusCode).toBe(400);
      expect((await donge.patch(`/api/organizations/${stationId}`, { kind: 'association' })).statusCode).toBe(400);
      expect((await donge.patch(`/api/organizations/${stationId}`, { regionId: linqingRegion })).statusCode).toBe(403);
      const dup = await donge.patch(`/api/organizations/${stationId}`, {
        name: '东阿县第二律师事务所',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json<Problem>().errors?.[0]?.field).toBe('name');
    });

    it('sends changes to enterprise organisations to the enterprise registry', async () => {
      const res = await city.patch(`/api/organizations/${enterpriseA}`, { contactPhone: '0635-0000001' });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().detail).toContain('请通过企业管理修改');
      expect((await city.post(`/api/organizations/${enterpriseA}/archive`, { reason: '测试' })).statusCode).toBe(400);
    });

    it('archives and restores with a reason, never deleting', async () => {
      expect((await donge.post(`/api/organizations/${stationId}/archive`, {})).statusCode).toBe(400);
      const archived = await donge.post(`/api/organizations/${stationId}/archive`, { reason: '服务站撤并' });
      expect(archived.statusCode).toBe(200);
      expect(archived.json<Organization>()).toMatchObject({ status: 'archived', archivedReason: '服务站撤并' });
      expect((await donge.post(`/api/organizations/${stationId}/archive`, { reason: '再次归档' })).statusCode).toBe(
        409,
      );
      expect((await donge.patch(`/api/organizations/${stationId}`, { contactName: '新人' })).statusCode).toBe(409);
      const list = (await donge.get('/api/organizations?status=archived')).json<OrganizationPage>();
      expect(list.items.map((o) => o.id)).toContain(stationId);

      const restored = await donge.post(`/api/organizations/${stationId}/restore`, { reason: '恢复服务' });
      expect(restored.statusCode).toBe(200);
      expect(restored.json<Organization>()).toMatchObject({ status: 'active', archivedReason: null });
      const audit = (await city.get(`/api/audit?entityType=organization&entityId=${stationId}`)).json<{
        items: { action: string; changedFields: string[] }[];
      }>();
      expect(audit.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['create', 'update', 'archive', 'restore']),
      );
    });
  });
});
