import { and, arrayOverlaps, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission } from '../../access/scope.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { keyset, toPage } from '../../db/pagination.ts';
import { offices, services } from '../../db/schema/index.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { DISTRICTS, isRegion } from '../../reference/admin.ts';
import { type Ctx, transact } from '../shared/context.ts';
import type { createServiceIn, listServicesQuery, updateServiceIn } from './schema.ts';

// The directory holds no personal data: reading it is open to every signed-in role (the same
// grant as the office directory) and not audited; changing it is admin work and audited.

const columns = {
  id: services.id,
  organisationId: services.organisationId,
  organisationName: offices.name,
  kind: services.kind,
  name: services.name,
  description: services.description,
  regionCodes: services.regionCodes,
  phone: services.phone,
  email: services.email,
  address: services.address,
  active: services.active,
  version: services.version,
  createdAt: services.createdAt,
  updatedAt: services.updatedAt,
};

const selectServices = (db: Executor) =>
  db.select(columns).from(services).innerJoin(offices, eq(offices.id, services.organisationId));

/**
 * The codes a service must cover to serve a place: the code itself; for a region, any of its
 * districts; for a district, its whole region too (a service for Osh oblast serves Kara-Suu).
 */
export function coveringCodes(code: string): string[] {
  if (isRegion(code)) return [code, ...DISTRICTS.filter((d) => d.regionIso === code).map((d) => d.code)];
  const region = DISTRICTS.find((d) => d.code === code)?.regionIso;
  return region ? [code, region] : [code];
}

/** Lists services by kind, place, organisation, name or state, one keyset page (by name) at a time. */
export async function listServices(
  ctx: Ctx,
  q: z.infer<typeof listServicesQuery> & { limit: number; cursor?: string | undefined },
) {
  requirePermission(ctx.actor, 'office:read');
  const page = keyset({ column: services.name, tiebreak: services.id, descending: false }, q.cursor);
  const text = q.q ? containsPattern(q.q) : undefined;
  const rows = await selectServices(ctx.db)
    .where(
      and(
        page.where,
        q.kind ? eq(services.kind, q.kind) : undefined,
        q.region ? arrayOverlaps(services.regionCodes, coveringCodes(q.region)) : undefined,
        q.organisationId ? eq(services.organisationId, q.organisationId) : undefined,
        q.active ? eq(services.active, q.active === 'true') : undefined,
        text
          ? or(ilike(services.name, text), ilike(services.description, text), ilike(offices.name, text))
          : undefined,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (s) => [s.name, s.id]);
}

/** One service with its organisation's name, or undefined; referrals look their target up with it. */
export async function serviceById(db: Executor, id: string) {
  const [row] = await selectServices(db).where(eq(services.id, id));
  return row;
}

async function findService(db: Executor, id: string) {
  const row = await serviceById(db, id);
  if (!row) throw new NotFound('service', id);
  return row;
}

/** One service of the directory. */
export function getService(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'office:read');
  return findService(ctx.db, id);
}

async function requireOrganisation(tx: Tx, id: string) {
  const [o] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, id));
  if (!o) throw new Invalid('unknown_organisation', 'No such organisation', { field: 'organisationId' });
}

/** Adds a service to the directory under an existing organisation. */
export function createService(ctx: Ctx, input: z.infer<typeof createServiceIn>) {
  return transact(ctx, { action: 'service.create', entityType: 'service' }, async (tx, audit) => {
    requirePermission(ctx.actor, 'service:write');
    await requireOrganisation(tx, input.organisationId);
    const [row] = await tx.insert(services).values(input).returning({ id: services.id });
    await audit({ entityId: row!.id, fields: Object.keys(input) });
    return findService(tx, row!.id);
  });
}

/** Changes a service if the client's version is still current (409 otherwise). */
export function updateService(ctx: Ctx, id: string, input: z.infer<typeof updateServiceIn>) {
  return transact(
    ctx,
    { action: 'service.update', entityType: 'service', entityId: id },
    async (tx, audit) => {
      requirePermission(ctx.actor, 'service:write');
      const current = await findService(tx, id);
      const { version, ...changes } = input;
      if (changes.organisationId) await requireOrganisation(tx, changes.organisationId);
      const [row] = await tx
        .update(services)
        .set({ ...changes, version: sql`${services.version} + 1`, updatedAt: new Date() })
        .where(and(eq(services.id, id), eq(services.version, version)))
        .returning({ id: services.id });
      if (!row) {
        throw new Conflict(
          'version_conflict',
          'The service was changed by someone else; reload and try again',
          {
            currentVersion: current.version,
          },
        );
      }
      await audit({ fields: Object.keys(changes) });
      return findService(tx, id);
    },
  );
}
