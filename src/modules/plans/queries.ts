import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../access/policy.ts';
import { scopeFilter } from '../../access/scope.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { keyset } from '../../db/pagination.ts';
import { cases, planItems } from '../../db/schema/index.ts';
import type { PlanItemState } from '../../domain/codes.ts';
import { sumTyiyn } from '../../domain/money.ts';
import { allowedPlanItemTransitions } from '../../domain/workflow.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { maybeMoney, money } from '../catalogue/money.ts';
import { caseScopeColumns } from '../cases/access.ts';

/** A stored plan item. */
export type ItemRow = typeof planItems.$inferSelect;

/** States whose cost counts against the case's ceiling: the money is promised or spent. */
export const COMMITTED_STATES: readonly PlanItemState[] = ['approved', 'procured', 'delivered'];

/** What an item costs in all; refused when it is too large to stay exact. */
export function amountOf(item: { quantity: number; unitCost: number }): number {
  const amount = item.quantity * item.unitCost;
  if (!Number.isSafeInteger(amount))
    throw new Invalid('amount_too_large', 'quantity × unit cost is too large', { field: 'quantity' });
  return amount;
}

/** The total of the items whose money is committed. */
export const committedOf = (items: readonly ItemRow[]): number =>
  sumTyiyn(items.filter((i) => COMMITTED_STATES.includes(i.state)).map(amountOf));

/** A plan item in the API's shape. */
export function presentItem({ unitCost, businessPlan, ...row }: ItemRow) {
  return {
    ...row,
    unitCost: money(unitCost),
    amount: money(amountOf({ quantity: row.quantity, unitCost })),
    businessPlan: businessPlan && {
      summary: businessPlan.summary,
      activity: businessPlan.activity,
      expectedMonthlyIncome: maybeMoney(businessPlan.expectedMonthlyIncome),
      startupCosts: maybeMoney(businessPlan.startupCosts),
    },
    allowedTransitions: allowedPlanItemTransitions(row.state),
  };
}

/** The items of a case, oldest first. */
export function itemsOf(db: Executor, caseId: string) {
  return db
    .select()
    .from(planItems)
    .where(eq(planItems.caseId, caseId))
    .orderBy(asc(planItems.createdAt), asc(planItems.id));
}

/**
 * The items of a case, locked until the transaction ends: moves of items of one case run one at a
 * time, so two approvals can never both fit under the ceiling that only one of them fits under.
 */
export function lockedItemsOf(tx: Tx, caseId: string) {
  return itemsOf(tx, caseId).for('update');
}

/** One item of a case; an item of another case is as absent as a missing one. */
export function findItem(items: readonly ItemRow[], itemId: string): ItemRow {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new NotFound('plan_item', itemId);
  return item;
}

const stale = (currentVersion: number) =>
  new Conflict('version_conflict', 'The plan item was changed by someone else; reload and try again', {
    currentVersion,
  });

/** Refuses a change made from a stale read, before any rule is judged on stale facts. */
export function requireVersion(item: ItemRow, version: number): void {
  if (item.version !== version) throw stale(item.version);
}

/** Writes an item's changes and bumps its version, if the version is still the one the client read. */
export async function saveItem(
  tx: Tx,
  item: ItemRow,
  version: number,
  values: Partial<typeof planItems.$inferInsert>,
) {
  requireVersion(item, version);
  const [row] = await tx
    .update(planItems)
    .set({ ...values, version: sql`${planItems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(planItems.id, item.id), eq(planItems.version, version)))
    .returning();
  if (!row) throw stale(item.version);
  return row;
}

/** Proposed items of the cases `actor` may approve for (the approval queue), joined to their case. */
const awaitingApproval = (actor: Actor) =>
  and(eq(planItems.state, 'proposed'), scopeFilter(actor, 'plan:approve', caseScopeColumns));

/** How many items wait for `actor`'s approval. */
export const countAwaitingApproval = (db: Executor, actor: Actor) =>
  db
    .select({ n: count() })
    .from(planItems)
    .innerJoin(cases, eq(cases.id, planItems.caseId))
    .where(awaitingApproval(actor));

/** A page of the items waiting for `actor`'s approval, oldest first, and one more if there is one. */
export function approvalsPage(db: Executor, actor: Actor, limit: number, cursor?: string) {
  const page = keyset({ column: planItems.createdAt, tiebreak: planItems.id, descending: false }, cursor);
  return db
    .select({ item: planItems, caseNumber: cases.number, caseType: cases.type })
    .from(planItems)
    .innerJoin(cases, eq(cases.id, planItems.caseId))
    .where(and(awaitingApproval(actor), page.where))
    .orderBy(...page.orderBy)
    .limit(limit + 1);
}
