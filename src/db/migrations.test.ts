import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { KOLDOO_RSS_1 } from '../domain/rss.ts';
import { deferConstraints, restoreConstraints } from './bulk-load.ts';
import type { Database } from './client.ts';

const shipped = fileURLToPath(new URL('../../drizzle', import.meta.url));
const folders: string[] = [];

/** The shipped migrations up to and including `tag`, as a folder of their own. */
function migrationsUpTo(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'koldoo-migrations-'));
  folders.push(dir);
  const journal = JSON.parse(readFileSync(join(shipped, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag) + 1);
  expect(entries.at(-1)?.tag).toBe(tag);
  for (const file of readdirSync(shipped).filter((f) => f.endsWith('.sql'))) {
    copyFileSync(join(shipped, file), join(dir, file));
  }
  mkdirSync(join(dir, 'meta'));
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A database as the migrations up to `tag` left it, foreign keys and triggers off for filling it. */
async function databaseAt(tag: string) {
  const client = await PGlite.create('memory://', { extensions: { pg_trgm } });
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: migrationsUpTo(tag) });
  await client.exec('set session_replication_role = replica');
  return { client, db };
}

describe('migration 0012: RSS instruments stored once', () => {
  // A database as 0011 left it, holding assessments (foreign keys aside: only the instrument matters here).
  const before = async (snapshots: object[]) => {
    const { client, db } = await databaseAt('0011_audit_chain_head');
    for (const [i, snapshot] of snapshots.entries()) {
      await client.query(
        `insert into rss_assessments (id, case_id, instrument, instrument_snapshot, taken_on, answers, scores)
         values ($1, $2, 'koldoo-rss-1', $3, $4, '{}', '{}')`,
        [randomUUID(), randomUUID(), JSON.stringify(snapshot), `2026-0${i + 1}-01`],
      );
    }
    await client.exec('set session_replication_role = origin');
    return { client, db };
  };

  it('moves the stored definition into rss_instruments, once, and drops it from the assessments', async () => {
    const { client, db } = await before([KOLDOO_RSS_1, KOLDOO_RSS_1, KOLDOO_RSS_1]);
    await migrate(db, { migrationsFolder: shipped });
    const instruments = await client.query<{ key: string; definition: unknown }>(
      'select key, definition from rss_instruments',
    );
    expect(instruments.rows).toEqual([{ key: 'koldoo-rss-1', definition: KOLDOO_RSS_1 }]);
    const columns = await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'rss_assessments'`,
    );
    expect(columns.rows.map((c) => c.column_name)).not.toContain('instrument_snapshot');
    const count = await client.query<{ n: number }>('select count(*)::int as n from rss_assessments');
    expect(count.rows[0]!.n).toBe(3);
    await client.close();
  });

  it('refuses two definitions under one key, and changes nothing', async () => {
    const changed = { ...KOLDOO_RSS_1, bands: { lowBelow: 0.3, highAbove: 0.7 } };
    const { client, db } = await before([KOLDOO_RSS_1, changed]);
    const failed = await migrate(db, { migrationsFolder: shipped }).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(`${failed?.message} ${(failed?.cause as Error | undefined)?.message}`).toMatch(
      /more than one definition of one instrument key/,
    );
    const kept = await client.query<{ n: number }>(
      'select count(distinct instrument_snapshot)::int as n from rss_assessments',
    );
    expect(kept.rows[0]!.n).toBe(2);
    const table = await client.query(`select 1 from pg_class where relname = 'rss_instruments'`);
    expect(table.rows).toEqual([]);
    await client.close();
  });
});

describe("migration 0013: the registry's names", () => {
  it('lists every canonical name the persons already hold, once, and keeps listing new ones', async () => {
    const { client, db } = await databaseAt('0012_rss_instruments');
    const office = randomUUID();
    for (const name of ['asan toktogulov', 'asan toktogulov', 'aida bekova', '', null]) {
      await client.query(
        `insert into persons (given_name, family_name, latin_name, sex, office_id, name_canonical)
         values ('x', 'y', 'x y', 'female', $1, $2)`,
        [office, name],
      );
    }
    await migrate(db, { migrationsFolder: shipped });
    await client.exec('set session_replication_role = origin');
    const names = async () =>
      (await client.query<{ name: string }>('select name from person_names order by name')).rows.map(
        (r) => r.name,
      );
    expect(await names()).toEqual(['aida bekova', 'asan toktogulov']);
    await client.query(
      `update persons set name_canonical = 'aida bekovna' where name_canonical = 'aida bekova'`,
    );
    expect(await names()).toEqual(['aida bekova', 'aida bekovna', 'asan toktogulov']);
    await client.close();
  });
});

describe('migration 0023: searched GIN indexes without a pending list', () => {
  const SEARCHED = [
    'cases_number_trgm',
    'person_names_trgm',
    'persons_document_keys_gin',
    'persons_name_phonetic_gin',
    'persons_pseudonym_trgm',
  ];
  // Persons and a case as 0022 left the schema, written while its GIN indexes still kept entries pending.
  const at0022 = async () => {
    const { client, db } = await databaseAt('0022_audit_chain_rows_by_row');
    const office = randomUUID();
    for (const [k, name] of ['asan toktogulov', 'aida bekova', 'nurlan sadykov'].entries()) {
      const id = randomUUID();
      await client.query(
        `insert into persons (id, given_name, family_name, latin_name, sex, office_id, pseudonym,
                              name_canonical, name_phonetic, document_keys)
         values ($1, 'x', 'y', 'x y', 'female', $2, $3, $4, $5, $6)`,
        [id, office, `P-${k}4Q7`, name, name.split(' '), [`AN${k}123456`]],
      );
      await client.query(
        `insert into cases (person_id, office_id, number, type, intake_channel, opened_on)
         values ($1, $2, $3, 'return_reintegration', 'walk_in', '2026-01-0${k + 1}')`,
        [id, office, `KG-OSH-2026-000${k}`],
      );
      // What the persons' trigger, off while filling, would add.
      await client.query('insert into person_names (name) values ($1)', [name]);
    }
    await client.exec('set session_replication_role = origin');
    return { client, db };
  };
  const indexes = async (client: PGlite) =>
    (
      await client.query<{ name: string; oid: number; options: string[] | null; pending: number }>(
        `select relname as name, oid::int, reloptions as options, gin_clean_pending_list(oid)::int as pending
         from pg_class where relname = any($1) order by relname`,
        [SEARCHED],
      )
    ).rows;

  it('turns fastupdate off and merges what was pending, without rebuilding the indexes', async () => {
    // Control: at 0022 the rows above leave entries pending in every one of them.
    const before = await at0022();
    expect((await indexes(before.client)).map((i) => [i.name, i.pending > 0])).toEqual(
      SEARCHED.map((name) => [name, true]),
    );
    await before.client.close();

    const { client, db } = await at0022();
    const oids = (
      await client.query<{ oid: number }>(
        'select oid::int from pg_class where relname = any($1) order by relname',
        [SEARCHED],
      )
    ).rows;
    await migrate(db, { migrationsFolder: shipped });
    const after = await indexes(client);
    expect(after.map((i) => ({ oid: i.oid }))).toEqual(oids);
    expect(after.map((i) => [i.name, i.options, i.pending])).toEqual(
      SEARCHED.map((name) => [name, ['fastupdate=false'], 0]),
    );
    await client.close();
  });

  it('gives the setting to those a stopped bulk load left dropped, once they are restored', async () => {
    const { client, db } = await at0022();
    await deferConstraints(db, ['persons', 'cases']);
    await migrate(db, { migrationsFolder: shipped });
    // Rows of no office: their foreign keys, restored too, would refuse them.
    await client.exec('delete from cases; delete from persons');
    const database: Database = {
      db,
      engine: 'pglite',
      migrate: async () => ({ changed: [] }),
      close: () => client.close(),
    };
    await restoreConstraints(database);
    const after = await indexes(client);
    expect(after.map((i) => [i.name, i.options])).toEqual(
      SEARCHED.map((name) => [name, ['fastupdate=false']]),
    );
    await client.close();
  });
});
