import { type SQL, asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { caseEvents } from '../../db/schema/index.ts';
import type { CaseEventKind } from '../../domain/codes.ts';

/** Appends an event to a case's timeline inside the use case's transaction. */
export function recordCaseEvent(
  tx: Tx,
  caseId: string,
  actorId: string | null,
  kind: CaseEventKind,
  data: Record<string, unknown> = {},
): Promise<void> {
  return recordCaseEvents(tx, actorId, kind, [{ caseId, data }]);
}

/**
 * An event as a CTE of the statement that stores what it records, for use cases that save a round
 * trip by writing both at once (the record's id is then drawn beforehand). Its foreign key to the
 * case is checked at the end of that statement.
 */
export function caseEventWith(
  tx: Tx,
  caseId: string,
  actorId: string | null,
  kind: CaseEventKind,
  data: Record<string, unknown> | SQL,
) {
  return tx
    .$with('case_event', {})
    .as(tx.insert(caseEvents).values({ caseId, actorId, kind, data }).getSQL());
}

/** Appends one kind of event to several cases' timelines in one statement. */
export async function recordCaseEvents(
  tx: Tx,
  actorId: string | null,
  kind: CaseEventKind,
  events: readonly { caseId: string; data: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(caseEvents).values(events.map(({ caseId, data }) => ({ caseId, actorId, kind, data })));
}

/** The whole timeline of a case, oldest first. */
export function timelineOf(db: Executor, caseId: string) {
  return db
    .select({
      seq: caseEvents.seq,
      at: caseEvents.at,
      actorId: caseEvents.actorId,
      kind: caseEvents.kind,
      data: caseEvents.data,
    })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq));
}
