import { randomUUID } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  describeEachDatabase,
  insertCases,
  newStaff,
  planAfter,
  uncheckedForeignKeys,
} from '../../../test/helpers/db.ts';
import type { Actor } from '../../access/policy.ts';
import { scopeFilter } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { caseScopeColumns } from './access.ts';

/** A page of cases in `actor`'s scope, newest first. */
const page = (db: Executor, actor: Actor) =>
  db
    .select({ id: cases.id })
    .from(cases)
    .where(scopeFilter(actor, 'case:read', caseScopeColumns))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(51);

describeEachDatabase('the case list order', (database, test) => {
  test('pages an office’s cases newest first by an index on the office, not past other offices’ cases', async () => {
    // With sorting and full scans priced out, the list's order comes from an index either way; only
    // one led by the office reads no other office's cases (at a million cases, the index on
    // (created_at, id) alone passed over 747 of them for a page of a small office).
    const supervisor = newStaff('supervisor');
    const plan = await planAfter(
      database().db,
      [sql`set local enable_sort = off`, sql`set local enable_seqscan = off`],
      (tx) => page(tx, supervisor),
    );
    expect(plan).toMatch(/Index (Only )?Scan Backward using cases_office_id_created_at_id_index/);
    expect(plan).toMatch(/Index Cond: \(office_id = /);
    expect(plan).not.toMatch(/Sort|Filter/);
  });

  test('finds the cases of a caseworker with few, in a large office, by an index for each column of their scope', async () => {
    // Their scope is the office and an OR of two columns: only with both indexed can a bitmap of
    // the two find a caseworker's few cases; otherwise the list reads every case of the office
    // (of the registry at a million: 711 ms a page). Five thousand cases of others in the office,
    // their foreign keys unchecked for the test (rolled back).
    const caseworker = newStaff('caseworker');
    const plan = await planAfter(
      database().db,
      [uncheckedForeignKeys, insertCases(caseworker.officeId!, 5000), sql`analyze cases`],
      (tx) => page(tx, caseworker),
    );
    expect(plan).toMatch(/BitmapOr/);
    expect(plan).toMatch(/Bitmap Index Scan on cases_assigned_to_office_id_index/);
    expect(plan).toMatch(/Bitmap Index Scan on cases_created_by_office_id_index/);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  test('finds a caseworker’s cases of their office by two indexes that hold the office, with no bitmap of the office', async () => {
    // Their registry counts the persons of their cases. With the assignee and the opener indexed
    // alone, PostgreSQL also read a bitmap of the office's cases to AND with them: at a million,
    // 177 ms for the 330,000 cases of Osh, to count 5,001 of a caseworker's 20,000. With the
    // office in both indexes, each bitmap is the scope's already. Here 2,000 of theirs among 8,000
    // of the office and 20,000 elsewhere.
    const caseworker = newStaff('caseworker');
    const office = caseworker.officeId!;
    const plan = await planAfter(
      database().db,
      [
        uncheckedForeignKeys,
        insertCases(office, 6000),
        insertCases(office, 2000, { assignedTo: caseworker.userId }),
        insertCases(randomUUID(), 20_000),
        sql`analyze cases`,
      ],
      (tx) =>
        tx
          .select({ id: cases.personId })
          .from(cases)
          .where(scopeFilter(caseworker, 'person:read', caseScopeColumns))
          .limit(5001),
    );
    expect(plan).toMatch(/Bitmap Index Scan on cases_assigned_to_office_id_index/);
    expect(plan).toMatch(/Bitmap Index Scan on cases_created_by_office_id_index/);
    expect(plan).toMatch(/Index Cond: \(\(assigned_to = .*\) AND \(office_id = /);
    expect(plan).toMatch(/Index Cond: \(\(created_by = .*\) AND \(office_id = /);
    expect(plan).not.toMatch(/BitmapAnd|Seq Scan/);
  });
});
