import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

describe('health and login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reports health with the dialect', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.dialect });
  });

  it('logs in a demo account', async () => {
    const s = await t.login('city.admin');
    const me = await s.get('/api/auth/me');
    expect(me.json()).toMatchObject({
      username: 'city.admin',
      roles: ['city_admin'],
      organization: { name: '市市场监管局' },
    });
  });
});
