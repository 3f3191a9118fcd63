import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './helpers';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('logs in with a session cookie that is HttpOnly and SameSite, and returns the user and a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'county.donge', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'shangmi_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).toMatchObject({
      username: 'county.donge',
      roles: ['county_admin'],
      region: { name: '东阿县' },
      organization: { name: '东阿县人民政府', kind: 'department' },
    });
  });

  it('marks the cookie Secure when served over https behind a trusted proxy', async () => {
    const proxied = await createTestApp({ config: { trustProxy: true } });
    try {
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'dept.police', password: DEMO_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'shangmi_sid')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers 401 with a problem for a wrong password or an unknown user', async () => {
    for (const payload of [
      { username: 'city.admin', password: 'wrong-password' },
      { username: 'nobody', password: 'whatever' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toBe('用户名或密码错误');
    }
  });

  it('locks a username for 15 minutes after 5 failures, even with the right password', async () => {
    for (let i = 0; i < 5; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'expert.demo', password: `bad-${i}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'expert.demo', password: DEMO_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toContain('锁定');
    // Another account is unaffected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'assoc.ejiao', password: DEMO_PASSWORD },
    });
    expect(other.statusCode).toBe(200);
    // Age the failures past 15 minutes: the lock lifts.
    const old = new Date(Date.now() - 16 * 60_000).toISOString();
    await t.db.updateTable('login_failures').set({ at: old }).where('username', '=', 'expert.demo').execute();
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'expert.demo', password: DEMO_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
  });

  it('returns 401 for /me without a session and the user with a CSRF token with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const s = await t.login('ent.a.user');
    const me = await s.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'ent.a.user',
      roles: ['enterprise_user'],
      csrfToken: s.csrfToken,
      region: { name: '东阿县经济开发区' },
    });
    expect(me.json().enterpriseId).toBe(me.json().organization.id);
  });

  it('refuses state-changing requests without the CSRF token (403), accepts them with it', async () => {
    const s = await t.login('city.admin');
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: s.cookie },
      payload: { oldPassword: DEMO_PASSWORD, newPassword: 'Another#Pass2025' },
    });
    expect(without.statusCode).toBe(403);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
    // A cross-site HTML form can only send form encodings: refused before anything changes.
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    expect(form.statusCode).toBe(403);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('ends the session at logout', async () => {
    const s = await t.login('station.donge');
    const out = await s.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires sessions', async () => {
    const s = await t.login('assoc.ejiao');
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it("changes one's own password with the old one, under a minimum policy", async () => {
    const s = await t.login('ent.b.admin');
    const wrongOld = await s.post('/api/auth/password', { oldPassword: 'nope', newPassword: 'New#Password2025' });
    expect(wrongOld.statusCode).toBe(400);
    expect(wrongOld.json().errors).toEqual([{ field: 'oldPassword', message: '原密码不正确' }]);
    const weak = await s.post('/api/auth/password', { oldPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const ok = await s.post('/api/auth/password', { oldPassword: DEMO_PASSWORD, newPassword: 'New#Password2025' });
    expect(ok.statusCode).toBe(204);
    await expect(t.login('ent.b.admin')).rejects.toThrow(/401/);
    const fresh = await t.login('ent.b.admin', 'New#Password2025');
    expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses users of an archived enterprise, and ends their sessions', async () => {
    const s = await t.login('ent.a.user');
    const admin = await t.login('city.admin');
    const id = (await s.get('/api/auth/me')).json().enterpriseId as string;
    expect((await admin.post(`/api/enterprises/${id}/archive`, { reason: '测试归档' })).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ent.a.user', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect(login.json().detail).toContain('已归档');
    expect((await admin.post(`/api/enterprises/${id}/restore`, { reason: '恢复' })).statusCode).toBe(200);
    expect((await t.login('ent.a.user')).csrfToken).toBeTruthy();
  });

  it('stores passwords as scrypt hashes', async () => {
    const rows = await t.db.selectFrom('users').select('password_hash').execute();
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain(DEMO_PASSWORD);
    }
  });
});
