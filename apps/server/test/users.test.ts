import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, enterpriseIdByName, type Session, type TestApp } from './helpers';
import { DEMO_ACCOUNTS } from '../src/seed/seed.service';

interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  organization: { id: string; name: string; kind: string };
  region: { id: string; name: string };
  status: 'active' | 'disabled';
  createdAt: string;
  lastLoginAt: string | null;
}
interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}
interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

const NEW_PASSWORD = 'Xinmima#2026';

describe('users', () => {
  let t: TestApp;
  let city: Session;
  let donge: Session;
  let entA: Session;
  let enterpriseA: string;
  let enterpriseB: string;
  let dongeGovernment: string;
  let linqingGovernment: string;
  let dongeStation: string;

  const idOf = async (username: string): Promise<string> => {
    const row = await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return row.id;
  };
  const loginStatus = async (username: string, password: string): Promise<number> =>
    (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode;

  beforeAll(async () => {
    t = await createTestApp();
    city = await t.login('city.admin');
    donge = await t.login('county.donge');
    entA = await t.login('ent.a.admin');
    enterpriseA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    enterpriseB = await enterpriseIdByName(t.db, '临清示范轴承有限公司');
    dongeGovernment = await enterpriseIdByName(t.db, '东阿县人民政府');
    linqingGovernment = await enterpriseIdByName(t.db, '临清市人民政府');
    dongeStation = await enterpriseIdByName(t.db, '东阿县铜城市场监管所商业秘密保护服务站');
  });
  afterAll(async () => t.close());

  describe('list and read', () => {
    it('lists every account for the city admin, without password hashes', async () => {
      const res = await city.get('/api/users?pageSize=200');
      expect(res.statusCode).toBe(200);
      const page = res.json<UserPage>();
      expect(page.total).toBe(DEMO_ACCOUNTS.length);
      expect(res.body).not.toMatch(/scrypt|password/i);
      const donge = page.items.find((u) => u.username === 'county.donge');
      expect(donge).toMatchObject({
        displayName: '东阿县管理员',
        roles: ['county_admin'],
        organization: { name: '东阿县人民政府', kind: 'department' },
        region: { name: '东阿县' },
        status: 'active',
      });
      expect(typeof donge?.lastLoginAt).toBe('string'); // logged in by beforeAll
    });

    it('searches by username or display name and filters by role, organisation and status', async () => {
      const byName = (await city.get('/api/users?q=county')).json<UserPage>();
      expect(byName.items.map((u) => u.username)).toEqual(['county.donge', 'county.linqing']);
      const byDisplayName = (await city.get(`/api/users?q=${encodeURIComponent('乙企业')}`)).json<UserPage>();
      expect(byDisplayName.items.map((u) => u.username)).toEqual(['ent.b.admin']);
      const admins = (await city.get('/api/users?role=enterprise_admin')).json<UserPage>();
      expect(admins.items.map((u) => u.username)).toEqual(['ent.a.admin', 'ent.b.admin']);
      const ofA = (await city.get(`/api/users?organizationId=${enterpriseA}`)).json<UserPage>();
      expect(ofA.items.map((u) => u.username)).toEqual(['ent.a.admin', 'ent.a.user']);
      const wildcard = (await city.get('/api/users?q=_')).json<UserPage>();
      expect(wildcard.total).toBe(0);
    });

    it('pages without overlap', async () => {
      const first = (await city.get('/api/users?page=1&pageSize=6')).json<UserPage>();
      const third = (await city.get('/api/users?page=3&pageSize=6')).json<UserPage>();
      expect(first.items).toHaveLength(6);
      expect(third.items.length).toBe(Math.min(6, first.total - 12));
      expect(first.items.some((a) => third.items.some((b) => b.id === a.id))).toBe(false);
    });

    it('rejects unknown query fields and bad filters', async () => {
      for (const url of [
        '/api/users?sort=name',
        '/api/users?role=king',
        '/api/users?status=gone',
        '/api/users?organizationId=x',
      ]) {
        const res = await city.get(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('shows a county admin only accounts of organisations in their region', async () => {
      const page = (await donge.get('/api/users?pageSize=200')).json<UserPage>();
      expect(page.items.map((u) => u.username).sort()).toEqual(
        ['assoc.ejiao', 'county.donge', 'ent.a.admin', 'ent.a.user', 'expert.assoc', 'station.donge'].sort(),
      );
      const linqingAdmin = await idOf('county.linqing');
      expect((await donge.get(`/api/users/${linqingAdmin}`)).statusCode).toBe(404);
      expect((await donge.patch(`/api/users/${linqingAdmin}`, { displayName: '越权' })).statusCode).toBe(404);
      expect(
        (await donge.post(`/api/users/${linqingAdmin}/reset-password`, { password: NEW_PASSWORD })).statusCode,
      ).toBe(404);
    });

    it('shows an enterprise admin only their enterprise’s accounts', async () => {
      const page = (await entA.get('/api/users')).json<UserPage>();
      expect(page.items.map((u) => u.username)).toEqual(['ent.a.admin', 'ent.a.user']);
      expect((await entA.get(`/api/users/${await idOf('ent.b.admin')}`)).statusCode).toBe(404);
      expect((await entA.get(`/api/users/${await idOf('county.donge')}`)).statusCode).toBe(404);
    });

    it('refuses roles without user:read', async () => {
      for (const username of ['dept.police', 'station.donge', 'ent.a.user']) {
        const session = await t.login(username);
        expect((await session.get('/api/users')).statusCode, username).toBe(403);
      }
    });
  });

  describe('create', () => {
    const body = (overrides: Record<string, unknown> = {}) => ({
      username: 'ent.a.staff1',
      displayName: '甲企业新员工',
      password: NEW_PASSWORD,
      roles: ['enterprise_user'],
      organizationId: enterpriseA,
      ...overrides,
    });

    it('lets an enterprise admin add a user to their own enterprise, audited without the password', async () => {
      const res = await entA.post('/api/users', body());
      expect(res.statusCode).toBe(201);
      const user = res.json<User>();
      expect(user).toMatchObject({
        username: 'ent.a.staff1',
        roles: ['enterprise_user'],
        organization: { id: enterpriseA, kind: 'enterprise' },
        status: 'active',
        lastLoginAt: null,
      });
      expect(await loginStatus('ent.a.staff1', NEW_PASSWORD)).toBe(200);
      const audit = await city.get(`/api/audit?entityType=user&entityId=${user.id}`);
      expect(audit.body).not.toContain(NEW_PASSWORD);
      expect(audit.json<{ items: { action: string; changedFields: string[] }[] }>().items).toContainEqual(
        expect.objectContaining({
          action: 'create',
          changedFields: expect.arrayContaining(['password', 'roles', 'username']),
        }),
      );
    });

    it('does not let an enterprise admin grant city_admin or reach another enterprise', async () => {
      const grant = await entA.post('/api/users', body({ username: 'ent.a.boss', roles: ['city_admin'] }));
      expect(grant.statusCode).toBe(403);
      expect(grant.json<Problem>().detail).toContain('市级管理员');
      const other = await entA.post('/api/users', body({ username: 'ent.a.spy', organizationId: enterpriseB }));
      expect(other.statusCode).toBe(400);
      expect(other.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    });

    it('keeps county admins inside their region and within their grantable roles', async () => {
      const outside = await donge.post(
        '/api/users',
        body({ username: 'lq.clerk', roles: ['county_admin'], organizationId: linqingGovernment }),
      );
      expect(outside.statusCode).toBe(400);
      expect(outside.json<Problem>().errors?.[0]?.field).toBe('organizationId');
      const tooHigh = await donge.post(
        '/api/users',
        body({ username: 'dg.officer', roles: ['dept_officer'], organizationId: dongeGovernment }),
      );
      expect(tooHigh.statusCode).toBe(403);
      const ok = await donge.post(
        '/api/users',
        body({ username: 'dg.station2', roles: ['station_staff'], organizationId: dongeStation }),
      );
      expect(ok.statusCode).toBe(201);
    });

    it('matches enterprise roles to enterprise organisations only', async () => {
      const entRoleInDept = await city.post('/api/users', body({ username: 'x.one', organizationId: dongeGovernment }));
      expect(entRoleInDept.statusCode).toBe(400);
      expect(entRoleInDept.json<Problem>().errors).toEqual([
        { field: 'roles', message: expect.stringContaining('只能授予企业') },
      ]);
      const govRoleInEnterprise = await city.post('/api/users', body({ username: 'x.two', roles: ['county_admin'] }));
      expect(govRoleInEnterprise.statusCode).toBe(400);
      expect(govRoleInEnterprise.json<Problem>().errors?.[0]?.message).toContain('企业的账号只能授予企业角色');
      const stationRoleInGovernment = await city.post(
        '/api/users',
        body({ username: 'x.three', roles: ['station_staff'], organizationId: dongeGovernment }),
      );
      expect(stationRoleInGovernment.statusCode).toBe(400);
      expect(stationRoleInGovernment.json<Problem>().errors?.[0]?.message).toBe(
        '角色「服务站工作人员」只能授予服务站（点）的账号',
      );
    });

    it('reports validation errors as problem+json with field errors', async () => {
      const shape = await city.post('/api/users', {
        username: 'a b',
        displayName: '',
        password: 'x',
        roles: [],
        organizationId: 'nope',
        extra: true,
      });
      expect(shape.statusCode).toBe(400);
      expect(shape.headers['content-type']).toContain('application/problem+json');
      const fields = (shape.json<Problem>().errors ?? []).map((e) => e.field);
      for (const field of ['username', 'displayName', 'roles', 'organizationId', 'extra']) {
        expect(fields).toContain(field);
      }
      const unknownRole = await city.post('/api/users', body({ username: 'x.three', roles: ['superuser'] }));
      expect(unknownRole.statusCode).toBe(400);

      const weak = await city.post('/api/users', body({ username: 'x.four', password: 'password12' }));
      expect(weak.statusCode).toBe(400);
      expect(weak.json<Problem>().errors).toEqual([
        { field: 'password', message: expect.stringContaining('至少三类') },
      ]);
      const short = await city.post('/api/users', body({ username: 'x.five', password: 'Ab1!' }));
      expect(short.json<Problem>().errors).toEqual([{ field: 'password', message: '密码长度不能少于10位' }]);
    });

    it('answers 409 for a username that exists (ignoring case)', async () => {
      for (const username of ['ent.a.user', 'ENT.A.User']) {
        const res = await city.post('/api/users', body({ username }));
        expect(res.statusCode).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<Problem>().errors).toEqual([{ field: 'username', message: '用户名已存在' }]);
      }
    });
  });

  describe('update', () => {
    it('changes display name and roles within the grant rules, audited by field name', async () => {
      const target = await idOf('ent.a.user');
      const res = await donge.patch(`/api/users/${target}`, {
        displayName: '甲企业骨干',
        roles: ['enterprise_user', 'enterprise_admin'],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<User>()).toMatchObject({
        displayName: '甲企业骨干',
        roles: ['enterprise_admin', 'enterprise_user'],
      });
      const audit = (await city.get(`/api/audit?entityType=user&entityId=${target}`)).json<{
        items: { action: string; changedFields: string[] }[];
      }>();
      expect(audit.items.find((e) => e.action === 'update')?.changedFields).toEqual(['displayName', 'roles']);

      expect((await donge.patch(`/api/users/${target}`, { roles: ['city_admin'] })).statusCode).toBe(403);
      expect((await donge.patch(`/api/users/${target}`, { roles: ['county_admin'] })).statusCode).toBe(400);
      expect((await entA.patch(`/api/users/${target}`, { roles: ['station_staff'] })).statusCode).toBe(403);
      expect((await donge.patch(`/api/users/${target}`, {})).statusCode).toBe(400);
      expect((await donge.patch(`/api/users/${target}`, { username: 'renamed' })).statusCode).toBe(400);
    });

    it('does not let an admin manage an account holding roles beyond their reach', async () => {
      // 聊城市阿胶行业协会 is in 东阿县, but association_staff is not a role a county admin can grant.
      const association = await idOf('assoc.ejiao');
      expect((await donge.get(`/api/users/${association}`)).statusCode).toBe(200);
      expect(
        (await donge.post(`/api/users/${association}/reset-password`, { password: NEW_PASSWORD })).statusCode,
      ).toBe(403);
      expect((await donge.patch(`/api/users/${association}`, { status: 'disabled' })).statusCode).toBe(403);
    });

    it('does not let a user disable themselves or drop their own admin role', async () => {
      const self = await idOf('city.admin');
      const disable = await city.patch(`/api/users/${self}`, { status: 'disabled' });
      expect(disable.statusCode).toBe(400);
      expect(disable.json<Problem>().errors).toEqual([{ field: 'status', message: '不能停用本人的账号' }]);
      const demote = await city.patch(`/api/users/${self}`, { roles: ['dept_officer'] });
      expect(demote.statusCode).toBe(400);
      expect(demote.json<Problem>().errors?.[0]?.field).toBe('roles');
      expect(
        (await entA.patch(`/api/users/${await idOf('ent.a.admin')}`, { roles: ['enterprise_user'] })).statusCode,
      ).toBe(400);
      expect((await city.patch(`/api/users/${self}`, { displayName: '专班办公室' })).statusCode).toBe(200);
    });

    it('ends a disabled user’s sessions at once and refuses their login until re-enabled', async () => {
      const victim = await t.login('county.linqing');
      expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
      const id = await idOf('county.linqing');
      const res = await city.patch(`/api/users/${id}`, { status: 'disabled' });
      expect(res.statusCode).toBe(200);
      expect(res.json<User>().status).toBe('disabled');
      const sessions = await t.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute();
      expect(sessions).toHaveLength(0);
      expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
      expect(await loginStatus('county.linqing', DEMO_PASSWORD)).toBe(401);
      const disabled = (await city.get('/api/users?status=disabled')).json<UserPage>();
      expect(disabled.items.map((u) => u.username)).toEqual(['county.linqing']);

      expect((await city.patch(`/api/users/${id}`, { status: 'active' })).statusCode).toBe(200);
      expect(await loginStatus('county.linqing', DEMO_PASSWORD)).toBe(200);
    });
  });

  describe('reset password', () => {
    it('sets a new password that meets the policy and ends the user’s sessions', async () => {
      const station = await t.login('station.donge');
      const id = await idOf('station.donge');
      const weak = await donge.post(`/api/users/${id}/reset-password`, { password: 'short' });
      expect(weak.statusCode).toBe(400);
      expect(weak.headers['content-type']).toContain('application/problem+json');
      expect(weak.json<Problem>().errors?.[0]?.field).toBe('password');

      const res = await donge.post(`/api/users/${id}/reset-password`, { password: NEW_PASSWORD });
      expect(res.statusCode).toBe(204);
      expect((await station.get('/api/auth/me')).statusCode).toBe(401);
      expect(await loginStatus('station.donge', DEMO_PASSWORD)).toBe(401);
      const fresh = await t.login('station.donge', NEW_PASSWORD);
      expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);

      const audit = await city.get(`/api/audit?entityType=user&entityId=${id}`);
      expect(audit.body).not.toContain(NEW_PASSWORD);
      expect(audit.json<{ items: { action: string; changedFields: string[] }[] }>().items).toContainEqual(
        expect.objectContaining({ action: 'reset_password', changedFields: ['password'] }),
      );
    });

    it('sends users to the change-password form for their own password', async () => {
      const res = await entA.post(`/api/users/${await idOf('ent.a.admin')}/reset-password`, { password: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.field).toBe('password');
    });
  });
});
