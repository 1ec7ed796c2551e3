import { afterAll, beforeAll, describe } from 'vitest';
import type { Role } from '../../src/access/policy.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/types.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { ensureAdmin } from '../../src/modules/users/bootstrap.ts';
import { ENGINES, type Engine, freshDatabase, skipReason } from './db.ts';

/** The password of every account the harness creates. */
export const PASSWORD = 'test-password-2026';

/** The demo account of each role (the admin is `admin`). */
export const USERNAMES: Record<Role, string> = {
  admin: 'admin',
  supervisor: 'supervisor.osh',
  caseworker: 'caseworker.osh',
  hotline_operator: 'hotline',
  partner: 'partner.adilet',
  analyst: 'analyst',
  auditor: 'auditor',
};

/** A response as tests look at it. */
export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Talks to the app like a browser (cookie + CSRF) or an API client (bearer), through inject. */
export class Client {
  constructor(
    private readonly app: App,
    readonly auth: { cookie?: string; csrf?: string; bearer?: string } = {},
  ) {}

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.auth.cookie) h.cookie = this.auth.cookie;
    if (this.auth.csrf && method !== 'GET') h['x-csrf-token'] = this.auth.csrf;
    if (this.auth.bearer) h.authorization = `Bearer ${this.auth.bearer}`;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
    const text = res.body;
    return { status: res.statusCode, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }
  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body: unknown = {}) => this.request<T>('POST', url, body);
  patch = <T = any>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);
}

/** One engine's running app with the demo offices and one account per role. */
export interface Harness {
  engine: Engine;
  database: Database;
  config: Config;
  app: App;
  anonymous: Client;
  /** Signs in with a username and password; throws unless it succeeds. */
  login(username: string, password?: string): Promise<Client>;
  /** A signed-in client for the demo account of a role. */
  as(role: Role): Promise<Client>;
  /** The id of a demo office by a part of its name. */
  officeId(namePart: string): Promise<string>;
}

/** Test configuration: quiet logs, otherwise the defaults a real start gets. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      KOLDOO_ADMIN_PASSWORD: PASSWORD,
      KOLDOO_LOGIN_RATE_PER_MINUTE: '10000',
    }),
    ...overrides,
  };
}

/**
 * Declares the suite once per engine (PGlite, and PostgreSQL when configured); on a machine
 * without PostgreSQL the second copy is reported as skipped, with the reason in its name.
 */
export function describeEachEngine(
  name: string,
  body: (h: () => Harness) => void,
  overrides: Partial<Config> = {},
): void {
  for (const engine of ENGINES) {
    const reason = skipReason(engine);
    describe.skipIf(reason !== undefined)(`${name} [${engine}]${reason ? ` (${reason})` : ''}`, () => {
      let harness: Harness | undefined;
      beforeAll(async () => {
        harness = await startHarness(engine, overrides);
      });
      afterAll(async () => {
        await harness?.app.close();
        await harness?.database.close();
      });
      body(() => harness!);
    });
  }
}

/** Opens a fresh database, seeds the demo and builds the app. */
export async function startHarness(engine: Engine, overrides: Partial<Config> = {}): Promise<Harness> {
  const database = await freshDatabase(engine);
  const config = testConfig(overrides);
  await ensureAdmin(database.db, config);
  await seedDemo(database.db, { password: PASSWORD });
  const app = await buildApp(database, config);
  await app.ready();
  const clients = new Map<string, Client>();
  const login = async (username: string, password = PASSWORD) => {
    const res = await new Client(app).post('/api/v1/auth/login', { username, password });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const setCookie = [res.headers['set-cookie']].flat()[0] as string;
    return new Client(app, { cookie: setCookie.split(';')[0], csrf: res.body.csrfToken });
  };
  const as = async (role: Role) => {
    const username = USERNAMES[role];
    if (!clients.has(username)) clients.set(username, await login(username));
    return clients.get(username)!;
  };
  return {
    engine,
    database,
    config,
    app,
    anonymous: new Client(app),
    login,
    as,
    async officeId(namePart) {
      const admin = await as('admin');
      const res = await admin.get(`/api/v1/offices?q=${encodeURIComponent(namePart)}`);
      const id = res.body.items[0]?.id;
      if (!id) throw new Error(`no office matching ${namePart}`);
      return id;
    },
  };
}
