import { randomUUID } from 'node:crypto';
import { type SQL, and, desc, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  describeEachDatabase,
  newStaff,
  planOf,
  rolledBack,
  uncheckedForeignKeys,
} from '../../../test/helpers/db.ts';
import type { Actor } from '../../access/policy.ts';
import type { Executor } from '../../db/client.ts';
import { persons } from '../../db/schema/index.ts';
import { GATHERED_AT_MOST, registryPage } from './queries.ts';

/** A page of the registry, newest first, within `scope`. */
const page = (db: Executor, scope: SQL | undefined, rows = 51) =>
  db
    .select({ id: persons.id })
    .from(persons)
    .where(scope)
    .orderBy(desc(persons.createdAt), desc(persons.id))
    .limit(rows);

/** A person registered by `createdBy` at `officeId`, `minutesAgo` minutes ago. */
const person = (id: string, officeId: string, createdBy: string, minutesAgo: number, mergedInto?: string) =>
  sql`insert into persons (id, given_name, family_name, latin_name, sex, office_id, created_by, created_at, merged_into)
      values (${id}, 'Test', 'Person', 'Test Person', 'female', ${officeId}, ${createdBy},
              now() - ${minutesAgo} * interval '1 minute', ${mergedInto ?? null})`;

/** A case of `personId` at `officeId`. */
const aCase = (personId: string, officeId: string, assignedTo: string, createdBy: string) =>
  sql`insert into cases (id, number, person_id, type, office_id, assigned_to, created_by, intake_channel, opened_on)
      values (gen_random_uuid(), 'TEST-' || gen_random_uuid(), ${personId}, 'returnee_reintegration',
              ${officeId}, ${assignedTo}, ${createdBy}, 'iom_office', date '2026-01-01')`;

/** `count` persons of others at `officeId`, each with a case there, older than the test's own. */
const othersPersons = (officeId: string, count: number) => [
  sql`insert into persons (id, given_name, family_name, latin_name, sex, office_id, created_by, created_at)
      select gen_random_uuid(), 'Other', 'Person', 'Other Person', 'male', ${officeId}, gen_random_uuid(),
             now() - interval '1 day' - g * interval '1 second'
      from generate_series(1, ${count}) g`,
  sql`insert into cases (id, number, person_id, type, office_id, assigned_to, created_by, intake_channel, opened_on)
      select gen_random_uuid(), 'OTHER-' || p.id, p.id, 'returnee_reintegration', p.office_id,
             p.created_by, p.created_by, 'iom_office', date '2026-01-01'
      from persons p where p.given_name = 'Other'`,
];

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

  test('shows a caseworker the same persons, in the same order, however their scope is read', async () => {
    const caseworker = newStaff('caseworker');
    const office = caseworker.officeId!;
    const colleague = randomUUID();
    const assigned = randomUUID();
    const registered = randomUUID();
    const openedByThem = randomUUID();
    const colleagues = randomUUID();
    const merged = randomUUID();
    const elsewhere = randomUUID();
    const caseElsewhere = randomUUID();
    const pages = await rolledBack(database().db, async (tx) => {
      for (const step of [
        uncheckedForeignKeys,
        ...othersPersons(office, 30),
        person(assigned, office, colleague, 1),
        aCase(assigned, office, caseworker.userId, colleague),
        // Registered by them, with no case yet.
        person(registered, office, caseworker.userId, 2),
        // Opened by them, then given to a colleague.
        person(openedByThem, office, colleague, 3),
        aCase(openedByThem, office, colleague, caseworker.userId),
        person(colleagues, office, colleague, 4),
        aCase(colleagues, office, colleague, colleague),
        person(merged, office, caseworker.userId, 5, assigned),
        person(elsewhere, randomUUID(), caseworker.userId, 6),
        person(caseElsewhere, office, colleague, 7),
        aCase(caseElsewhere, randomUUID(), caseworker.userId, caseworker.userId),
      ])
        await tx.execute(step);
      const ids = async (rows: number, ways: { window: number; atMost: number }, after?: SQL) =>
        (
          await registryPage(tx, caseworker, after, rows, (scope) => page(tx, and(scope, after), rows), ways)
        ).map((r) => r.id);
      // The newest persons hold the page; then, from a window too small, their persons gathered
      // (at most 3 or 5,000 of them), or the registry walked (more than 2 or 0).
      const ways = [
        { window: 1000, atMost: 0 },
        { window: 1, atMost: GATHERED_AT_MOST },
        { window: 1, atMost: 3 },
        { window: 1, atMost: 2 },
        { window: 0, atMost: 0 },
      ];
      // The second page of two, after their second person (a window counts from the cursor on).
      const afterSecond = sql`(${persons.createdAt}, ${persons.id}) < (select created_at, id from persons where id = ${registered})`;
      return Promise.all(
        [51, 2]
          .flatMap((rows) => ways.map((way) => ids(rows, way)))
          .concat(ways.map((way) => ids(2, way, afterSecond))),
      );
    });
    expect(pages[0]).toEqual([assigned, registered, openedByThem]);
    for (const other of pages.slice(1, 5)) expect(other).toEqual(pages[0]);
    for (const other of pages.slice(5, 10)) expect(other).toEqual([assigned, registered]);
    for (const other of pages.slice(10)) expect(other).toEqual([openedByThem]);
  });

  /** The plans of the statements a page reads for `actor` after `setup`, rolled back. */
  const plansOfPage = (actor: Actor, setup: SQL[]) =>
    rolledBack(database().db, async (tx) => {
      for (const step of [uncheckedForeignKeys, ...setup, sql`analyze persons`, sql`analyze cases`])
        await tx.execute(step);
      const plans: string[] = [];
      await registryPage(tx, actor, undefined, 51, async (scope) => {
        plans.push(await planOf(tx, page(tx, scope)));
        return page(tx, scope);
      });
      return plans;
    });

  test('reads only the newest persons when they hold a page', async () => {
    const supervisor = newStaff('supervisor');
    const plans = await plansOfPage(supervisor, othersPersons(supervisor.officeId!, 2000));
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatch(/Index Scan Backward using persons_created_at_id_index/);
  });

  test('gathers the few persons of a caseworker by id rather than walking every person newest first', async () => {
    // Walking the registry and testing each person against the scope found nobody for a
    // caseworker with no cases in 1.9 s at a million persons. Here, 20,000 persons of others.
    const caseworker = newStaff('caseworker');
    const plans = await plansOfPage(caseworker, [
      ...othersPersons(caseworker.officeId!, 20_000),
      person(randomUUID(), caseworker.officeId!, caseworker.userId, 1),
    ]);
    // The newest thousand, then their one person by id.
    expect(plans).toHaveLength(2);
    expect(plans[1]).toMatch(/Index Cond: \(id = ANY/);
    expect(plans[1]).not.toMatch(/persons_created_at_id_index/);
  });

  test('walks the registry testing each person by their own cases when the scope holds many', async () => {
    // Left to itself the planner hashed all 96,000 cases of a caseworker before a page (375 ms),
    // where testing the persons the page passed took 14 ms. Here, a caseworker with the case of
    // every other of 20,000 persons, all older than 1,000 persons of others, so that the window
    // holds none of theirs.
    const caseworker = newStaff('caseworker');
    const office = caseworker.officeId!;
    const plans = await plansOfPage(caseworker, [
      ...othersPersons(office, 20_000),
      sql`update cases set assigned_to = ${caseworker.userId}
          where person_id in (select id from persons where given_name = 'Other' and created_at < now() - interval '1 day 1000 seconds'
                              and get_byte(uuid_send(id), 0) % 2 = 0)`,
    ]);
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan).toMatch(/Index Scan Backward using persons_created_at_id_index/);
      expect(plan).toMatch(/Index Scan using cases_person_id_index/);
      expect(plan).not.toMatch(/hashed SubPlan/);
    }
  });
});
