import { type Placeholder, type SQL, and, asc, eq, exists, getTableColumns, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ACTIONS, type Action, type Actor, decide } from '../../access/policy.ts';
import { requireAccess, requirePermission, scopeFilter } from '../../access/scope.ts';
import type { ChainedFields } from '../../audit/chain.ts';
import { auditFields, auditWith } from '../../audit/writer.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { nestedRows } from '../../db/nested.ts';
import { prepared, preparedByShape, statementName } from '../../db/prepared.ts';
import { type KeysetOrder, cursorKeys, keysetAfter, toPage } from '../../db/pagination.ts';
import {
  cases,
  followups,
  householdMembers,
  offices,
  persons,
  rssAssessments,
  users,
} from '../../db/schema/index.ts';
import { newId } from '../../db/schema/ids.ts';
import { assertTransition, allowedClosureReasons, allowedTransitions } from '../../domain/workflow.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { ensureMatchKeys } from '../persons/keys.ts';
import { shownPersonColumns } from '../persons/columns.ts';
import { findPersonInScope } from '../persons/queries.ts';
import { type SearchBranch, rankedPage, searchRanked, textSearch } from '../persons/search.ts';
import { insertPerson } from '../persons/service.ts';
import { type Ctx, Last, transact, view } from '../shared/context.ts';
import { type CaseRow, caseRecord, caseScopeColumns, loadCase, loadCaseWith } from './access.ts';
import { caseEventWith, recordCaseEvent, timelineOf } from './events.ts';
import { nextCaseNumber, numberingRegion } from './numbering.ts';
import type {
  createCaseIn,
  householdMemberIn,
  householdMemberPatch,
  listCasesQuery,
  transitionIn,
  updateCaseIn,
} from './schema.ts';
import { screeningOfPerson } from './screening.ts';
import { type ScreeningResult, screen } from '../../domain/screening.ts';
import { today } from '../../clock.ts';
import { literalLimit } from '../../db/literal.ts';

// The actions on a case the UI may offer; sent with the case so the UI never re-implements rules.
const CASE_ABILITIES: Action[] = [
  'case:write',
  'case:assign',
  'plan:approve',
  'referral:read',
  'person:write',
];

/** An assignee must be active case staff of the case's office. */
async function requireAssignee(tx: Tx, officeId: string, userId: string) {
  const [u] = await tx
    .select({ role: users.role, officeId: users.officeId, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  if (!u || !u.active || u.officeId !== officeId || !['caseworker', 'supervisor'].includes(u.role)) {
    throw new Invalid(
      'invalid_assignee',
      'The assignee must be an active caseworker or supervisor of the case’s office',
      {
        field: 'assignedTo',
      },
    );
  }
}

/** Opens a case for an existing person or a new one, with its number, household and first timeline event. */
export function createCase(ctx: Ctx, input: z.infer<typeof createCaseIn>, link: { callId?: string } = {}) {
  const target = { action: 'case.create', entityType: 'case' };
  return transact(ctx, target, async (tx) =>
    openCase(tx, ctx.actor, input, link, (e) => auditFields(ctx, { ...target, ...e })),
  );
}

/**
 * The body of case creation, shared with converting a call (which runs it in its own transaction).
 * It ends with the statement that stores the case (see Last).
 */
export async function openCase(
  tx: Tx,
  actor: Actor,
  input: z.infer<typeof createCaseIn>,
  link: { callId?: string },
  auditEvent: (e: { entityId: string; fields: string[] }) => ChainedFields,
) {
  requirePermission(actor, 'case:create');
  const officeId = input.officeId ?? actor.officeId;
  if (!officeId) throw new Invalid('no_office', 'Only staff of an office can open a case');
  const [office] = await tx.select().from(offices).where(eq(offices.id, officeId));
  if (!office) throw new Invalid('unknown_office', 'No such office', { field: 'officeId' });
  requireAccess(actor, 'case:create', {
    entity: 'office',
    id: officeId,
    record: { officeId },
    readAction: 'office:read',
  });
  let personId: string;
  let screening: ScreeningResult;
  if (input.personId) {
    const existing = await findPersonInScope(tx, actor, input.personId, 'person:read');
    if (!existing) throw new NotFound('person', input.personId);
    personId = existing.id;
    screening = await screeningOfPerson(tx, personId);
  } else {
    personId = (await insertPerson(tx, actor, input.person!, office.id)).id;
    // A person registered just now has no migration history yet.
    screening = screen([]);
  }
  const assignedTo =
    input.assignedTo ?? (actor.role === 'caseworker' && officeId === actor.officeId ? actor.userId : null);
  if (assignedTo) await requireAssignee(tx, office.id, assignedTo);
  const openedOn = input.openedOn ?? today();
  // The region's counter stays locked from its increment to the commit, so every registration in
  // the region waits that long: the number, the case, its household, its first event and its audit
  // event are one statement (foreign keys are checked at its end), and only the commit follows.
  const { counter, number } = nextCaseNumber(
    tx,
    numberingRegion(office.regionCodes),
    Number(openedOn.slice(0, 4)),
  );
  const id = newId();
  const household =
    input.household.length > 0
      ? [
          tx.$with('household', {}).as(
            tx
              .insert(householdMembers)
              .values(input.household.map((m) => ({ ...m, caseId: id })))
              .getSQL(),
          ),
        ]
      : [];
  const openedData = { type: input.type, intakeChannel: input.intakeChannel, callId: link.callId ?? null };
  const opened = caseEventWith(
    tx,
    id,
    actor.userId,
    'case_opened',
    sql`${JSON.stringify(openedData)}::jsonb || jsonb_build_object('number', ${number})`,
  );
  const stored = tx
    .with(
      counter,
      ...household,
      opened,
      auditWith(tx, [auditEvent({ entityId: id, fields: Object.keys(input) })]),
    )
    .insert(cases)
    .values({
      id,
      number,
      personId,
      type: input.type,
      officeId: office.id,
      assignedTo,
      intakeChannel: input.intakeChannel,
      referringOrganisation: input.referringOrganisation,
      callId: link.callId,
      consentGivenOn: input.consent?.givenOn,
      consentScope: input.consent?.scope ?? [],
      openedOn,
      screening,
      traffickingLikelihood: screening.likelihood,
      createdBy: actor.userId,
    })
    .returning();
  return Last.of(stored).map(([row]) => row!);
}

// The case page, the API's most frequent read: the case, its person, its household and its scores
// in one statement (see db/nested.ts), built once per database (see db/prepared.ts).
const caseDetailById = prepared((db) =>
  db
    .select({
      c: cases,
      person: shownPersonColumns,
      household: nestedRows(
        householdMembers,
        getTableColumns(householdMembers),
        eq(householdMembers.caseId, cases.id),
        [asc(householdMembers.createdAt)],
      ),
      trend: nestedRows(
        rssAssessments,
        { takenOn: rssAssessments.takenOn, scores: rssAssessments.scores },
        eq(rssAssessments.caseId, cases.id),
        [asc(rssAssessments.takenOn), asc(rssAssessments.createdAt)],
      ),
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('case_detail_by_id'),
);
type CaseDetailRow = Awaited<ReturnType<ReturnType<typeof caseDetailById>['execute']>>[number];

/** The case page of a case just changed in `tx`, read again there. */
async function changedDetail(tx: Tx, actor: Actor, id: string) {
  return detailOf(tx, actor, (await caseDetailById(tx).execute({ id }))[0]!);
}

async function detailOf(db: Executor, actor: Actor, { c, person, household, trend }: CaseDetailRow) {
  const screening = c.screening ?? (await screeningOfPerson(db, c.personId));
  const record = caseRecord(c);
  const abilities = ACTIONS.filter((a) => CASE_ABILITIES.includes(a) && decide(actor, a, record) === 'allow');
  // Added to the row the query just made rather than spread into a new object: V8 builds and
  // reads such a copy slowly enough to cost a case page a seventh of the server's CPU.
  return Object.assign(c, {
    person,
    household,
    screening: {
      indicators: screening.indicators,
      likelihood: screening.likelihood,
      reasons: screening.reasons,
      rulesVersion: screening.rulesVersion,
    },
    latestScores: trend.at(-1)?.scores ?? null,
    scoresTrend: trend,
    allowedTransitions: abilities.includes('case:write') ? allowedTransitions(c.status) : [],
    allowedClosureReasons: abilities.includes('case:write') ? allowedClosureReasons(c.status) : [],
    abilities,
  });
}

/** A case with everything a caseworker opens it for; reading it is audited. */
export function getCase(ctx: Ctx, id: string) {
  return view(ctx, { action: 'case.read', entityType: 'case', entityId: id }, async (db, audit) => {
    const row = await loadCaseWith(ctx.actor, id, 'case:read', caseDetailById(db));
    await audit();
    return detailOf(db, ctx.actor, row);
  });
}

/** A request for a page of the case list. */
type CaseListRequest = z.infer<typeof listCasesQuery> & { limit: number; cursor?: string | undefined };

// The list's filters, whose values its statement takes as parameters.
const LIST_FILTERS = ['status', 'type', 'officeId', 'assignedTo', 'risk', 'likelihood', 'region'] as const;

/** The values a list statement reads: each filter's, and the day overdue follow-ups are due before. */
type ListValues = { [K in (typeof LIST_FILTERS)[number]]?: CaseListRequest[K] | Placeholder } & {
  today: string | Placeholder;
};

/** The order of the list without a search, and where a page of it starts. */
const listOrder = (q: CaseListRequest): KeysetOrder => ({
  column: q.sort.endsWith('number') ? cases.number : cases.createdAt,
  tiebreak: cases.id,
  descending: q.sort.startsWith('-'),
});

/**
 * The case list's statement in the actor's scope, with the filters `q` sets, their values from `v`:
 * `q`'s own, or placeholders where the statement is built once for its shape (caseListPage).
 * With a search, ranked by it and narrowed to the cases one of its branches finds.
 */
function caseListSelect(
  db: Executor,
  actor: Actor,
  q: CaseListRequest,
  v: ListValues,
  page: { where?: SQL | undefined; orderBy: SQL[] },
  search?: { rank: SQL<number>; found: SQL },
) {
  // The office and the page's size in the statement's text: with them as parameters PostgreSQL
  // planned the list anew for every page (0.3 ms of its 0.6 a page at the million), since its
  // plan for an unknown office and size costs more than one for the office asked.
  const scope = scopeFilter(actor, 'case:read', caseScopeColumns, { officeInText: true });
  const nextDue = sql<
    string | null
  >`(select min(${followups.dueOn}) from ${followups} where ${followups.caseId} = ${cases.id} and ${followups.status} = 'scheduled')`;
  const overdue = exists(
    db
      .select({ one: followups.id })
      .from(followups)
      .where(
        and(eq(followups.caseId, cases.id), eq(followups.status, 'scheduled'), lt(followups.dueOn, v.today)),
      ),
  );
  return db
    .select({
      id: cases.id,
      number: cases.number,
      type: cases.type,
      status: cases.status,
      riskLevel: cases.riskLevel,
      traffickingLikelihood: cases.traffickingLikelihood,
      officeId: cases.officeId,
      assignedTo: cases.assignedTo,
      openedOn: cases.openedOn,
      createdAt: cases.createdAt,
      version: cases.version,
      personId: persons.id,
      pseudonym: persons.pseudonym,
      givenName: persons.givenName,
      familyName: persons.familyName,
      latinName: persons.latinName,
      originRegion: persons.originRegion,
      nextFollowupDue: nextDue,
      rank: search?.rank ?? sql<number>`0`,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(
      and(
        scope,
        page.where,
        q.status ? eq(cases.status, v.status!) : undefined,
        q.type ? eq(cases.type, v.type!) : undefined,
        q.officeId ? eq(cases.officeId, v.officeId!) : undefined,
        q.assignedTo ? eq(cases.assignedTo, v.assignedTo!) : undefined,
        q.risk ? eq(cases.riskLevel, v.risk!) : undefined,
        q.likelihood ? eq(cases.traffickingLikelihood, v.likelihood!) : undefined,
        q.overdue === 'true' ? overdue : q.overdue === 'false' ? sql`not ${overdue}` : undefined,
        q.region ? or(eq(persons.originRegion, v.region!), eq(persons.originDistrict, v.region!)) : undefined,
        search?.found,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(literalLimit(q.limit + 1));
}

// The list without a search, built once for each shape (its filters, sort, size, whether it has a
// cursor, and the actor's scope) and run as a prepared statement with the values of the request:
// building it anew cost drizzle about a seventh of the server's CPU a page, and the objects it
// built more in garbage collection (at the million, 1,415–1,505 pages a second against
// 1,124–1,194 for a first page, in turns).
const caseListPage = preparedByShape(
  (db, { actor, q }: { actor: Actor; q: CaseListRequest }) => {
    const values: ListValues = { today: sql.placeholder('today') };
    for (const f of LIST_FILTERS) if (q[f] !== undefined) Object.assign(values, { [f]: sql.placeholder(f) });
    const after =
      q.cursor === undefined
        ? undefined
        : ([sql.placeholder('afterKey'), sql.placeholder('afterId')] as const);
    const query = caseListSelect(db, actor, q, values, keysetAfter(listOrder(q), after));
    return query.prepare(statementName('case_list', query));
  },
  ({ actor, q }) =>
    JSON.stringify([
      actor.role,
      actor.officeId,
      actor.userId,
      q.sort,
      q.limit,
      q.cursor !== undefined,
      q.overdue ?? null,
      LIST_FILTERS.filter((f) => q[f] !== undefined),
    ]),
);

/** Cases in scope with the list filters; each row carries its next follow-up and whether it is overdue. */
export async function listCases(ctx: Ctx, q: CaseListRequest) {
  // Outside the transaction: the backfill commits batch by batch (and PGlite has one connection).
  if (q.q && decide(ctx.actor, 'case:read') === 'allow') await ensureMatchKeys(ctx.db);
  return view(
    ctx,
    { action: 'case.list', entityType: 'case' },
    async (db, audit) => {
      // Before the event that lets the read through: the statement's scope is built only later.
      requirePermission(ctx.actor, 'case:read');
      const byNumber = q.sort.endsWith('number');
      const now = today();
      // With q, the person search (case number included) ranks the list, best match first.
      const search = q.q ? textSearch(q.q, { caseNumber: cases.number }) : undefined;
      let rows;
      if (search) {
        const page = rankedPage(search.rank, cases.id, q.cursor);
        // Authorised, with a valid cursor: the event is complete, and is recorded while the list is read.
        await audit();
        rows = await searchRanked(db, search, q.limit + 1, (branch) =>
          caseListSelect(db, ctx.actor, q, { ...q, today: now }, page, {
            rank: search.rank,
            found: casesFound(branch),
          }),
        );
      } else {
        const after = q.cursor === undefined ? undefined : cursorKeys(listOrder(q), q.cursor);
        await audit();
        rows = await caseListPage(db, { actor: ctx.actor, q }).execute({
          ...q,
          today: now,
          afterKey: after?.[0],
          afterId: after?.[1],
        });
      }
      const page_ = toPage(rows, q.limit, (r) =>
        search ? [r.rank, r.id] : [byNumber ? r.number : r.createdAt.toISOString(), r.id],
      );
      return {
        nextCursor: page_.nextCursor,
        // Each field named: a row's other keys picked out by a rest pattern and spread into an
        // object with more keys took V8 6.5 µs a row (a third of a millisecond a page), this 0.03.
        items: page_.items.map((r) => ({
          id: r.id,
          number: r.number,
          type: r.type,
          status: r.status,
          riskLevel: r.riskLevel,
          traffickingLikelihood: r.traffickingLikelihood,
          officeId: r.officeId,
          assignedTo: r.assignedTo,
          openedOn: r.openedOn,
          createdAt: r.createdAt,
          version: r.version,
          person: {
            id: r.personId,
            pseudonym: r.pseudonym,
            name: `${r.givenName} ${r.familyName}`,
            latinName: r.latinName,
            originRegion: r.originRegion,
          },
          nextFollowupDue: r.nextFollowupDue,
          overdue: r.nextFollowupDue !== null && r.nextFollowupDue < now,
        })),
      };
    },
    // The search's typo threshold is a setting its queries share.
    { session: Boolean(q.q) },
  );
}

/**
 * The cases a search finds: the cases of the persons it matches and, for a text with digits, those
 * whose number matches. Each side is an array the planner knows before it runs (persons and case
 * numbers each through their own indexes), so the cases are read once, through a bitmap of the two
 * indexes, where one OR across the two tables would join every case of the office to every person,
 * and a set of case ids drawn by a join read each matching case twice.
 */
function casesFound(branch: SearchBranch): SQL {
  const byPerson = sql`${cases.personId} = any(array(select ${persons.id} from ${persons} where ${branch.personMatch}))`;
  if (!branch.numberMatch) return byPerson;
  return or(
    byPerson,
    sql`${cases.id} = any(array(select ${cases.id} from ${cases} where ${branch.numberMatch}))`,
  )!;
}

/** Bumps a case's version if the client's is current; 409 otherwise. Every case change goes through it. */
export async function bumpCaseVersion(
  tx: Tx,
  c: CaseRow,
  version: number,
  values: Partial<typeof cases.$inferInsert> = {},
) {
  const [row] = await tx
    .update(cases)
    .set({ ...values, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, c.id), eq(cases.version, version)))
    .returning();
  if (!row) {
    throw new Conflict('version_conflict', 'The case was changed by someone else; reload and try again', {
      currentVersion: c.version,
    });
  }
  return row;
}

/** Changes case fields (assignment needs `case:assign`); versioned, on the timeline, audited. */
export function updateCase(ctx: Ctx, id: string, input: z.infer<typeof updateCaseIn>) {
  return transact(ctx, { action: 'case.update', entityType: 'case', entityId: id }, async (tx, audit) => {
    const c = await loadCase(tx, ctx.actor, id, 'case:write');
    const { version, consent, determination, ...rest } = input;
    if (rest.assignedTo !== undefined && rest.assignedTo !== c.assignedTo) {
      await loadCase(tx, ctx.actor, id, 'case:assign');
      if (rest.assignedTo) await requireAssignee(tx, c.officeId, rest.assignedTo);
    }
    const values: Partial<typeof cases.$inferInsert> = { ...rest };
    if (consent)
      Object.assign(values, {
        consentGivenOn: consent.givenOn,
        consentScope: consent.scope,
        consentWithdrawnOn: null,
      });
    if (determination) values.determination = { ...determination, by: ctx.actor.userId, on: today() };
    await bumpCaseVersion(tx, c, version, values);
    const fields = Object.keys(input).filter((k) => k !== 'version');
    if (rest.assignedTo !== undefined && rest.assignedTo !== c.assignedTo) {
      await recordCaseEvent(tx, id, ctx.actor.userId, 'assigned', {
        from: c.assignedTo,
        to: rest.assignedTo,
      });
    }
    await recordCaseEvent(tx, id, ctx.actor.userId, 'case_updated', { fields });
    await audit({ fields });
    return changedDetail(tx, ctx.actor, id);
  });
}

/** Moves a case along its workflow; closing records the reason (withdrawn consent also its date). */
export function transitionCase(ctx: Ctx, id: string, input: z.infer<typeof transitionIn>) {
  return transact(ctx, { action: 'case.transition', entityType: 'case', entityId: id }, async (tx, audit) => {
    const c = await loadCase(tx, ctx.actor, id, 'case:write');
    const check = assertTransition(c.status, input.to, { reason: input.reason, note: input.note });
    if (!check.ok)
      throw new Invalid(
        check.error.code,
        `Cannot move the case from ${c.status} to ${input.to}`,
        check.error,
      );
    const on = input.on ?? today();
    if (on < c.openedOn)
      throw new Invalid('date_before_opening', 'The date is before the case was opened', { field: 'on' });
    const closing = input.to === 'closed';
    const values: Partial<typeof cases.$inferInsert> = {
      status: input.to,
      closureReason: closing ? input.reason! : null,
      closedOn: closing ? on : null,
    };
    if (closing && input.reason === 'consent_withdrawn' && !c.consentWithdrawnOn)
      values.consentWithdrawnOn = on;
    await bumpCaseVersion(tx, c, input.version, values);
    await recordCaseEvent(tx, id, ctx.actor.userId, 'status_changed', {
      from: c.status,
      to: input.to,
      reason: input.reason ?? null,
      note: input.note ?? null,
      on,
    });
    await audit({ fields: ['status', ...(closing ? ['closureReason'] : [])] });
    return changedDetail(tx, ctx.actor, id);
  });
}

/** Every event of a case in order. */
export function caseTimeline(ctx: Ctx, id: string) {
  return view(ctx, { action: 'case.timeline', entityType: 'case', entityId: id }, async (db, audit) => {
    await loadCase(db, ctx.actor, id, 'case:read');
    await audit();
    return timelineOf(db, id);
  });
}

async function requireLinks(
  tx: Tx,
  actor: Actor,
  m: { linkedPersonId?: string | null | undefined; linkedCaseId?: string | null | undefined },
) {
  if (m.linkedCaseId) await loadCase(tx, actor, m.linkedCaseId, 'case:read');
  if (m.linkedPersonId && !(await findPersonInScope(tx, actor, m.linkedPersonId, 'person:read'))) {
    throw new NotFound('person', m.linkedPersonId);
  }
}

/** The household of a case. */
export function listHousehold(ctx: Ctx, caseId: string) {
  return view(ctx, { action: 'household.read', entityType: 'case', entityId: caseId }, async (db, audit) => {
    await loadCase(db, ctx.actor, caseId, 'case:read');
    await audit();
    return db
      .select()
      .from(householdMembers)
      .where(eq(householdMembers.caseId, caseId))
      .orderBy(asc(householdMembers.createdAt));
  });
}

/** Adds a household member; a link to another case (family reunification) must be a case the actor sees. */
export function addHouseholdMember(ctx: Ctx, caseId: string, input: z.infer<typeof householdMemberIn>) {
  return transact(ctx, { action: 'household.create', entityType: 'household_member' }, async (tx, audit) => {
    await loadCase(tx, ctx.actor, caseId, 'case:write');
    await requireLinks(tx, ctx.actor, input);
    const [row] = await tx
      .insert(householdMembers)
      .values({ ...input, caseId })
      .returning();
    await recordCaseEvent(tx, caseId, ctx.actor.userId, 'household_changed', {
      added: row!.id,
      relationship: input.relationship,
    });
    await audit({ entityId: row!.id, fields: Object.keys(input) });
    return row!;
  });
}

/** Changes a household member if the client's version is current. */
export function updateHouseholdMember(
  ctx: Ctx,
  caseId: string,
  memberId: string,
  input: z.infer<typeof householdMemberPatch>,
) {
  return transact(
    ctx,
    { action: 'household.update', entityType: 'household_member', entityId: memberId },
    async (tx, audit) => {
      await loadCase(tx, ctx.actor, caseId, 'case:write');
      const where = and(eq(householdMembers.id, memberId), eq(householdMembers.caseId, caseId));
      const [current] = await tx.select().from(householdMembers).where(where);
      if (!current) throw new NotFound('household_member', memberId);
      const { version, ...changes } = input;
      await requireLinks(tx, ctx.actor, changes);
      const [row] = await tx
        .update(householdMembers)
        .set({ ...changes, version: sql`${householdMembers.version} + 1`, updatedAt: new Date() })
        .where(and(where, eq(householdMembers.version, version)))
        .returning();
      if (!row)
        throw new Conflict(
          'version_conflict',
          'The member was changed by someone else; reload and try again',
          { currentVersion: current.version },
        );
      await recordCaseEvent(tx, caseId, ctx.actor.userId, 'household_changed', {
        updated: memberId,
        fields: Object.keys(changes),
      });
      await audit({ fields: Object.keys(changes) });
      return row;
    },
  );
}

/** Removes a household member (entered by mistake, or no longer part of the household). */
export function removeHouseholdMember(ctx: Ctx, caseId: string, memberId: string) {
  return transact(
    ctx,
    { action: 'household.delete', entityType: 'household_member', entityId: memberId },
    async (tx, audit) => {
      await loadCase(tx, ctx.actor, caseId, 'case:write');
      const rows = await tx
        .delete(householdMembers)
        .where(and(eq(householdMembers.id, memberId), eq(householdMembers.caseId, caseId)))
        .returning({ id: householdMembers.id });
      if (rows.length === 0) throw new NotFound('household_member', memberId);
      await recordCaseEvent(tx, caseId, ctx.actor.userId, 'household_changed', { removed: memberId });
      await audit();
    },
  );
}
