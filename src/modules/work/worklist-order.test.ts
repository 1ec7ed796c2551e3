import { type SQL, and, sql } from 'drizzle-orm';
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
import { caseScopeColumns } from '../cases/access.ts';
import { followupRows, overdueWhere } from '../followups/queries.ts';
import { myOpenCases } from './service.ts';

/** A follow-up of every case at `officeId`, due years ago, in `status`. */
const followupsOf = (officeId: string, status: string) =>
  sql`insert into followups (id, case_id, kind, due_on, assigned_to, status)
      select gen_random_uuid(), c.id, 'visit', date '2021-01-01' + (random() * 1000)::int, c.assigned_to, ${status}
      from cases c where c.office_id = ${officeId}`;

/** Rows filled for a test, then fresh statistics of the tables it reads. */
const filled = (...rows: SQL[]) => [
  uncheckedForeignKeys,
  ...rows,
  sql`analyze cases`,
  sql`analyze followups`,
];

describeEachDatabase('the worklist’s reads', (database, test) => {
  test('finds someone’s open cases by an index of open cases, not among every case ever assigned to them', async () => {
    // A supervisor of Osh at a million had 5,000 open cases among all those ever assigned to them;
    // the worklist read them all and a bitmap of the office's 330,000 cases (105 ms).
    const supervisor: Actor = newStaff('supervisor');
    const plan = await planAfter(
      database().db,
      filled(
        insertCases(supervisor.officeId!, 5000, { assignedTo: supervisor.userId, status: 'closed' }),
        insertCases(supervisor.officeId!, 20, { assignedTo: supervisor.userId, status: 'monitoring' }),
      ),
      (tx) => myOpenCases(tx, supervisor),
    );
    expect(plan).toMatch(/Index Cond: \(\(assigned_to = .* AND \(office_id = /);
    expect(plan).toMatch(/Scan (using|on) cases_open_assigned_index/);
    expect(plan).not.toMatch(/cases_assigned_to_office_id_index|Seq Scan on cases/);
  });

  test('reads an office’s overdue follow-ups oldest first by an index of scheduled ones, not sorting them all', async () => {
    // At a million, the registry's 83,000 overdue follow-ups were all sorted for a page of 200
    // (300 ms). Here 5,000 done and 5,000 scheduled, years overdue, in the office.
    const supervisor: Actor = newStaff('supervisor');
    const office = supervisor.officeId!;
    const plan = await planAfter(
      database().db,
      [
        ...filled(
          insertCases(office, 5000, { assignedTo: supervisor.userId, status: 'monitoring' }),
          followupsOf(office, 'done'),
          followupsOf(office, 'scheduled'),
        ),
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
