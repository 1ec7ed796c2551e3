/**
 * "Is this person already registered?" before the wizard creates a new one. POST /persons/match
 * is used when the server has it; until then (404) the plain search GET /persons?q=<family name>
 * answers. The two answers are normalised to one list the warning can show.
 */
import { api, ApiError } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { CaseListItem, Person, PossibleMatch } from './types.ts';

/** What the worker typed that a match can use. */
export interface MatchQuery {
  givenName: string;
  familyName: string;
  patronymic?: string;
  birthDate?: string;
  estimatedAge?: number;
  phone?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One person-like object (a Person, or `{ person, score, reasons }`) as a PossibleMatch. */
export function toPossibleMatch(raw: unknown): PossibleMatch | null {
  if (!isRecord(raw)) return null;
  const p = isRecord(raw.person) ? raw.person : raw;
  const id = str(p.id);
  if (!id) return null;
  const given = str(p.givenName);
  const family = str(p.familyName);
  const name =
    str(p.name) ?? ([family, given, str(p.patronymic)].filter(Boolean).join(' ') || str(p.latinName) || '');
  const reasons = Array.isArray(raw.reasons)
    ? raw.reasons.map((r) =>
        typeof r === 'string' ? r : isRecord(r) ? (str(r.message) ?? str(r.code)) : null,
      )
    : [];
  return {
    id,
    pseudonym: str(p.pseudonym),
    name,
    familyName: family,
    birthDate: str(p.birthDate),
    estimatedAge: num(p.estimatedAge),
    originRegion: str(p.originRegion),
    reasons: reasons.filter((r): r is string => r !== null),
  };
}

/** The list inside any of the answer shapes we accept (`items`, `matches`, `candidates`, or an array). */
export function matchesFrom(body: unknown): PossibleMatch[] {
  const list = Array.isArray(body)
    ? body
    : isRecord(body)
      ? [body.items, body.matches, body.candidates].find(Array.isArray)
      : undefined;
  const out: PossibleMatch[] = [];
  const seen = new Set<string>();
  for (const raw of (list as unknown[] | undefined) ?? []) {
    const m = toPossibleMatch(raw);
    if (m && !seen.has(m.id)) {
      seen.add(m.id);
      out.push(m);
    }
  }
  return out;
}

// Remembered for the session once the server answers that it has no match route.
let matchRouteMissing = false;

/** True when an error means "this route does not exist here" (not "nothing found"). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405);
}

/**
 * Possible existing persons for what was typed. Tries POST /persons/match first (feature
 * detection: a 404 means the server has no such route, and the search is used from then on); a
 * body the route does not accept (400) also falls back to the search rather than blocking intake.
 */
export async function findPossibleDuplicates(
  query: MatchQuery,
  signal?: AbortSignal,
): Promise<PossibleMatch[]> {
  if (!matchRouteMissing) {
    try {
      const body = await api.post<unknown>('/persons/match', compact(query), { signal });
      return matchesFrom(body);
    } catch (error) {
      if (isMissingRoute(error)) matchRouteMissing = true;
      else if (!(error instanceof ApiError && error.status === 400)) throw error;
    }
  }
  const page = await api.get<Page<Person>>('/persons', {
    query: { q: query.familyName.trim(), limit: 10 },
    signal,
  });
  return matchesFrom(page.items);
}

/** Only the fields that were filled in. */
function compact(query: MatchQuery): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'string' ? v.trim() !== '' : typeof v === 'number')
      out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** The cases of one existing person, found through the case search (GET /cases?q=…). */
export async function casesOfPerson(match: PossibleMatch, signal?: AbortSignal): Promise<CaseListItem[]> {
  const q = (match.familyName ?? match.pseudonym ?? match.name).trim().slice(0, 100);
  if (!q) return [];
  const page = await api.get<Page<CaseListItem>>('/cases', { query: { q, limit: 20 }, signal });
  return page.items.filter((c) => c.person.id === match.id);
}

/** For tests: forget that the match route was missing. */
export function resetMatchDetection(): void {
  matchRouteMissing = false;
}
