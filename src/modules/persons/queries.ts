import { type SQL, and, eq, exists, isNull, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Action, Actor } from '../../access/policy.ts';
import { scopeFilter } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { cases, persons } from '../../db/schema/index.ts';
import { caseScopeColumns } from '../cases/access.ts';

/** The columns of the persons table, or of an alias of it (a duplicate pair joins it twice), that scopes read. */
export type PersonsTable = Record<'id' | 'createdBy' | 'officeId' | 'mergedInto', AnyPgColumn>;

/** The actions whose scope over a person is the scope over one of their cases. */
export type PersonAction = Extract<
  Action,
  'person:read' | 'person:write' | 'person:merge' | 'duplicate:review'
>;

/**
 * Persons are seen through their cases: a person is in scope when the actor may see one of their
 * cases with the same grant (`person:read`, `person:write`, …), or registered them and has no case
 * yet. Built from the policy table like every other scope. A person merged into another is in
 * nobody's scope: their cases now belong to the surviving person.
 */
export function personScope(
  db: Executor,
  actor: Actor,
  action: PersonAction,
  t: PersonsTable = persons,
): SQL | undefined {
  const caseScope = scopeFilter(actor, action, caseScopeColumns);
  if (caseScope === undefined) return isNull(t.mergedInto);
  const viaCase = exists(
    db
      .select({ one: cases.id })
      .from(cases)
      .where(and(eq(cases.personId, t.id), caseScope)),
  );
  const registeredByActor = actor.officeId
    ? and(eq(t.createdBy, actor.userId), eq(t.officeId, actor.officeId))
    : undefined;
  return and(isNull(t.mergedInto), registeredByActor ? or(viaCase, registeredByActor) : viaCase);
}

/** One person, only if within the actor's scope for the action. */
export async function findPersonInScope(db: Executor, actor: Actor, id: string, action: PersonAction) {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), personScope(db, actor, action)));
  return row;
}
