import { type SQL, asc, desc, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Query parameters every list accepts. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** A page of a list and the opaque cursor of the next one (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** zod schema of a page of `item`, for route responses. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

type Key = string | number;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Whether a cursor key can be compared with the column without PostgreSQL failing on its type:
// a forged cursor must answer 400 invalid_cursor, not a 500 from the database.
function fits(column: AnyPgColumn, key: unknown): boolean {
  if (column.columnType === 'PgUUID') return typeof key === 'string' && UUID.test(key);
  if (column.dataType === 'date') {
    return typeof key === 'string' && !Number.isNaN(Date.parse(key)) && new Date(key).toISOString() === key;
  }
  if (column.dataType === 'number') return typeof key === 'number' && Number.isSafeInteger(key);
  return typeof key === 'string' && !key.includes('\u0000');
}

function decode(cursor: string, order: KeysetOrder): [Key, Key] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && fits(order.column, v[0]) && fits(order.tiebreak, v[1])) {
      return v as [Key, Key];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError(400, 'invalid_cursor', 'The cursor is not one this server issued');
}

/** How a list is ordered: a sort column (ties broken by a unique column) and a direction. */
export interface KeysetOrder {
  column: AnyPgColumn;
  tiebreak: AnyPgColumn;
  descending: boolean;
}

/**
 * Keyset pagination: the WHERE condition that starts after the cursor and the ORDER BY that
 * matches it. Pages stay fast however deep the client goes.
 */
export function keyset(order: KeysetOrder, cursor: string | undefined): { where?: SQL; orderBy: SQL[] } {
  return keysetAfter(order, cursor === undefined ? undefined : decode(cursor, order));
}

/** The keys a cursor carries, checked against the columns of `order` (400 invalid_cursor otherwise). */
export const cursorKeys = (order: KeysetOrder, cursor: string): [Key, Key] => decode(cursor, order);

/**
 * As keyset, from the last row's keys rather than its cursor: values, or placeholders for a
 * statement built once and given them on each run.
 */
export function keysetAfter(
  order: KeysetOrder,
  after: readonly [unknown, unknown] | undefined,
): { where?: SQL; orderBy: SQL[] } {
  const dir = order.descending ? desc : asc;
  const orderBy = [dir(order.column), dir(order.tiebreak)];
  if (!after) return { orderBy };
  const op = order.descending ? sql`<` : sql`>`;
  return { where: sql`(${order.column}, ${order.tiebreak}) ${op} (${after[0]}, ${after[1]})`, orderBy };
}

/** Cuts the one-extra row fetched to learn whether another page exists, and makes the cursor. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => [Key, Key]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? Buffer.from(JSON.stringify(keyOf(last))).toString('base64url') : null;
  return { items, nextCursor };
}
