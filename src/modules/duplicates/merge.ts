/**
 * Merging two registrations of one person, and undoing it. Nothing is deleted: the merged
 * person's cases, episodes and household links move to the surviving person, the merged person is
 * marked (merged_into) and leaves lists and search, and the merge record lists every moved row so
 * that an undo restores exactly those, if nothing has changed since that would make it unsafe.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { type Actor, decide } from '../../access/policy.ts';
import { requirePermission } from '../../access/scope.ts';
import type { Tx } from '../../db/client.ts';
import { keyset, toPage } from '../../db/pagination.ts';
import {
  type MovedRows,
  cases,
  duplicatePairs,
  episodes,
  householdMembers,
  personMerges,
  persons,
  users,
} from '../../db/schema/index.ts';
import type { CaseEventKind } from '../../domain/codes.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { recordCaseEvents } from '../cases/events.ts';
import { refreshScreening } from '../cases/screening.ts';
import { bumpCaseVersion } from '../cases/service.ts';
import { summaryOf } from '../persons/candidates.ts';
import { findPersonInScope, personScope } from '../persons/queries.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import type { UndoBlocker, listMergesQuery, mergeIn, undoIn } from './schema.ts';

const MOVED_FIELDS = ['mergedInto', 'cases', 'episodes', 'householdMembers'];

// Rows among `ids`; an empty list selects nothing (an undo restores exactly what moved, even nothing).
const inList = (column: AnyPgColumn, ids: string[]) => (ids.length > 0 ? inArray(column, ids) : sql`false`);

// Moves the given rows (or, without ids, every row) from one person to another, bumping each row's
// version so that a client holding the old one must reload. Returns the ids moved.
async function moveRows(tx: Tx, from: string, to: string, only?: MovedRows): Promise<MovedRows> {
  const caseRows = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.personId, from), only ? inList(cases.id, only.cases) : undefined))
    .orderBy(asc(cases.id));
  for (const c of caseRows) await bumpCaseVersion(tx, c, c.version, { personId: to });
  const bump = { version: sql`version + 1`, updatedAt: new Date() };
  const movedEpisodes = await tx
    .update(episodes)
    .set({ personId: to, ...bump })
    .where(and(eq(episodes.personId, from), only ? inList(episodes.id, only.episodes) : undefined))
    .returning({ id: episodes.id });
  const movedLinks = await tx
    .update(householdMembers)
    .set({ linkedPersonId: to, ...bump })
    .where(
      and(
        eq(householdMembers.linkedPersonId, from),
        only ? inList(householdMembers.id, only.householdMembers) : undefined,
      ),
    )
    .returning({ id: householdMembers.id });
  return {
    cases: caseRows.map((c) => c.id),
    episodes: movedEpisodes.map((e) => e.id).sort(),
    householdMembers: movedLinks.map((m) => m.id).sort(),
  };
}

// One timeline event on every case the change touches: moved cases, the survivor's own, and the
// cases whose household links moved.
async function recordOnCases(
  tx: Tx,
  actor: Actor,
  personIds: string[],
  extraCases: string[],
  kind: CaseEventKind,
  data: Record<string, unknown>,
) {
  const own = await tx.select({ id: cases.id }).from(cases).where(inArray(cases.personId, personIds));
  const touched = [...new Set([...own.map((c) => c.id), ...extraCases])].sort();
  await recordCaseEvents(
    tx,
    actor.userId,
    kind,
    touched.map((caseId) => ({ caseId, data })),
  );
}

/** Merges a person into another (both in the actor's merge scope); see the module comment. */
export function mergePersons(ctx: Ctx, mergedId: string, input: z.infer<typeof mergeIn>) {
  return transact(
    ctx,
    { action: 'person.merge', entityType: 'person', entityId: mergedId },
    async (tx, audit) => {
      requirePermission(ctx.actor, 'person:merge');
      if (mergedId === input.intoPersonId)
        throw new Invalid('merge_into_self', 'A person cannot be merged into themselves', {
          field: 'intoPersonId',
        });
      const merged = await findPersonInScope(tx, ctx.actor, mergedId, 'person:merge');
      if (!merged) throw new NotFound('person', mergedId);
      const into = await findPersonInScope(tx, ctx.actor, input.intoPersonId, 'person:merge');
      if (!into) throw new NotFound('person', input.intoPersonId);
      if (input.version !== undefined && input.version !== merged.version) {
        throw new Conflict(
          'version_conflict',
          'The person was changed by someone else; reload and try again',
          { currentVersion: merged.version },
        );
      }
      if (input.pairId) await confirmPair(tx, ctx.actor, input.pairId, [mergedId, into.id], input.reason);
      const moved = await moveRows(tx, mergedId, into.id);
      const [marked] = await tx
        .update(persons)
        .set({
          mergedInto: into.id,
          mergedAt: new Date(),
          mergedBy: ctx.actor.userId,
          mergeReason: input.reason,
          version: sql`${persons.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(persons.id, mergedId), eq(persons.version, merged.version)))
        .returning();
      if (!marked)
        throw new Conflict(
          'version_conflict',
          'The person was changed by someone else; reload and try again',
          { currentVersion: merged.version },
        );
      const [merge] = await tx
        .insert(personMerges)
        .values({
          mergedPersonId: mergedId,
          intoPersonId: into.id,
          pairId: input.pairId ?? null,
          reason: input.reason,
          moved,
          mergedBy: ctx.actor.userId,
        })
        .returning();
      const linkCases = await casesOfLinks(tx, moved.householdMembers);
      await recordOnCases(tx, ctx.actor, [into.id], linkCases, 'person_merged', {
        mergeId: merge!.id,
        mergedPersonId: mergedId,
        intoPersonId: into.id,
        movedCases: moved.cases.length,
        movedEpisodes: moved.episodes.length,
        movedHouseholdLinks: moved.householdMembers.length,
      });
      await (
        await refreshScreening(tx, into.id, ctx.actor.userId)
      ).answer;
      await audit({ fields: MOVED_FIELDS });
      return { merge: merge!, person: into };
    },
  );
}

async function casesOfLinks(tx: Tx, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await tx
    .select({ caseId: householdMembers.caseId })
    .from(householdMembers)
    .where(inArray(householdMembers.id, memberIds));
  return rows.map((r) => r.caseId);
}

// A merge that follows a reviewed pair must be that pair, not rejected; a pending one is confirmed.
async function confirmPair(tx: Tx, actor: Actor, pairId: string, personIds: string[], reason: string) {
  const [pair] = await tx.select().from(duplicatePairs).where(eq(duplicatePairs.id, pairId));
  if (!pair || ![pair.personA, pair.personB].every((p) => personIds.includes(p))) {
    throw new Invalid('pair_mismatch', 'The pair is not these two persons', { field: 'pairId' });
  }
  if (pair.status === 'rejected')
    throw new Conflict('pair_rejected', 'The pair was reviewed and rejected as a duplicate', { pairId });
  if (pair.status === 'pending') {
    await tx
      .update(duplicatePairs)
      .set({
        status: 'confirmed',
        reason,
        decidedBy: actor.userId,
        decidedAt: new Date(),
        version: sql`${duplicatePairs.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(duplicatePairs.id, pairId));
  }
}

// The two expressions below are evaluated over a row of person_merges (the query's table, not
// aliased), in SQL written out with qualified names: drizzle leaves columns unqualified in a
// one-table select, where they would bind to the wrong table inside the subqueries.

// The person that holds a merge's moved cases now: the survivor, or whoever it was merged into
// since (followed for at most 50 merges). A merge is seen, and undone, in that person's scope.
const holderId = sql<string>`(
  with recursive chain(id, hops) as (
    select person_merges.into_person_id, 0
    union all
    select p.merged_into, chain.hops + 1 from chain join persons p on p.id = chain.id
    where p.merged_into is not null and chain.hops < 50
  )
  select chain.id from chain order by chain.hops desc limit 1)`;

const movedIds = (key: keyof MovedRows) =>
  sql.raw(`select m.id::uuid from jsonb_array_elements_text(person_merges.moved -> '${key}') as m(id)`);

// Whether some moved row no longer exists or no longer belongs to the survivor.
const strayed = (key: keyof MovedRows, table: string, owner: string) =>
  sql`exists (select 1 from (${movedIds(key)}) as moved left join ${sql.raw(table)} r on r.id = moved.id
    where r.${sql.raw(owner)} is distinct from person_merges.into_person_id)`;

/**
 * Why undoing a merge would not give back exactly what it took, or null when it is safe: one
 * expression, so that the undo and the merges list judge alike.
 */
const undoBlocker = sql<UndoBlocker | null>`case
  when not exists (select 1 from persons p where p.id = person_merges.merged_person_id
    and p.merged_into = person_merges.into_person_id) then 'merged_person_changed'
  when exists (select 1 from persons p where p.id = person_merges.into_person_id
    and p.merged_into is not null) then 'survivor_merged_since'
  when ${strayed('cases', 'cases', 'person_id')} then 'cases_changed'
  when ${strayed('episodes', 'episodes', 'person_id')} then 'episodes_changed'
  when exists (select 1 from episodes e where e.case_id in (${movedIds('cases')})
    and e.id not in (${movedIds('episodes')})) then 'episodes_added_since'
  when ${strayed('householdMembers', 'household_members', 'linked_person_id')} then 'household_links_changed'
end`;

/** Undoes a merge: the moved rows go back and the merged person returns; 409 when that is no longer safe. */
export function undoMerge(ctx: Ctx, mergeId: string, input: z.infer<typeof undoIn>) {
  return transact(
    ctx,
    { action: 'person.merge_undo', entityType: 'person_merge', entityId: mergeId },
    async (tx, audit) => {
      requirePermission(ctx.actor, 'person:merge');
      const [row] = await tx
        .select({ m: personMerges, holder: holderId, blocker: undoBlocker })
        .from(personMerges)
        .where(eq(personMerges.id, mergeId));
      if (!row) throw new NotFound('person_merge', mergeId);
      const { m, blocker } = row;
      // Visible to whoever may merge the person now holding the moved cases.
      if (!(await findPersonInScope(tx, ctx.actor, row.holder, 'person:merge')))
        throw new NotFound('person_merge', mergeId);
      if (m.undoneAt) throw new Conflict('merge_undone', 'The merge was already undone');
      if (blocker)
        throw new Conflict(
          'merge_not_undoable',
          'Records changed since the merge; undoing it would not restore them exactly',
          { reason: blocker },
        );
      await moveRows(tx, m.intoPersonId, m.mergedPersonId, m.moved);
      const [restored] = await tx
        .update(persons)
        .set({
          mergedInto: null,
          mergedAt: null,
          mergedBy: null,
          mergeReason: null,
          version: sql`${persons.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(persons.id, m.mergedPersonId))
        .returning();
      const [undone] = await tx
        .update(personMerges)
        .set({ undoneBy: ctx.actor.userId, undoneAt: new Date(), undoReason: input.reason ?? null })
        .where(eq(personMerges.id, mergeId))
        .returning();
      const linkCases = await casesOfLinks(tx, m.moved.householdMembers);
      await recordOnCases(
        tx,
        ctx.actor,
        [m.intoPersonId, m.mergedPersonId],
        linkCases,
        'person_merge_undone',
        {
          mergeId,
          mergedPersonId: m.mergedPersonId,
          intoPersonId: m.intoPersonId,
        },
      );
      await (
        await refreshScreening(tx, m.intoPersonId, ctx.actor.userId)
      ).answer;
      await (
        await refreshScreening(tx, m.mergedPersonId, ctx.actor.userId)
      ).answer;
      await audit({ fields: MOVED_FIELDS });
      return { merge: undone!, person: restored! };
    },
  );
}

const mergedPerson = alias(persons, 'merged_person');
const intoPerson = alias(persons, 'into_person');
const holder = alias(persons, 'holder');
const merger = alias(users, 'merger');
const undoer = alias(users, 'undoer');

/**
 * The merges whose moved cases are now held by a person in the actor's review scope, newest
 * first: both persons (the merged one as their record stands), who merged and undid, what moved,
 * and whether the actor may undo it now. Reading it is audited (it shows persons).
 */
export function listMerges(
  ctx: Ctx,
  q: z.infer<typeof listMergesQuery> & { limit: number; cursor?: string | undefined },
) {
  return view(ctx, { action: 'person.merge_list', entityType: 'person_merge' }, async (db, audit) => {
    requirePermission(ctx.actor, 'duplicate:review');
    const page = keyset(
      { column: personMerges.mergedAt, tiebreak: personMerges.id, descending: true },
      q.cursor,
    );
    const status =
      q.status === 'active'
        ? isNull(personMerges.undoneAt)
        : q.status === 'undone'
          ? isNotNull(personMerges.undoneAt)
          : undefined;
    const rows = await db
      .select({
        m: personMerges,
        merged: mergedPerson,
        into: intoPerson,
        mergedByName: merger.displayName,
        undoneByName: undoer.displayName,
        blocker: undoBlocker,
      })
      .from(personMerges)
      .innerJoin(mergedPerson, eq(mergedPerson.id, personMerges.mergedPersonId))
      .innerJoin(intoPerson, eq(intoPerson.id, personMerges.intoPersonId))
      .innerJoin(holder, eq(holder.id, holderId))
      .innerJoin(merger, eq(merger.id, personMerges.mergedBy))
      .leftJoin(undoer, eq(undoer.id, personMerges.undoneBy))
      .where(and(personScope(db, ctx.actor, 'duplicate:review', holder), status, page.where))
      .orderBy(...page.orderBy)
      .limit(q.limit + 1);
    await audit();
    const mayUndo = decide(ctx.actor, 'person:merge') === 'allow';
    const result = toPage(rows, q.limit, (r) => [r.m.mergedAt.toISOString(), r.m.id]);
    return {
      items: result.items.map(({ m, ...r }) => {
        const undone = m.undoneAt !== null;
        return {
          id: m.id,
          mergedPerson: summaryOf(r.merged),
          intoPerson: summaryOf(r.into),
          pairId: m.pairId,
          reason: m.reason,
          movedCounts: {
            cases: m.moved.cases.length,
            episodes: m.moved.episodes.length,
            householdMembers: m.moved.householdMembers.length,
          },
          mergedBy: m.mergedBy,
          mergedByName: r.mergedByName,
          mergedAt: m.mergedAt,
          status: undone ? ('undone' as const) : ('active' as const),
          undoneBy: m.undoneBy,
          undoneByName: r.undoneByName,
          undoneAt: m.undoneAt,
          undoReason: m.undoReason,
          undoable: !undone && r.blocker === null && mayUndo,
          undoBlocker: undone ? null : r.blocker,
        };
      }),
      nextCursor: result.nextCursor,
    };
  });
}
