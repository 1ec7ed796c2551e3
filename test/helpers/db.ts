import { randomBytes, randomUUID } from 'node:crypto';
import { type SQLWrapper, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '../../src/access/policy.ts';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Database, type Db, type Executor, type Tx, openDatabase, rowsOf } from '../../src/db/client.ts';

/** The engines a test file runs against: PGlite always, PostgreSQL when a server is configured. */
export const ENGINES = ['pglite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** The PostgreSQL server URL given to the tests (a maintenance database such as `postgres`). */
export const postgresUrl = process.env.KOLDOO_TEST_DATABASE_URL;

/** Why an engine's tests are skipped on this machine, or undefined when they run. */
export function skipReason(engine: Engine): string | undefined {
  if (engine === 'postgres' && !postgresUrl)
    return 'KOLDOO_TEST_DATABASE_URL is not set; PostgreSQL tests skipped';
  return undefined;
}

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new UTF-8 PostgreSQL
 * database (dropped again by `close`), so test files never see each other's rows.
 */
export async function freshDatabase(engine: Engine): Promise<Database & { url?: string }> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    await database.migrate();
    return database;
  }
  if (!postgresUrl) throw new Error('KOLDOO_TEST_DATABASE_URL is not set');
  const name = `koldoo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  // C.UTF-8: under locale C, pg_trgm sees no trigrams in Cyrillic.
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: postgresUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/**
 * A describe block per engine, with a fresh database for its tests (`database()`) and an `it`
 * that skips them where the engine is not available.
 */
export function describeEachDatabase(
  title: string,
  body: (database: () => Database, test: ReturnType<typeof it.skipIf>) => void,
): void {
  describe.each(ENGINES)(`${title} (%s)`, (engine) => {
    const skip = skipReason(engine);
    let database: Database | undefined;
    beforeAll(async () => {
      if (!skip) database = await freshDatabase(engine);
    });
    afterAll(async () => {
      await database?.close();
    });
    body(() => database!, it.skipIf(Boolean(skip)));
  });
}

/** PostgreSQL's plan for `query` on `db`, as EXPLAIN prints it. */
export async function planOf(db: Executor, query: SQLWrapper): Promise<string> {
  return rowsOf<{ 'QUERY PLAN': string }>(await db.execute(sql`explain ${query}`))
    .map((r) => r['QUERY PLAN'])
    .join('\n');
}

class RolledBack extends Error {}

/** What `body` answers, in a transaction that is then rolled back (for rows a test fills in bulk). */
export async function rolledBack<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> {
  let answer: T | undefined;
  await db
    .transaction(async (tx) => {
      answer = await body(tx);
      throw new RolledBack();
    })
    .catch((err: unknown) => {
      if (!(err instanceof RolledBack)) throw err;
    });
  return answer as T;
}

/** A member of staff of a new office, unknown to the database (for plans over filled rows). */
export const newStaff = (role: Actor['role']): Actor => ({
  userId: randomUUID(),
  username: role,
  role,
  officeId: randomUUID(),
});

/** For rows a test fills in bulk that name offices, users and persons not in the database. */
export const uncheckedForeignKeys = sql`set local session_replication_role = replica`;

/**
 * `count` cases at `officeId` (with `uncheckedForeignKeys`), each of a person of its own; assigned
 * to and opened by `assignedTo`, or by someone new for each case.
 */
export const insertCases = (
  officeId: string,
  count: number,
  { assignedTo, status = 'open' }: { assignedTo?: string; status?: string } = {},
) =>
  sql`insert into cases (id, number, person_id, type, office_id, assigned_to, created_by, intake_channel, opened_on, status)
      select gen_random_uuid(), 'TEST-' || gen_random_uuid(), gen_random_uuid(), 'returnee_reintegration', ${officeId},
             coalesce(${assignedTo ?? null}::uuid, gen_random_uuid()), coalesce(${assignedTo ?? null}::uuid, gen_random_uuid()),
             'iom_office', date '2020-01-01', ${status}
      from generate_series(1, ${count})`;

/** PostgreSQL's plan for the query `query` builds, after `setup` (settings, rows), all rolled back. */
export const planAfter = (db: Db, setup: SQLWrapper[], query: (tx: Tx) => SQLWrapper) =>
  rolledBack(db, async (tx) => {
    for (const step of setup) await tx.execute(step);
    return planOf(tx, query(tx));
  });
