import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../access/policy.ts';
import { requireAccess, scopeFilter } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { keyset, toPage } from '../../db/pagination.ts';
import { persons, referrals } from '../../db/schema/index.ts';
import { assertReferralTransition } from '../../domain/workflow.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { type CaseRow, loadCase } from '../cases/access.ts';
import { recordCaseEvent } from '../cases/events.ts';
import { serviceById } from '../services/service.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import {
  presentReferral,
  referralRecord,
  referralScopeColumns,
  selectReferrals,
  shareOf,
  staffView,
} from './queries.ts';
import type { listReferralsQuery, referralIn, referralUpdateIn } from './schema.ts';
import { today } from '../../clock.ts';

/** Why a case's consent does not cover a referral, or null when it does. */
function consentGap(c: CaseRow): string | null {
  if (!c.consentGivenOn) return 'no_consent';
  if (c.consentWithdrawnOn) return 'consent_withdrawn';
  if (!c.consentScope.includes('referral')) return 'scope_lacks_referral';
  return null;
}

async function loadReferral(
  db: Executor,
  actor: Actor,
  id: string,
  action: 'referral:read' | 'referral:update',
) {
  const [row] = await selectReferrals(db, eq(referrals.id, id));
  if (!row) throw new NotFound('referral', id);
  requireAccess(actor, action, {
    entity: 'referral',
    id,
    record: referralRecord(row),
    readAction: 'referral:read',
  });
  return row;
}

/**
 * Refers a case to a service. No consent, no referral: the case must hold consent to referrals
 * that was not withdrawn. The partner receives a snapshot of what the caseworker chose to share.
 */
export function sendReferral(ctx: Ctx, caseId: string, input: z.infer<typeof referralIn>) {
  return transact(ctx, { action: 'referral.create', entityType: 'referral' }, async (tx, audit) => {
    const c = await loadCase(tx, ctx.actor, caseId, 'case:write');
    const gap = consentGap(c);
    if (gap)
      throw new Invalid('consent_required', 'The beneficiary has not consented to be referred', {
        reason: gap,
      });
    const service = await serviceById(tx, input.serviceId);
    if (!service) throw new Invalid('unknown_service', 'No such service', { field: 'serviceId' });
    if (!service.active)
      throw new Invalid('service_inactive', 'The service no longer takes referrals', { field: 'serviceId' });
    const [person] = await tx.select().from(persons).where(eq(persons.id, c.personId));
    const shared = shareOf(person!, input.share, input.needs, today());
    const [row] = await tx
      .insert(referrals)
      .values({
        caseId,
        serviceId: service.id,
        organisationId: service.organisationId,
        reason: input.reason,
        consentRecordedOn: input.consentRecordedOn,
        shared,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: referrals.id });
    const id = row!.id;
    const sharedFields = Object.keys(shared);
    await recordCaseEvent(tx, caseId, ctx.actor.userId, 'referral_sent', {
      referralId: id,
      serviceId: service.id,
      organisationId: service.organisationId,
      shared: sharedFields,
    });
    await audit({
      entityId: id,
      fields: ['serviceId', 'reason', 'consentRecordedOn', ...sharedFields.map((f) => `shared.${f}`)],
    });
    const [created] = await selectReferrals(tx, eq(referrals.id, id));
    return staffView(created!);
  });
}

/** The referrals of a case, newest first, for those who may read the case. */
export function listCaseReferrals(ctx: Ctx, caseId: string) {
  return view(ctx, { action: 'referral.list', entityType: 'case', entityId: caseId }, async (db, audit) => {
    await loadCase(db, ctx.actor, caseId, 'case:read');
    const rows = await selectReferrals(db, eq(referrals.caseId, caseId)).orderBy(
      sql`${referrals.createdAt} desc, ${referrals.id} desc`,
    );
    await audit();
    return rows.map(staffView);
  });
}

/** Referrals in scope: a partner's are those sent to their organisation, shown in the partner view. */
export function listReferrals(
  ctx: Ctx,
  q: z.infer<typeof listReferralsQuery> & { limit: number; cursor?: string | undefined },
) {
  return view(ctx, { action: 'referral.list', entityType: 'referral' }, async (db, audit) => {
    const scope = scopeFilter(ctx.actor, 'referral:read', referralScopeColumns);
    const page = keyset(
      { column: referrals.createdAt, tiebreak: referrals.id, descending: q.sort.startsWith('-') },
      q.cursor,
    );
    const rows = await selectReferrals(
      db,
      and(
        scope,
        page.where,
        q.status ? eq(referrals.status, q.status) : undefined,
        q.serviceId ? eq(referrals.serviceId, q.serviceId) : undefined,
      ),
    )
      .orderBy(...page.orderBy)
      .limit(q.limit + 1);
    await audit();
    const result = toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
    return { nextCursor: result.nextCursor, items: result.items.map((r) => presentReferral(ctx.actor, r)) };
  });
}

/** One referral in the view the actor is entitled to; out of scope answers 404. */
export function getReferral(ctx: Ctx, id: string) {
  return view(ctx, { action: 'referral.read', entityType: 'referral', entityId: id }, async (db, audit) => {
    const row = await loadReferral(db, ctx.actor, id, 'referral:read');
    await audit();
    return presentReferral(ctx.actor, row);
  });
}

/**
 * The receiving organisation answers a referral (accept or decline, then complete), on the
 * referral's workflow; the case's timeline records each answer.
 */
export function updateReferral(ctx: Ctx, id: string, input: z.infer<typeof referralUpdateIn>) {
  return transact(
    ctx,
    { action: 'referral.update', entityType: 'referral', entityId: id },
    async (tx, audit) => {
      const current = await loadReferral(tx, ctx.actor, id, 'referral:update');
      const stale = () =>
        new Conflict('version_conflict', 'The referral was changed by someone else; reload and try again', {
          currentVersion: current.version,
        });
      if (current.version !== input.version) throw stale();
      const check = assertReferralTransition(current.status, input.status);
      if (!check.ok)
        throw new Invalid(
          check.error.code,
          `Cannot move the referral from ${current.status} to ${input.status}`,
          check.error,
        );
      const [row] = await tx
        .update(referrals)
        .set({
          status: input.status,
          ...(input.partnerNote !== undefined ? { partnerNote: input.partnerNote } : {}),
          version: sql`${referrals.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(referrals.id, id), eq(referrals.version, input.version)))
        .returning({ id: referrals.id });
      if (!row) throw stale();
      await recordCaseEvent(tx, current.caseId, ctx.actor.userId, 'referral_status_changed', {
        referralId: id,
        from: current.status,
        to: input.status,
      });
      const fields = ['status', ...(input.partnerNote !== undefined ? ['partnerNote'] : [])];
      await audit({ fields });
      const [updated] = await selectReferrals(tx, eq(referrals.id, id));
      return presentReferral(ctx.actor, updated!);
    },
  );
}
