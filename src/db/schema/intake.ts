import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CallChannel, CallOutcome, CallTopic, Urgency } from '../../domain/codes.ts';
import { offices, users } from './accounts.ts';
import { cases } from './cases.ts';
import { idColumn } from './ids.ts';

/** A call to the migrants' hotline (or another line, SMS, messenger); the caller may stay anonymous. */
export const calls = pgTable(
  'calls',
  {
    id: idColumn(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => users.id),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    channel: text('channel').$type<CallChannel>().notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    callerRegion: text('caller_region'),
    callerDistrict: text('caller_district'),
    callerCountry: text('caller_country'),
    topic: text('topic').$type<CallTopic>().notNull(),
    summary: text('summary').notNull(),
    urgency: text('urgency').$type<Urgency>().notNull().default('normal'),
    outcome: text('outcome').$type<CallOutcome>(),
    caseId: uuid('case_id').references(() => cases.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.officeId, t.receivedAt), index().on(t.operatorId)],
);
