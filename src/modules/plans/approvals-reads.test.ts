import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  describeEachDatabase,
  insertCases,
  newStaff,
  planAfter,
  uncheckedForeignKeys,
} from '../../../test/helpers/db.ts';
import { approvalsPage, countAwaitingApproval } from './queries.ts';

/** `perCase` items in `state` for every case of `officeId`. */
const itemsOf = (officeId: string, state: string, perCase: number) =>
  sql`insert into plan_items (case_id, catalogue_code, quantity, unit_cost, state, proposed_by, created_at)
      select c.id, 'sewing_equipment', 1, 100000, ${state}, gen_random_uuid(), now() - random() * interval '900 days'
      from cases c, generate_series(1, ${perCase}) where c.office_id = ${officeId}`;

describeEachDatabase('the approval queue’s reads', (database, test) => {
  // As in the registry: of every item ever planned, a few in a hundred wait for approval
  // (7,922 of 342,539 at 200,000 persons). Here 20,000 delivered and 5,000 proposed.
  const supervisor = newStaff('supervisor');
  const office = supervisor.officeId!;
  const filled = [
    uncheckedForeignKeys,
    insertCases(office, 5000, { assignedTo: supervisor.userId, status: 'monitoring' }),
    itemsOf(office, 'delivered', 4),
    itemsOf(office, 'proposed', 1),
    sql`analyze cases`,
    sql`analyze plan_items`,
  ];

  test('counts the items waiting for approval from an index of proposed items alone', async () => {
    const plan = await planAfter(database().db, filled, (tx) => countAwaitingApproval(tx, supervisor));
    expect(plan).toMatch(/Scan (using|on) plan_items_proposed_index/);
    expect(plan).not.toMatch(/Seq Scan on plan_items/);
  });

  test('reads a page of the queue oldest first in the index’s order, not sorting every proposed item', async () => {
    const plan = await planAfter(database().db, filled, (tx) => approvalsPage(tx, supervisor, 50));
    expect(plan).toMatch(/Index Scan using plan_items_proposed_index on plan_items/);
    expect(plan).not.toMatch(/Sort/);
  });
});
