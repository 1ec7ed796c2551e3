import { eq, sql } from 'drizzle-orm';
import type { Action, Actor } from '../../access/policy.ts';
import { requireAccess } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { cases, persons } from '../../db/schema/index.ts';
import { NotFound } from '../../errors.ts';
import { shownPersonColumns } from '../persons/columns.ts';

/** The case columns that access scopes test. */
export const caseScopeColumns = {
  officeId: cases.officeId,
  assignedTo: cases.assignedTo,
  createdBy: cases.createdBy,
};

/** A case row as scopes see it. */
export const caseRecord = (c: { officeId: string; assignedTo: string | null; createdBy: string | null }) => ({
  officeId: c.officeId,
  assignedTo: c.assignedTo,
  createdBy: c.createdBy,
});

/**
 * Loads a case for an action on it or on anything inside it (episodes, plan, referrals…): the
 * single gate every case sub-resource goes through. Out of scope answers 404.
 */
export async function loadCase(db: Executor, actor: Actor, id: string, action: Action) {
  const [row] = await caseById(db).execute({ id });
  return admitted(actor, action, id, row);
}

const caseById = prepared((db) =>
  db
    .select()
    .from(cases)
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('case_by_id'),
);

/** A loaded case row. */
export type CaseRow = typeof cases.$inferSelect;

/** A case with its person in one statement, through the same gate as loadCase. */
export async function loadCaseWithPerson(db: Executor, actor: Actor, id: string, action: Action) {
  const [row] = await caseWithPersonById(db).execute({ id });
  return { c: admitted(actor, action, id, row?.c), person: row!.person };
}

const caseWithPersonById = prepared((db) =>
  db
    .select({ c: cases, person: shownPersonColumns })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('case_with_person_by_id'),
);

function admitted(actor: Actor, action: Action, id: string, row: CaseRow | undefined): CaseRow {
  if (!row) throw new NotFound('case', id);
  requireAccess(actor, action, { entity: 'case', id, record: caseRecord(row), readAction: 'case:read' });
  return row;
}
