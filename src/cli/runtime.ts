import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { restoreBar } from './progress.ts';

/** Opens the configured database (PGlite under the data dir, or DATABASE_URL) and migrates it. */
export async function openConfigured(
  config: Config = loadConfig(),
): Promise<{ config: Config; database: Database }> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    namedStatements: config.namedStatements,
  });
  // A load stopped midway leaves its indexes and keys to be built again here: minutes at a
  // national scale, shown as the generator shows them.
  const bar = restoreBar();
  try {
    const { changed } = await database.migrate(bar.show);
    for (const tag of changed) {
      process.stderr.write(
        `Warning: the database applied migration ${tag} from another text than the one shipped; ` +
          'it may differ from a database migrated afresh.\n',
      );
    }
  } catch (err) {
    // The caller gets no database to close: a pool left open would keep the process alive.
    await database.close().catch(() => undefined);
    throw err;
  } finally {
    // Also when the rebuild fails: the bar hides the terminal's cursor until it stops.
    bar.stop();
  }
  return { config, database };
}

/** Runs a command body with an open database and closes it whatever happens. */
export async function withDatabase<T>(
  fn: (d: { config: Config; database: Database }) => Promise<T>,
): Promise<T> {
  const opened = await openConfigured();
  try {
    return await fn(opened);
  } finally {
    await opened.database.close();
  }
}

/** Where the data lives, in words, for start-up messages (never the password of a URL). */
export function describeStore(config: Config): string {
  if (!config.databaseUrl) return `PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
