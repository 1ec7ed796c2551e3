import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .string()
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  KOLDOO_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  KOLDOO_ADMIN_PASSWORD: z.string().min(10).optional(),
  KOLDOO_DEMO: flag,
  KOLDOO_HOTLINE_NUMBER: z.string().default('189'),
  KOLDOO_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  KOLDOO_SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  KOLDOO_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  KOLDOO_LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15),
  KOLDOO_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  KOLDOO_SECURE_COOKIES: flag,
  KOLDOO_TRUST_PROXY: flag,
  KOLDOO_DB_NAMED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Everything the process can be told through its environment, validated once at start. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  hotlineNumber: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  loginMaxFailures: number;
  lockoutMs: number;
  /** Sign-in attempts allowed per client address per minute, whatever the account. */
  loginRatePerMinute: number;
  secureCookies: boolean;
  /** Believe X-Forwarded-For (only behind a reverse proxy that sets it): the audit log and rate limits use it. */
  trustProxy: boolean;
  /**
   * Name recurring statements on PostgreSQL so that it parses and plans them once per connection;
   * off behind a connection pooler that hands each transaction another server connection and
   * cannot keep them (PgBouncer before 1.21 in transaction mode).
   */
  namedStatements: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
};

/** Reads the configuration from an environment; throws with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.KOLDOO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.KOLDOO_ADMIN_PASSWORD,
    demo: e.KOLDOO_DEMO,
    hotlineNumber: e.KOLDOO_HOTLINE_NUMBER,
    sessionIdleMs: e.KOLDOO_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.KOLDOO_SESSION_MAX_HOURS * 3_600_000,
    loginMaxFailures: e.KOLDOO_LOGIN_MAX_FAILURES,
    lockoutMs: e.KOLDOO_LOCKOUT_MINUTES * 60_000,
    loginRatePerMinute: e.KOLDOO_LOGIN_RATE_PER_MINUTE,
    secureCookies: e.KOLDOO_SECURE_COOKIES,
    trustProxy: e.KOLDOO_TRUST_PROXY,
    namedStatements: e.KOLDOO_DB_NAMED_STATEMENTS === 'on',
    logLevel: e.LOG_LEVEL,
  };
}
