import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDatabase, skipReason } from '../../test/helpers/db.ts';
import { type Database, type Executor, openDatabase, rowsOf } from './client.ts';
import { loadConfig } from '../config.ts';
import { NamingClient, STATEMENTS_PER_CONNECTION } from './named-statements.ts';
import { offices } from './schema/index.ts';

describe('NamingClient', () => {
  it('names each data statement text once, and leaves transaction control and named statements alone', () => {
    const client = new NamingClient();
    const select = { text: 'select 1 where $1::int = 1', rowMode: 'array' };
    const first = client.named(select) as { name: string; rowMode: string };
    expect(first.name).toMatch(/^koldoo_\d+$/);
    expect(first.rowMode).toBe('array');
    expect(select).not.toHaveProperty('name');
    expect(client.named({ text: select.text })).toMatchObject({ name: first.name });
    expect(client.named({ text: 'insert into t values ($1)' })).not.toMatchObject({ name: first.name });
    for (const text of ['begin', 'commit', 'set local x = 1', 'create index i on t (c)'])
      expect(client.named({ text })).toEqual({ text });
    expect(client.named({ text: select.text, name: 'mine' })).toEqual({ text: select.text, name: 'mine' });
    expect(client.named('select 1')).toBe('select 1');
  });

  it('names at most STATEMENTS_PER_CONNECTION texts and sends the rest unnamed', () => {
    const client = new NamingClient();
    for (let i = 0; i < STATEMENTS_PER_CONNECTION; i++)
      expect(client.named({ text: `select ${i}` })).toHaveProperty('name');
    expect(client.named({ text: 'select -1' })).toEqual({ text: 'select -1' });
    expect(client.named({ text: 'select 0' })).toHaveProperty('name');
  });
});

const prepared = async (db: Executor) =>
  rowsOf<{ name: string; statement: string }>(
    await db.execute(sql`select name, statement from pg_prepared_statements`),
  );

describe.skipIf(Boolean(skipReason('postgres')))('named statements on PostgreSQL', () => {
  const officeNamed = (tx: Executor, name: string) =>
    tx.select({ id: offices.id }).from(offices).where(eq(offices.name, name));

  it('prepares a statement drizzle sends once per connection, and not when turned off', async () => {
    const database = await freshDatabase('postgres');
    let plain: Database | undefined;
    try {
      // One transaction is one connection: what it prepared is what pg_prepared_statements lists.
      const seen = await database.db.transaction(async (tx) => {
        expect(await officeNamed(tx, 'Osh')).toEqual([]);
        expect(await officeNamed(tx, 'Batken')).toEqual([]);
        return prepared(tx);
      });
      const ours = seen.filter((s) => s.name.startsWith('koldoo_'));
      expect(ours.filter((s) => s.statement.includes('from "offices"'))).toHaveLength(1);
      expect(ours.some((s) => /^\s*(begin|commit)/i.test(s.statement))).toBe(false);

      plain = await openDatabase({ url: database.url!, namedStatements: false });
      const none = await plain.db.transaction(async (tx) => {
        await officeNamed(tx, 'Osh');
        await officeNamed(tx, 'Osh');
        return prepared(tx);
      });
      expect(none.filter((s) => s.name.startsWith('koldoo_'))).toEqual([]);
    } finally {
      await plain?.close();
      await database.close();
    }
  });
});

describe('KOLDOO_DB_NAMED_STATEMENTS', () => {
  it('is on unless set off, and refuses anything else', () => {
    expect(loadConfig({}).namedStatements).toBe(true);
    expect(loadConfig({ KOLDOO_DB_NAMED_STATEMENTS: 'off' }).namedStatements).toBe(false);
    expect(() => loadConfig({ KOLDOO_DB_NAMED_STATEMENTS: 'no' })).toThrow(/KOLDOO_DB_NAMED_STATEMENTS/);
  });
});
