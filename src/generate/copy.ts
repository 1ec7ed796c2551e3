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
const ESCAPED = /[\\\t\n\r]/;
const escapeText = (s: string): string =>
  ESCAPED.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const arrayLiteral = (items: readonly unknown[]): string =>
  `{${items.map((i) => (i === null ? 'NULL' : `"${String(i).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

/**
 * COPY text written straight into bytes, which a worker hands to the loading thread without a copy
 * (transferred) and the connection sends as they are. Built as strings, a batch's text was joined
 * from its lines, copied to the loading thread and encoded to UTF-8 there: in a large load those
 * copies, and the fresh memory each one took from the kernel, cost about as much CPU as building
 * the rows.
 */
export class CopyText {
  private buf: Buffer;
  private pos = 0;

  /** Room for `rows` lines of a typical width at first: growing copies what is written. */
  constructor(rows = 0) {
    // Never from Node's shared pool: the bytes are transferred to another thread, pool and all.
    this.buf = Buffer.allocUnsafeSlow(Math.max(1 << 12, rows * 256));
  }

  get length(): number {
    return this.pos;
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** Text as it is, without escaping (a hashed body, not COPY text). */
  raw(s: string): void {
    // Up to three bytes of UTF-8 for each UTF-16 unit.
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos);
  }

  /** A value that may hold characters COPY escapes. */
  text(s: string): void {
    this.raw(escapeText(s));
  }

  /** A value known to be plain ASCII (numbers, dates, uuids). */
  ascii(s: string): void {
    this.room(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /** The bytes written, in a buffer of their own that can be transferred. */
  bytes(): Bytes {
    return new Uint8Array(this.buf.buffer as ArrayBuffer, this.buf.byteOffset, this.pos);
  }
}

const TAB = 9;
const NEWLINE = 10;

type Put = (out: CopyText, value: unknown) => void;

// Types whose text never holds a character COPY escapes.
const PLAIN = new Set(['PgUUID', 'PgInteger', 'PgBigInt53', 'PgBigSerial53', 'PgDateString', 'PgNumeric']);

// One writer per column, chosen once per table from drizzle's column type.
function putterOf(columnType: string): Put {
  const put =
    (write: Put): Put =>
    (out, v) =>
      v == null ? out.ascii('\\N') : write(out, v);
  if (columnType === 'PgJsonb' || columnType === 'PgJson')
    return put((out, v) => out.text(JSON.stringify(v)));
  if (columnType === 'PgArray') return put((out, v) => out.text(arrayLiteral(v as unknown[])));
  if (columnType === 'PgTimestamp') return put((out, v) => out.ascii((v as Date).toISOString()));
  if (columnType === 'PgBoolean') return put((out, v) => out.ascii(v ? 't' : 'f'));
  if (PLAIN.has(columnType)) return put((out, v) => out.ascii(String(v)));
  return put((out, v) => out.text(String(v)));
}

/**
 * Writes rows of a table as COPY lines, each followed by `end` (a newline by default); columns are
 * those the first row sets, so rows may leave out columns that are added to each line later.
 */
export function writeRows<T extends PgTable>(
  out: CopyText,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  end: (out: CopyText) => void = (o) => o.byte(NEWLINE),
): string[] {
  const first = (rows[0] ?? {}) as Record<string, unknown>;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  const keys = columns.map(([key]) => key);
  const puts = columns.map(([, c]) => putterOf(c.columnType));
  for (const row of rows as readonly Record<string, unknown>[]) {
    puts[0]!(out, row[keys[0]!]);
    for (let c = 1; c < keys.length; c++) {
      out.byte(TAB);
      puts[c]!(out, row[keys[c]!]);
    }
    end(out);
  }
  return columns.map(([, c]) => c.name);
}

/** The COPY statement into the named columns of a table. */
export const copyStatement = (table: PgTable, columns: readonly string[]): string =>
  `COPY "${getTableName(table)}" (${columns.map((c) => `"${c}"`).join(', ')})`;

/** Bytes in an ArrayBuffer of their own (never shared memory), which can be transferred. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** A COPY statement and its data. */
export interface EncodedCopy {
  statement: string;
  data: Bytes;
}

/**
 * The COPY statement and its data for rows of a table, written into `out`; columns are those the
 * first row sets.
 */
export function encodeCopy<T extends PgTable>(
  table: T,
  rows: readonly T['$inferInsert'][],
  out = new CopyText(rows.length),
): EncodedCopy {
  const columns = writeRows(out, table, rows);
  return { statement: copyStatement(table, columns), data: out.bytes() };
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
        if (data.length === 0) return;
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
        if (data.length === 0) return;
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
