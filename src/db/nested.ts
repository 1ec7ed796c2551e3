import { type Column, type GetColumnData, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** A row of `columns` as selecting them returns it. */
export type NestedRow<C extends Record<string, Column>> = { [K in keyof C]: GetColumnData<C[K]> };

/**
 * The rows of `table` that `where` ties to the row of the query it stands in (a correlated
 * subquery), read in that query's statement as one JSON array and decoded back to what selecting
 * `columns` returns: each value by its own column, as drizzle decodes the column's text. A page and
 * its short lists (a case's household, its scores) then come in one statement, where a statement
 * each cost the server and the database more than reading the rows did.
 */
export function nestedRows<C extends Record<string, Column>>(
  table: PgTable,
  columns: C,
  where: SQL,
  orderBy: SQL[],
): SQL<NestedRow<C>[]> {
  const entries = Object.entries(columns);
  const decode = (raw: unknown): NestedRow<C>[] => {
    // Both drivers parse json; a driver that handed back its text would be read the same.
    const rows = (typeof raw === 'string' ? JSON.parse(raw) : raw) as unknown[][];
    return rows.map(
      (values) =>
        Object.fromEntries(
          entries.map(([key, column], i) => [
            key,
            values[i] === null ? null : column.mapFromDriverValue(values[i]),
          ]),
        ) as NestedRow<C>,
    );
  };
  // Positions, not keys: json_build_array needs no names, and the decoder knows the order.
  const values = sql.join(
    entries.map(([, column]) => sql`${column}`),
    sql`, `,
  );
  return sql<
    NestedRow<C>[]
  >`(select coalesce(json_agg(json_build_array(${values}) order by ${sql.join(orderBy, sql`, `)}), '[]') from ${table} where ${where})`.mapWith(
    decode,
  );
}
