import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db.ts';
import { type Executor, readTogether, rowsOf } from './client.ts';

describeEachDatabase('independent reads', (database, test) => {
  // Two reads that note when they start and end.
  const twoReads = (db: Executor, log: string[]) =>
    readTogether(db, [
      async () => {
        log.push('start 1');
        const r = await db.execute(sql`select 1 as n`);
        log.push('end 1');
        return rowsOf(r).length;
      },
      async () => {
        log.push('start 2');
        await db.execute(sql`select 2 as n`);
        log.push('end 2');
        return 'two';
      },
    ]);

  test('runs them at once outside a transaction, in turn inside one', async () => {
    const outside: string[] = [];
    expect(await twoReads(database().db, outside)).toEqual([1, 'two']);
    expect(outside.slice(0, 2)).toEqual(['start 1', 'start 2']);
    const inside: string[] = [];
    expect(await database().db.transaction((tx) => twoReads(tx, inside))).toEqual([1, 'two']);
    expect(inside).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
