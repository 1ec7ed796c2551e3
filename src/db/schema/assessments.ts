import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RiskLevel } from '../../domain/codes.ts';
import type { RssAnswers, RssInstrument, RssScores } from '../../domain/rss.ts';
import type { DomvFactor } from '../../domain/vulnerability.ts';
import { users } from './accounts.ts';
import { cases } from './cases.ts';

/** A DoMV vulnerability assessment: factors, the suggested level and the caseworker's own. */
export const vulnerabilityAssessments = pgTable(
  'vulnerability_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    factors: jsonb('factors').$type<DomvFactor[]>().notNull(),
    suggestedLevel: text('suggested_level').$type<RiskLevel>().notNull(),
    riskLevel: text('risk_level').$type<RiskLevel>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId, t.takenOn)],
);

/**
 * A Reintegration Sustainability Survey. The instrument (with its weights) is stored with the
 * answers, so an old score can always be recomputed and explained.
 */
export const rssAssessments = pgTable(
  'rss_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    instrument: text('instrument').notNull(),
    instrumentSnapshot: jsonb('instrument_snapshot').$type<RssInstrument>().notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    answers: jsonb('answers').$type<RssAnswers>().notNull(),
    scores: jsonb('scores').$type<RssScores>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId, t.takenOn)],
);
