import { type SQL, and, eq, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { literal } from '../db/literal.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { type Action, type Actor, type ScopedRecord, decide, grantOf } from './policy.ts';

/** The columns of a table that scopes can test; a missing column makes that scope match nothing. */
export interface ScopeColumns {
  officeId?: AnyPgColumn;
  assignedTo?: AnyPgColumn;
  createdBy?: AnyPgColumn;
  organisationId?: AnyPgColumn;
  userId?: AnyPgColumn;
}

const nothing = sql`false`;

/**
 * The WHERE condition that narrows a list to the records the actor may see, built from the same
 * grant table as `decide`. Throws Forbidden when the role may never perform the action.
 * `officeInText` writes the actor's office into the statement instead of a parameter (see
 * db/literal.ts), for a hot list whose plan it decides; offices are few, users are not.
 */
export function scopeFilter(
  actor: Actor,
  action: Action,
  cols: ScopeColumns,
  opts: { officeInText?: boolean } = {},
): SQL | undefined {
  const scope = grantOf(actor.role, action);
  if (scope === undefined) throw new Forbidden(action);
  const match = (col: AnyPgColumn | undefined, value: string | null) =>
    col && value !== null ? eq(col, value) : nothing;
  const office = (col: AnyPgColumn | undefined, value: string | null) =>
    opts.officeInText && col && value !== null ? eq(col, literal(value)) : match(col, value);
  switch (scope) {
    case 'all':
      return undefined;
    case 'office':
      return office(cols.officeId, actor.officeId);
    case 'assigned':
      return and(
        office(cols.officeId, actor.officeId),
        or(match(cols.assignedTo, actor.userId), match(cols.createdBy, actor.userId)),
      );
    case 'own':
      return match(cols.createdBy, actor.userId);
    case 'organisation':
      return match(cols.organisationId, actor.officeId);
    case 'self':
      return match(cols.userId, actor.userId);
  }
}

/** Throws Forbidden when the role may never do the action (a coarse check before any read). */
export function requirePermission(actor: Actor, action: Action): void {
  if (decide(actor, action) === 'deny_role') throw new Forbidden(action);
}

/**
 * Throws unless the actor may do the action to this record. A record the actor cannot even see
 * (through `readAction`) answers NotFound, so that its existence never leaks; one they can see but
 * not change answers Forbidden.
 */
export function requireAccess(
  actor: Actor,
  action: Action,
  target: { entity: string; id: string; record: ScopedRecord; readAction?: Action },
): void {
  const d = decide(actor, action, target.record);
  if (d === 'allow') return;
  const visible = decide(actor, target.readAction ?? action, target.record) === 'allow';
  if (visible) throw new Forbidden(action);
  throw new NotFound(target.entity, target.id);
}
