import { type WithSubquery, asc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { Last } from '../shared/context.ts';
import { caseEvents, cases, episodes } from '../../db/schema/index.ts';
import { type ScreeningResult, screen } from '../../domain/screening.ts';

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
 * (so lists can filter by likelihood); a change of likelihood is a timeline event. After reading
 * the episodes, one statement locks the person's cases, records the changes of likelihood from
 * what they held, updates them, and runs `alongside` (CTEs of the caller's, such as its audit
 * event, which then waits on the chain's lock only until the commit that follows). That statement
 * is sent before this returns, answered with the screening (see Last).
 */
export async function refreshScreening(
  tx: Tx,
  personId: string,
  actorId: string | null,
  alongside: WithSubquery[] = [],
): Promise<Last<ScreeningResult>> {
  const result = await screeningOfPerson(tx, personId);
  const before = tx.$with('before').as(
    tx
      .select({ id: cases.id, likelihood: sql<string>`${cases.traffickingLikelihood}`.as('likelihood') })
      .from(cases)
      .where(eq(cases.personId, personId))
      .for('update'),
  );
  const columns = sql.join(
    [caseEvents.caseId, caseEvents.actorId, caseEvents.kind, caseEvents.data].map((c) =>
      sql.identifier(c.name),
    ),
    sql`, `,
  );
  const changes = tx.$with('screening_changed', {}).as(
    sql`insert into ${caseEvents} (${columns})
        select ${before.id}, ${actorId}::uuid, 'screening_changed',
               jsonb_build_object('from', ${before.likelihood}, 'to', ${result.likelihood}::text,
                                  'indicators', ${JSON.stringify(result.indicators)}::jsonb)
        from ${before} where ${before.likelihood} is distinct from ${result.likelihood}`,
  );
  return Last.of(
    tx
      .with(before, changes, ...alongside)
      .update(cases)
      .set({ screening: result, traffickingLikelihood: result.likelihood })
      .from(before)
      .where(eq(cases.id, before.id)),
  ).map(() => result);
}
