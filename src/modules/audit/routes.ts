import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import { z } from 'zod';
import { requirePermission } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { AppError } from '../../errors.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { type Ctx, view } from '../shared/context.ts';

const eventOut = z
  .object({
    seq: z.number().int(),
    at: z.date(),
    actorId: z.string().nullable(),
    actorUsername: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    outcome: z.string(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    fields: z.array(z.string()),
  })
  .meta({ id: 'AuditEvent' });

const query = pageQuery.extend({
  actorId: z.uuid().optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  action: z.string().max(60).optional(),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** Reads the audit trail, newest first; reading it is itself audited, and so is a refusal. */
function listAudit(ctx: Ctx, q: z.infer<typeof query>) {
  return view(ctx, { action: 'audit.list', entityType: 'audit_event' }, async (db, audit) => {
    const page = await readAudit(db, ctx, q);
    await audit();
    return page;
  });
}

async function readAudit(db: Executor, ctx: Ctx, q: z.infer<typeof query>) {
  requirePermission(ctx.actor, 'audit:read');
  let after: number | undefined;
  if (q.cursor) {
    after = Number(Buffer.from(q.cursor, 'base64url').toString('utf8'));
    if (!Number.isSafeInteger(after))
      throw new AppError(400, 'invalid_cursor', 'The cursor is not one this server issued');
  }
  const rows = await db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorUsername: auditEvents.actorUsername,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      outcome: auditEvents.outcome,
      requestId: auditEvents.requestId,
      ip: auditEvents.ip,
      fields: auditEvents.fields,
    })
    .from(auditEvents)
    .where(
      and(
        after !== undefined ? lt(auditEvents.seq, after) : undefined,
        q.actorId ? eq(auditEvents.actorId, q.actorId) : undefined,
        q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
        q.action ? eq(auditEvents.action, q.action) : undefined,
        q.outcome ? eq(auditEvents.outcome, q.outcome) : undefined,
        q.from ? gte(auditEvents.at, new Date(q.from)) : undefined,
        q.to ? lte(auditEvents.at, new Date(q.to)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? Buffer.from(String(last.seq)).toString('base64url') : null,
  };
}

/** GET /audit for auditors and admins. */
export function auditRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        description:
          'The hash-chained audit trail, newest first (auditors and admins); reading it is audited too.',
        querystring: query,
        response: { 200: pageOf(eventOut), ...errorResponses },
      },
    },
    (req) => listAudit(contextOf(req, deps.db, deps.config), req.query),
  );
}
