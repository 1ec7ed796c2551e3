import { sql } from 'drizzle-orm';
import { type Executor, rowsOf, uuidArray } from '../../db/client.ts';
import { cases, householdMembers, type persons } from '../../db/schema/index.ts';
import { type MatchPerson, type MatchResult, matchScore } from '../../domain/matching.ts';
import { type MatchFields, matchPersonOf } from './keys.ts';

/** A stored person row. */
export type PersonRow = typeof persons.$inferSelect;

/**
 * The household members listed in each person's cases, by person id: the matcher's household
 * evidence (only evidence codes ever leave the server, never these names).
 */
export async function householdNamesOf(
  db: Executor,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  // Per case through its index (OFFSET 0 keeps the planner from flattening the lateral): for a
  // scan's batch of a thousand persons it would otherwise hash the whole household table.
  const rows = rowsOf<{ personId: string; name: string }>(
    await db.execute(sql`
      select c.person_id as "personId", m.name
      from ${cases} as c
        cross join lateral (
          select h.name from ${householdMembers} as h where h.case_id = c.id offset 0
        ) as m
      where c.person_id = any(${uuidArray(personIds)})`),
  );
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r.name]);
  return out;
}

/**
 * The matcher's view of stored persons with their households, one object per person, so that what
 * the matcher derives from a person is derived once however many pairs it is in.
 */
export function matchPeopleOf(
  rows: Iterable<MatchFields & { id: string }>,
  households: Map<string, string[]>,
) {
  const out = new Map<string, MatchPerson>();
  for (const row of rows) out.set(row.id, matchPersonOf(row, households.get(row.id) ?? []));
  return out;
}

/** Scores two stored persons with their households, as the review and the match both do. */
export function scoreRows(a: PersonRow, b: PersonRow, households: Map<string, string[]>): MatchResult {
  return matchScore(
    matchPersonOf(a, households.get(a.id) ?? []),
    matchPersonOf(b, households.get(b.id) ?? []),
  );
}

/** A person as matches and duplicate pairs show them (see personSummaryOut). */
export const summaryOf = (
  p: Pick<
    PersonRow,
    | 'id'
    | 'pseudonym'
    | 'givenName'
    | 'familyName'
    | 'latinName'
    | 'sex'
    | 'birthDate'
    | 'estimatedAge'
    | 'originRegion'
    | 'originDistrict'
  >,
) => ({
  id: p.id,
  pseudonym: p.pseudonym,
  name: `${p.givenName} ${p.familyName}`,
  givenName: p.givenName,
  familyName: p.familyName,
  latinName: p.latinName,
  sex: p.sex,
  birthDate: p.birthDate,
  estimatedAge: p.estimatedAge,
  originRegion: p.originRegion,
  originDistrict: p.originDistrict,
});
