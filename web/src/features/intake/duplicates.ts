/**
 * "Is this person already registered?" before the wizard creates a new one: POST /persons/match
 * with what was typed, answered with likely existing records in the worker's scope, best first,
 * each with its score, the evidence per field and the cases the worker may open.
 */
import { api } from '../../api/client.ts';
import type { PersonMatch, PersonMatchResponse } from '../duplicates/types.ts';
import type { PersonInput } from './types.ts';

/** Body of POST /persons/match: the new person as it would be created, and the household named so far. */
export interface MatchQuery extends PersonInput {
  householdNames?: string[];
}

/** The fields the matcher compares; a change elsewhere (languages, pseudonym…) needs no new check. */
export function matchKey(q: MatchQuery): string {
  const documents = [...(q.documentsHeld ?? []), ...(q.documentsRetained ?? [])]
    .map((d) => d.number?.trim() ?? '')
    .filter(Boolean)
    .sort();
  return JSON.stringify([
    q.familyName.trim().toLowerCase(),
    q.givenName.trim().toLowerCase(),
    q.patronymic?.trim().toLowerCase() ?? '',
    q.latinName?.trim().toLowerCase() ?? '',
    q.sex,
    q.birthDate ?? '',
    q.estimatedAge ?? '',
    q.phone ?? '',
    q.originRegion ?? '',
    q.originDistrict ?? '',
    documents,
    [...(q.householdNames ?? [])].sort(),
  ]);
}

/** The body sent: only the names of household members that were typed. */
export function matchBody({ householdNames = [], ...person }: MatchQuery): MatchQuery {
  const names = householdNames.map((n) => n.trim()).filter(Boolean);
  return names.length > 0 ? { ...person, householdNames: names } : person;
}

/** Likely existing records of the person typed (POST /persons/match), best first. */
export async function findPossibleDuplicates(
  query: MatchQuery,
  signal?: AbortSignal,
): Promise<PersonMatch[]> {
  const res = await api.post<PersonMatchResponse>('/persons/match', matchBody(query), { signal });
  return res.items;
}
