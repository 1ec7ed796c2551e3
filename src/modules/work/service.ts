import { and, asc, count, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, decide } from '../../access/policy.ts';
import { scopeFilter } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { calls, cases, followups, persons, referrals } from '../../db/schema/index.ts';
import { caseScopeColumns } from '../cases/access.ts';
import { startOfLocalDay } from '../../clock.ts';
import { addDays, dueWhere, followupRows, overdueWhere, todayIso } from '../followups/queries.ts';
import { countAwaitingApproval } from '../plans/queries.ts';
import { partnerView, referralScopeColumns, selectReferrals } from '../referrals/queries.ts';
import { type Ctx, view } from '../shared/context.ts';
import type { workOut } from './schema.ts';

// A worklist is a glance, not an archive: each list stops here (the full lists have their own routes).
const LIMIT = 200;
const DUE_WITHIN_DAYS = 14;

const riskRank = sql`case ${cases.riskLevel} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`;

/** The actor's open cases, most at risk first (the worklist's first section). */
export function myOpenCases(db: Executor, actor: Actor) {
  return db
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      type: cases.type,
      riskLevel: cases.riskLevel,
      traffickingLikelihood: cases.traffickingLikelihood,
      pseudonym: persons.pseudonym,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(
      and(
        eq(cases.assignedTo, actor.userId),
        ne(cases.status, 'closed'),
        scopeFilter(actor, 'case:read', caseScopeColumns),
      ),
    )
    .orderBy(riskRank, asc(cases.openedOn), asc(cases.number))
    .limit(LIMIT);
}

async function countCallsToday(db: Executor, ctx: Ctx, today: string) {
  const start = startOfLocalDay(today);
  const [row] = await db
    .select({ n: count() })
    .from(calls)
    .where(
      and(
        eq(calls.operatorId, ctx.actor.userId),
        gte(calls.receivedAt, start),
        lt(calls.receivedAt, new Date(start.getTime() + 86_400_000)),
      ),
    );
  return row?.n ?? 0;
}

async function waitingReferrals(db: Executor, ctx: Ctx) {
  const rows = await selectReferrals(
    db,
    and(eq(referrals.status, 'sent'), scopeFilter(ctx.actor, 'referral:update', referralScopeColumns)),
  )
    .orderBy(asc(referrals.createdAt), asc(referrals.id))
    .limit(LIMIT);
  return rows.map(partnerView);
}

/**
 * The signed-in user's work for today, section by section as their grants allow: their open
 * cases and follow-ups; approvals and the office's overdue visits for those who approve and
 * assign; calls logged today for those who log calls; referrals awaiting an answer for partners.
 * The sections are read at once, each on a connection of its own where the pool has them: the
 * page waits for the slowest, not for their sum.
 */
export function myWork(ctx: Ctx) {
  return view(
    ctx,
    { action: 'work.read', entityType: 'user', entityId: ctx.actor.userId },
    async (db, audit) => {
      const may = (action: Parameters<typeof decide>[1]) => decide(ctx.actor, action) === 'allow';
      const today = todayIso();
      // Built only for a section the actor may read: a scope the grants do not give is refused.
      const mine = () =>
        and(
          eq(followups.assignedTo, ctx.actor.userId),
          scopeFilter(ctx.actor, 'case:read', caseScopeColumns),
        );
      const work: z.infer<typeof workOut> = { today };
      await Promise.all([
        may('case:read') &&
          Promise.all([
            myOpenCases(db, ctx.actor).then((rows) => (work.cases = rows)),
            followupRows(db, and(mine(), dueWhere(today, addDays(today, DUE_WITHIN_DAYS))), LIMIT).then(
              (rows) => (work.followupsDue = rows),
            ),
            followupRows(db, and(mine(), overdueWhere(today)), LIMIT).then(
              (rows) => (work.followupsOverdue = rows),
            ),
          ]),
        may('plan:approve') &&
          countAwaitingApproval(db, ctx.actor).then(([row]) => (work.approvals = row?.n ?? 0)),
        may('case:assign') &&
          followupRows(
            db,
            and(scopeFilter(ctx.actor, 'case:assign', caseScopeColumns), overdueWhere(today)),
            LIMIT,
          ).then((rows) => (work.officeOverdue = rows)),
        may('call:write') && countCallsToday(db, ctx, today).then((n) => (work.callsToday = n)),
        may('referral:update') && waitingReferrals(db, ctx).then((rows) => (work.referralsWaiting = rows)),
      ]);
      await audit();
      return work;
    },
  );
}
