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

/** `read`'s answer when `allowed`; a section the actor's grants leave out stays undefined. */
const ifAllowed = <R>(allowed: boolean, read: () => Promise<R>): Promise<R | undefined> =>
  allowed ? read() : Promise.resolve(undefined);

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
      const [
        openCases,
        followupsDue,
        followupsOverdue,
        approvals,
        officeOverdue,
        callsToday,
        referralsWaiting,
      ] = await Promise.all([
        ifAllowed(may('case:read'), () => myOpenCases(db, ctx.actor)),
        ifAllowed(may('case:read'), () =>
          followupRows(db, and(mine(), dueWhere(today, addDays(today, DUE_WITHIN_DAYS))), LIMIT),
        ),
        ifAllowed(may('case:read'), () => followupRows(db, and(mine(), overdueWhere(today)), LIMIT)),
        ifAllowed(may('plan:approve'), async () => {
          const [row] = await countAwaitingApproval(db, ctx.actor);
          return row?.n ?? 0;
        }),
        ifAllowed(may('case:assign'), () =>
          followupRows(
            db,
            and(scopeFilter(ctx.actor, 'case:assign', caseScopeColumns), overdueWhere(today)),
            LIMIT,
          ),
        ),
        ifAllowed(may('call:write'), () => countCallsToday(db, ctx, today)),
        ifAllowed(may('referral:update'), () => waitingReferrals(db, ctx)),
      ]);
      await audit();
      const work: z.infer<typeof workOut> = {
        today,
        cases: openCases,
        followupsDue,
        followupsOverdue,
        approvals,
        officeOverdue,
        callsToday,
        referralsWaiting,
      };
      return work;
    },
  );
}
