/**
 * The access policy: the only place that decides who may do what to which record.
 * Policy is data (role → action → scope); `decide` is one pure function over it; anything not
 * granted is denied. Lists are narrowed by `scopeFilter` (see ./scope.ts) from the same table.
 */

import { ROLES, type Role } from '../domain/organisation.ts';

// The roles live with the other organisation lists, where the web app may load them too.
export { ROLES, type Role };

/** Every action the policy knows; routes ask for these, never for roles. */
export const ACTIONS = [
  'office:read',
  'office:write',
  'user:read',
  'user:write',
  'audit:read',
  'person:read',
  'person:write',
  'case:read',
  'case:create',
  'case:write',
  'case:assign',
  'call:read',
  'call:write',
  'plan:approve',
  'referral:read',
  'referral:update',
  'service:write',
  'catalogue:write',
  'report:read',
  'duplicate:scan',
  'duplicate:review',
  'person:merge',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a grant reaches: `all` records; those of the actor's `office`; those `assigned` to the
 * actor (or created by them) within the office; those the actor created (`own`); those sent to
 * the actor's `organisation` (partners); the actor's own account (`self`).
 */
export type Scope = 'all' | 'office' | 'assigned' | 'own' | 'organisation' | 'self';

/** The signed-in party as the policy sees it. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  officeId: string | null;
}

/** The attributes of a record that scopes look at; absent means "not applicable". */
export interface ScopedRecord {
  officeId?: string | null;
  assignedTo?: string | null;
  createdBy?: string | null;
  organisationId?: string | null;
  userId?: string | null;
}

/**
 * The grants. Admins run the system (accounts, offices, catalogue) but do not read
 * beneficiaries' records: separation of duties for survivors' data. Analysts see aggregates
 * only; auditors the audit trail; partners only what is referred to their organisation.
 */
export const GRANTS = {
  admin: {
    'office:read': 'all',
    'office:write': 'all',
    'user:read': 'all',
    'user:write': 'all',
    'audit:read': 'all',
    'service:write': 'all',
    'catalogue:write': 'all',
    'report:read': 'all',
    // Starting the registry-wide duplicate scan shows counts only, never a person.
    'duplicate:scan': 'all',
  },
  supervisor: {
    'office:read': 'all',
    'user:read': 'office',
    'user:write': 'office',
    'person:read': 'office',
    'person:write': 'office',
    'case:read': 'office',
    'case:create': 'office',
    'case:write': 'office',
    'case:assign': 'office',
    'call:read': 'office',
    'call:write': 'office',
    'plan:approve': 'office',
    'referral:read': 'office',
    'report:read': 'office',
    'duplicate:scan': 'all',
    // Pairs are reviewed, and persons merged, only where both persons lie in the office's scope.
    'duplicate:review': 'office',
    'person:merge': 'office',
  },
  caseworker: {
    'office:read': 'all',
    'user:read': 'office',
    'person:read': 'assigned',
    'person:write': 'assigned',
    'case:read': 'assigned',
    'case:create': 'office',
    'case:write': 'assigned',
    'call:read': 'office',
    'call:write': 'own',
    'referral:read': 'assigned',
  },
  hotline_operator: {
    'office:read': 'all',
    'call:read': 'office',
    'call:write': 'own',
    // The hotline hands a case over to the office that will work it, and cannot read it afterwards.
    'case:create': 'all',
  },
  partner: {
    'office:read': 'all',
    'referral:read': 'organisation',
    'referral:update': 'organisation',
  },
  analyst: {
    'office:read': 'all',
    'report:read': 'all',
  },
  auditor: {
    'office:read': 'all',
    'user:read': 'all',
    'audit:read': 'all',
  },
} as const satisfies Record<Role, Partial<Record<Action, Scope>>>;

/** The scope of an action for a role, or undefined when the role may never do it. */
export function grantOf(role: Role, action: Action): Scope | undefined {
  return (GRANTS[role] as Partial<Record<Action, Scope>>)[action];
}

/** Actions the role may perform on at least some records: sent to the UI as abilities. */
export function abilities(role: Role): Action[] {
  return ACTIONS.filter((a) => grantOf(role, a) !== undefined);
}

/** Whether a record lies within a scope for this actor. */
export function inScope(actor: Actor, scope: Scope, record: ScopedRecord): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'office':
      return actor.officeId !== null && record.officeId === actor.officeId;
    case 'assigned':
      return (
        actor.officeId !== null &&
        record.officeId === actor.officeId &&
        (record.assignedTo === actor.userId || record.createdBy === actor.userId)
      );
    case 'own':
      return record.createdBy === actor.userId;
    case 'organisation':
      return actor.officeId !== null && record.organisationId === actor.officeId;
    case 'self':
      return record.userId === actor.userId;
  }
}

/** The outcome of a policy question: allowed, or why not (role never may, or out of scope). */
export type Decision = 'allow' | 'deny_role' | 'deny_scope';

/** Answers "may this actor do this to this record?"; without a record, "to any record?". */
export function decide(actor: Actor, action: Action, record?: ScopedRecord): Decision {
  const scope = grantOf(actor.role, action);
  if (scope === undefined) return 'deny_role';
  if (record === undefined) return 'allow';
  return inScope(actor, scope, record) ? 'allow' : 'deny_scope';
}

/**
 * The roles each role may give to others (when it may write users at all): admins any; supervisors
 * only the office staff below them. Never auditor, analyst or partner: each sees what a
 * supervisor does not (the whole audit trail, every office's reports, referrals to another
 * organisation), so creating one would be a way around the supervisor's own scope.
 */
const ASSIGNABLE = {
  admin: ROLES,
  supervisor: ['caseworker', 'hotline_operator'],
  caseworker: [],
  hotline_operator: [],
  partner: [],
  analyst: [],
  auditor: [],
} as const satisfies Record<Role, readonly Role[]>;

/** Roles this actor may give to others, so that nobody hands out more than they may. */
export function assignableRoles(actor: Actor): Role[] {
  if (grantOf(actor.role, 'user:write') === undefined) return [];
  return [...ASSIGNABLE[actor.role]];
}
