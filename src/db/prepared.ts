import { createHash } from 'node:crypto';
import type { Executor } from './client.ts';

/**
 * A query of a hot read path, built once per database (or transaction) it runs on and run as a
 * named prepared statement. Building a query costs drizzle more CPU than sending it (about a fifth
 * of the server's time on a case page), and PostgreSQL then parses and plans it once per
 * connection instead of every time. Its values are placeholders (`sql.placeholder`), given to
 * `execute`. A query built on a transaction stays on it: run on the database's other connections,
 * it would not see what the transaction has not committed.
 */
export function prepared<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
  const built = new WeakMap<Executor, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

/**
 * As `prepared`, for a query of many shapes (a list with optional filters, sorts and scopes): one
 * query for each shape's key, built on its first use. At most `limit` shapes are kept for each
 * database; past that they are dropped and built again as they come.
 */
export function preparedByShape<S, Q>(
  build: (db: Executor, shape: S) => Q,
  keyOf: (shape: S) => string,
  limit = 1_000,
): (db: Executor, shape: S) => Q {
  const built = new WeakMap<Executor, Map<string, Q>>();
  return (db, shape) => {
    let shapes = built.get(db);
    if (!shapes) {
      shapes = new Map();
      built.set(db, shapes);
    }
    const key = keyOf(shape);
    let query = shapes.get(key);
    if (!query) {
      if (shapes.size >= limit) shapes.clear();
      query = build(db, shape);
      shapes.set(key, query);
    }
    return query;
  };
}

/**
 * A prepared statement's name for a query's text: a connection keeps one statement per name, so
 * shapes that give the same text share it, and two texts never meet under one name.
 */
export function statementName(prefix: string, query: { toSQL(): { sql: string } }): string {
  return `${prefix}_${createHash('sha256').update(query.toSQL().sql).digest('hex').slice(0, 20)}`;
}
