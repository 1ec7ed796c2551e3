import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { toPage } from '../../db/pagination.ts';
import { planItems, plans } from '../../db/schema/index.ts';
import { Conflict, Invalid } from '../../errors.ts';
import { maybeMoney, money } from '../catalogue/money.ts';
import { ceilingOf, findCatalogueItem } from '../catalogue/service.ts';
import { type CaseRow, loadCase } from '../cases/access.ts';
import { recordCaseEvent } from '../cases/events.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import {
  amountOf,
  approvalsPage,
  committedOf,
  findItem,
  itemsOf,
  lockedItemsOf,
  presentItem,
  requireVersion,
  saveItem,
} from './queries.ts';
import type { proposeItemIn, proposedOut, putPlanIn, updateItemIn } from './schema.ts';

// The one catalogue item a business plan belongs to (a small grant is given against a plan).
const BUSINESS_GRANT = 'business_grant';

function requireBusinessPlanFits(catalogueCode: string, businessPlan: unknown): void {
  if (businessPlan != null && catalogueCode !== BUSINESS_GRANT) {
    throw new Invalid(
      'business_plan_not_allowed',
      `A business plan belongs only to a ${BUSINESS_GRANT} item`,
      { field: 'businessPlan' },
    );
  }
}

async function planView(db: Executor, c: CaseRow) {
  const [plan] = await db.select().from(plans).where(eq(plans.caseId, c.id));
  const items = await itemsOf(db, c.id);
  const ceiling = await ceilingOf(db, c.type);
  const committed = committedOf(items);
  return {
    caseId: c.id,
    goals: plan?.goals ?? [],
    version: plan?.version ?? null,
    updatedAt: plan?.updatedAt ?? null,
    items: items.map(presentItem),
    budget: {
      ceiling: maybeMoney(ceiling),
      committed: money(committed),
      remaining: ceiling === null ? null : money(ceiling - committed),
    },
  };
}

/** The plan of a case with its items and budget; a case without a saved plan shows empty goals and version null. */
export function getPlan(ctx: Ctx, caseId: string) {
  return view(ctx, { action: 'plan.read', entityType: 'plan', entityId: caseId }, async (db, audit) => {
    const c = await loadCase(db, ctx.actor, caseId, 'case:read');
    await audit();
    return planView(db, c);
  });
}

/**
 * Saves the plan's goals: without `version` it creates the plan, with it it changes the plan read
 * at that version. Either one against the other state answers 409, so two people who both
 * thought they were first cannot overwrite each other.
 */
export function putPlan(ctx: Ctx, caseId: string, input: z.infer<typeof putPlanIn>) {
  return transact(ctx, { action: 'plan.update', entityType: 'plan', entityId: caseId }, async (tx, audit) => {
    const c = await loadCase(tx, ctx.actor, caseId, 'case:write');
    const created = input.version === undefined;
    const rows = created
      ? await tx.insert(plans).values({ caseId, goals: input.goals }).onConflictDoNothing().returning()
      : await tx
          .update(plans)
          .set({ goals: input.goals, version: sql`${plans.version} + 1`, updatedAt: new Date() })
          .where(and(eq(plans.caseId, caseId), eq(plans.version, input.version!)))
          .returning();
    if (rows.length === 0) {
      const [current] = await tx
        .select({ version: plans.version })
        .from(plans)
        .where(eq(plans.caseId, caseId));
      throw new Conflict('version_conflict', 'The plan was changed by someone else; reload and try again', {
        currentVersion: current?.version ?? null,
      });
    }
    await recordCaseEvent(tx, caseId, ctx.actor.userId, 'plan_updated', { created, fields: ['goals'] });
    await audit({ fields: ['goals'] });
    return planView(tx, c);
  });
}

/** The items of a case's plan, oldest first. */
export function listItems(ctx: Ctx, caseId: string) {
  return view(ctx, { action: 'plan_item.list', entityType: 'plan', entityId: caseId }, async (db, audit) => {
    await loadCase(db, ctx.actor, caseId, 'case:read');
    await audit();
    return (await itemsOf(db, caseId)).map(presentItem);
  });
}

/**
 * Proposes an item of assistance from the catalogue, priced at the catalogue's default unless a
 * price is given. A business grant without a business plan goes through with a warning.
 */
export function proposeItem(ctx: Ctx, caseId: string, input: z.infer<typeof proposeItemIn>) {
  return transact(ctx, { action: 'plan_item.propose', entityType: 'plan_item' }, async (tx, audit) => {
    await loadCase(tx, ctx.actor, caseId, 'case:write');
    const entry = await findCatalogueItem(tx, input.catalogueCode);
    if (!entry)
      throw new Invalid('unknown_catalogue_item', 'No such catalogue item', { field: 'catalogueCode' });
    if (!entry.active)
      throw new Invalid('inactive_catalogue_item', 'The catalogue item is no longer offered', {
        field: 'catalogueCode',
      });
    requireBusinessPlanFits(input.catalogueCode, input.businessPlan);
    const unitCost = input.unitCost ?? entry.defaultUnitCost;
    if (!unitCost)
      throw new Invalid('unit_cost_required', 'The catalogue item has no default cost; give unitCost', {
        field: 'unitCost',
      });
    amountOf({ quantity: input.quantity, unitCost });
    const [row] = await tx
      .insert(planItems)
      // createdAt from the app clock (milliseconds) so that the approvals list's keyset cursor,
      // which carries milliseconds, compares equal to the stored value instead of skipping past it.
      .values({ ...input, caseId, unitCost, proposedBy: ctx.actor.userId, createdAt: new Date() })
      .returning();
    const item = row!;
    await recordCaseEvent(tx, caseId, ctx.actor.userId, 'plan_item_proposed', {
      itemId: item.id,
      catalogueCode: item.catalogueCode,
      quantity: item.quantity,
    });
    await audit({ entityId: item.id, fields: Object.keys(input) });
    const warnings: z.infer<typeof proposedOut>['warnings'] =
      input.catalogueCode === BUSINESS_GRANT && !input.businessPlan ? ['business_plan_recommended'] : [];
    return { item: presentItem(item), warnings };
  });
}

/**
 * Changes a proposed item. Whoever changes it becomes its proposer, so nobody can reshape a
 * proposal and then approve it themselves (four eyes on the version that is approved).
 */
export function updateItem(ctx: Ctx, caseId: string, itemId: string, input: z.infer<typeof updateItemIn>) {
  return transact(
    ctx,
    { action: 'plan_item.update', entityType: 'plan_item', entityId: itemId },
    async (tx, audit) => {
      await loadCase(tx, ctx.actor, caseId, 'case:write');
      const item = findItem(await lockedItemsOf(tx, caseId), itemId);
      requireVersion(item, input.version);
      if (item.state !== 'proposed') {
        throw new Invalid(
          'plan_item_not_editable',
          'Only a proposed item can be changed; cancel it and propose another',
          { state: item.state },
        );
      }
      const { version, ...changes } = input;
      requireBusinessPlanFits(item.catalogueCode, changes.businessPlan);
      amountOf({ quantity: changes.quantity ?? item.quantity, unitCost: changes.unitCost ?? item.unitCost });
      const row = await saveItem(tx, item, version, { ...changes, proposedBy: ctx.actor.userId });
      const fields = [
        ...Object.keys(changes),
        ...(item.proposedBy === ctx.actor.userId ? [] : ['proposedBy']),
      ];
      await recordCaseEvent(tx, caseId, ctx.actor.userId, 'plan_item_changed', { itemId, fields });
      await audit({ fields });
      return presentItem(row);
    },
  );
}

/** Proposed items in the cases the supervisor may approve for, oldest first: their approval queue. */
export function listApprovals(ctx: Ctx, q: { limit: number; cursor?: string | undefined }) {
  return view(ctx, { action: 'plan_item.approvals', entityType: 'plan_item' }, async (db, audit) => {
    const rows = await approvalsPage(db, ctx.actor, q.limit, q.cursor);
    await audit();
    const found = toPage(rows, q.limit, (r) => [r.item.createdAt.toISOString(), r.item.id]);
    return {
      nextCursor: found.nextCursor,
      items: found.items.map(({ item, caseNumber, caseType }) => {
        const { id, catalogueCode, description, quantity, unitCost, amount, proposedBy, version, createdAt } =
          presentItem(item);
        const inCase = { id: item.caseId, number: caseNumber, type: caseType };
        return {
          id,
          case: inCase,
          catalogueCode,
          description,
          quantity,
          unitCost,
          amount,
          proposedBy,
          version,
          createdAt,
        };
      }),
    };
  });
}
