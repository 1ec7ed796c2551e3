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
