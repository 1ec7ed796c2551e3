import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RecruiterRelationship, Sector } from '../../domain/codes.ts';
import type { EpisodeFacts } from '../../domain/screening.ts';
import { users } from './accounts.ts';
import { cases, persons } from './cases.ts';
import { idColumn } from './ids.ts';

/** One stay abroad and what happened there: the facts trafficking screening reads. */
export const episodes = pgTable(
  'episodes',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    destinationCountry: text('destination_country').notNull(),
    destinationCity: text('destination_city'),
    departedOn: date('departed_on', { mode: 'string' }),
    returnedOn: date('returned_on', { mode: 'string' }),
    sector: text('sector').$type<Sector>(),
    recruitedHow: text('recruited_how'),
    recruiterRelationship: text('recruiter_relationship').$type<RecruiterRelationship>(),
    facts: jsonb('facts').$type<EpisodeFacts>().notNull().default({}),
    wagesUnpaidAmount: bigint('wages_unpaid_amount', { mode: 'number' }),
    wagesUnpaidCurrency: text('wages_unpaid_currency'),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.personId), index().on(t.caseId)],
);
