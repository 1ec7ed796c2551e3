import pg from 'pg';

/** How many statement texts one connection keeps prepared; later texts go unnamed. */
export const STATEMENTS_PER_CONNECTION = 200;

// Statements worth keeping: what the application reads and writes, not transaction control.
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

interface QueryConfig {
  text?: unknown;
  name?: unknown;
  submit?: unknown;
}

const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * A PostgreSQL connection that names each statement text it sends, so that PostgreSQL parses it
 * once per connection instead of every time and keeps a plan where a generic one costs no more
 * than planning anew (it keeps planning each time where the values change the plan). drizzle sends
 * every statement unnamed. At the million, a case written with its person and episode took 2.7–3.0
 * ms of PostgreSQL's CPU this way against 4.0–4.4, and eight writers wrote 332–401 cases a second
 * against 271–309. A connection names at most STATEMENTS_PER_CONNECTION texts (a list of ids of
 * each length is a text of its own), and the pool closes idle connections, which forgets them.
 */
export class NamingClient extends pg.Client {
  readonly #names = new Map<string, string>();

  /** The query as given, or with a name for its text if it is a data statement worth keeping. */
  named(config: unknown): unknown {
    if (typeof config !== 'object' || config === null) return config;
    const q = config as QueryConfig;
    if (typeof q.text !== 'string' || q.name || typeof q.submit === 'function') return config;
    let name = this.#names.get(q.text);
    if (name === undefined) {
      if (this.#names.size >= STATEMENTS_PER_CONNECTION || !DATA_STATEMENT.test(q.text)) return config;
      name = `koldoo_${this.#names.size + 1}`;
      this.#names.set(q.text, name);
    }
    return { ...q, name };
  }
}

// query() has a dozen overloads; every one passes its first argument through `named`.
NamingClient.prototype.query = function (this: NamingClient, config: unknown, ...rest: unknown[]) {
  return plainQuery.call(this, this.named(config), ...rest);
} as pg.Client['query'];
