import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { cases, episodes } from '../../db/schema/index.ts';
import { type ScreeningResult, screen } from '../../domain/screening.ts';
import { recordCaseEvent } from './events.ts';

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
 * (so lists can filter by likelihood); a change of likelihood is a timeline event.
 */
export async function refreshScreening(
  tx: Tx,
  personId: string,
  actorId: string | null,
): Promise<ScreeningResult> {
  const result = await screeningOfPerson(tx, personId);
  const personCases = await tx
    .select({ id: cases.id, likelihood: cases.traffickingLikelihood })
    .from(cases)
    .where(eq(cases.personId, personId));
  for (const c of personCases) {
    await tx
      .update(cases)
      .set({ screening: result, traffickingLikelihood: result.likelihood })
      .where(eq(cases.id, c.id));
    if (c.likelihood !== result.likelihood) {
      await recordCaseEvent(tx, c.id, actorId, 'screening_changed', {
        from: c.likelihood,
        to: result.likelihood,
        indicators: result.indicators,
      });
    }
  }
  return result;
}
