import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db.ts';
import { isReady, rowsOf } from './client.ts';
import { SkippedMigrations } from './migration-history.ts';

const journal = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../drizzle/meta/_journal.json', import.meta.url)), 'utf8'),
) as { entries: { tag: string; when: number }[] };
const last = journal.entries.at(-1)!;
const first = journal.entries[0]!;

describeEachDatabase('The migrations a database recorded', (database, it) => {
  const recorded = async () =>
    rowsOf<{ id: number; hash: string; created_at: string | number }>(
      await database().db.execute(
        sql`select id, hash, created_at from drizzle.__drizzle_migrations order by id`,
      ),
    );

  // What migrating throws, or null when it goes through.
  const refusal = () =>
    database()
      .migrate()
      .then(
        () => null,
        (err: unknown) => err,
      );

  it('are every shipped one, as shipped, once a database is migrated', async () => {
    expect(await recorded()).toHaveLength(journal.entries.length);
    expect(await database().migrate()).toEqual({ changed: [] });
  });

  it('name a migration recorded with another text than the shipped file', async () => {
    const [row] = await recorded();
    await database().db.execute(
      sql`update drizzle.__drizzle_migrations set hash = 'a draft' where id = ${row!.id}`,
    );
    try {
      expect(await database().migrate()).toEqual({ changed: [first.tag] });
    } finally {
      await database().db.execute(
        sql`update drizzle.__drizzle_migrations set hash = ${row!.hash} where id = ${row!.id}`,
      );
    }
  });

  it('refuse a shipped migration never applied behind a later one recorded, which drizzle would skip', async () => {
    // As a database that recorded a draft of the last migration, made after the file shipped.
    const row = (await recorded()).at(-1)!;
    expect(Number(row.created_at)).toBe(last.when);
    const later = last.when + 1;
    await database().db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = ${later}, hash = 'a draft' where id = ${row.id}`,
    );
    try {
      const refused = await refusal();
      expect(refused).toBeInstanceOf(SkippedMigrations);
      // Nor is a server on it ready, though it records as many migrations as are shipped.
      expect(await isReady(database().db)).toBe(false);
      expect((refused as SkippedMigrations).tags).toEqual([last.tag]);
      expect((refused as Error).message).toContain(last.tag);
      // Nothing was recorded on the way.
      expect(await recorded()).toHaveLength(journal.entries.length);
    } finally {
      await database().db.execute(
        sql`update drizzle.__drizzle_migrations set created_at = ${last.when}, hash = ${row.hash} where id = ${row.id}`,
      );
    }
    expect(await database().migrate()).toEqual({ changed: [] });
    expect(await isReady(database().db)).toBe(true);
  });

  it('refuse it before applying a newer shipped migration, which may build on it', async () => {
    // A draft recorded between the last two shipped migrations, neither of them recorded.
    const [before, after] = (await recorded()).slice(-2);
    const previous = journal.entries.at(-2)!;
    await database().db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = ${previous.when + 1}, hash = 'a draft' where id = ${before!.id}`,
    );
    await database().db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${after!.id}`);
    try {
      const refused = await refusal();
      expect((refused as SkippedMigrations).tags).toEqual([previous.tag]);
      // The last shipped migration, newer than the draft, was not applied on top.
      expect((await recorded()).map((r) => Number(r.created_at))).not.toContain(last.when);
    } finally {
      await database().db.execute(
        sql`update drizzle.__drizzle_migrations set created_at = ${previous.when}, hash = ${before!.hash} where id = ${before!.id}`,
      );
      await database().db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${after!.id}, ${after!.hash}, ${last.when})`,
      );
    }
    expect(await database().migrate()).toEqual({ changed: [] });
    expect(await isReady(database().db)).toBe(true);
  });
});
