import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { budgetCeilings, catalogueItems } from '../../db/schema/index.ts';
import type { CaseType } from '../../domain/codes.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { type Ctx, transact } from '../shared/context.ts';
import { maybeMoney, money } from './money.ts';
import type {
  createCatalogueItemIn,
  listCatalogueQuery,
  updateCatalogueItemIn,
  updateCeilingIn,
} from './schema.ts';

// The catalogue and the ceilings hold no personal data and every signed-in user needs them to
// read a plan, so reading them asks for no permission and is not audited; changing them is both.

type ItemRow = typeof catalogueItems.$inferSelect;
type CeilingRow = typeof budgetCeilings.$inferSelect;

const presentItem = ({ defaultUnitCost, ...row }: ItemRow) => ({
  ...row,
  defaultUnitCost: maybeMoney(defaultUnitCost),
});
const presentCeiling = ({ amount, ...row }: CeilingRow) => ({ ...row, amount: money(amount) });

const staleVersion = (what: string, currentVersion: number) =>
  new Conflict('version_conflict', `The ${what} was changed by someone else; reload and try again`, {
    currentVersion,
  });

/** The catalogue, by code; `active` narrows to items that can (or can no longer) be planned. */
export async function listCatalogue(ctx: Ctx, q: z.infer<typeof listCatalogueQuery>) {
  const rows = await ctx.db
    .select()
    .from(catalogueItems)
    .where(q.active === undefined ? undefined : eq(catalogueItems.active, q.active === 'true'))
    .orderBy(asc(catalogueItems.code));
  return rows.map(presentItem);
}

/** One catalogue item by code, or undefined: plans check the item a proposal names through it. */
export async function findCatalogueItem(db: Executor, code: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(catalogueItems).where(eq(catalogueItems.code, code));
  return row;
}

/** Adds an item an office can plan; codes are unique and permanent. */
export function createCatalogueItem(ctx: Ctx, input: z.infer<typeof createCatalogueItemIn>) {
  return transact(
    ctx,
    { action: 'catalogue_item.create', entityType: 'catalogue_item', entityId: input.code },
    async (tx, audit) => {
      requirePermission(ctx.actor, 'catalogue:write');
      if (await findCatalogueItem(tx, input.code)) {
        throw new Conflict('duplicate_code', 'A catalogue item with this code exists', { field: 'code' });
      }
      const [row] = await tx.insert(catalogueItems).values(input).returning();
      await audit({ fields: Object.keys(input) });
      return presentItem(row!);
    },
  );
}

/** Renames, re-prices, or (de)activates an item if the client's version is current; plans already made keep their prices. */
export function updateCatalogueItem(ctx: Ctx, code: string, input: z.infer<typeof updateCatalogueItemIn>) {
  return transact(
    ctx,
    { action: 'catalogue_item.update', entityType: 'catalogue_item', entityId: code },
    async (tx, audit) => {
      requirePermission(ctx.actor, 'catalogue:write');
      const current = await findCatalogueItem(tx, code);
      if (!current) throw new NotFound('catalogue_item', code);
      const { version, names, ...changes } = input;
      const [row] = await tx
        .update(catalogueItems)
        .set({
          ...changes,
          ...(names ? { names: { ...current.names, ...names } } : {}),
          version: sql`${catalogueItems.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(catalogueItems.code, code), eq(catalogueItems.version, version)))
        .returning();
      if (!row) throw staleVersion('catalogue item', current.version);
      await audit({ fields: Object.keys(input).filter((k) => k !== 'version') });
      return presentItem(row);
    },
  );
}

/** The ceiling of every case type. */
export async function listCeilings(ctx: Ctx) {
  const rows = await ctx.db.select().from(budgetCeilings).orderBy(asc(budgetCeilings.caseType));
  return rows.map(presentCeiling);
}

/** The ceiling of one case type in tyiyn, or null when none is set: what plan approval is judged against. */
export async function ceilingOf(db: Executor, caseType: CaseType): Promise<number | null> {
  const [row] = await db
    .select({ amount: budgetCeilings.amount })
    .from(budgetCeilings)
    .where(eq(budgetCeilings.caseType, caseType));
  return row?.amount ?? null;
}

/** Sets the most a case of a type may receive without a supervisor's reasoned override. */
export function updateCeiling(ctx: Ctx, caseType: CaseType, input: z.infer<typeof updateCeilingIn>) {
  return transact(
    ctx,
    { action: 'budget_ceiling.update', entityType: 'budget_ceiling', entityId: caseType },
    async (tx, audit) => {
      requirePermission(ctx.actor, 'catalogue:write');
      const where = eq(budgetCeilings.caseType, caseType);
      const [current] = await tx.select().from(budgetCeilings).where(where);
      if (!current) throw new NotFound('budget_ceiling', caseType);
      const [row] = await tx
        .update(budgetCeilings)
        .set({ amount: input.amount, version: sql`${budgetCeilings.version} + 1`, updatedAt: new Date() })
        .where(and(where, eq(budgetCeilings.version, input.version)))
        .returning();
      if (!row) throw staleVersion('budget ceiling', current.version);
      await audit({ fields: ['amount'] });
      return presentCeiling(row);
    },
  );
}
