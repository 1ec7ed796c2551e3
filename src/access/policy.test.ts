import { describe, expect, it } from 'vitest';
import { NotFound, Forbidden } from '../errors.ts';
import {
  ACTIONS,
  type Action,
  type Actor,
  type Decision,
  ROLES,
  type Role,
  type ScopedRecord,
  abilities,
  assignableRoles,
  decide,
} from './policy.ts';
import { requireAccess } from './scope.ts';

const HOME = 'office-home';
const ELSEWHERE = 'office-elsewhere';
const ME = 'user-me';
const SOMEONE = 'user-someone';

/**
 * How the record relates to the actor, one column each in the table below:
 *   any      – no record: "may this role do this to any record at all?"
 *   assigned – in the actor's office and assigned to them
 *   office   – in the actor's office, neither assigned to nor created by them
 *   other    – in another office, nothing to do with the actor
 *   referred – owned by another office but referred to the actor's organisation
 *   self     – the actor's own account
 *   created  – in the actor's office, created by them, assigned to someone else
 */
const RELATIONS = {
  any: undefined,
  assigned: {
    officeId: HOME,
    assignedTo: ME,
    createdBy: SOMEONE,
    organisationId: ELSEWHERE,
    userId: SOMEONE,
  },
  office: {
    officeId: HOME,
    assignedTo: SOMEONE,
    createdBy: SOMEONE,
    organisationId: ELSEWHERE,
    userId: SOMEONE,
  },
  other: {
    officeId: ELSEWHERE,
    assignedTo: SOMEONE,
    createdBy: SOMEONE,
    organisationId: ELSEWHERE,
    userId: SOMEONE,
  },
  referred: {
    officeId: ELSEWHERE,
    assignedTo: SOMEONE,
    createdBy: SOMEONE,
    organisationId: HOME,
    userId: SOMEONE,
  },
  self: { officeId: HOME, userId: ME },
  created: { officeId: HOME, assignedTo: SOMEONE, createdBy: ME, organisationId: ELSEWHERE, userId: SOMEONE },
} satisfies Record<string, ScopedRecord | undefined>;
type Relation = keyof typeof RELATIONS;
const COLUMNS = Object.keys(RELATIONS) as Relation[];

/**
 * The expected decision of every role for every action, written out by hand (not derived from
 * GRANTS), one letter per relation in the column order above:
 * a = allow, s = deny_scope (out of the actor's reach), r = deny_role (the role never may).
 *
 *                          any assigned office other referred self created
 */
const EXPECTED: Record<Role, Record<Action, string>> = {
  admin: {
    'office:read': 'aaaaaaa',
    'office:write': 'aaaaaaa',
    'user:read': 'aaaaaaa',
    'user:write': 'aaaaaaa',
    'audit:read': 'aaaaaaa',
    'person:read': 'rrrrrrr',
    'person:write': 'rrrrrrr',
    'case:read': 'rrrrrrr',
    'case:create': 'rrrrrrr',
    'case:write': 'rrrrrrr',
    'case:assign': 'rrrrrrr',
    'call:read': 'rrrrrrr',
    'call:write': 'rrrrrrr',
    'plan:approve': 'rrrrrrr',
    'referral:read': 'rrrrrrr',
    'referral:update': 'rrrrrrr',
    'service:write': 'aaaaaaa',
    'catalogue:write': 'aaaaaaa',
    'report:read': 'aaaaaaa',
    'duplicate:scan': 'aaaaaaa',
    'duplicate:review': 'rrrrrrr',
    'person:merge': 'rrrrrrr',
  },
  supervisor: {
    'office:read': 'aaaaaaa',
    'office:write': 'rrrrrrr',
    'user:read': 'aaassaa',
    'user:write': 'aaassaa',
    'audit:read': 'rrrrrrr',
    'person:read': 'aaassaa',
    'person:write': 'aaassaa',
    'case:read': 'aaassaa',
    'case:create': 'aaassaa',
    'case:write': 'aaassaa',
    'case:assign': 'aaassaa',
    'call:read': 'aaassaa',
    'call:write': 'aaassaa',
    'plan:approve': 'aaassaa',
    'referral:read': 'aaassaa',
    'referral:update': 'rrrrrrr',
    'service:write': 'rrrrrrr',
    'catalogue:write': 'rrrrrrr',
    'report:read': 'aaassaa',
    'duplicate:scan': 'aaaaaaa',
    'duplicate:review': 'aaassaa',
    'person:merge': 'aaassaa',
  },
  caseworker: {
    'office:read': 'aaaaaaa',
    'office:write': 'rrrrrrr',
    'user:read': 'aaassaa',
    'user:write': 'rrrrrrr',
    'audit:read': 'rrrrrrr',
    'person:read': 'aassssa',
    'person:write': 'aassssa',
    'case:read': 'aassssa',
    'case:create': 'aaassaa',
    'case:write': 'aassssa',
    'case:assign': 'rrrrrrr',
    'call:read': 'aaassaa',
    'call:write': 'asssssa',
    'plan:approve': 'rrrrrrr',
    'referral:read': 'aassssa',
    'referral:update': 'rrrrrrr',
    'service:write': 'rrrrrrr',
    'catalogue:write': 'rrrrrrr',
    'report:read': 'rrrrrrr',
    'duplicate:scan': 'rrrrrrr',
    'duplicate:review': 'rrrrrrr',
    'person:merge': 'rrrrrrr',
  },
  hotline_operator: {
    'office:read': 'aaaaaaa',
    'office:write': 'rrrrrrr',
    'user:read': 'rrrrrrr',
    'user:write': 'rrrrrrr',
    'audit:read': 'rrrrrrr',
    'person:read': 'rrrrrrr',
    'person:write': 'rrrrrrr',
    'case:read': 'rrrrrrr',
    'case:create': 'aaaaaaa',
    'case:write': 'rrrrrrr',
    'case:assign': 'rrrrrrr',
    'call:read': 'aaassaa',
    'call:write': 'asssssa',
    'plan:approve': 'rrrrrrr',
    'referral:read': 'rrrrrrr',
    'referral:update': 'rrrrrrr',
    'service:write': 'rrrrrrr',
    'catalogue:write': 'rrrrrrr',
    'report:read': 'rrrrrrr',
    'duplicate:scan': 'rrrrrrr',
    'duplicate:review': 'rrrrrrr',
    'person:merge': 'rrrrrrr',
  },
  partner: {
    'office:read': 'aaaaaaa',
    'office:write': 'rrrrrrr',
    'user:read': 'rrrrrrr',
    'user:write': 'rrrrrrr',
    'audit:read': 'rrrrrrr',
    'person:read': 'rrrrrrr',
    'person:write': 'rrrrrrr',
    'case:read': 'rrrrrrr',
    'case:create': 'rrrrrrr',
    'case:write': 'rrrrrrr',
    'case:assign': 'rrrrrrr',
    'call:read': 'rrrrrrr',
    'call:write': 'rrrrrrr',
    'plan:approve': 'rrrrrrr',
    'referral:read': 'asssass',
    'referral:update': 'asssass',
    'service:write': 'rrrrrrr',
    'catalogue:write': 'rrrrrrr',
    'report:read': 'rrrrrrr',
    'duplicate:scan': 'rrrrrrr',
    'duplicate:review': 'rrrrrrr',
    'person:merge': 'rrrrrrr',
  },
  analyst: {
    'office:read': 'aaaaaaa',
    'office:write': 'rrrrrrr',
    'user:read': 'rrrrrrr',
    'user:write': 'rrrrrrr',
    'audit:read': 'rrrrrrr',
    'person:read': 'rrrrrrr',
    'person:write': 'rrrrrrr',
    'case:read': 'rrrrrrr',
    'case:create': 'rrrrrrr',
    'case:write': 'rrrrrrr',
    'case:assign': 'rrrrrrr',
    'call:read': 'rrrrrrr',
    'call:write': 'rrrrrrr',
    'plan:approve': 'rrrrrrr',
    'referral:read': 'rrrrrrr',
    'referral:update': 'rrrrrrr',
    'service:write': 'rrrrrrr',
    'catalogue:write': 'rrrrrrr',
    'report:read': 'aaaaaaa',
    'duplicate:scan': 'rrrrrrr',
    'duplicate:review': 'rrrrrrr',
    'person:merge': 'rrrrrrr',
  },
  auditor: {
    'office:read': 'aaaaaaa',
    'office:write': 'rrrrrrr',
    'user:read': 'aaaaaaa',
    'user:write': 'rrrrrrr',
    'audit:read': 'aaaaaaa',
    'person:read': 'rrrrrrr',
    'person:write': 'rrrrrrr',
    'case:read': 'rrrrrrr',
    'case:create': 'rrrrrrr',
    'case:write': 'rrrrrrr',
    'case:assign': 'rrrrrrr',
    'call:read': 'rrrrrrr',
    'call:write': 'rrrrrrr',
    'plan:approve': 'rrrrrrr',
    'referral:read': 'rrrrrrr',
    'referral:update': 'rrrrrrr',
    'service:write': 'rrrrrrr',
    'catalogue:write': 'rrrrrrr',
    'report:read': 'rrrrrrr',
    'duplicate:scan': 'rrrrrrr',
    'duplicate:review': 'rrrrrrr',
    'person:merge': 'rrrrrrr',
  },
};

const LETTERS: Record<string, Decision> = { a: 'allow', s: 'deny_scope', r: 'deny_role' };

const actorOf = (role: Role, officeId: string | null = HOME): Actor => ({
  userId: ME,
  username: 'me',
  role,
  officeId,
});

const MATRIX = ROLES.flatMap((role) =>
  ACTIONS.flatMap((action) =>
    COLUMNS.map((relation, i) => ({
      role,
      action,
      relation,
      expected: LETTERS[EXPECTED[role][action][i] ?? '?'],
    })),
  ),
);

describe('access policy', () => {
  it('has an expectation, one letter per relation, for every role and every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      expect(Object.keys(EXPECTED[role]).sort()).toEqual([...ACTIONS].sort());
      for (const action of ACTIONS) expect(EXPECTED[role][action], `${role} ${action}`).toMatch(/^[asr]{7}$/);
    }
    expect(MATRIX).toHaveLength(ROLES.length * ACTIONS.length * COLUMNS.length);
  });

  it.each(MATRIX)(
    '$role doing $action to a record ($relation) → $expected',
    ({ role, action, relation, expected }) => {
      expect(decide(actorOf(role), action, RELATIONS[relation])).toBe(expected);
    },
  );

  it.each(ROLES)(
    'tells the UI exactly the abilities of a %s that the table allows on some record',
    (role) => {
      const expected = ACTIONS.filter((a) => EXPECTED[role][a].startsWith('a'));
      expect(abilities(role)).toEqual(expected);
    },
  );

  it('gives an actor without an office nothing that is scoped to an office, even records without one', () => {
    const noOffice: ScopedRecord = {
      officeId: null,
      assignedTo: ME,
      createdBy: ME,
      organisationId: null,
      userId: SOMEONE,
    };
    expect(decide(actorOf('supervisor', null), 'case:read', noOffice)).toBe('deny_scope');
    expect(decide(actorOf('caseworker', null), 'case:read', noOffice)).toBe('deny_scope');
    expect(decide(actorOf('partner', null), 'referral:read', noOffice)).toBe('deny_scope');
    expect(decide(actorOf('supervisor', null), 'user:read', { officeId: undefined, userId: SOMEONE })).toBe(
      'deny_scope',
    );
    // Grants over all records do not depend on an office.
    expect(decide(actorOf('admin', null), 'user:write', noOffice)).toBe('allow');
  });

  it('lets an admin assign every role, a supervisor only caseworker and hotline operator, everyone else none', () => {
    const expected: Record<Role, Role[]> = {
      admin: ['admin', 'supervisor', 'caseworker', 'hotline_operator', 'partner', 'analyst', 'auditor'],
      supervisor: ['caseworker', 'hotline_operator'],
      caseworker: [],
      hotline_operator: [],
      partner: [],
      analyst: [],
      auditor: [],
    };
    for (const role of ROLES) expect(assignableRoles(actorOf(role)), role).toEqual(expected[role]);
  });

  it('returns a fresh list from assignableRoles that callers cannot use to change the policy', () => {
    const roles = assignableRoles(actorOf('admin'));
    roles.length = 0;
    expect(assignableRoles(actorOf('admin'))).toHaveLength(ROLES.length);
  });
});

describe('requireAccess', () => {
  const target = (record: ScopedRecord) => ({
    entity: 'user',
    id: 'u-1',
    record,
    readAction: 'user:read' as const,
  });

  it('passes when the policy allows', () => {
    expect(() => requireAccess(actorOf('supervisor'), 'user:write', target(RELATIONS.office))).not.toThrow();
  });

  it('answers NotFound for a record the actor may not even see, so that its existence does not leak', () => {
    expect(() => requireAccess(actorOf('supervisor'), 'user:write', target(RELATIONS.other))).toThrow(
      NotFound,
    );
    expect(() => requireAccess(actorOf('partner'), 'user:read', target(RELATIONS.office))).toThrow(NotFound);
  });

  it('answers Forbidden for a record the actor can see but not change', () => {
    expect(() => requireAccess(actorOf('caseworker'), 'user:write', target(RELATIONS.office))).toThrow(
      Forbidden,
    );
    expect(() => requireAccess(actorOf('auditor'), 'user:write', target(RELATIONS.other))).toThrow(Forbidden);
  });
});
