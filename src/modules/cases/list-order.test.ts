import { type SQL, desc, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { describeEachDatabase, newStaff, planOf, rolledBack } from '../../../test/helpers/db.ts';
import type { Actor } from '../../access/policy.ts';
import { scopeFilter } from '../../access/scope.ts';
import type { Database } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { caseScopeColumns } from './access.ts';

/**
 * The plan of a page of cases in `actor`'s scope, newest first, after `setup` (planner settings,
 * rows), all rolled back.
 */
async function pagePlan(database: Database, actor: Actor, setup: SQL[]): Promise<string> {
  const page = database.db
    .select({ id: cases.id })
    .from(cases)
    .where(scopeFilter(actor, 'case:read', caseScopeColumns))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(51);
  return rolledBack(database.db, async (tx) => {
    for (const step of setup) await tx.execute(step);
    return planOf(tx, page);
  });
}

describeEachDatabase('the case list order', (database, test) => {
  test('pages an office’s cases newest first by an index on the office, not past other offices’ cases', async () => {
    // With sorting and full scans priced out, the list's order comes from an index either way; only
    // one led by the office reads no other office's cases (at a million cases, the index on
    // (created_at, id) alone passed over 747 of them for a page of a small office).
    const plan = await pagePlan(database(), newStaff('supervisor'), [
      sql`set local enable_sort = off`,
      sql`set local enable_seqscan = off`,
    ]);
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
    const plan = await pagePlan(database(), caseworker, [
      sql`set local session_replication_role = replica`,
      sql`insert into cases (id, number, person_id, type, office_id, assigned_to, created_by, intake_channel, opened_on)
          select gen_random_uuid(), 'TEST-' || g, gen_random_uuid(), 'returnee_reintegration',
                 ${caseworker.officeId}, gen_random_uuid(), gen_random_uuid(), 'iom_office', date '2026-01-01'
          from generate_series(1, 5000) g`,
      sql`analyze cases`,
    ]);
    expect(plan).toMatch(/BitmapOr/);
    expect(plan).toMatch(/Bitmap Index Scan on cases_assigned_to_index/);
    expect(plan).toMatch(/Bitmap Index Scan on cases_created_by_index/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
