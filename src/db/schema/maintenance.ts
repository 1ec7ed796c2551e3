import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** What a bulk load dropped to load faster: an index, or a foreign key. */
export type DeferredKind = 'index' | 'foreign_key';

/**
 * Indexes and foreign keys a bulk load dropped, with their definitions, until they are built again
 * (see db/bulk-load.ts). A load that stops midway leaves them here, and the next start restores
 * them: the schema is never left without them.
 */
export const deferredConstraints = pgTable('deferred_constraints', {
  name: text('name').primaryKey(),
  tableName: text('table_name').notNull(),
  kind: text('kind').$type<DeferredKind>().notNull(),
  definition: text('definition').notNull(),
  deferredAt: timestamp('deferred_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
