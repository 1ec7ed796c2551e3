import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ComponentResult, MatchComponent } from '../../domain/matching.ts';
import { users } from './accounts.ts';
import { persons } from './cases.ts';
import { idColumn } from './ids.ts';

/** What a reviewer decided about a candidate pair. */
export type DuplicateStatus = 'pending' | 'confirmed' | 'rejected';
/** Where a registry scan stands. */
export type ScanStatus = 'running' | 'done' | 'failed';

/** One run of the registry-wide duplicate scan, with its progress for the caller that started it. */
export const duplicateScans = pgTable('duplicate_scans', {
  id: idColumn(),
  requestedBy: uuid('requested_by').references(() => users.id),
  status: text('status').$type<ScanStatus>().notNull().default('running'),
  phase: text('phase').notNull().default('keys'),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  candidates: integer('candidates').notNull().default(0),
  pairsFound: integer('pairs_found').notNull().default(0),
  pairsNew: integer('pairs_new').notNull().default(0),
  threshold: doublePrecision('threshold').notNull(),
  weightsVersion: text('weights_version').notNull(),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
});

/**
 * A pair of persons the matcher thinks may be one person, ordered (person_a < person_b) so each
 * pair exists once, with the matcher's explanation and the reviewer's decision.
 */
export const duplicatePairs = pgTable(
  'duplicate_pairs',
  {
    id: idColumn(),
    personA: uuid('person_a')
      .notNull()
      .references(() => persons.id),
    personB: uuid('person_b')
      .notNull()
      .references(() => persons.id),
    score: doublePrecision('score').notNull(),
    evidence: text('evidence').array().notNull(),
    components: jsonb('components').$type<Record<MatchComponent, ComponentResult>>().notNull(),
    weightsVersion: text('weights_version').notNull(),
    scanId: uuid('scan_id').references(() => duplicateScans.id),
    status: text('status').$type<DuplicateStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    reason: text('reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.personA, t.personB),
    index().on(t.personB),
    index().on(t.status, t.score),
    check('duplicate_pairs_ordered', sql`${t.personA} < ${t.personB}`),
  ],
);

/** Candidate pairs of a running scan, found by blocking and waiting to be scored (emptied after). */
export const duplicateScanCandidates = pgTable(
  'duplicate_scan_candidates',
  {
    scanId: uuid('scan_id')
      .notNull()
      .references(() => duplicateScans.id),
    personA: uuid('person_a').notNull(),
    personB: uuid('person_b').notNull(),
  },
  (t) => [uniqueIndex().on(t.scanId, t.personA, t.personB)],
);

/** The rows a merge moved from the merged person to the surviving one, so that it can be undone. */
export interface MovedRows {
  cases: string[];
  episodes: string[];
  householdMembers: string[];
}

/** Who merged which person into which, why, and exactly what moved; undone merges keep their row. */
export const personMerges = pgTable(
  'person_merges',
  {
    id: idColumn(),
    mergedPersonId: uuid('merged_person_id')
      .notNull()
      .references(() => persons.id),
    intoPersonId: uuid('into_person_id')
      .notNull()
      .references(() => persons.id),
    pairId: uuid('pair_id').references(() => duplicatePairs.id),
    reason: text('reason').notNull(),
    moved: jsonb('moved').$type<MovedRows>().notNull(),
    mergedBy: uuid('merged_by')
      .notNull()
      .references(() => users.id),
    mergedAt: timestamp('merged_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    undoneBy: uuid('undone_by').references(() => users.id),
    undoneAt: timestamp('undone_at', { withTimezone: true, precision: 3 }),
    undoReason: text('undo_reason'),
  },
  (t) => [
    index().on(t.mergedPersonId),
    index().on(t.intoPersonId),
    // Recent merges, newest first (GET /persons/merges pages by it).
    index().on(t.mergedAt, t.id),
  ],
);
