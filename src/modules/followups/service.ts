import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { scopeFilter } from '../../access/scope.ts';
import { followups } from '../../db/schema/index.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { caseScopeColumns, loadCase } from '../cases/access.ts';
import { recordCaseEvent } from '../cases/events.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import {
  countFollowups,
  followupRows,
  isOverdue,
  overdueWhere,
  requireAssignee,
  todayIso,
} from './queries.ts';
import type { followupIn, followupPatch, overdueQuery } from './schema.ts';

const withOverdue = <T extends { status: string; dueOn: string }>(f: T, today: string) => ({
  ...f,
  overdue: isOverdue(f, today),
});

/** Schedules a visit or call, by default for whoever works the case. */
export function scheduleFollowup(ctx: Ctx, caseId: string, input: z.infer<typeof followupIn>) {
  return transact(ctx, { action: 'followup.create', entityType: 'followup' }, async (tx, audit) => {
    const c = await loadCase(tx, ctx.actor, caseId, 'case:write');
    const assignedTo = input.assignedTo ?? c.assignedTo ?? ctx.actor.userId;
    await requireAssignee(tx, c, assignedTo);
    const [row] = await tx
      .insert(followups)
      .values({ caseId, kind: input.kind, dueOn: input.dueOn, assignedTo, createdBy: ctx.actor.userId })
      .returning();
    await recordCaseEvent(tx, caseId, ctx.actor.userId, 'followup_scheduled', {
      followupId: row!.id,
      kind: row!.kind,
      dueOn: row!.dueOn,
      assignedTo,
    });
    await audit({ entityId: row!.id, fields: ['kind', 'dueOn', 'assignedTo'] });
    return withOverdue(row!, todayIso());
  });
}

/** The follow-ups of a case, by due date. */
export function listFollowups(ctx: Ctx, caseId: string) {
  return view(ctx, { action: 'followup.list', entityType: 'case', entityId: caseId }, async (db, audit) => {
    await loadCase(db, ctx.actor, caseId, 'case:read');
    const rows = await db
      .select()
      .from(followups)
      .where(eq(followups.caseId, caseId))
      .orderBy(asc(followups.dueOn), asc(followups.createdAt));
    await audit();
    const today = todayIso();
    return rows.map((f) => withOverdue(f, today));
  });
}

/** Records the outcome of a follow-up, or reschedules or cancels it; versioned, on the timeline. */
export function updateFollowup(ctx: Ctx, caseId: string, id: string, input: z.infer<typeof followupPatch>) {
  return transact(
    ctx,
    { action: 'followup.update', entityType: 'followup', entityId: id },
    async (tx, audit) => {
      await loadCase(tx, ctx.actor, caseId, 'case:write');
      const where = and(eq(followups.id, id), eq(followups.caseId, caseId));
      const [current] = await tx.select().from(followups).where(where);
      if (!current) throw new NotFound('followup', id);
      const { version, ...changes } = input;
      const [row] = await tx
        .update(followups)
        .set({
          ...changes,
          doneOn: changes.status === 'done' ? changes.doneOn! : null,
          version: sql`${followups.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(where, eq(followups.version, version)))
        .returning();
      if (!row)
        throw new Conflict(
          'version_conflict',
          'The follow-up was changed by someone else; reload and try again',
          { currentVersion: current.version },
        );
      const fields = Object.keys(changes);
      await recordCaseEvent(tx, caseId, ctx.actor.userId, 'followup_updated', {
        followupId: id,
        from: current.status,
        to: row.status,
        fields,
      });
      await audit({ fields });
      return withOverdue(row, todayIso());
    },
  );
}

/**
 * Overdue follow-ups: `mine` those assigned to the actor; `office` those of every case the actor
 * may (re)assign, i.e. the office's for a supervisor. Oldest due first.
 */
export function overdueFollowups(ctx: Ctx, q: z.infer<typeof overdueQuery>) {
  return view(ctx, { action: 'followup.overdue', entityType: 'followup' }, async (db, audit) => {
    const where =
      q.scope === 'office'
        ? scopeFilter(ctx.actor, 'case:assign', caseScopeColumns)
        : and(
            eq(followups.assignedTo, ctx.actor.userId),
            scopeFilter(ctx.actor, 'case:read', caseScopeColumns),
          );
    const filter = and(where, overdueWhere(todayIso()));
    const items = await followupRows(db, filter, q.limit);
    const total = await countFollowups(db, filter);
    await audit();
    return { items, total };
  });
}
