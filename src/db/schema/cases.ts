import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  type AnyPgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CaseStatus,
  CaseType,
  HouseholdRelationship,
  ClosureReason,
  IntakeChannel,
  RiskLevel,
  Sex,
  TraffickingLikelihood,
  Whereabouts,
} from '../../domain/codes.ts';
import type { DocumentType } from '../../domain/codes.ts';
import type { ScreeningResult } from '../../domain/screening.ts';
import { offices, users } from './accounts.ts';
import { idColumn } from './ids.ts';

/**
 * Storage of the GIN indexes that searches read. By default GIN adds new entries to a pending
 * list, merged into the index only by a vacuum or once it passes 4 MB, and every search scans that
 * list whole: straight after a load of 100,000 persons, with the names' list unmerged, a person
 * search took 20 ms where it takes 3.5, and a registry taking new persons gets slower to search
 * until its next vacuum. Entries go straight into the index instead; writing cases with their new
 * persons measured about 6 % slower on average, within the spread of the measurement.
 */
const SEARCHED_GIN = { fastupdate: false };

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
};

/** An identity document: held by the person, or retained by someone else (an employer, a recruiter). */
export interface IdentityDocument {
  type: DocumentType;
  number?: string | undefined;
  heldBy?: string | undefined;
}

/**
 * A beneficiary. Names are kept as written (any script) with a Latin form for search; screens and
 * reports show the pseudonym where one is set.
 */
export const persons = pgTable(
  'persons',
  {
    id: idColumn(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    patronymic: text('patronymic'),
    latinName: text('latin_name').notNull(),
    pseudonym: text('pseudonym'),
    sex: text('sex').$type<Sex>().notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    estimatedAge: integer('estimated_age'),
    ageRecordedOn: date('age_recorded_on', { mode: 'string' }),
    citizenship: text('citizenship').notNull().default('KG'),
    phone: text('phone'),
    originRegion: text('origin_region'),
    originDistrict: text('origin_district'),
    originSettlement: text('origin_settlement'),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    documentsHeld: jsonb('documents_held').$type<IdentityDocument[]>().notNull().default([]),
    documentsRetained: jsonb('documents_retained').$type<IdentityDocument[]>().notNull().default([]),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...stamps,
    // Match keys (domain/matching.ts personMatchKeys), derived from the fields above whenever they
    // change and backfilled for rows bulk-loaded without them; null until computed.
    nameCanonical: text('name_canonical'),
    nameTokens: text('name_tokens').array(),
    namePhonetic: text('name_phonetic').array(),
    fatherStem: text('father_stem'),
    phoneKey: text('phone_key'),
    documentKeys: text('document_keys').array(),
    birthYearFrom: integer('birth_year_from'),
    birthYearTo: integer('birth_year_to'),
    keysVersion: integer('keys_version'),
    // A person merged into another stays (with its audit trail) but leaves lists and search.
    mergedInto: uuid('merged_into').references((): AnyPgColumn => persons.id),
    mergedAt: timestamp('merged_at', { withTimezone: true, precision: 3 }),
    mergedBy: uuid('merged_by').references(() => users.id),
    mergeReason: text('merge_reason'),
  },
  (t) => [
    index().on(t.officeId),
    index().on(t.originRegion),
    // Name searches look names up in person_names, then their persons here by equality.
    index().on(t.nameCanonical),
    index('persons_name_phonetic_gin').using('gin', t.namePhonetic).with(SEARCHED_GIN),
    index('persons_document_keys_gin').using('gin', t.documentKeys).with(SEARCHED_GIN),
    index('persons_pseudonym_trgm').using('gin', t.pseudonym.op('gin_trgm_ops')).with(SEARCHED_GIN),
    index().on(t.phoneKey),
    index().on(t.keysVersion),
    index().on(t.mergedInto),
    // The registry's list, newest first, pages by (created, id): without it a page of a million
    // persons sorted them all.
    index().on(t.createdAt, t.id),
    // A member of staff's own registrations are part of their scope over persons (see personScope).
    index().on(t.createdBy),
  ],
);

/**
 * Every canonical name the registry holds, once, filled by triggers on persons (migration 0013).
 * Fuzzy name search (trigram similarity, the parts typed) runs over these instead of over the
 * persons: similarity depends on the name alone, so it finds the same persons, while a common
 * name is one entry here however many namesakes bear it. A name whose persons are all gone
 * stays; it finds nobody.
 */
export const personNames = pgTable('person_names', { name: text('name').primaryKey() }, (t) => [
  index('person_names_trgm').using('gin', t.name.op('gin_trgm_ops')).with(SEARCHED_GIN),
]);

/** The caseworker's own trafficking determination, kept beside the screening aid. */
export interface Determination {
  likelihood: TraffickingLikelihood;
  note?: string | undefined;
  by: string;
  on: string;
}

/** One course of assistance for a beneficiary. */
export const cases = pgTable(
  'cases',
  {
    id: idColumn(),
    number: text('number').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    type: text('type').$type<CaseType>().notNull(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    assignedTo: uuid('assigned_to').references(() => users.id),
    intakeChannel: text('intake_channel').$type<IntakeChannel>().notNull(),
    referringOrganisation: text('referring_organisation'),
    callId: uuid('call_id'),
    consentGivenOn: date('consent_given_on', { mode: 'string' }),
    consentScope: text('consent_scope')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    consentWithdrawnOn: date('consent_withdrawn_on', { mode: 'string' }),
    riskLevel: text('risk_level').$type<RiskLevel>(),
    status: text('status').$type<CaseStatus>().notNull().default('open'),
    closureReason: text('closure_reason').$type<ClosureReason>(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    screening: jsonb('screening').$type<ScreeningResult>(),
    traffickingLikelihood: text('trafficking_likelihood').$type<TraffickingLikelihood>(),
    determination: jsonb('determination').$type<Determination>(),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...stamps,
    // The person's origin region (or their district's region), copied onto the case so that counting
    // cases by region reads one index instead of joining a million persons. Derived, never written
    // by the code: triggers (migration 0006) set it on insert and whenever the case moves to another
    // person (a merge) or the person's origin changes, whoever makes the change.
    originRegion: text('origin_region'),
  },
  (t) => [
    // An office's cases in one status, newest first: the filtered list reads just these.
    index().on(t.officeId, t.status, t.createdAt, t.id),
    // An office's list, newest first: a page reads its fifty cases, where the index on (created_at,
    // id) alone passed over every other office's newer cases, more the smaller the office.
    index().on(t.officeId, t.createdAt, t.id),
    // A caseworker sees the cases of their office assigned to them or opened by them. With the
    // office in both indexes, the two bitmaps are the scope: with either column alone, PostgreSQL
    // also read a bitmap of the office's 330,000 cases to AND them with (177 ms at a million).
    index().on(t.assignedTo, t.officeId),
    // Someone's open cases (their worklist): without it, a supervisor's read every case ever
    // assigned to them and a bitmap of their office's 330,000 at a million (105 ms).
    index('cases_open_assigned_index')
      .on(t.assignedTo, t.officeId)
      .where(sql`${t.status} <> 'closed'`),
    // Without an index on the opener, a caseworker with few cases had every case of the registry
    // read (a parallel scan of 1.17 million: 711 ms a page).
    index().on(t.createdBy, t.officeId),
    index().on(t.personId),
    index().on(t.createdAt, t.id),
    // Every dashboard count (by region, status, type or month, for an office or all, within months
    // opened) is an index-only scan of this one index: the office and the opening date narrow it,
    // and the grouped column is read from it, never from the table.
    index('cases_report_index').on(t.officeId, t.openedOn, t.status, t.type, t.originRegion),
    // Part of a case number typed in the search box ("2026-0004").
    index('cases_number_trgm').using('gin', t.number.op('gin_trgm_ops')).with(SEARCHED_GIN),
  ],
);

/** Per (region tag, year) counters behind case numbers: numbers are never reused. */
export const caseCounters = pgTable(
  'case_counters',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/** The case timeline: every event of a case in order (transitions, additions, decisions). */
export const caseEvents = pgTable(
  'case_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.caseId, t.seq)],
);

/** A member of the beneficiary's household, possibly a person of another case (reunification). */
export const householdMembers = pgTable(
  'household_members',
  {
    id: idColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    name: text('name').notNull(),
    relationship: text('relationship').$type<HouseholdRelationship>().notNull(),
    sex: text('sex').$type<Sex>(),
    age: integer('age'),
    whereNow: text('where_now').$type<Whereabouts>().notNull(),
    country: text('country'),
    withWhom: text('with_whom'),
    caresForChildren: boolean('cares_for_children').notNull().default(false),
    linkedPersonId: uuid('linked_person_id').references(() => persons.id),
    linkedCaseId: uuid('linked_case_id').references(() => cases.id),
    version: integer('version').notNull().default(1),
    ...stamps,
  },
  (t) => [index().on(t.caseId)],
);
