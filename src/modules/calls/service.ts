import { and, eq, gte, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Action, type Actor, decide } from '../../access/policy.ts';
import { requireAccess, requirePermission, scopeFilter } from '../../access/scope.ts';
import { auditFields } from '../../audit/writer.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { keyset, toPage } from '../../db/pagination.ts';
import { calls } from '../../db/schema/index.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { recordCaseEvent } from '../cases/events.ts';
import { openCase } from '../cases/service.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import {
  callerProblems,
  type convertCallIn,
  type createCallIn,
  type listCallsQuery,
  type updateCallIn,
} from './schema.ts';

type CallRow = typeof calls.$inferSelect;

// Whoever logged a call is its "creator" for the `own` scope of `call:write`.
const callScopeColumns = { officeId: calls.officeId, createdBy: calls.operatorId };
const callRecord = (c: CallRow) => ({ officeId: c.officeId, createdBy: c.operatorId });

// What the UI may offer on a call, decided by the policy (converting also needs `case:create`).
const CALL_ABILITIES: Action[] = ['call:write', 'case:create'];

const present = (actor: Actor, c: CallRow) => ({
  ...c,
  abilities: CALL_ABILITIES.filter(
    (a) => decide(actor, a, a === 'case:create' ? undefined : callRecord(c)) === 'allow',
  ),
});

async function loadCall(db: Executor, actor: Actor, id: string, action: Action, lock = false) {
  const query = db.select().from(calls).where(eq(calls.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFound('call', id);
  requireAccess(actor, action, { entity: 'call', id, record: callRecord(row), readAction: 'call:read' });
  return row;
}

// `case_opened` means "this call has a case": only conversion sets it, and nothing takes it back.
function requireOutcome(outcome: string | null | undefined, converted: boolean) {
  if (converted && outcome !== undefined && outcome !== 'case_opened') {
    throw new Invalid('call_converted', 'The call has become a case; its outcome stays case_opened', {
      field: 'outcome',
    });
  }
  if (!converted && outcome === 'case_opened') {
    throw new Invalid('outcome_needs_conversion', 'Convert the call to open a case from it', {
      field: 'outcome',
    });
  }
}

/** Logs a call for the signed-in operator and their office. */
export function createCall(ctx: Ctx, input: z.infer<typeof createCallIn>) {
  return transact(ctx, { action: 'call.create', entityType: 'call' }, async (tx, audit) => {
    requirePermission(ctx.actor, 'call:write');
    if (!ctx.actor.officeId) throw new Invalid('no_office', 'Only staff of an office can log a call');
    requireOutcome(input.outcome, false);
    const { receivedAt, ...rest } = input;
    const [row] = await tx
      .insert(calls)
      .values({
        ...rest,
        receivedAt: receivedAt ? new Date(receivedAt) : new Date(),
        operatorId: ctx.actor.userId,
        officeId: ctx.actor.officeId,
      })
      .returning();
    await audit({ entityId: row!.id, fields: Object.keys(input) });
    return present(ctx.actor, row!);
  });
}

// A date alone stands for its whole UTC day, so `to=2026-03-01` includes calls late that day.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const fromBound = (v: string) => gte(calls.receivedAt, new Date(DATE_ONLY.test(v) ? `${v}T00:00:00Z` : v));
const toBound = (v: string) =>
  DATE_ONLY.test(v)
    ? lt(calls.receivedAt, new Date(Date.parse(`${v}T00:00:00Z`) + DAY_MS))
    : lte(calls.receivedAt, new Date(v));

/** Calls of the actor's scope, newest first, with the list filters. */
export function listCalls(
  ctx: Ctx,
  q: z.infer<typeof listCallsQuery> & { limit: number; cursor?: string | undefined },
) {
  return view(ctx, { action: 'call.list', entityType: 'call' }, async (db, audit) => {
    const scope = scopeFilter(ctx.actor, 'call:read', callScopeColumns);
    const page = keyset({ column: calls.receivedAt, tiebreak: calls.id, descending: true }, q.cursor);
    const rows = await db
      .select()
      .from(calls)
      .where(
        and(
          scope,
          page.where,
          q.topic ? eq(calls.topic, q.topic) : undefined,
          q.urgency ? eq(calls.urgency, q.urgency) : undefined,
          q.outcome ? eq(calls.outcome, q.outcome) : undefined,
          q.from ? fromBound(q.from) : undefined,
          q.to ? toBound(q.to) : undefined,
          q.converted === 'true'
            ? isNotNull(calls.caseId)
            : q.converted === 'false'
              ? isNull(calls.caseId)
              : undefined,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(q.limit + 1);
    await audit();
    const result = toPage(rows, q.limit, (c) => [c.receivedAt.toISOString(), c.id]);
    return { nextCursor: result.nextCursor, items: result.items.map((c) => present(ctx.actor, c)) };
  });
}

/** One call; reading the caller's details is audited. */
export function getCall(ctx: Ctx, id: string) {
  return view(ctx, { action: 'call.read', entityType: 'call', entityId: id }, async (db, audit) => {
    const row = await loadCall(db, ctx.actor, id, 'call:read');
    await audit();
    return present(ctx.actor, row);
  });
}

/** Corrects a call (its operator, or a supervisor of the office) if the client's version is current. */
export function updateCall(ctx: Ctx, id: string, input: z.infer<typeof updateCallIn>) {
  return transact(ctx, { action: 'call.update', entityType: 'call', entityId: id }, async (tx, audit) => {
    const current = await loadCall(tx, ctx.actor, id, 'call:write');
    const { version, receivedAt, ...changes } = input;
    requireOutcome(changes.outcome, current.caseId !== null);
    const problems = callerProblems({ ...current, ...changes });
    if (problems.length > 0) {
      // The change together with the stored call breaks a caller rule (e.g. anonymous but named).
      throw new Invalid('caller_inconsistent', 'The call would contradict itself after this change', {
        fields: problems.map((p) => p.path),
        problems,
      });
    }
    const [row] = await tx
      .update(calls)
      .set({
        ...changes,
        ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}),
        version: sql`${calls.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(calls.id, id), eq(calls.version, version)))
      .returning();
    if (!row) {
      throw new Conflict('version_conflict', 'The call was changed by someone else; reload and try again', {
        currentVersion: current.version,
      });
    }
    const fields = Object.keys(input).filter((k) => k !== 'version');
    await audit({ fields });
    return present(ctx.actor, row);
  });
}

// Fills what the call already knows about the caller into a new person, never overriding the body.
function withCallerDetails(
  input: z.infer<typeof convertCallIn>,
  call: CallRow,
): z.infer<typeof convertCallIn> {
  if (!input.person) return input;
  const p = { ...input.person };
  if (p.phone === undefined && call.callerPhone) p.phone = call.callerPhone;
  if (p.originRegion === undefined && p.originDistrict === undefined && call.callerRegion) {
    p.originRegion = call.callerRegion;
    if (call.callerDistrict) p.originDistrict = call.callerDistrict;
  }
  return { ...input, person: p };
}

/**
 * Turns a call into a case in one transaction, linked both ways (case.callId, call.caseId). The
 * call is locked first, so two conversions of one call cannot both succeed. The answer names the
 * case only by id and number: a hotline operator opens cases for offices whose cases they cannot read.
 */
export function convertCall(ctx: Ctx, id: string, input: z.infer<typeof convertCallIn>) {
  return transact(
    ctx,
    { action: 'call.convert', entityType: 'call', entityId: id },
    async (tx: Tx, audit) => {
      const call = await loadCall(tx, ctx.actor, id, 'call:write', true);
      if (call.caseId)
        throw new Conflict('already_converted', 'The call has already become a case', {
          caseId: call.caseId,
        });
      const auditCase = (e: { entityId: string; fields: string[] }) =>
        auditFields(ctx, { action: 'case.create', entityType: 'case', ...e });
      const opened = await (
        await openCase(tx, ctx.actor, withCallerDetails(input, call), { callId: call.id }, auditCase)
      ).answer;
      const [row] = await tx
        .update(calls)
        .set({
          caseId: opened.id,
          outcome: 'case_opened',
          version: sql`${calls.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(calls.id, id))
        .returning();
      await recordCaseEvent(tx, opened.id, ctx.actor.userId, 'call_linked', {
        callId: call.id,
        topic: call.topic,
        receivedAt: call.receivedAt.toISOString(),
      });
      await audit({ fields: ['caseId', 'outcome'] });
      return { call: present(ctx.actor, row!), case: { id: opened.id, number: opened.number } };
    },
  );
}

/** What the web app shows about the hotline: its number is configuration, never hard-coded. */
export function callConfig(ctx: Ctx) {
  return { hotlineNumber: ctx.config.hotlineNumber };
}
