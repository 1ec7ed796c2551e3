import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, decide } from '../../access/policy.ts';
import { requirePermission } from '../../access/scope.ts';
import type { Tx } from '../../db/client.ts';
import { keyset, toPage } from '../../db/pagination.ts';
import { cases, persons } from '../../db/schema/index.ts';
import { toLatin } from '../../domain/transliterate.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { recordCaseEvent } from '../cases/events.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import { ensureMatchKeys, matchKeyColumns } from './keys.ts';
import { shownPersonColumns } from './columns.ts';
import { findPersonInScope, personScope, registryPage } from './queries.ts';
import { rankedPage, searchRanked, textSearch } from './search.ts';
import type { personIn, personPatch } from './schema.ts';
import { today } from '../../clock.ts';

/** The Latin form shown and searched: the one given, or a transliteration of the names as written. */
export const latinOf = (p: {
  latinName?: string | undefined;
  givenName: string;
  familyName: string;
  patronymic?: string | undefined | null;
}) => p.latinName ?? toLatin([p.givenName, p.patronymic, p.familyName].filter(Boolean).join(' '));

/** Inserts a person registered for an office (the actor's own, or the one a new case goes to). */
export async function insertPerson(
  tx: Tx,
  actor: Actor,
  input: z.infer<typeof personIn>,
  officeId = actor.officeId,
) {
  if (!officeId) throw new Invalid('no_office', 'Only staff of an office can register a person');
  const fields = {
    ...input,
    latinName: latinOf(input),
    ageRecordedOn: input.estimatedAge !== undefined ? today() : null,
  };
  const [row] = await tx
    .insert(persons)
    .values({ ...fields, ...matchKeyColumns(fields), officeId, createdBy: actor.userId })
    .returning();
  return row!;
}

/** Registers a person before any case is opened (a case can then be created with `personId`). */
export function createPerson(ctx: Ctx, input: z.infer<typeof personIn>) {
  return transact(ctx, { action: 'person.create', entityType: 'person' }, async (tx, audit) => {
    requirePermission(ctx.actor, 'case:create');
    const person = await insertPerson(tx, ctx.actor, input);
    await audit({ entityId: person.id, fields: Object.keys(input) });
    return person;
  });
}

/** One person, if the actor may see them; the read is audited. */
export function getPerson(ctx: Ctx, id: string) {
  return view(ctx, { action: 'person.read', entityType: 'person', entityId: id }, async (db, audit) => {
    requirePermission(ctx.actor, 'person:read');
    const person = await findPersonInScope(db, ctx.actor, id, 'person:read');
    if (!person) throw new NotFound('person', id);
    await audit();
    return person;
  });
}

/**
 * Persons in scope, newest first; with `q`, the search over names in any script, pseudonym, phone
 * and document number instead, best match first.
 */
export async function listPersons(
  ctx: Ctx,
  q: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  // Outside the transaction: the backfill commits batch by batch (and PGlite has one connection).
  if (q.q && decide(ctx.actor, 'person:read') === 'allow') await ensureMatchKeys(ctx.db);
  return view(
    ctx,
    { action: 'person.list', entityType: 'person' },
    async (db, audit) => {
      requirePermission(ctx.actor, 'person:read');
      const search = q.q ? textSearch(q.q) : undefined;
      const page = search
        ? rankedPage(search.rank, persons.id, q.cursor)
        : keyset({ column: persons.createdAt, tiebreak: persons.id, descending: true }, q.cursor);
      const find = (scope: SQL | undefined, match?: SQL) =>
        db
          .select({ ...shownPersonColumns, rank: search?.rank ?? sql<number>`0` })
          .from(persons)
          .where(and(scope, page.where, match))
          .orderBy(...page.orderBy)
          .limit(q.limit + 1);
      // Recorded while the list is read (see view).
      await audit({ fields: [] });
      // A search finds its few persons by its own indexes.
      const rows = search
        ? await searchRanked(db, search, q.limit + 1, (branch) =>
            find(personScope(db, ctx.actor, 'person:read'), branch.personMatch),
          )
        : await registryPage(db, ctx.actor, page.where, q.limit + 1, find);
      return toPage(rows, q.limit, (p) => (search ? [p.rank, p.id] : [p.createdAt.toISOString(), p.id]));
    },
    // The search's typo threshold is a setting its queries share.
    { session: Boolean(q.q) },
  );
}

/** Changes a person if the client's version is current; every case of theirs notes it on its timeline. */
export function updatePerson(ctx: Ctx, id: string, input: z.infer<typeof personPatch>) {
  return transact(ctx, { action: 'person.update', entityType: 'person', entityId: id }, async (tx, audit) => {
    requirePermission(ctx.actor, 'person:write');
    const current = await findPersonInScope(tx, ctx.actor, id, 'person:write');
    if (!current) throw new NotFound('person', id);
    const { version, ...changes } = input;
    const names = { ...current, ...changes };
    const nameChanged = ['givenName', 'familyName', 'patronymic'].some((k) => k in changes);
    const values = {
      ...changes,
      ...(nameChanged && !changes.latinName
        ? { latinName: latinOf({ ...names, latinName: undefined }) }
        : {}),
      ...(changes.estimatedAge !== undefined ? { ageRecordedOn: today() } : {}),
    };
    const keys = matchKeyColumns({ ...current, ...values });
    const [row] = await tx
      .update(persons)
      .set({ ...values, ...keys, version: sql`${persons.version} + 1`, updatedAt: new Date() })
      .where(and(eq(persons.id, id), eq(persons.version, version)))
      .returning();
    if (!row) {
      throw new Conflict('version_conflict', 'The person was changed by someone else; reload and try again', {
        currentVersion: current.version,
      });
    }
    const fields = Object.keys(changes);
    for (const c of await tx.select({ id: cases.id }).from(cases).where(eq(cases.personId, id))) {
      await recordCaseEvent(tx, c.id, ctx.actor.userId, 'person_updated', { fields });
    }
    await audit({ fields });
    return row;
  });
}
