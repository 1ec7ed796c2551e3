import { expect, it } from 'vitest';
import { type Client, type Res, describeEachEngine } from '../helpers/harness.ts';
import { REGIONS } from '../../src/reference/admin.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts the one error shape: exactly `{ error: { code, message, details } }`, nothing internal. */
function expectErrorShape(res: Res): void {
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(Object.keys(res.body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(res.body.error.code).toMatch(/^[a-z_]+$/);
  expect(res.body.error.message).toEqual(expect.any(String));
  expect(res.body.error.details).toEqual(expect.any(Object));
  expect(Array.isArray(res.body.error.details)).toBe(false);
  const text = JSON.stringify(res.body);
  expect(text).not.toMatch(/stack|\bat .+:\d+:\d+|node_modules|\.ts\b|FST_ERR|SQLSTATE|select |insert /i);
}

describeEachEngine('API conventions', (h) => {
  const jsonPost = (client: Client, url: string, raw: string, contentType = 'application/json') =>
    client.request('POST', url, raw, { 'content-type': contentType });

  it('answers an unknown API route with 404 not_found in the error shape, once signed in', async () => {
    const res = await (await h().as('caseworker')).get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expectErrorShape(res);
    const post = await (await h().as('admin')).post('/api/v1/no-such-thing', {});
    expect(post.status).toBe(404);
    expectErrorShape(post);
  });

  it('answers an unknown API route with 401 to anonymous callers, revealing nothing about routes', async () => {
    const res = await h().anonymous.get('/api/v1/no-such-thing');
    expect(res.status).toBe(401);
    expectErrorShape(res);
  });

  it('answers invalid or empty JSON with 400 invalid_json', async () => {
    const admin = await h().as('admin');
    for (const raw of ['{"name": "Unclosed', '{name: 1}', '']) {
      const res = await jsonPost(admin, '/api/v1/offices', raw);
      expect(res.status, raw).toBe(400);
      expect(res.body.error.code).toBe('invalid_json');
      expectErrorShape(res);
    }
  });

  it('answers a text/plain body, or one without a content type, on a JSON route with 415', async () => {
    const admin = await h().as('admin');
    const plain = await jsonPost(
      admin,
      '/api/v1/offices',
      '{"name":"Plain","kind":"ngo","country":"KG"}',
      'text/plain',
    );
    expect(plain.status).toBe(415);
    expect(plain.body.error.code).toBe('unsupported_media_type');
    expectErrorShape(plain);
    const anon = await jsonPost(
      h().anonymous,
      '/api/v1/auth/login',
      'username=admin&password=x',
      'application/x-www-form-urlencoded',
    );
    expect(anon.status).toBe(415);
    expectErrorShape(anon);
    const none = await admin.request(
      'POST',
      '/api/v1/offices',
      '{"name":"None","kind":"ngo","country":"KG"}',
    );
    expect(none.status).toBe(415);
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const admin = await h().as('admin');
    const res = await admin.post('/api/v1/offices', {
      name: 'x'.repeat(1_048_576),
      kind: 'ngo',
      country: 'KG',
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expectErrorShape(res);
    // Just under the limit is parsed (and then refused by validation, not by size).
    const under = await admin.post('/api/v1/offices', {
      name: 'x'.repeat(1_048_000),
      kind: 'ngo',
      country: 'KG',
    });
    expect(under.status).toBe(400);
    expect(under.body.error.code).toBe('validation_failed');
  });

  it('gives every error, whatever its cause, exactly the shape { error: { code, message, details } } without internals', async () => {
    const admin = await h().as('admin');
    const caseworker = await h().as('caseworker');
    const responses: Res[] = [
      await h().anonymous.get('/api/v1/users'),
      await caseworker.get('/api/v1/audit'),
      await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000'),
      await admin.get('/api/v1/users/nope'),
      await admin.post('/api/v1/offices', { name: 1, extra: true }),
      await admin.post('/api/v1/users', {
        username: 'admin',
        displayName: 'Again',
        role: 'admin',
        officeId: null,
      }),
      await admin.post('/api/v1/users', {
        username: 'ghost',
        displayName: 'Ghost',
        role: 'analyst',
        officeId: '00000000-0000-4000-8000-000000000000',
      }),
      await admin.patch('/api/v1/auth/me', { displayName: 'nul \u0000 inside' }),
      await admin.get(`/api/v1/offices?q=${encodeURIComponent('\u0000')}`),
      await admin.get('/api/v1/offices?limit=100000'),
      await h().anonymous.post('/api/v1/auth/login', { username: 'admin', password: 'not-it-at-all' }),
    ];
    expect(responses.map((r) => r.status)).toEqual([401, 403, 404, 400, 400, 409, 422, 400, 400, 400, 401]);
    for (const res of responses) expectErrorShape(res);
  });

  it('serves an OpenAPI 3.1 document, publicly, listing the spine routes', async () => {
    const res = await h().anonymous.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/offices',
        '/api/v1/audit',
      ]),
    );
    expect(res.body.paths['/api/v1/users'].post.requestBody).toBeDefined();
    expect(res.body.components.schemas.Error).toBeDefined();
  });

  it('serves the browsable API docs at /api/docs (following any redirect) as HTML', async () => {
    let url = '/api/docs';
    let res = await h().app.inject({ method: 'GET', url });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      url = new URL(String(res.headers.location), 'http://localhost/api/docs').pathname;
      res = await h().app.inject({ method: 'GET', url });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });

  it('answers /healthz and /readyz with 200, readiness naming the database engine', async () => {
    const health = await h().anonymous.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await h().anonymous.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', engine: h().engine });
  });

  it('puts a fresh x-request-id on every response, and ignores one sent by the client', async () => {
    const admin = await h().as('admin');
    const responses: Res[] = [
      await h().anonymous.get('/healthz'),
      await h().anonymous.get('/readyz'),
      await h().anonymous.get('/api/v1/openapi.json'),
      await h().anonymous.get('/api/v1/users'),
      await admin.get('/api/v1/no-such-thing'),
      await admin.get('/api/v1/offices'),
      await jsonPost(admin, '/api/v1/offices', '{', 'application/json'),
      await jsonPost(admin, '/api/v1/offices', 'x', 'text/plain'),
      await admin.post('/api/v1/offices', { name: 'x'.repeat(1_100_000) }),
      await admin.request('GET', '/api/v1/auth/me', undefined, { 'x-request-id': 'chosen-by-client' }),
    ];
    const ids = responses.map((r) => r.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    const docs = await h().app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.headers['x-request-id']).toMatch(UUID);
  });

  it('serves the regions’ boundaries as GeoJSON with their ISO codes, cached, to a signed-in user', async () => {
    const res = await (await h().as('analyst')).get('/api/v1/regions.geojson');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    const isos = res.body.features.map((f: { properties: { iso3166_2: string } }) => f.properties.iso3166_2);
    expect(new Set(isos)).toEqual(new Set(REGIONS.map((r) => r.iso)));
    expect((await h().anonymous.get('/api/v1/regions.geojson')).status).toBe(401);
  });

  it('lists the 9 regions and 40 districts of Kyrgyzstan to a signed-in user, with names in three languages', async () => {
    const res = await (await h().as('partner')).get('/api/v1/regions');
    expect(res.status).toBe(200);
    expect(res.body.regions).toHaveLength(9);
    expect(res.body.districts).toHaveLength(40);
    const isos = new Set(res.body.regions.map((r: { iso: string }) => r.iso));
    expect(isos).toContain('KG-GB');
    expect(res.body.districts.every((d: { regionIso: string }) => isos.has(d.regionIso))).toBe(true);
    expect(res.body.regions[0].names).toEqual({
      en: expect.any(String),
      ky: expect.any(String),
      ru: expect.any(String),
    });
    expect((await h().anonymous.get('/api/v1/regions')).status).toBe(401);
  });
});
