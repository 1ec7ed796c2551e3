import { type SQL, type SQLWrapper, and, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { describeEachDatabase, newStaff, planOf, rolledBack } from '../../../test/helpers/db.ts';
import type { Actor } from '../../access/policy.ts';
import { scopeFilter } from '../../access/scope.ts';
import type { Db, Executor } from '../../db/client.ts';
import { caseScopeColumns } from '../cases/access.ts';
import { followupRows, overdueWhere } from '../followups/queries.ts';
import { myOpenCases } from './service.ts';

/** `count` cases at `officeId` assigned to `assignedTo`, closed or not; foreign keys unchecked. */
const someCases = (officeId: string, assignedTo: string, status: string, count: number) =>
  sql`insert into cases (id, number, person_id, type, office_id, assigned_to, created_by, intake_channel, opened_on, status)
      select gen_random_uuid(), 'TEST-' || gen_random_uuid(), gen_random_uuid(), 'returnee_reintegration',
             ${officeId}, ${assignedTo}, ${assignedTo}, 'iom_office', date '2020-01-01', ${status}
      from generate_series(1, ${count})`;

/** A follow-up of every case at `officeId`, due years ago, in `status`. */
const followupsOf = (officeId: string, status: string) =>
  sql`insert into followups (id, case_id, kind, due_on, assigned_to, status)
      select gen_random_uuid(), c.id, 'visit', date '2021-01-01' + (random() * 1000)::int, c.assigned_to, ${status}
      from cases c where c.office_id = ${officeId}`;

/** The plan of `query` after `setup` and fresh statistics, all rolled back. */
const planAfter = (db: Db, setup: SQL[], query: (tx: Executor) => SQLWrapper) =>
  rolledBack(db, async (tx) => {
    for (const step of [sql`set local session_replication_role = replica`, ...setup]) await tx.execute(step);
    await tx.execute(sql`analyze cases`);
    await tx.execute(sql`analyze followups`);
    return planOf(tx, query(tx));
  });

describeEachDatabase('the worklist’s reads', (database, test) => {
  test('finds someone’s open cases by an index of open cases, not among every case ever assigned to them', async () => {
    // A supervisor of Osh at a million had 5,000 open cases among all those ever assigned to them;
    // the worklist read them all and a bitmap of the office's 330,000 cases (105 ms).
    const supervisor: Actor = newStaff('supervisor');
    const plan = await planAfter(
      database().db,
      [
        someCases(supervisor.officeId!, supervisor.userId, 'closed', 5000),
        someCases(supervisor.officeId!, supervisor.userId, 'monitoring', 20),
      ],
      (tx) => myOpenCases(tx, supervisor),
    );
    expect(plan).toMatch(/Index Cond: \(\(assigned_to = .* AND \(office_id = /);
    expect(plan).toMatch(/Scan (using|on) cases_open_assigned_index/);
    expect(plan).not.toMatch(/cases_assigned_to_index|Seq Scan on cases/);
  });

  test('reads an office’s overdue follow-ups oldest first by an index of scheduled ones, not sorting them all', async () => {
    // At a million, the registry's 83,000 overdue follow-ups were all sorted for a page of 200
    // (300 ms). Here 5,000 done and 5,000 scheduled, years overdue, in the office.
    const supervisor: Actor = newStaff('supervisor');
    const office = supervisor.officeId!;
    const plan = await planAfter(
      database().db,
      [
        someCases(office, supervisor.userId, 'monitoring', 5000),
        followupsOf(office, 'done'),
        followupsOf(office, 'scheduled'),
        sql`set local enable_sort = off`,
      ],
      (tx) =>
        followupRows(
          tx,
          and(scopeFilter(supervisor, 'case:assign', caseScopeColumns), overdueWhere('2026-01-01')),
          200,
        ),
    );
    expect(plan).toMatch(/Index Scan using followups_scheduled_due_index/);
  });
});
