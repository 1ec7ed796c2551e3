import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RiskLevel } from '../../domain/codes.ts';
import type { RssAnswers, RssInstrument, RssScores } from '../../domain/rss.ts';
import type { DomvFactor } from '../../domain/vulnerability.ts';
import { users } from './accounts.ts';
import { cases } from './cases.ts';
import { idColumn } from './ids.ts';

/** A DoMV vulnerability assessment: factors, the suggested level and the caseworker's own. */
export const vulnerabilityAssessments = pgTable(
  'vulnerability_assessments',
  {
    id: idColumn(),
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
 * An RSS instrument as assessments were scored with it, by key (`koldoo-rss-1`). A key's
 * definition never changes once stored (a new one is a new version), so an old score can always
 * be recomputed and explained. Stored once, not with each assessment: at national scale the
 * definition would be most of the assessments' bytes.
 */
export const rssInstruments = pgTable('rss_instruments', {
  key: text('key').primaryKey(),
  definition: jsonb('definition').$type<RssInstrument>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** A Reintegration Sustainability Survey: the answers and their scores, by the instrument it names. */
export const rssAssessments = pgTable(
  'rss_assessments',
  {
    id: idColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    instrument: text('instrument')
      .notNull()
      .references(() => rssInstruments.key),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    answers: jsonb('answers').$type<RssAnswers>().notNull(),
    scores: jsonb('scores').$type<RssScores>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId, t.takenOn)],
);
