import { describe, expect, it } from 'vitest';
import { ApiError, filenameFromDisposition, toQueryString, unwrap } from './client';

describe('toQueryString', () => {
  it('leaves out empty filters, which the server would reject', () => {
    expect(toQueryString({ q: '', regionId: undefined, industry: null, page: 2, status: 'active' })).toBe(
      'page=2&status=active',
    );
  });
});

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    const response = new Response('{"total":3}', { status: 200 });
    await expect(unwrap(Promise.resolve({ data: { total: 3 }, response }))).resolves.toEqual({ total: 3 });
  });

  it('turns a problem response into an ApiError with the field errors and request id', async () => {
    const problem = {
      type: 'https://shangmi.dev/problems/validation',
      title: '校验失败',
      status: 422,
      detail: '统一社会信用代码已被登记',
      errors: [{ field: 'uscc', message: '已被登记' }],
      requestId: 'req-1',
    };
    const response = new Response(JSON.stringify(problem), { status: 422 });
    const error = await unwrap(Promise.resolve({ error: problem, response })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, detail: '统一社会信用代码已被登记', requestId: 'req-1' });
    expect((error as ApiError).errors).toEqual([{ field: 'uscc', message: '已被登记' }]);
  });

  it('still fails with the status when the body is not a problem', async () => {
    const response = new Response('upstream down', { status: 502, statusText: 'Bad Gateway' });
    await expect(unwrap(Promise.resolve({ error: 'upstream down', response }))).rejects.toMatchObject({
      status: 502,
      title: 'Bad Gateway',
    });
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 file name', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('企业名录.xlsx')}`,
        'x',
      ),
    ).toBe('企业名录.xlsx');
  });
});
