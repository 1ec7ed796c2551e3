/**
 * Bulk loading with COPY on both engines: PostgreSQL through pg-copy-streams on one pooled
 * connection, PGlite through its `/dev/blob` device. Rows are encoded once, in COPY's text format,
 * from drizzle's column metadata, so both engines get exactly the same bytes. This is the one
 * engine-specific part of the generator (db/ would be its natural home; it stays here because only
 * the generator bulk-loads).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/client.ts';

/** What a bulk transaction offers: plain queries and COPY of typed rows. */
export interface BulkSession {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Loads encoded rows (see encodeCopy); nothing to do for empty data. */
  copy(rows: EncodedCopy): Promise<void>;
}

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const escapeText = (s: string): string =>
  /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const arrayLiteral = (items: readonly unknown[]): string =>
  `{${items.map((i) => (i === null ? 'NULL' : `"${String(i).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

type Encode = (value: unknown) => string;

// Types whose text never holds a character COPY escapes.
const PLAIN = new Set(['PgUUID', 'PgInteger', 'PgBigInt53', 'PgBigSerial53', 'PgDateString', 'PgNumeric']);

// One encoder per column, chosen once per table from drizzle's column type.
function encoderOf(columnType: string): Encode {
  if (columnType === 'PgJsonb' || columnType === 'PgJson')
    return (v) => (v == null ? '\\N' : escapeText(JSON.stringify(v)));
  if (columnType === 'PgArray') return (v) => (v == null ? '\\N' : escapeText(arrayLiteral(v as unknown[])));
  if (columnType === 'PgTimestamp') return (v) => (v == null ? '\\N' : (v as Date).toISOString());
  if (columnType === 'PgBoolean') return (v) => (v == null ? '\\N' : v ? 't' : 'f');
  if (PLAIN.has(columnType)) return (v) => (v == null ? '\\N' : String(v));
  return (v) => (v == null ? '\\N' : escapeText(String(v)));
}

/** A COPY statement and its data. */
export interface EncodedCopy {
  statement: string;
  data: string;
}

/**
 * Rows of a table as COPY lines (without newlines); columns are those the first row sets, so rows
 * may leave out columns that are added to each line later.
 */
export function encodeLines<T extends PgTable>(
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
): { columns: string[]; lines: string[] } {
  const first = (rows[0] ?? {}) as Record<string, unknown>;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  const keys = columns.map(([key]) => key);
  const encoders = columns.map(([, c]) => encoderOf(c.columnType));
  const lines = (rows as readonly Record<string, unknown>[]).map((row) => {
    let line = encoders[0]!(row[keys[0]!]);
    for (let c = 1; c < keys.length; c++) line += `\t${encoders[c]!(row[keys[c]!])}`;
    return line;
  });
  return { columns: columns.map(([, c]) => c.name), lines };
}

/** The COPY statement into the named columns of a table. */
export const copyStatement = (table: PgTable, columns: readonly string[]): string =>
  `COPY "${getTableName(table)}" (${columns.map((c) => `"${c}"`).join(', ')})`;

/** The COPY statement and its data for rows of a table; columns are those the first row sets. */
export function encodeCopy<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): EncodedCopy {
  const { columns, lines } = encodeLines(table, rows);
  return { statement: copyStatement(table, columns), data: lines.length ? `${lines.join('\n')}\n` : '' };
}

const clientOf = (database: Database): unknown => (database.db as unknown as { $client: unknown }).$client;

async function onPostgres<T>(pool: pg.Pool, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Only this bulk transaction waits for nothing: a crash loses the last batches, never consistency.
    await client.query('SET LOCAL synchronous_commit = off');
    const result = await fn({
      query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
      copy: async ({ statement, data }) => {
        if (data === '') return;
        await pipeline(Readable.from([data]), client.query(copyFrom(`${statement} FROM STDIN`)));
      },
    });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

function onPglite<T>(db: PGlite, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  return db.transaction((tx: Transaction) =>
    fn({
      query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
      copy: async ({ statement, data }) => {
        if (data === '') return;
        await tx.query(`${statement} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
      },
    }),
  );
}

/** Runs `fn` in one transaction with COPY available, on whichever engine the database is. */
export function bulkTransaction<T>(database: Database, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  const client = clientOf(database);
  return database.engine === 'postgres' ? onPostgres(client as pg.Pool, fn) : onPglite(client as PGlite, fn);
}

/** A query outside any transaction, on whichever engine (for read-only checks between batches). */
export async function plainQuery<T>(database: Database, text: string, params: unknown[] = []): Promise<T[]> {
  const client = clientOf(database) as {
    query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  };
  return (await client.query(text, params)).rows as T[];
}
