import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db.ts';
import type { Executor } from './client.ts';
import { prepared, preparedByShape, statementName } from './prepared.ts';
import { offices } from './schema/index.ts';

const officeName = prepared((db) =>
  db
    .select({ name: offices.name })
    .from(offices)
    .where(eq(offices.id, sql.placeholder('id')))
    .prepare('test_office_name'),
);

describeEachDatabase('prepared queries', (database, test) => {
  test('builds a query once per database and runs it with its values', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await database()
      .db.insert(offices)
      .values([
        { id: a, name: 'Osh', kind: 'ngo', country: 'KG' },
        { id: b, name: 'Batken', kind: 'ngo', country: 'KG' },
      ]);
    expect(officeName(database().db)).toBe(officeName(database().db));
    expect(await officeName(database().db).execute({ id: a })).toEqual([{ name: 'Osh' }]);
    expect(await officeName(database().db).execute({ id: b })).toEqual([{ name: 'Batken' }]);
  });

  test('runs inside a transaction on the transaction, seeing what it has not committed', async () => {
    const id = randomUUID();
    // Run on the database's own connections instead, it would not see the row (PostgreSQL) or wait
    // for the transaction to end (PGlite, one connection).
    const seen = await database().db.transaction(async (tx) => {
      await tx.insert(offices).values({ id, name: 'Jalal-Abad', kind: 'ngo', country: 'KG' });
      return officeName(tx).execute({ id });
    });
    expect(seen).toEqual([{ name: 'Jalal-Abad' }]);
  });
});

describe('preparedByShape', () => {
  it('builds a query once per shape and database, and drops its shapes past the limit', () => {
    const builds: string[] = [];
    const byShape = preparedByShape(
      (_db, shape: { sort: string }) => {
        builds.push(shape.sort);
        return { sort: shape.sort };
      },
      (shape) => shape.sort,
      2,
    );
    const [one, two] = [{} as Executor, {} as Executor];
    const first = byShape(one, { sort: 'number' });
    expect(byShape(one, { sort: 'number' })).toBe(first);
    expect(byShape(two, { sort: 'number' })).not.toBe(first);
    byShape(one, { sort: '-number' });
    expect(builds).toEqual(['number', 'number', '-number']);
    // A third shape on a database that holds two: they are dropped and built again when asked.
    byShape(one, { sort: 'createdAt' });
    expect(byShape(one, { sort: 'number' })).not.toBe(first);
    expect(builds).toEqual(['number', 'number', '-number', 'createdAt', 'number']);
  });

  it('names a statement by its text: one name for one text, never one for two', () => {
    const text = (sql: string) => ({ toSQL: () => ({ sql }) });
    const name = statementName('case_list', text('select 1'));
    expect(name).toMatch(/^case_list_[0-9a-f]{20}$/);
    expect(statementName('case_list', text('select 1'))).toBe(name);
    expect(statementName('case_list', text('select 2'))).not.toBe(name);
  });
});
