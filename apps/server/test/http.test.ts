import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers';

/** Bad input of every kind is a 4xx problem+json with a Chinese detail; never a 500. */
describe('problems and security headers', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('city.admin');
  });
  afterAll(async () => t.close());

  const expectProblem = (
    res: { statusCode: number; headers: Record<string, unknown>; json: () => Record<string, unknown> },
    status: number,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(String(body.detail)).toMatch(/[\u4e00-\u9fa5]/);
  };

  it('malformed JSON → 400', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectProblem(res, 400);
  });

  it('wrong content type → 415', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expectProblem(res, 415);
  });

  it('oversized body → 413', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectProblem(res, 413);
  });

  it('unknown query fields → 400 naming the field', async () => {
    const res = await admin.get('/api/enterprises?pageSize=5&colour=red');
    expectProblem(res, 400);
    expect(res.json().errors).toEqual([{ field: 'colour', message: '不允许的字段「colour」' }]);
  });

  it('an id that is not an id → 400', async () => {
    expectProblem(await admin.get('/api/enterprises/not-a-uuid'), 400);
  });

  it('out-of-range pagination → 400', async () => {
    expectProblem(await admin.get('/api/enterprises?pageSize=100000'), 400);
    expectProblem(await admin.get('/api/enterprises?page=0'), 400);
  });

  it('validation errors list each field in Chinese', async () => {
    const res = await admin.post('/api/enterprises', { name: '', uscc: 'x', extra: 1 });
    expectProblem(res, 400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'name',
        'extra',
        'regionId',
        'address',
        'industry',
        'size',
        'contactName',
        'contactPhone',
      ]),
    );
  });

  it('unknown API path → 404 problem', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/nope' }), 404);
  });

  it('puts security headers on every response', async () => {
    for (const url of ['/api/health', '/api/nope', '/api/openapi.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});
