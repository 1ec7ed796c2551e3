import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { describeEachDatabase, planOf } from '../../../test/helpers/db.ts';

describeEachDatabase('the registry’s list order', (database, test) => {
  test('pages persons newest first by an index, not by sorting every person', async () => {
    // With sorting priced out, only an index in the list's order avoids a Sort node: without one,
    // a page of a million persons sorted them all (2.5 s).
    const plan = await database().db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`);
      return planOf(tx, sql`select id from persons order by created_at desc, id desc limit 51`);
    });
    expect(plan).toMatch(/Index (Only )?Scan Backward using persons_created_at_id_index/);
    expect(plan).not.toMatch(/Sort/);
  });
});
