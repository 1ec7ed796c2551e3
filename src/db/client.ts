import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type Logger, type SQL, is, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type RestoreProgress, restoreConstraints } from './bulk-load.ts';
import { checkMigrationHistory, unappliedMigrations } from './migration-history.ts';
import { NamingClient } from './named-statements.ts';

/**
 * The drizzle handle every query uses, whichever engine is underneath. Without drizzle's
 * relational queries (`db.query`), which the project does not use: given the schema, drizzle
 * builds a query builder for every table on every transaction it opens.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; inside a transaction every query must go through it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a database or a transaction: what data-access functions accept. */
export type Executor = Db | Tx;

/**
 * An open database: the handle, which engine it is, and how to apply migrations (which also
 * restores what an interrupted bulk load left dropped, see bulk-load.ts) and close.
 */
export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /**
   * On PostgreSQL, connections for COPY: pg refuses its streams on the pipelined connections of
   * `db`. A connection is opened only when COPY first asks for one.
   */
  copyPool?: pg.Pool;
  /**
   * Checks what the database recorded of the migrations (see checkMigrationHistory) and applies
   * the rest; `onRestore` sees a rebuild of what a stopped load left dropped.
   */
  migrate(onRestore?: (p: RestoreProgress) => void): Promise<Migrated>;
  close(): Promise<void>;
}

/** What migrating found besides what it applied. */
export interface Migrated {
  /** Shipped migrations the database recorded with another text than the file's, by tag. */
  changed: string[];
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Checks the history the database recorded (see checkMigrationHistory), applies the migrations
 * with the engine's migrator, then rebuilds what a stopped load left dropped.
 */
async function migrateChecked(
  database: Database,
  apply: () => Promise<void>,
  onRestore?: (p: RestoreProgress) => void,
): Promise<Migrated> {
  const changed = await checkMigrationHistory(database.db, migrationsFolder);
  await apply();
  await restoreConstraints(database, onRestore);
  return { changed };
}

/**
 * Opens PostgreSQL when a URL is given, otherwise an embedded PGlite under `dataDir`
 * (`memory://` keeps it in memory, for tests). Engine differences stop here. A `logger` sees every
 * query with its parameters (the benchmark replays them as raw SQL; never log them in production:
 * parameters hold personal data).
 */
export async function openDatabase(opts: {
  url?: string | undefined;
  dataDir?: string | undefined;
  logger?: Logger | undefined;
  /** On PostgreSQL, name recurring statements (see NamingClient); off behind a pooler that cannot keep them. */
  namedStatements?: boolean | undefined;
}): Promise<Database> {
  const logger = opts.logger ?? false;
  if (opts.url) {
    // Pipelined: a query is sent at once, not after the answer to the one before it, so that a
    // use case's commit can follow its last statement without waiting for it (see transact).
    // Queries that await each other, as nearly all do, go as before.
    const naming = opts.namedStatements === false ? {} : { Client: NamingClient };
    const pool = new pg.Pool({ connectionString: opts.url, max: 10, pipeline: true, ...naming });
    const copyPool = new pg.Pool({ connectionString: opts.url, max: 2, ...naming });
    // An idle connection can be closed by the server (a restart, a failover, an administrator):
    // the pool drops it and opens another when needed. Unheard, the error would end the process.
    for (const p of [pool, copyPool]) p.on('error', () => undefined);
    const db = drizzlePg(pool, { logger }) as unknown as Db;
    const database: Database = {
      db,
      engine: 'postgres',
      copyPool,
      migrate: (onRestore) =>
        migrateChecked(database, () => migratePg(drizzlePg(pool), { migrationsFolder }), onRestore),
      close: async () => {
        await Promise.all([pool.end(), copyPool.end()]);
      },
    };
    return database;
  }
  const dir = opts.dataDir ?? 'memory://';
  let location = dir;
  if (!dir.startsWith('memory://')) {
    location = join(dir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const client = await PGlite.create(location, { extensions: { pg_trgm } });
  const raw = drizzlePglite(client, { logger });
  const database: Database = {
    db: raw as unknown as Db,
    engine: 'pglite',
    migrate: (onRestore) =>
      migrateChecked(database, () => migratePglite(raw, { migrationsFolder }), onRestore),
    close: () => client.close(),
  };
  return database;
}

/** Whether the database answers and has applied every shipped migration. */
export async function isReady(db: Db): Promise<boolean> {
  try {
    return (await unappliedMigrations(db, migrationsFolder)).length === 0;
  } catch {
    return false;
  }
}

/**
 * Ids read from the database as one uuid[] parameter, however many: thousands of parameters cost
 * far more to bind and plan. The ids must be uuids the database gave, never user input.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * Sets settings for the rest of the transaction, all in one round trip. Outside a transaction
 * they would last only their own statement, silently, so that is refused.
 */
export async function setLocal(db: Executor, settings: Record<string, string>): Promise<void> {
  const entries = Object.entries(settings);
  if (!is(db, PgTransaction))
    throw new Error(`${entries.map(([k]) => k).join(', ')}: set for a transaction, and this is none`);
  await db.execute(
    sql`select ${sql.join(
      entries.map(([name, value]) => sql`set_config(${name}, ${value}, true)`),
      sql`, `,
    )}`,
  );
}

/** The rows of a raw `db.execute` result; both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** PostgreSQL's SQLSTATE of a failed query, whether drizzle wrapped the driver's error or not. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
