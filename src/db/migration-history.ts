import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { memoised } from '../domain/memo.ts';
import { type Executor, rowsOf } from './client.ts';

/**
 * A database that recorded a later migration before applying a shipped one: drizzle's migrator
 * applies only migrations newer than the last it recorded, so it would never apply these.
 */
export class SkippedMigrations extends Error {
  constructor(readonly tags: string[]) {
    const one = tags.length === 1;
    super(
      `The database has not applied ${tags.join(', ')} and records a later migration, so the ` +
        `migrator will never apply ${one ? 'it' : 'them'} (a draft of a migration, or migrations ` +
        'merged out of order, was recorded first). Restore the database from a backup taken ' +
        `before, or apply ${one ? 'the file' : 'each file'} from the drizzle folder by hand and ` +
        `record ${one ? 'it' : 'each'} in drizzle.__drizzle_migrations.`,
    );
    this.name = 'SkippedMigrations';
  }
}

/**
 * The shipped migrations of a folder, read once, as drizzle reads them: each hash is the one its
 * migrator records.
 */
const shipped = memoised((migrationsFolder: string) => {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return readMigrationFiles({ migrationsFolder }).map((m, i) => ({
    tag: journal.entries[i]!.tag,
    folderMillis: m.folderMillis,
    hash: m.hash,
  }));
});

/** What the database recorded of its migrations: each one's hash by its time; none before the first. */
async function recorded(db: Executor): Promise<Map<number, string>> {
  const [table] = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!table?.present) return new Map();
  return new Map(
    rowsOf<{ created_at: string | number; hash: string }>(
      await db.execute(sql`select created_at, hash from drizzle.__drizzle_migrations`),
    ).map((r) => [Number(r.created_at), r.hash]),
  );
}

/**
 * Checks what the database recorded against the shipped migrations, before any is applied: a
 * shipped migration older than the last one recorded, yet not recorded, would never be applied,
 * and is refused (SkippedMigrations) before a newer one that may build on it is applied. One
 * recorded with another text than the shipped file (an edited or draft file) is returned by tag,
 * for a warning, since the database may then differ from one migrated afresh.
 */
export async function checkMigrationHistory(db: Executor, migrationsFolder: string): Promise<string[]> {
  const done = await recorded(db);
  const last = Math.max(0, ...done.keys());
  const migrations = shipped(migrationsFolder);
  const skipped = migrations.filter((m) => m.folderMillis <= last && !done.has(m.folderMillis));
  if (skipped.length > 0) throw new SkippedMigrations(skipped.map((m) => m.tag));
  return migrations
    .filter((m) => done.has(m.folderMillis) && done.get(m.folderMillis) !== m.hash)
    .map((m) => m.tag);
}

/** The shipped migrations the database has not recorded, by tag. */
export async function unappliedMigrations(db: Executor, migrationsFolder: string): Promise<string[]> {
  const done = await recorded(db);
  return shipped(migrationsFolder)
    .filter((m) => !done.has(m.folderMillis))
    .map((m) => m.tag);
}
