import ExcelJS from 'exceljs';
import { usccCheckCharacter } from '@shangmi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticUscc } from '../src/seed/synthetic';
import { createTestApp, enterpriseIdByName, regionId, type Session, type TestApp } from './helpers';

describe('enterprise registry', () => {
  let t: TestApp;
  let admin: Session;
  let donge: string;
  let linqing: string;
  beforeAll(async () => {
    t = await createTestApp({ syntheticCount: 60 });
    admin = await t.login('city.admin');
    donge = await regionId(t.db, '371524');
    linqing = await regionId(t.db, '371581');
  });
  afterAll(async () => t.close());

  const valid = (serial: number, overrides: Record<string, unknown> = {}) => ({
    name: `聊城测试化工有限公司${serial}`,
    uscc: syntheticUscc('371524', 700000 + serial),
    regionId: donge,
    address: '东阿县测试路1号',
    industry: 'chemical',
    size: 'medium',
    honours: ['gazelle'],
    contactName: '王五',
    contactPhone: '0635-7654321',
    ...overrides,
  });

  it('rejects a USCC with a wrong check digit, saying so, and accepts it fixed', async () => {
    const good = syntheticUscc('371524', 700001);
    const wrongLast = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const bad = await admin.post('/api/enterprises', valid(1, { uscc: wrongLast }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'uscc', message: '统一社会信用代码校验位错误，请核对后重新输入' }]);
    const short = await admin.post('/api/enterprises', valid(1, { uscc: '91371524' }));
    expect(short.json().errors).toEqual([{ field: 'uscc', message: '统一社会信用代码应为18位' }]);
    const ok = await admin.post('/api/enterprises', valid(1, { uscc: ` ${good.toLowerCase()} ` }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      uscc: good,
      regionName: '东阿县',
      industryName: '化工',
      honours: ['gazelle'],
      status: 'active',
      synthetic: false,
    });
    expect(usccCheckCharacter(good.slice(0, 17))).toBe(good.charAt(17));
  });

  it('rejects a duplicate USCC with 409 naming the holder', async () => {
    const dup = await admin.post('/api/enterprises', valid(2, { uscc: syntheticUscc('371524', 700001) }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: 'uscc' });
    expect(dup.json().errors[0].message).toContain('聊城测试化工有限公司1');
    // A county admin elsewhere learns that the code is taken, not who holds it.
    const linqingAdmin = await t.login('county.linqing');
    const hidden = await linqingAdmin.post(
      '/api/enterprises',
      valid(2, { regionId: linqing, uscc: syntheticUscc('371524', 700001) }),
    );
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json().errors[0].message).not.toContain('聊城测试化工');
    expect(hidden.json().errors[0].message).toContain('已被其他已登记企业使用');
  });

  it('checks region and industry, with Chinese messages', async () => {
    const res = await admin.post(
      '/api/enterprises',
      valid(3, { regionId: '00000000-0000-4000-8000-000000000000', industry: 'spaceships' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'regionId', message: '所属区域不存在' },
      { field: 'industry', message: '行业不在行业目录中' },
    ]);
  });

  it('lets a county admin register only inside their region', async () => {
    const county = await t.login('county.donge');
    expect((await county.post('/api/enterprises', valid(4))).statusCode).toBe(201);
    const outside = await county.post(
      '/api/enterprises',
      valid(5, { regionId: linqing, uscc: syntheticUscc('371581', 700005) }),
    );
    expect(outside.statusCode).toBe(403);
    const enterprise = await t.login('ent.a.admin');
    expect((await enterprise.post('/api/enterprises', valid(6))).statusCode).toBe(403);
  });

  it('searches by Chinese name and USCC prefix, filters, sorts and pages', async () => {
    const byName = await admin.get(`/api/enterprises?q=${encodeURIComponent('测试化工')}`);
    expect(byName.json().total).toBe(2);
    const byUscc = await admin.get(`/api/enterprises?q=${syntheticUscc('371524', 700001).slice(0, 14)}`);
    expect(byUscc.json().items.map((e: { name: string }) => e.name)).toContain('聊城测试化工有限公司1');
    const wildcard = await admin.get(`/api/enterprises?q=${encodeURIComponent('%')}`);
    expect(wildcard.json().total).toBe(0);

    const inDonge = await admin.get(`/api/enterprises?regionId=${donge}&pageSize=200`);
    const names = inDonge.json().items.map((e: { regionName: string }) => e.regionName) as string[];
    expect(names.length).toBeGreaterThan(2);
    // The region filter takes the subtree: 东阿县 includes its development zone.
    expect(names).toContain('东阿县经济开发区');

    const gazelles = await admin.get('/api/enterprises?honour=gazelle&pageSize=200');
    expect(gazelles.json().items.every((e: { honours: string[] }) => e.honours.includes('gazelle'))).toBe(true);
    const chemical = await admin.get('/api/enterprises?industry=chemical&pageSize=200');
    expect(chemical.json().items.every((e: { industry: string }) => e.industry === 'chemical')).toBe(true);

    const page1 = await admin.get('/api/enterprises?sort=-uscc&pageSize=10&page=1');
    const page2 = await admin.get('/api/enterprises?sort=-uscc&pageSize=10&page=2');
    const all = [...page1.json().items, ...page2.json().items].map((e: { uscc: string }) => e.uscc);
    expect(new Set(all).size).toBe(20);
    expect([...all].sort().reverse()).toEqual(all);
    expect(page1.json()).toMatchObject({ page: 1, pageSize: 10 });
    expect(page1.json().total).toBeGreaterThan(60);
  });

  it('shows an enterprise user only their own enterprise', async () => {
    const user = await t.login('ent.a.user');
    const list = await user.get('/api/enterprises');
    expect(list.json().total).toBe(1);
    expect(list.json().items[0].name).toBe('东阿示范阿胶股份有限公司');
    const county = await t.login('county.linqing');
    const linqingList = await county.get('/api/enterprises?pageSize=200');
    expect(
      linqingList
        .json()
        .items.every((e: { regionName: string }) => ['临清市', '烟店镇', '新华路街道'].includes(e.regionName)),
    ).toBe(true);
  });

  it('lets an enterprise admin edit their contact details, but not the USCC or region', async () => {
    const id = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    const own = await t.login('ent.a.admin');
    const ok = await own.patch(`/api/enterprises/${id}`, { contactPhone: '0635-3200009', employees: 1900 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ contactPhone: '0635-3200009', employees: 1900 });
    const no = await own.patch(`/api/enterprises/${id}`, { uscc: syntheticUscc('371524', 700099) });
    expect(no.statusCode).toBe(400);
    expect(no.json().errors[0].field).toBe('uscc');
    const history = await own.get(`/api/enterprises/${id}/history`);
    expect(history.json().items.at(-1)).toMatchObject({
      action: 'update',
      changedFields: ['contactPhone', 'employees'],
    });
  });

  it('archives with a reason instead of deleting, and restores', async () => {
    const created = await admin.post('/api/enterprises', valid(10));
    const id = created.json().id as string;
    expect((await admin.inject({ method: 'DELETE', url: `/api/enterprises/${id}` })).statusCode).toBe(404);
    const archived = await admin.post(`/api/enterprises/${id}/archive`, { reason: '企业注销' });
    expect(archived.json()).toMatchObject({ status: 'archived', archivedReason: '企业注销' });
    expect((await admin.patch(`/api/enterprises/${id}`, { contactName: '赵六' })).statusCode).toBe(409);
    const listed = await admin.get('/api/enterprises?status=archived');
    expect(listed.json().items.map((e: { id: string }) => e.id)).toContain(id);
    const restored = await admin.post(`/api/enterprises/${id}/restore`, { reason: '误操作恢复' });
    expect(restored.json().status).toBe('active');
  });

  it('exports exactly what is filtered as an Excel file', async () => {
    const filtered = await admin.get('/api/enterprises?industry=chemical&pageSize=200');
    const res = await admin.get('/api/enterprises/export?industry=chemical');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('企业名称');
    expect((sheet?.rowCount ?? 0) - 1).toBe(filtered.json().total);
  });
});
