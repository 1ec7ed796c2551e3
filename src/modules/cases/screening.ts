import { asc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { cases, episodes } from '../../db/schema/index.ts';
import { type ScreeningResult, screen } from '../../domain/screening.ts';
import { recordCaseEvents } from './events.ts';

/** The screening of a person over all their episodes, whichever case recorded them. */
export async function screeningOfPerson(db: Executor, personId: string): Promise<ScreeningResult> {
  const rows = await db
    .select({ id: episodes.id, facts: episodes.facts })
    .from(episodes)
    .where(eq(episodes.personId, personId))
    .orderBy(asc(episodes.createdAt), asc(episodes.id));
  return screen(rows);
}

/**
 * Recomputes the screening whenever an episode changes and stores it on every case of the person
 * (so lists can filter by likelihood); a change of likelihood is a timeline event. One statement
 * updates every case and hands back the likelihood each had, and one records the changes.
 */
export async function refreshScreening(
  tx: Tx,
  personId: string,
  actorId: string | null,
): Promise<ScreeningResult> {
  const result = await screeningOfPerson(tx, personId);
  const before = tx.$with('before').as(
    tx
      .select({ id: cases.id, likelihood: sql<string>`${cases.traffickingLikelihood}`.as('likelihood') })
      .from(cases)
      .where(eq(cases.personId, personId))
      .for('update'),
  );
  const updated = await tx
    .with(before)
    .update(cases)
    .set({ screening: result, traffickingLikelihood: result.likelihood })
    .from(before)
    .where(eq(cases.id, before.id))
    .returning({ id: cases.id, from: before.likelihood });
  await recordCaseEvents(
    tx,
    actorId,
    'screening_changed',
    updated
      .filter((c) => c.from !== result.likelihood)
      .map((c) => ({
        caseId: c.id,
        data: { from: c.from, to: result.likelihood, indicators: result.indicators },
      })),
  );
  return result;
}
