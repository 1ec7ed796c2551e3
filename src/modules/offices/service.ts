import { and, arrayContains, eq, ilike, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { keyset, toPage } from '../../db/pagination.ts';
import { offices } from '../../db/schema/index.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { type Ctx, transact } from '../shared/context.ts';
import type { createOfficeIn, listOfficesQuery, updateOfficeIn } from './schema.ts';

// Offices hold no personal data, so reading them is not audited; writing them is.

/** Lists offices; every signed-in role may see the directory of organisations. */
export async function listOffices(
  ctx: Ctx,
  q: z.infer<typeof listOfficesQuery> & { limit: number; cursor?: string | undefined },
) {
  requirePermission(ctx.actor, 'office:read');
  const column = q.sort.endsWith('createdAt') ? offices.createdAt : offices.name;
  const page = keyset({ column, tiebreak: offices.id, descending: q.sort.startsWith('-') }, q.cursor);
  const rows = await ctx.db
    .select()
    .from(offices)
    .where(
      and(
        page.where,
        q.kind ? eq(offices.kind, q.kind) : undefined,
        q.country ? eq(offices.country, q.country) : undefined,
        q.region ? arrayContains(offices.regionCodes, [q.region]) : undefined,
        q.q ? ilike(offices.name, containsPattern(q.q)) : undefined,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (o) => [
    column === offices.createdAt ? o.createdAt.toISOString() : o.name,
    o.id,
  ]);
}

async function findOffice(db: Executor, id: string) {
  const [row] = await db.select().from(offices).where(eq(offices.id, id));
  if (!row) throw new NotFound('office', id);
  return row;
}

/** One office. */
export function getOffice(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'office:read');
  return findOffice(ctx.db, id);
}

/** Registers an office or organisation. */
export function createOffice(ctx: Ctx, input: z.infer<typeof createOfficeIn>) {
  return transact(ctx, { action: 'office.create', entityType: 'office' }, async (tx, audit) => {
    requirePermission(ctx.actor, 'office:write');
    const [row] = await tx.insert(offices).values(input).returning();
    await audit({ entityId: row!.id, fields: Object.keys(input) });
    return row!;
  });
}

/** Changes an office if the client's version is still current (409 otherwise). */
export function updateOffice(ctx: Ctx, id: string, input: z.infer<typeof updateOfficeIn>) {
  return transact(ctx, { action: 'office.update', entityType: 'office', entityId: id }, async (tx, audit) => {
    requirePermission(ctx.actor, 'office:write');
    const current = await findOffice(tx, id);
    const { version, ...changes } = input;
    const [row] = await tx
      .update(offices)
      .set({ ...changes, version: sql`${offices.version} + 1`, updatedAt: new Date() })
      .where(and(eq(offices.id, id), eq(offices.version, version)))
      .returning();
    if (!row) {
      throw new Conflict('version_conflict', 'The office was changed by someone else; reload and try again', {
        currentVersion: current.version,
      });
    }
    await audit({ fields: Object.keys(changes) });
    return row;
  });
}
