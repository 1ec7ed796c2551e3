import { type SQL, and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor } from '../../access/policy.ts';
import { requirePermission } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { toPage } from '../../db/pagination.ts';
import { duplicatePairs, duplicateScans, persons } from '../../db/schema/index.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { type PersonRow, summaryOf } from '../persons/candidates.ts';
import { personScope } from '../persons/queries.ts';
import { rankedPage } from '../persons/search.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import { createScan, failAbandonedScans, scanDuplicates } from './scan.ts';
import type { decideIn, listPairsQuery } from './schema.ts';

// Only one scan runs at a time; the lock makes "is one running?" and "start one" a single step.
const SCAN_LOCK = 0x6b647570;

/**
 * Starts a registry-wide scan in the background and answers at once with its row (202); a scan
 * already running answers 409 with its id. The scan itself runs outside any request.
 */
export async function startScan(ctx: Ctx, log: (err: unknown) => void) {
  const scan = await transact(
    ctx,
    { action: 'duplicate.scan', entityType: 'duplicate_scan' },
    async (tx, audit) => {
      requirePermission(ctx.actor, 'duplicate:scan');
      await tx.execute(sql`select pg_advisory_xact_lock(${SCAN_LOCK})`);
      await failAbandonedScans(tx);
      const [running] = await tx
        .select({ id: duplicateScans.id })
        .from(duplicateScans)
        .where(eq(duplicateScans.status, 'running'));
      if (running)
        throw new Conflict('scan_running', 'A duplicate scan is already running', { scanId: running.id });
      const row = await createScan(tx, ctx.actor.userId);
      await audit({ entityId: row.id });
      return row;
    },
  );
  void scanDuplicates(ctx.db, { scanId: scan.id }).catch(log);
  return scan;
}

/** A scan's progress (counts only). */
export function getScan(ctx: Ctx, id: string) {
  return view(
    ctx,
    { action: 'duplicate.scan_read', entityType: 'duplicate_scan', entityId: id },
    async (db, audit) => {
      requirePermission(ctx.actor, 'duplicate:scan');
      const [row] = await db.select().from(duplicateScans).where(eq(duplicateScans.id, id));
      if (!row) throw new NotFound('duplicate_scan', id);
      await audit();
      return row;
    },
  );
}

const personA = alias(persons, 'person_a');
const personB = alias(persons, 'person_b');

// Pairs whose two persons both lie in the actor's review scope; anything else is not there for them.
const pairsInScope = (tx: Executor, actor: Actor, ...where: (SQL | undefined)[]) =>
  tx
    .select({ pair: duplicatePairs, a: personA, b: personB })
    .from(duplicatePairs)
    .innerJoin(personA, eq(personA.id, duplicatePairs.personA))
    .innerJoin(personB, eq(personB.id, duplicatePairs.personB))
    .where(
      and(
        personScope(tx, actor, 'duplicate:review', personA),
        personScope(tx, actor, 'duplicate:review', personB),
        ...where,
      ),
    );

type PairRow = Awaited<ReturnType<typeof pairsInScope>>[number];

// What the merge form needs besides the summary, so that it does not read both records again.
const pairPerson = (p: PersonRow) => {
  const documents = [...p.documentsHeld, ...p.documentsRetained];
  return {
    ...summaryOf(p),
    patronymic: p.patronymic,
    phone: p.phone,
    documents: { count: documents.length, numbered: documents.filter((d) => d.number).length },
    version: p.version,
    createdAt: p.createdAt,
  };
};

const present = (r: PairRow) => ({ ...r.pair, personA: pairPerson(r.a), personB: pairPerson(r.b) });

/** Candidate pairs to review, highest score first; reading them is audited (they show persons). */
export function listPairs(
  ctx: Ctx,
  q: z.infer<typeof listPairsQuery> & { limit: number; cursor?: string | undefined },
) {
  return view(ctx, { action: 'duplicate.list', entityType: 'duplicate_pair' }, async (db, audit) => {
    requirePermission(ctx.actor, 'duplicate:review');
    const page = rankedPage(sql<number>`${duplicatePairs.score}`, duplicatePairs.id, q.cursor);
    const rows = await pairsInScope(db, ctx.actor, eq(duplicatePairs.status, q.status), page.where)
      .orderBy(...page.orderBy)
      .limit(q.limit + 1);
    await audit();
    const result = toPage(rows, q.limit, (r) => [r.pair.score, r.pair.id]);
    return { items: result.items.map(present), nextCursor: result.nextCursor };
  });
}

/** One pair if both its persons are in the actor's review scope (404 otherwise). */
export async function loadPair(tx: Executor, actor: Actor, id: string): Promise<PairRow> {
  const [row] = await pairsInScope(tx, actor, eq(duplicatePairs.id, id));
  if (!row) throw new NotFound('duplicate_pair', id);
  return row;
}

/** Records a reviewer's decision on a pending pair (confirming does not merge); versioned. */
export function decidePair(
  ctx: Ctx,
  id: string,
  status: 'confirmed' | 'rejected',
  input: z.infer<typeof decideIn>,
) {
  const action = status === 'confirmed' ? 'duplicate.confirm' : 'duplicate.reject';
  return transact(ctx, { action, entityType: 'duplicate_pair', entityId: id }, async (tx, audit) => {
    requirePermission(ctx.actor, 'duplicate:review');
    const current = await loadPair(tx, ctx.actor, id);
    if (current.pair.status !== 'pending') {
      throw new Conflict('pair_decided', `The pair was already ${current.pair.status}`, {
        status: current.pair.status,
      });
    }
    const [row] = await tx
      .update(duplicatePairs)
      .set({
        status,
        reason: input.reason,
        decidedBy: ctx.actor.userId,
        decidedAt: new Date(),
        version: sql`${duplicatePairs.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(duplicatePairs.id, id), eq(duplicatePairs.version, input.version)))
      .returning();
    if (!row) {
      throw new Conflict('version_conflict', 'The pair was changed by someone else; reload and try again', {
        currentVersion: current.pair.version,
      });
    }
    await audit({ fields: ['status', 'reason'] });
    return present({ pair: row, a: current.a, b: current.b });
  });
}
