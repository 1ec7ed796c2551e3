/**
 * Bulk loading with COPY on both engines: PostgreSQL through pg-copy-streams on a connection of
 * the database's pool for COPY, PGlite through its `/dev/blob` device. Rows are encoded once, in
 * COPY's text format, from drizzle's column metadata, so both engines get exactly the same bytes.
 * This is the one engine-specific part of the generator (db/ would be its natural home; it stays
 * here because only the generator bulk-loads).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isoInstant } from '../clock.ts';
import type { Database } from '../db/client.ts';

/** What a bulk transaction offers: plain queries and COPY of typed rows. */
export interface BulkSession {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Loads rows written as COPY text (see writeRows); nothing to do for empty data. */
  copy(rows: CopyData): Promise<void>;
}

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const ESCAPED = /[\\\t\n\r]/;
const escapeText = (s: string): string =>
  ESCAPED.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const arrayLiteral = (items: readonly unknown[]): string =>
  `{${items.map((i) => (i === null ? 'NULL' : `"${String(i).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

// Memory whose text has been loaded, kept to write later batches into. Fresh memory costs the
// kernel a page fault for every 4 KB on its first write; a large load writes about 20 KB of COPY
// text a person, and those faults took about a tenth of the generating process's CPU.
const spares: ArrayBuffer[] = [];
const SPARES_AT_MOST = 64;
const SPARE_FROM = 1 << 16;

/** Keeps buffers whose bytes have been loaded, to write later batches into (small ones are not kept). */
export function keepSpares(buffers: Iterable<ArrayBufferLike>): void {
  for (const b of buffers)
    if (b.byteLength >= SPARE_FROM && !(b instanceof SharedArrayBuffer)) spares.push(b);
  spares.sort((a, b) => a.byteLength - b.byteLength);
  spares.splice(0, Math.max(0, spares.length - SPARES_AT_MOST));
}

/** All the spares kept here, to hand to the thread that writes the next batches. */
export function takeSpares(): ArrayBuffer[] {
  return spares.splice(0);
}

/** A buffer of at least `bytes`: the smallest spare that fits, else new memory. */
export function spareBuffer(bytes: number): Buffer {
  const k = spares.findIndex((b) => b.byteLength >= bytes);
  if (k < 0) return Buffer.allocUnsafeSlow(bytes);
  const [b] = spares.splice(k, 1);
  return Buffer.from(b!);
}

/**
 * COPY text written straight into bytes, which a worker hands to the loading thread without a copy
 * (transferred) and the connection sends as they are; the loading thread hands the memory back
 * for later batches (see keepSpares). Built as strings, a batch's text was joined from its lines,
 * copied to the loading thread and encoded to UTF-8 there: in a large load those copies, and the
 * fresh memory each one took from the kernel, cost about as much CPU as building the rows.
 */
export class CopyText {
  private buf: Buffer;
  private pos = 0;

  /** Room for `rows` lines of a typical width at first: growing copies what is written. */
  constructor(rows = 0) {
    // Never from Node's shared pool: the bytes are transferred to another thread, pool and all.
    this.buf = spareBuffer(Math.max(1 << 12, rows * 256));
  }

  get length(): number {
    return this.pos;
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = spareBuffer(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    keepSpares([this.buf.buffer]);
    this.buf = bigger;
  }

  /** Text as it is, already escaped where it must be (a line of COPY text, a hashed body). */
  raw(s: string): void {
    // Up to three bytes of UTF-8 for each UTF-16 unit.
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos);
  }

  /** The bytes written, in a buffer of their own that can be transferred. */
  bytes(): Bytes {
    return new Uint8Array(this.buf.buffer as ArrayBuffer, this.buf.byteOffset, this.pos);
  }
}

/** A value's COPY text, escaped, or \N. */
type Format = (value: unknown) => string;

// Types whose text never holds a character COPY escapes.
const PLAIN = new Set(['PgUUID', 'PgInteger', 'PgBigInt53', 'PgBigSerial53', 'PgDateString', 'PgNumeric']);

// One formatter per column, chosen once per table from drizzle's column type.
function formatOf(columnType: string): Format {
  const orNull =
    (format: Format): Format =>
    (v) =>
      v == null ? '\\N' : format(v);
  if (columnType === 'PgJsonb' || columnType === 'PgJson')
    return orNull((v) => escapeText(JSON.stringify(v)));
  if (columnType === 'PgArray') return orNull((v) => escapeText(arrayLiteral(v as unknown[])));
  if (columnType === 'PgTimestamp') return orNull((v) => isoInstant(v as Date));
  if (columnType === 'PgBoolean') return orNull((v) => (v ? 't' : 'f'));
  if (PLAIN.has(columnType)) return orNull(String);
  return orNull((v) => escapeText(String(v)));
}

/**
 * Writes rows of a table as COPY lines, each ended by a newline or else by `end`; columns are those
 * `first` sets (the first row, unless text written earlier for the same statement set them), so
 * rows may leave out columns that `end` adds to each line.
 */
export function writeRows<T extends PgTable>(
  out: CopyText,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  end?: (out: CopyText) => void,
  first: object = rows[0] ?? {},
): string[] {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  const keys = columns.map(([key]) => key);
  const formats = columns.map(([, c]) => formatOf(c.columnType));
  const newline = end ? '' : '\n';
  for (const row of rows as readonly Record<string, unknown>[]) {
    let line = formats[0]!(row[keys[0]!]);
    for (let c = 1; c < keys.length; c++) line += `\t${formats[c]!(row[keys[c]!])}`;
    out.raw(line + newline);
    end?.(out);
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

/** A COPY statement and its data, whole or in pieces sent one after another. */
export interface CopyData {
  statement: string;
  data: Bytes | readonly Bytes[];
}

// The non-empty pieces of COPY data.
const pieces = (data: CopyData['data']): Bytes[] =>
  (data instanceof Uint8Array ? [data] : [...data]).filter((d) => d.length > 0);

const clientOf = (database: Database): unknown => (database.db as unknown as { $client: unknown }).$client;

async function onPostgres<T>(pool: pg.Pool, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Only this bulk transaction waits for nothing: a crash loses the last batches, never consistency.
    await client.query('SET LOCAL synchronous_commit = off');
    const result = await fn({
      // As a query config, which a naming connection names as it names drizzle's (see NamingClient).
      query: async <R>(text: string, params?: unknown[]) =>
        (await client.query({ text, values: params })).rows as R[],
      copy: async ({ statement, data }) => {
        const chunks = pieces(data);
        if (chunks.length === 0) return;
        await pipeline(Readable.from(chunks), client.query(copyFrom(`${statement} FROM STDIN`)));
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
        const chunks = pieces(data);
        if (chunks.length === 0) return;
        await tx.query(`${statement} FROM '/dev/blob'`, [], { blob: new Blob(chunks) });
      },
    }),
  );
}

/** Runs `fn` in one transaction with COPY available, on whichever engine the database is. */
export function bulkTransaction<T>(database: Database, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  return database.copyPool ? onPostgres(database.copyPool, fn) : onPglite(clientOf(database) as PGlite, fn);
}

/** A query outside any transaction, on whichever engine (for read-only checks between batches). */
export async function plainQuery<T>(database: Database, text: string, params: unknown[] = []): Promise<T[]> {
  if (database.engine === 'postgres') {
    // As a query config, which a naming connection names as it names drizzle's (see NamingClient).
    const pool = clientOf(database) as pg.Pool;
    return (await pool.query({ text, values: params })).rows as T[];
  }
  const client = clientOf(database) as PGlite;
  return (await client.query<T>(text, params)).rows;
}
