import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl, isSessionExpired, setCsrfToken } from './client.ts';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('buildUrl', () => {
  it('prefixes /api/v1 and drops empty query values', () => {
    expect(buildUrl('/offices', { limit: 50, cursor: null, q: '', x: undefined })).toBe(
      '/api/v1/offices?limit=50',
    );
    expect(buildUrl('users')).toBe('/api/v1/users');
  });
});

describe('apiRequest', () => {
  it('sends cookies and JSON, and the CSRF header only on writes', async () => {
    const fetchMock = vi.fn(async (..._args: unknown[]) => jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');

    await api.get('/auth/me');
    await api.post('/users', { a: 1 });

    const [, getInit] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(getInit.credentials).toBe('same-origin');
    expect((getInit.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();

    const [url, postInit] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(url).toBe('/api/v1/users');
    expect(postInit.method).toBe('POST');
    expect(postInit.body).toBe('{"a":1}');
    const headers = postInit.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('tok');
    expect(headers['content-type']).toBe('application/json');
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });

  it('parses the error shape, with field issues for 400', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, {
          error: {
            code: 'validation_failed',
            message: 'Invalid body',
            details: {
              issues: [
                { path: ['newPassword'], message: 'Too short' },
                { path: ['newPassword'], message: 'x' },
              ],
            },
          },
        }),
      ),
    );
    const error = await api.post('/auth/password', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.code, e.message]).toEqual([400, 'validation_failed', 'Invalid body']);
    expect(e.fieldIssues.newPassword?.message).toBe('Too short');
  });

  it('reads retryAfterSeconds from details or the Retry-After header', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(429, {
          error: { code: 'account_locked', message: 'Locked', details: { retryAfterSeconds: 600 } },
        }),
      ),
    );
    const locked = (await api.post('/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(locked.code).toBe('account_locked');
    expect(locked.retryAfterSeconds).toBe(600);

    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'retry-after': '30' }),
      ),
    );
    const limited = (await api.post('/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(limited.retryAfterSeconds).toBe(30);
  });

  it('copes with non-JSON errors and network failures', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      ),
    );
    const bad = (await api.get('/offices').catch((e: unknown) => e)) as ApiError;
    expect([bad.status, bad.code]).toEqual([502, 'unknown_error']);

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const offline = (await api.get('/offices').catch((e: unknown) => e)) as ApiError;
    expect([offline.status, offline.code]).toEqual([0, 'network_error']);
  });

  it('times out slow requests', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise<Response>((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      ),
    );
    const error = (await api.get('/offices', { timeoutMs: 10 }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('timeout');
  });
});

describe('isSessionExpired', () => {
  it('treats 401 as a lost session except a wrong password', () => {
    expect(isSessionExpired(new ApiError(401, 'unauthenticated', ''))).toBe(true);
    expect(isSessionExpired(new ApiError(401, 'invalid_credentials', ''))).toBe(false);
    expect(isSessionExpired(new ApiError(403, 'forbidden', ''))).toBe(false);
  });
});

describe('ApiError.fieldIssues', () => {
  it('maps the server paths (["body", field, …]) and 422 rules on one field to form fields', () => {
    const invalid = new ApiError(400, 'validation_failed', 'The request is not valid', {
      issues: [
        { path: ['body', 'regionCodes', '1'], message: 'Not a region' },
        { path: ['body', 'name'], message: 'Too short' },
      ],
    });
    expect(Object.keys(invalid.fieldIssues)).toEqual(['regionCodes', 'name']);
    const rule = new ApiError(422, 'unknown_office', 'No such office', { field: 'officeId' });
    expect(rule.fieldIssues.officeId?.message).toBe('No such office');
  });
});
