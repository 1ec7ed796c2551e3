import { type SQL, count } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import type { ReportBy } from './schema.ts';

// Months are counted per opening day and summed in code: grouping by the bare column streams the
// sorted index, where a month expression would be computed for every one of a million rows.
const GROUP_COLUMN = {
  region: cases.originRegion,
  status: cases.status,
  type: cases.type,
  month: cases.openedOn,
} as const;

/**
 * Cases counted by one column, for the dashboard: one scan of the report index (see
 * db/schema/cases.ts), never a row of the table itself, never a person.
 */
export async function countCasesBy(
  db: Executor,
  by: ReportBy,
  where: SQL | undefined,
): Promise<{ key: string | null; n: number }[]> {
  const column = GROUP_COLUMN[by];
  return db.select({ key: column, n: count() }).from(cases).where(where).groupBy(column);
}
