import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/db.ts';
import { rowsOf } from '../../db/client.ts';

describeEachDatabase('the case list order', (database, test) => {
  test('pages an office’s cases newest first by an index on the office, not past other offices’ cases', async () => {
    // With sorting and full scans priced out, the list's order comes from an index either way; only
    // one led by the office reads no other office's cases (at a million cases, the index on
    // (created_at, id) alone passed over 747 of them for a page of a small office).
    const plan = await database().db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local enable_seqscan = off`);
      return rowsOf<{ 'QUERY PLAN': string }>(
        await tx.execute(
          sql`explain select id from cases where office_id = ${randomUUID()} order by created_at desc, id desc limit 51`,
        ),
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan Backward using cases_office_id_created_at_id_index/);
    expect(plan).toMatch(/Index Cond: \(office_id = /);
    expect(plan).not.toMatch(/Sort|Filter/);
  });
});
