import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { ROLES } from '../../src/access/policy.ts';
import { rowsOf } from '../../src/db/client.ts';
import { LOCALES, OFFICE_KINDS } from '../../src/domain/organisation.ts';
import { type Client, PASSWORD, type Res, describeEachEngine } from '../helpers/harness.ts';

/** Runs per write route; every run is one request, bracketed by two database digests. */
const RUNS = 40;

/** Ids the routes act on, created before the properties run. */
interface Fixture {
  adminId: string;
  userId: string;
  officeId: string;
}

/** One write route: how to build its URL and the arbitraries of its real body keys. */
interface Route {
  method: 'POST' | 'PATCH';
  path: string;
  public?: boolean;
  url(f: Fixture): fc.Arbitrary<string>;
  keys(f: Fixture): Record<string, fc.Arbitrary<unknown>>;
  /** Columns a refused request may change by design, per table (failed sign-ins count towards lockout). */
  volatile?: Record<string, string[]>;
}

// Strings meant to break things: SQL quoting, Cyrillic, emoji and flags, NUL, lone surrogates,
// combining marks, LIKE wildcards, markup, and one far over every length limit.
const nasty = fc.constantFrom(
  "'; DROP TABLE users; --",
  "Робер'); DELETE FROM offices; --",
  'O\'Brien "quoted" `back`',
  'Кыргызстан, Ош облусу — Өзгөн',
  '😀👩‍👩‍👧‍👦🇰🇬',
  'a\u0000b',
  '\u0000',
  '\uD800 lone surrogate',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '%_\\%',
  '<script>alert(1)</script>',
  '   ',
  '',
  'x'.repeat(5000),
);
const text = fc.oneof(
  { arbitrary: nasty, weight: 3 },
  { arbitrary: fc.string(), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
// Valid-looking labels whose content is still hostile: these reach the database and must come back intact.
const label = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'Кыргызстан, Ош облусу — Өзгөн',
      'O\'Brien "quoted" `back`',
      '😀👩‍👩‍👧‍👦🇰🇬 office',
      "Робер'); DELETE FROM offices; --",
      'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
      '<script>alert(1)</script>',
      '%_\\%',
      'NUL \u0000 inside',
      'Ош\u0000',
      '\u0000',
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 2, maxLength: 30 }), weight: 2 },
  { arbitrary: text, weight: 1 },
);
const username = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z0-9._-]{3,16}$/), weight: 4 },
  { arbitrary: text, weight: 1 },
);
const password = fc.oneof(
  { arbitrary: fc.string({ minLength: 10, maxLength: 30 }), weight: 4 },
  { arbitrary: text, weight: 1 },
);
const version = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 5 },
  { arbitrary: fc.constantFrom(2_147_483_648, Number.MAX_SAFE_INTEGER), weight: 2 },
  { arbitrary: fc.constantFrom(-1, 1.5, 1e300), weight: 1 },
);
const regionCodes = fc.array(
  fc.constantFrom('KG-O', 'KG-GB', 'KG-C', 'KG-O-KARA-SUU', 'KG-O-KARA-SUU', 'KG-NOPE', 'kg-o'),
  {
    maxLength: 3,
  },
);
const country = fc.constantFrom('KG', 'RU', 'KZ', 'KG', 'kg', 'KGZ', 'XX');
const locale = fc.constantFrom(...LOCALES, 'de');

const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/auth/login',
    public: true,
    url: () => fc.constant('/api/v1/auth/login'),
    keys: () => ({
      username: fc.oneof(fc.constantFrom('admin', 'ANALYST', 'prop.target', 'nobody'), label),
      password,
    }),
    volatile: { users: ['failed_logins', 'locked_until'] },
  },
  {
    method: 'PATCH',
    path: '/auth/me',
    url: () => fc.constant('/api/v1/auth/me'),
    keys: () => ({ locale, displayName: label }),
  },
  {
    method: 'POST',
    path: '/auth/password',
    url: () => fc.constant('/api/v1/auth/password'),
    keys: () => ({ currentPassword: password, newPassword: password }),
  },
  {
    method: 'POST',
    path: '/auth/tokens',
    url: () => fc.constant('/api/v1/auth/tokens'),
    keys: () => ({ name: label, expiresInDays: fc.integer({ min: -2, max: 400 }) }),
  },
  {
    method: 'POST',
    path: '/users',
    url: () => fc.constant('/api/v1/users'),
    keys: (f) => ({
      username,
      displayName: label,
      role: fc.constantFrom(...ROLES),
      officeId: fc.constantFrom(f.officeId, null, randomUUID()),
      locale,
      password,
    }),
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    url: (f) =>
      fc
        .constantFrom(f.userId, f.userId, f.adminId, randomUUID(), 'not-a-uuid')
        .map((id) => `/api/v1/users/${id}`),
    keys: (f) => ({
      displayName: label,
      role: fc.constantFrom(...ROLES),
      officeId: fc.constantFrom(f.officeId, null, randomUUID()),
      locale,
      active: fc.boolean(),
      version,
    }),
  },
  {
    method: 'POST',
    path: '/users/:id/reset-password',
    // Never the admin's own id: a successful reset would end the session the test runs on.
    url: (f) =>
      fc
        .constantFrom(f.userId, f.userId, randomUUID(), 'not-a-uuid')
        .map((id) => `/api/v1/users/${id}/reset-password`),
    keys: () => ({ password }),
  },
  {
    method: 'POST',
    path: '/offices',
    url: () => fc.constant('/api/v1/offices'),
    keys: () => ({ name: label, kind: fc.constantFrom(...OFFICE_KINDS), country, regionCodes }),
  },
  {
    method: 'PATCH',
    path: '/offices/:id',
    url: (f) =>
      fc
        .constantFrom(f.officeId, f.officeId, randomUUID(), 'not-a-uuid')
        .map((id) => `/api/v1/offices/${id}`),
    keys: () => ({
      name: label,
      kind: fc.constantFrom(...OFFICE_KINDS),
      country,
      regionCodes,
      active: fc.boolean(),
      version,
    }),
  },
];

/** A body as sent: JSON of any value, or raw text that is not (quite) JSON. */
type Body = { json: unknown } | { raw: string };

function bodies(keys: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Body> {
  // Plausible values only: many of these get past validation and into the use case.
  const plausible = fc.record(keys);
  const withRealKeys = fc.record(
    Object.fromEntries(
      Object.entries(keys).map(([k, good]) => [k, fc.oneof({ arbitrary: good, weight: 3 }, anyValue)]),
    ),
    { requiredKeys: [] },
  );
  const raw = fc.oneof(
    fc.constantFrom(
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '[',
      '{"a":1}{"b":2}',
      '1e999',
      '',
    ),
    fc.string(),
  );
  return fc.oneof(
    { arbitrary: plausible.map((json): Body => ({ json })), weight: 5 },
    { arbitrary: withRealKeys.map((json): Body => ({ json })), weight: 4 },
    {
      arbitrary: withRealKeys.chain((r) =>
        fc.object({ maxDepth: 0 }).map((extra): Body => ({ json: { ...r, ...extra } })),
      ),
      weight: 1,
    },
    { arbitrary: fc.anything().map((json): Body => ({ json })), weight: 2 },
    { arbitrary: fc.object().map((json): Body => ({ json })), weight: 1 },
    { arbitrary: raw.map((text): Body => ({ raw: text })), weight: 1 },
  );
}

describeEachEngine('write routes under random input', (h) => {
  let fixture: Fixture;
  let admin: Client;

  beforeAll(async () => {
    admin = await h().as('admin');
    const me = await admin.get('/api/v1/auth/me');
    const officeId = await h().officeId('Osh sub-office');
    const user = await admin.post('/api/v1/users', {
      username: 'prop.target',
      displayName: 'Property target',
      role: 'caseworker',
      officeId,
      password: PASSWORD,
    });
    const office = await admin.post('/api/v1/offices', {
      name: 'Property office',
      kind: 'ngo',
      country: 'KG',
    });
    fixture = { adminId: me.body.user.id, userId: user.body.user.id, officeId: office.body.office.id };
  });

  /**
   * A digest of every table but the audit trail (which records refusals by design) and sessions
   * (touched on every request): one md5 per table over its rows as JSON, minus volatile columns.
   */
  const digest = async (volatile: Record<string, string[]> = {}): Promise<Record<string, string>> => {
    const { db } = h().database;
    const tables = rowsOf<{ name: string }>(
      await db.execute(sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('audit_events', 'sessions')
        order by 1`),
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['offices', 'users', 'api_tokens']));
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const minus = (volatile[name] ?? []).map((c) => sql` - ${c}::text`);
      const row = rowsOf<{ d: string }>(
        await db.execute(
          sql`select md5(coalesce(string_agg(x, '|' order by x), '')) as d
            from (select (to_jsonb(t)${sql.join(minus)})::text as x from ${sql.identifier(name)} t) s`,
        ),
      )[0];
      out[name] = row!.d;
    }
    return out;
  };

  /**
   * Sends one request as the client would, but from a random client address, so that the
   * per-address rate limits (10 password changes a minute) do not turn most runs into 429s.
   */
  const send = async (
    client: Client,
    method: 'POST' | 'PATCH',
    url: string,
    body: Body,
    octet: number,
  ): Promise<Res> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (client.auth.cookie) headers.cookie = client.auth.cookie;
    if (client.auth.csrf) headers['x-csrf-token'] = client.auth.csrf;
    const res = await h().app.inject({
      method,
      url,
      headers,
      remoteAddress: `10.0.${octet >> 8}.${octet & 255}`,
      payload: 'raw' in body ? body.raw : (JSON.stringify(body.json) ?? ''),
    });
    expect(res.headers['content-type'] ?? 'application/json').toMatch(/^application\/json/);
    return {
      status: res.statusCode,
      body: res.body ? JSON.parse(res.body) : undefined,
      headers: res.headers,
    };
  };

  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: never 5xx, always the error shape on 4xx, and a refused request changes no table`, async () => {
      const sample = fc.record({
        url: route.url(fixture),
        body: bodies(route.keys(fixture)),
        // About one request in eight is anonymous.
        anonymous: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
        octet: fc.integer({ min: 0, max: 65535 }),
      });
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(sample, async ({ url, body, anonymous, octet }) => {
          const before = await digest(route.volatile);
          const res = await send(anonymous ? h().anonymous : admin, route.method, url, body, octet);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status).toBeLessThan(500);
          if (anonymous && !route.public) expect(res.status).toBe(401);
          if (res.status >= 400) {
            expect(Object.keys(res.body)).toEqual(['error']);
            expect(Object.keys(res.body.error).sort()).toEqual(['code', 'details', 'message']);
            expect(await digest(route.volatile)).toEqual(before);
          }
        }),
        { numRuns: RUNS },
      );
      // The run must have reached past validation at least sometimes, or it proves little.
      const total = [...statuses.values()].reduce((a, b) => a + b, 0);
      expect(total).toBe(RUNS);
      expect(statuses.size).toBeGreaterThan(1);
      // Still signed in: nothing above may have ended the admin's own session.
      expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
    });
  }
});
