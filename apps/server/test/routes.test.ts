import type { Permission, Role } from '@shangmi/shared';
import { CONCEALED_PERMISSIONS, ROLE_PERMISSIONS } from '@shangmi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, enterpriseIdByName, type Session, type TestApp } from './helpers';

const ACCOUNTS: Record<Role, string> = {
  city_admin: 'city.admin',
  county_admin: 'county.donge',
  dept_officer: 'dept.police',
  station_staff: 'station.donge',
  association_staff: 'assoc.ejiao',
  expert: 'expert.demo',
  enterprise_admin: 'ent.a.admin',
  enterprise_user: 'ent.a.user',
};

describe('routes, permissions and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('every API route declares a permission or is marked public', () => {
    const table = t.app.routeTable;
    expect(table.length).toBeGreaterThan(10);
    const undeclared = table.filter((r) => !r.public && !r.permission);
    expect(undeclared).toEqual([]);
    // The list, for the reader of a failing build: method, path, permission.
    const listing = table.map((r) => `${r.method} ${r.url} → ${r.public ? 'public' : r.permission}`);
    expect(listing).toContain('GET /api/enterprises → enterprise:read');
    expect(listing).toContain('GET /api/health → public');
  });

  it('publishes OpenAPI 3.1 where every operation has a tag, an operationId and response schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { tags?: string[]; operationId?: string; responses?: Record<string, unknown> }>
      >;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const ids = new Set<string>();
    for (const { path, method, op } of operations) {
      expect(op.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
      expect(op.operationId, `${method} ${path} operationId`).toBeTruthy();
      expect(
        Object.keys(op.responses ?? {}).some((code) => code.startsWith('2')),
        `${method} ${path} responses`,
      ).toBe(true);
      ids.add(op.operationId ?? '');
    }
    expect(ids.size).toBe(operations.length);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers each role on each route as its permissions declare (authorisation matrix)', async () => {
    const sessions = new Map<Role, Session>();
    for (const [role, username] of Object.entries(ACCOUNTS) as [Role, string][]) {
      sessions.set(role, await t.login(username));
    }
    const sampleId = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    const routes = t.app.routeTable.filter((r) => !r.public && r.permission);
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) =>
        name === 'id' ? sampleId : '00000000-0000-4000-8000-000000000000',
      );
      // Anonymous: always 401.
      const anonymous = await t.app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect(anonymous.statusCode, `anonymous ${route.method} ${route.url}`).toBe(401);
      for (const [role, session] of sessions) {
        const permission = route.permission as Permission;
        const allowed = ROLE_PERMISSIONS[role].includes(permission);
        const res = await session.inject({
          method: route.method,
          url,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const label = `${role} ${route.method} ${route.url} (${permission})`;
        if (allowed) {
          expect(res.statusCode, label).not.toBe(401);
          expect(res.statusCode, label).toBeLessThan(500);
          if (res.statusCode === 403) {
            // A record-level refusal may happen; the route-level one must not.
            expect(res.json().type, label).not.toMatch(/permission_denied$/);
          }
        } else if (CONCEALED_PERMISSIONS.includes(permission) && role !== 'enterprise_user') {
          // The 阿胶 enterprise's secrets, to anyone outside it: refused exactly like a missing record.
          expect(res.statusCode, label).toBe(404);
          expect(res.json().type, label).toMatch(/not_found$/);
        } else {
          // Includes the enterprise's own user on its admin-only secret routes: a plain 403.
          expect(res.statusCode, label).toBe(403);
          expect(res.json().type, label).toMatch(/permission_denied$/);
        }
      }
    }
  });

  it("hides another region's and another enterprise's records as 404", async () => {
    const entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    const entB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
    const cases: [string, string, number][] = [
      ['county.donge', entA, 200],
      ['county.donge', entB, 404],
      ['county.linqing', entA, 404],
      ['county.linqing', entB, 200],
      ['station.donge', entA, 200],
      ['station.donge', entB, 404],
      ['ent.a.admin', entA, 200],
      ['ent.a.admin', entB, 404],
      ['ent.a.user', entB, 404],
      ['ent.b.admin', entA, 404],
      ['dept.police', entB, 200],
      ['city.admin', entB, 200],
    ];
    for (const [username, id, status] of cases) {
      const s = await t.login(username);
      const res = await s.get(`/api/enterprises/${id}`);
      expect(res.statusCode, `${username} → ${id}`).toBe(status);
      if (status === 404) {
        // Not-allowed looks exactly like missing.
        const missing = await s.get('/api/enterprises/00000000-0000-4000-8000-000000000000');
        expect(res.json().detail).toBe(missing.json().detail);
        expect((await s.get(`/api/enterprises/${id}/history`)).statusCode).toBe(404);
      }
    }
    const b = await t.login('ent.b.admin');
    expect((await b.patch(`/api/enterprises/${entA}`, { contactName: '某人' })).statusCode).toBe(404);
    const linqing = await t.login('county.linqing');
    expect((await linqing.post(`/api/enterprises/${entA}/archive`, { reason: '测试越权' })).statusCode).toBe(404);
  });
});
