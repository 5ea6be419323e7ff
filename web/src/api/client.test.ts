import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request, requestFile, setCsrfToken, setUnauthenticatedHandler } from './client';

type Call = { url: string; init: RequestInit };

function respondWith(status: number, body?: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

beforeEach(() => setCsrfToken('token-1'));
afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(() => {});
});

describe('request', () => {
  it('sends the cookie and no CSRF token on GET, with the query encoded', async () => {
    const calls = respondWith(200, { items: [], next_cursor: null });
    await request('GET', '/customers', { query: { q: '电力', limit: 20, stage: undefined } });
    expect(calls[0]?.url).toBe('/api/v1/customers?q=%E7%94%B5%E5%8A%9B&limit=20');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(calls[0])['X-CSRF-Token']).toBeUndefined();
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)(
    'adds X-CSRF-Token and If-Match on %s',
    async (method) => {
      const calls = respondWith(200, {});
      await request(method, '/customers/1', { body: { name: 'x' }, ifMatch: 3 });
      expect(headersOf(calls[0])['X-CSRF-Token']).toBe('token-1');
      expect(headersOf(calls[0])['If-Match']).toBe('3');
      expect(calls[0]?.init.body).toBe('{"name":"x"}');
    },
  );

  it('sends a file as it is with its media type, the CSRF token and a preference', async () => {
    const calls = respondWith(202, { id: 7 });
    const file = new Blob(['customer_id,name\n'], { type: 'text/plain' });
    await request('POST', '/customers/import', {
      content: { type: 'text/csv', data: file },
      prefer: 'respond-async',
      query: { file_name: '客户.csv' },
    });
    expect(calls[0]?.url).toBe('/api/v1/customers/import?file_name=%E5%AE%A2%E6%88%B7.csv');
    expect(calls[0]?.init.body).toBe(file);
    expect(headersOf(calls[0])).toMatchObject({
      'Content-Type': 'text/csv',
      Prefer: 'respond-async',
      'X-CSRF-Token': 'token-1',
    });
  });

  it('asks for answers in the console language when told', async () => {
    const calls = respondWith(200, {});
    await request('POST', '/tier-schemes/1/preview', { body: {}, language: 'en-US' });
    await request('GET', '/customers/1/tier-history');
    expect(headersOf(calls[0])['Accept-Language']).toBe('en-US');
    expect(headersOf(calls[1])['Accept-Language']).toBeUndefined();
  });

  it('resolves undefined for 204', async () => {
    respondWith(204);
    await expect(request('POST', '/auth/logout')).resolves.toBeUndefined();
  });

  it('parses the error envelope into an ApiError with its fields', async () => {
    respondWith(400, {
      error: {
        code: 'validation_failed',
        message: 'name is required',
        fields: { name: 'required', credit_code: 'invalid' },
      },
    });
    const error = await request('PATCH', '/customers/1', { body: {}, ifMatch: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'name is required',
      fields: { name: 'required', credit_code: 'invalid' },
      hasFieldProblems: true,
      isStaleVersion: false,
    });
  });

  it('surfaces 412 as a stale version', async () => {
    respondWith(412, { error: { code: 'precondition_failed', message: 'stale' } });
    const error = await request('PATCH', '/customers/1', { body: {}, ifMatch: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 412, code: 'precondition_failed', isStaleVersion: true });
  });

  it('sends the user back to login on 401 and forgets the CSRF token', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    respondWith(401, { error: { code: 'unauthenticated', message: 'sign in' } });
    await expect(request('GET', '/customers')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledOnce();

    const calls = respondWith(200, {});
    await request('POST', '/customers', { body: {} });
    expect(headersOf(calls[0])['X-CSRF-Token']).toBeUndefined();
  });

  it('does not treat a failed login as an expired session', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    respondWith(401, { error: { code: 'unauthenticated', message: 'wrong password' } });
    await expect(
      request('POST', '/auth/login', { body: { username: 'a', password: 'b' } }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('maps an answer without an envelope by its status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad Gateway', { status: 502 })),
    );
    await expect(request('GET', '/customers')).rejects.toMatchObject({
      status: 502,
      code: 'unavailable',
    });
  });

  it('tells a storage failure that changed nothing from one whose outcome is unknown', async () => {
    respondWith(503, { error: { code: 'unavailable', message: 'nothing was changed' } });
    await expect(request('POST', '/customers', { body: {} })).rejects.toMatchObject({
      status: 503,
      code: 'unavailable',
      inDoubt: false,
    });
    respondWith(503, {
      error: { code: 'unavailable', message: 'may have been kept', in_doubt: true },
    });
    await expect(request('POST', '/customers', { body: {} })).rejects.toMatchObject({
      code: 'unavailable',
      inDoubt: true,
    });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(request('GET', '/customers')).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
  });
});

describe('requestFile', () => {
  const csvType = 'text/csv; charset=utf-8';

  it("resolves with the file as sent, byte-order mark kept, and the answer's headers", async () => {
    const bytes = new TextEncoder().encode('\uFEFFid,name\r\n1,苏州供电\r\n');
    const calls: Call[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return new Response(bytes, {
          status: 200,
          headers: { 'Content-Type': csvType, 'X-Export-Rows': '1' },
        });
      }),
    );
    const file = await requestFile('GET', '/customers/export', 'text/csv', {
      query: { format: 'csv', stage: 'active' },
    });
    expect(calls[0]?.url).toBe('/api/v1/customers/export?format=csv&stage=active');
    expect(headersOf(calls[0]).Accept).toBe('text/csv, application/json');
    expect(file.headers.get('X-Export-Rows')).toBe('1');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(bytes);
  });

  it('rejects with the error envelope, and sends the user back to login on 401', async () => {
    respondWith(400, {
      error: {
        code: 'validation_failed',
        message: '120000 customers match; narrow the filter',
        fields: { filter: 'too_many_rows' },
      },
    });
    await expect(requestFile('GET', '/customers/export', 'text/csv')).rejects.toMatchObject({
      status: 400,
      message: '120000 customers match; narrow the filter',
      fields: { filter: 'too_many_rows' },
    });

    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    respondWith(401, { error: { code: 'unauthenticated', message: 'sign in' } });
    await expect(requestFile('GET', '/customers/export', 'text/csv')).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(handler).toHaveBeenCalledOnce();
  });
});
