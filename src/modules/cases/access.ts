import { eq, sql } from 'drizzle-orm';
import type { Action, Actor } from '../../access/policy.ts';
import { requireAccess } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { cases } from '../../db/schema/index.ts';
import { NotFound } from '../../errors.ts';

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

/**
 * A case read by `query` with more beside it in the same statement (rows of `{ c, … }`), through
 * the same gate as loadCase.
 */
export async function loadCaseWith<R extends { c: CaseRow }>(
  actor: Actor,
  id: string,
  action: Action,
  query: { execute(values: { id: string }): Promise<R[]> },
): Promise<R> {
  const [row] = await query.execute({ id });
  admitted(actor, action, id, row?.c);
  return row!;
}

function admitted(actor: Actor, action: Action, id: string, row: CaseRow | undefined): CaseRow {
  if (!row) throw new NotFound('case', id);
  requireAccess(actor, action, { entity: 'case', id, record: caseRecord(row), readAction: 'case:read' });
  return row;
}
