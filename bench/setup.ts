/**
 * What every benchmark needs: a database of the requested engine holding at least the requested
 * number of persons (generated when short), the demo supervisor of Osh as the acting user with a
 * bearer token, and the real server listening on a loopback port: on PostgreSQL a `koldoo serve`
 * process of its own, from the bundle `npm start` runs, as in production; PGlite is embedded, so there it serves from this process.
 * The anchor, a bare Fastify route, is served the same way.
 */
import { execFileSync } from 'node:child_process';
import { type Logger, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '../src/access/policy.ts';
import { today } from '../src/clock.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase, rowsOf, sqlState } from '../src/db/client.ts';
import { users } from '../src/db/schema/index.ts';
import { generateProgress } from '../src/generate/cli.ts';
import { type GenerateResult, generate } from '../src/generate/generate.ts';
import { buildApp } from '../src/http/app.ts';
import { createToken } from '../src/modules/auth/service.ts';
import type { Ctx } from '../src/modules/shared/context.ts';
import { type CpuMeter, cpuMeter } from './cpu.ts';
import { type Served, bareApp, rssMbOf, spawnServer } from './http.ts';

/** The engine a run measures. */
export type Engine = 'pglite' | 'postgres';

/** An open bench environment. */
export interface Bench {
  engine: Engine;
  database: Database;
  config: Config;
  ctx: Ctx;
  token: string;
  /** The demo analyst, whose reports cover every office. */
  analyst: { ctx: Ctx; token: string };
  /**
   * Who the write benchmark acts as: a caseworker of another office than the one whose lists and
   * searches are measured, so that a registry kept between runs does not grow, run after run,
   * where the reads are measured (about 3,000 persons a run went into Osh, and its person search
   * took 5.0–5.6 ms p50 before 140,000 of them and 6.6–8.4 ms after).
   */
  writer: Ctx;
  server: Served;
  /** The anchor server. */
  bare: Served;
  baseUrl: string;
  persons: number;
  /** A meter of the CPU a load of the API costs its server, PostgreSQL and the load generator. */
  cpu: CpuMeter;
  /** Runs `fn` with the query log on and returns the queries it issued, with their parameters. */
  capture(fn: () => Promise<unknown>): Promise<{ text: string; params: unknown[] }[]>;
  generated: GenerateResult | null;
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/koldoo_bench';
const WRITER = 'caseworker.batken';

// A UTF-8 database of its own (pg_trgm sees no Cyrillic trigrams under locale C), kept between runs.
async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Use a plain database name for the bench, not "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(
        `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
      );
    }
  } finally {
    await client.end();
  }
}

const postgresUrl = () => process.env.KOLDOO_BENCH_DATABASE_URL ?? DEFAULT_URL;

// PostgreSQL's processes can be metered only on this machine: over loopback or a local socket.
function postgresIsHere(): boolean {
  const url = new URL(postgresUrl());
  const socket = url.searchParams.get('host')?.startsWith('/') ?? false;
  return socket || ['127.0.0.1', 'localhost', '[::1]', ''].includes(url.hostname);
}

// On disk, as `npm start` keeps it, and kept between runs like the PostgreSQL database. Not in
// memory: PGlite's in-memory files grow by copying, so generating there slowed as the files grew
// (30,000 persons at 155 a second against 368 on disk), and the database counted in the
// process's resident memory.
const pgliteDir = () =>
  process.env.KOLDOO_BENCH_DATA_DIR ?? new URL('../data/bench', import.meta.url).pathname;

/** A query log that records only while armed. */
class Recorder implements Logger {
  armed = false;
  queries: { text: string; params: unknown[] }[] = [];
  logQuery(text: string, params: unknown[]): void {
    if (this.armed) this.queries.push({ text, params });
  }
}

async function open(engine: Engine, logger: Logger): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ dataDir: pgliteDir(), logger });
  await ensurePostgresDatabase(postgresUrl());
  return openDatabase({ url: postgresUrl(), logger });
}

const root = new URL('..', import.meta.url);

/** The API server and the anchor, each in a process of its own (PostgreSQL) or in this one (PGlite). */
async function serve(
  engine: Engine,
  database: Database,
  config: Config,
): Promise<{ server: Served; bare: Served }> {
  if (engine === 'postgres') {
    const env = { ...process.env, DATABASE_URL: postgresUrl(), HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    // What `npm start` runs: the server bundled by esbuild.
    execFileSync('npm', ['run', 'build:server', '--silent'], { cwd: root.pathname, stdio: 'inherit' });
    const server = await spawnServer(
      [new URL('dist/server/main.js', root).pathname, 'serve', '--port', '0'],
      env,
    );
    const bare = await spawnServer(['--import', 'tsx', new URL('bench/bare.ts', root).pathname], env);
    return { server, bare };
  }
  const app = await buildApp(database, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const bare = await bareApp();
  return {
    server: {
      url: `http://127.0.0.1:${port}`,
      pid: process.pid,
      rssMb: () => rssMbOf(),
      close: () => app.close(),
    },
    bare: { ...bare, pid: process.pid, rssMb: () => rssMbOf() },
  };
}

/** Writes out what is waiting to be written, where the bench's role may (superuser or pg_checkpoint). */
async function checkpoint(database: Database): Promise<void> {
  process.stderr.write('checkpoint: writing out the changed pages before measuring\n');
  try {
    await database.db.execute(sql`checkpoint`);
  } catch (err) {
    if (sqlState(err) !== '42501') throw err;
    process.stderr.write('checkpoint: not allowed for this role; measuring without it\n');
  }
}

/** Opens the database, fills it up to `persons` if needed, signs in and starts the server. */
export async function startBench(engine: Engine, persons: number, seed: string): Promise<Bench> {
  const recorder = new Recorder();
  const database = await open(engine, recorder);
  await database.migrate();
  const config = loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' });
  const [have] = rowsOf<{ n: number }>(
    await database.db.execute(sql`select count(*)::int as n from persons`),
  );
  let generated: GenerateResult | null = null;
  if ((have?.n ?? 0) < persons) {
    const { stop, ...progress } = generateProgress(persons);
    try {
      generated = await generate(database, { persons, seed, asOf: today(), manifestDir: null, ...progress });
    } finally {
      stop();
    }
  }
  // Visibility maps and statistics as a maintained database has them (a server may run without
  // autovacuum; a migration may just have rewritten a table): index-only scans depend on them.
  await database.db.execute(sql`vacuum analyze`);
  // The vacuum leaves pages for PostgreSQL to write out; a run that began while its checkpointer
  // still wrote a million persons' worth measured that too (aggregates up to 503 ms p95, at most
  // 376 in the run after).
  if (engine === 'postgres') await checkpoint(database);
  const actAs = async (username: string): Promise<Ctx> => {
    const [u] = await database.db.select().from(users).where(eq(users.username, username));
    if (!u) throw new Error(`The demo account ${username} is missing`);
    const actor: Actor = { userId: u.id, username: u.username, role: u.role, officeId: u.officeId };
    return { db: database.db, actor, config, requestId: 'bench' };
  };
  const signIn = async (username: string): Promise<{ ctx: Ctx; token: string }> => {
    const ctx = await actAs(username);
    const { token } = await createToken(ctx, { name: `bench ${new Date().toISOString()}`, expiresInDays: 1 });
    return { ctx, token };
  };
  const { ctx, token } = await signIn('supervisor.osh');
  const analyst = await signIn('analyst');
  const writer = await actAs(WRITER);
  const { server, bare } = await serve(engine, database, config);
  const [count] = rowsOf<{ n: number }>(
    await database.db.execute(sql`select count(*)::int as n from persons`),
  );
  return {
    engine,
    database,
    config,
    ctx,
    token,
    analyst,
    writer,
    server,
    bare,
    baseUrl: server.url,
    cpu: cpuMeter(server.pid, engine === 'postgres' && postgresIsHere()),
    async capture(fn) {
      recorder.queries = [];
      recorder.armed = true;
      try {
        await fn();
      } finally {
        recorder.armed = false;
      }
      return recorder.queries;
    },
    persons: count?.n ?? 0,
    generated,
  };
}

/** Stops the servers and closes the database. */
export async function stopBench(b: Bench): Promise<void> {
  await b.server.close();
  await b.bare.close();
  await b.database.close();
}
