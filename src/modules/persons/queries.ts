import { type SQL, and, eq, exists, or } from 'drizzle-orm';
import type { Actor } from '../../access/policy.ts';
import { scopeFilter } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { cases, persons } from '../../db/schema/index.ts';
import { caseScopeColumns } from '../cases/access.ts';

/**
 * Persons are seen through their cases: a person is in scope when the actor may see one of their
 * cases with the same grant (`person:read` or `person:write`), or registered them and has no case
 * yet. Built from the policy table like every other scope.
 */
export function personScope(db: Executor, actor: Actor, action: 'person:read' | 'person:write'): SQL | undefined {
  const caseScope = scopeFilter(actor, action, caseScopeColumns);
  if (caseScope === undefined) return undefined;
  const viaCase = exists(
    db
      .select({ one: cases.id })
      .from(cases)
      .where(and(eq(cases.personId, persons.id), caseScope)),
  );
  const registeredByActor = actor.officeId
    ? and(eq(persons.createdBy, actor.userId), eq(persons.officeId, actor.officeId))
    : undefined;
  return registeredByActor ? or(viaCase, registeredByActor) : viaCase;
}

/** One person, only if within the actor's scope for the action. */
export async function findPersonInScope(db: Executor, actor: Actor, id: string, action: 'person:read' | 'person:write') {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), personScope(db, actor, action)));
  return row;
}
