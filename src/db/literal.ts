import { type SQL, sql } from 'drizzle-orm';

/**
 * A value written into a statement's text, escaped by drizzle, instead of sent as a parameter.
 * Only for values of a hot statement that decide its plan and take few distinct values (an
 * office, a page's size): a named or prepared statement then keeps one plan for each, where
 * with them as parameters PostgreSQL planned it anew on every call. Never for values that
 * change from call to call: each would make a statement text of its own.
 */
export const literal = (value: string | number): SQL => sql`${value}`.inlineParams();

/**
 * A LIMIT written into the statement's text (see literal). drizzle's `limit` is typed for a number
 * or a placeholder and writes any SQL it is given as it is; the test of this module holds it to that.
 */
export const literalLimit = (rows: number): number => literal(rows) as unknown as number;
