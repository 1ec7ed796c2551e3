import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db.ts';
import { prepared } from './prepared.ts';
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
