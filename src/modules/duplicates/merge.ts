/**
 * Merging two registrations of one person, and undoing it. Nothing is deleted: the merged
 * person's cases, episodes and household links move to the surviving person, the merged person is
 * marked (merged_into) and leaves lists and search, and the merge record lists every moved row so
 * that an undo restores exactly those, if nothing has changed since that would make it unsafe.
 */
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor } from '../../access/policy.ts';
import { requirePermission } from '../../access/scope.ts';
import type { Tx } from '../../db/client.ts';
import {
  type MovedRows,
  cases,
  duplicatePairs,
  episodes,
  householdMembers,
  personMerges,
  persons,
} from '../../db/schema/index.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { type CaseEventKind, recordCaseEvent } from '../cases/events.ts';
import { refreshScreening } from '../cases/screening.ts';
import { bumpCaseVersion } from '../cases/service.ts';
import { findPersonInScope } from '../persons/queries.ts';
import { type Ctx, transact } from '../shared/context.ts';
import type { mergeIn, undoIn } from './schema.ts';

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
  for (const id of touched) await recordCaseEvent(tx, id, actor.userId, kind, data);
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
      await refreshScreening(tx, into.id, ctx.actor.userId);
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

// The person that holds a merged person's cases now: the survivor, or whoever it was merged into since.
async function finalPerson(tx: Tx, id: string) {
  let current = id;
  for (let hops = 0; hops < 50; hops++) {
    const [p] = await tx
      .select({ id: persons.id, mergedInto: persons.mergedInto })
      .from(persons)
      .where(eq(persons.id, current));
    if (!p?.mergedInto) return current;
    current = p.mergedInto;
  }
  return current;
}

// Why an undo would not give back exactly what the merge took, or null when it is safe.
async function undoBlocker(tx: Tx, m: typeof personMerges.$inferSelect): Promise<string | null> {
  const [merged] = await tx.select().from(persons).where(eq(persons.id, m.mergedPersonId));
  if (merged?.mergedInto !== m.intoPersonId) return 'merged_person_changed';
  const [into] = await tx.select().from(persons).where(eq(persons.id, m.intoPersonId));
  if (into?.mergedInto) return 'survivor_merged_since';
  const { cases: caseIds, episodes: episodeIds, householdMembers: memberIds } = m.moved;
  const movedCases =
    caseIds.length > 0
      ? await tx.select({ personId: cases.personId }).from(cases).where(inArray(cases.id, caseIds))
      : [];
  if (movedCases.length !== caseIds.length || movedCases.some((c) => c.personId !== m.intoPersonId))
    return 'cases_changed';
  const movedEpisodes =
    episodeIds.length > 0
      ? await tx
          .select({ personId: episodes.personId })
          .from(episodes)
          .where(inArray(episodes.id, episodeIds))
      : [];
  if (movedEpisodes.length !== episodeIds.length || movedEpisodes.some((e) => e.personId !== m.intoPersonId))
    return 'episodes_changed';
  if (caseIds.length > 0) {
    const added = await tx
      .select({ id: episodes.id })
      .from(episodes)
      .where(
        and(
          inArray(episodes.caseId, caseIds),
          episodeIds.length > 0 ? notInArray(episodes.id, episodeIds) : undefined,
        ),
      )
      .limit(1);
    if (added.length > 0) return 'episodes_added_since';
  }
  const links =
    memberIds.length > 0
      ? await tx
          .select({ linked: householdMembers.linkedPersonId })
          .from(householdMembers)
          .where(inArray(householdMembers.id, memberIds))
      : [];
  if (links.length !== memberIds.length || links.some((l) => l.linked !== m.intoPersonId))
    return 'household_links_changed';
  return null;
}

/** Undoes a merge: the moved rows go back and the merged person returns; 409 when that is no longer safe. */
export function undoMerge(ctx: Ctx, mergeId: string, input: z.infer<typeof undoIn>) {
  return transact(
    ctx,
    { action: 'person.merge_undo', entityType: 'person_merge', entityId: mergeId },
    async (tx, audit) => {
      requirePermission(ctx.actor, 'person:merge');
      const [m] = await tx.select().from(personMerges).where(eq(personMerges.id, mergeId));
      if (!m) throw new NotFound('person_merge', mergeId);
      // Visible to whoever may merge the person now holding the moved cases.
      if (!(await findPersonInScope(tx, ctx.actor, await finalPerson(tx, m.intoPersonId), 'person:merge')))
        throw new NotFound('person_merge', mergeId);
      if (m.undoneAt) throw new Conflict('merge_undone', 'The merge was already undone');
      const blocker = await undoBlocker(tx, m);
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
      await refreshScreening(tx, m.intoPersonId, ctx.actor.userId);
      await refreshScreening(tx, m.mergedPersonId, ctx.actor.userId);
      await audit({ fields: MOVED_FIELDS });
      return { merge: undone!, person: restored! };
    },
  );
}
