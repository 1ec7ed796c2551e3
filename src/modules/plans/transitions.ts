import type { z } from 'zod';
import { type Action, decide } from '../../access/policy.ts';
import type { Tx } from '../../db/client.ts';
import type { planItems } from '../../db/schema/index.ts';
import type { PlanItemState } from '../../domain/codes.ts';
import { notInFuture, ordered } from '../../domain/dates.ts';
import { type PlanItemTransitionContext, assertPlanItemTransition } from '../../domain/workflow.ts';
import { Invalid } from '../../errors.ts';
import { ceilingOf } from '../catalogue/service.ts';
import { type CaseRow, caseRecord, loadCase } from '../cases/access.ts';
import { recordCaseEvent } from '../cases/events.ts';
import { type Ctx, transact } from '../shared/context.ts';
import {
  type ItemRow,
  amountOf,
  committedOf,
  findItem,
  lockedItemsOf,
  presentItem,
  requireVersion,
  saveItem,
} from './queries.ts';
import type { approveIn, cancelIn, deliverIn, procureIn } from './schema.ts';
import { localDate, today } from '../../clock.ts';

interface Move {
  verb: 'approve' | 'procure' | 'deliver' | 'cancel';
  to: PlanItemState;
  /** What the actor must be allowed to do to the case. */
  gate: Action;
  version: number;
  /** Facts the workflow rule judges that only this move has. */
  facts?: (
    tx: Tx,
    c: CaseRow,
    item: ItemRow,
    items: ItemRow[],
  ) => Promise<Partial<PlanItemTransitionContext>>;
  /** The move's own rules (run once the workflow allows the move) and the fields it writes. */
  apply: (item: ItemRow) => Partial<typeof planItems.$inferInsert>;
}

// Every move of an item runs the same steps: gate on the case, lock its items, check the version,
// ask the workflow, write, put it on the timeline, audit.
function moveItem(ctx: Ctx, caseId: string, itemId: string, move: Move) {
  return transact(
    ctx,
    { action: `plan_item.${move.verb}`, entityType: 'plan_item', entityId: itemId },
    async (tx, audit) => {
      const c = await loadCase(tx, ctx.actor, caseId, move.gate);
      const items = await lockedItemsOf(tx, caseId);
      const item = findItem(items, itemId);
      requireVersion(item, move.version);
      const check = assertPlanItemTransition(item.state, move.to, {
        // Holding the policy's plan:approve grant on this case is what makes the actor a supervisor of it.
        actor: {
          id: ctx.actor.userId,
          supervisor: decide(ctx.actor, 'plan:approve', caseRecord(c)) === 'allow',
        },
        proposedBy: item.proposedBy,
        amountTyiyn: amountOf(item),
        ceilingTyiyn: null,
        ...(await move.facts?.(tx, c, item, items)),
      });
      if (!check.ok)
        throw new Invalid(
          check.error.code,
          `The plan item cannot move from ${item.state} to ${move.to}`,
          check.error,
        );
      const values = move.apply(item);
      const row = await saveItem(tx, item, move.version, { ...values, state: move.to });
      await recordCaseEvent(tx, caseId, ctx.actor.userId, 'plan_item_changed', {
        itemId,
        from: item.state,
        to: move.to,
      });
      await audit({ fields: ['state', ...Object.keys(values)] });
      return presentItem(row);
    },
  );
}

/**
 * Approves a proposed item: a supervisor of the case's office who did not propose it; above the
 * case type's ceiling only with a reason for the override.
 */
export function approveItem(ctx: Ctx, caseId: string, itemId: string, input: z.infer<typeof approveIn>) {
  const overrideReason = input.overrideReason || undefined;
  return moveItem(ctx, caseId, itemId, {
    verb: 'approve',
    to: 'approved',
    gate: 'plan:approve',
    version: input.version,
    // The ceiling caps what the case receives in all, so the rule is given the committed total
    // with this item added (amountTyiyn = committed + item amount) against the case type's
    // ceiling (ceilingTyiyn), not the item's amount alone.
    facts: async (tx, c, item, items) => ({
      amountTyiyn: committedOf(items) + amountOf(item),
      ceilingTyiyn: await ceilingOf(tx, c.type),
      overrideReason,
    }),
    apply: () => ({
      approvedBy: ctx.actor.userId,
      approvedAt: new Date(),
      ...(overrideReason ? { overrideReason } : {}),
    }),
  });
}

/** Records that an approved item was bought, and from whom. */
export function procureItem(ctx: Ctx, caseId: string, itemId: string, input: z.infer<typeof procureIn>) {
  return moveItem(ctx, caseId, itemId, {
    verb: 'procure',
    to: 'procured',
    gate: 'case:write',
    version: input.version,
    apply: () => ({ procuredAt: new Date(), ...(input.supplier ? { supplier: input.supplier } : {}) }),
  });
}

/** Records the handover to the beneficiary, which they must have acknowledged, on a real past day after approval. */
export function deliverItem(ctx: Ctx, caseId: string, itemId: string, input: z.infer<typeof deliverIn>) {
  return moveItem(ctx, caseId, itemId, {
    verb: 'deliver',
    to: 'delivered',
    gate: 'case:write',
    version: input.version,
    apply: (item) => {
      const field = { field: 'deliveredOn' };
      if (!input.acknowledged) {
        throw new Invalid('acknowledgement_required', 'The beneficiary must acknowledge receiving the item', {
          field: 'acknowledged',
        });
      }
      if (!notInFuture(input.deliveredOn, today()))
        throw new Invalid('date_in_future', 'The delivery date is in the future', field);
      const approvedOn = item.approvedAt ? localDate(item.approvedAt) : undefined;
      if (approvedOn && !ordered(approvedOn, input.deliveredOn)) {
        throw new Invalid('delivered_before_approval', 'The delivery date is before the approval', {
          ...field,
          approvedOn,
        });
      }
      return { deliveredOn: input.deliveredOn, acknowledged: true };
    },
  });
}

/** Cancels an item not yet delivered, with the reason; its money no longer counts against the ceiling. */
export function cancelItem(ctx: Ctx, caseId: string, itemId: string, input: z.infer<typeof cancelIn>) {
  return moveItem(ctx, caseId, itemId, {
    verb: 'cancel',
    to: 'cancelled',
    gate: 'case:write',
    version: input.version,
    facts: async () => ({ cancelReason: input.reason }),
    apply: () => ({ cancelReason: input.reason! }),
  });
}
