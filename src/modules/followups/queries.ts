import { type SQL, and, asc, count, eq, gte, lt, lte } from 'drizzle-orm';
import { decide } from '../../access/policy.ts';
import type { Executor } from '../../db/client.ts';
import { cases, followups, users } from '../../db/schema/index.ts';
import { Invalid } from '../../errors.ts';
import { type CaseRow, caseRecord } from '../cases/access.ts';

/** Today in the offices' time zone, under the name the follow-up code uses. */
export { today as todayIso } from '../../clock.ts';

/** The date `days` after an ISO date. */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** Overdue means still scheduled with its due date behind us; the one definition every list uses. */
export const isOverdue = (f: { status: string; dueOn: string }, today: string) =>
  f.status === 'scheduled' && f.dueOn < today;

/** The SQL twin of `isOverdue`. */
export const overdueWhere = (today: string) =>
  and(eq(followups.status, 'scheduled'), lt(followups.dueOn, today));

/** Scheduled follow-ups due from today to `until` inclusive. */
export const dueWhere = (today: string, until: string) =>
  and(eq(followups.status, 'scheduled'), gte(followups.dueOn, today), lte(followups.dueOn, until));

/** Follow-ups with their case number and assignee's name, oldest due first, up to `limit`. */
export function followupRows(db: Executor, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: followups.id,
      caseId: followups.caseId,
      caseNumber: cases.number,
      kind: followups.kind,
      dueOn: followups.dueOn,
      assignedTo: followups.assignedTo,
      assignedToName: users.displayName,
      version: followups.version,
    })
    .from(followups)
    .innerJoin(cases, eq(cases.id, followups.caseId))
    .innerJoin(users, eq(users.id, followups.assignedTo))
    .where(where)
    .orderBy(asc(followups.dueOn), asc(cases.number), asc(followups.id))
    .limit(limit);
}

/** How many follow-ups match, so that a list cut at its limit says how much it left out. */
export async function countFollowups(db: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(followups)
    .innerJoin(cases, eq(cases.id, followups.caseId))
    .where(where);
  return row?.n ?? 0;
}

/**
 * A follow-up goes to someone who can work the case: an active user whom the policy lets write
 * it (today a supervisor of its office, or a caseworker on it). Anyone else could not record the outcome.
 */
export async function requireAssignee(db: Executor, c: CaseRow, userId: string): Promise<void> {
  const [u] = await db
    .select({
      userId: users.id,
      username: users.username,
      role: users.role,
      officeId: users.officeId,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!u?.active || decide(u, 'case:write', caseRecord(c)) !== 'allow') {
    throw new Invalid(
      'invalid_assignee',
      'The follow-up must go to an active caseworker or supervisor who works the case',
      {
        field: 'assignedTo',
      },
    );
  }
}
