import { type SQL, and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Executor, setLocal } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { personNames, persons } from '../../db/schema/index.ts';
import { documentKey, phoneKey } from '../../domain/matching.ts';
import { nameTokens, phoneticKey } from '../../domain/names.ts';
import { AppError } from '../../errors.ts';
import { textArray } from '../../db/params.ts';

/**
 * A free-text search: which rows it finds, and how well each answers (0..1, best first). Rows are
 * found by two kinds of branch: the sure ones (identifiers, phonetic keys, the parts typed, the
 * case number), and name typos, which searchRanked asks for only as far as they can still reach
 * the page.
 */
export interface TextSearch {
  rank: SQL<number>;
  /** The sure branches on the person's columns. */
  personMatch: SQL;
  /** The case number, when the text has a digit (names never do). */
  numberMatch?: SQL | undefined;
  /** Names similar to the one typed (pg_trgm's `%`), when the text has a name. */
  typoMatch?: SQL | undefined;
}

/** What a search's query finds rows by: conditions on the person and on the case number. */
export interface SearchBranch {
  personMatch: SQL;
  numberMatch?: SQL | undefined;
}

/**
 * The trigram similarity from which a name counts as a typo of the one searched (pg_trgm's `%`).
 * Lower thresholds find more distant names, and more of them: at the default 0.3 a common
 * two-word name has thousands of namesakes of its near-namesakes. At 0.6 a one-letter typo in
 * either word still matches (Abdiev Emil ~ Abdyev Emil, ~ Abdiev Emel: 0.6); a transposed pair of
 * letters may not, and is then found by the other branches (phonetic keys, the part typed) or, at
 * registration, by the blocking of POST /persons/match, which does not depend on it.
 */
export const TYPO_SIMILARITY = 0.6;

/**
 * Persons whose canonical name is one of the registry's names (person_names) that `condition` on
 * `person_names.name` picks. Trigram similarity and substrings depend on the name alone, so this
 * finds the persons the condition would on their own names, but reads each name once instead of
 * once per namesake: a common name's thousands of bearers made the trigram index's lists long and
 * its recheck costly (20–30 ms for the typo branch alone, for such a name in a registry of a
 * million; 1–2 ms this way). The names found are an array the planner knows before it runs, so
 * the persons' index on the name serves them, and the branch can stand in an OR with the others.
 */
export const canonicalNameIn = (condition: SQL): SQL =>
  sql`${persons.nameCanonical} = any(array(select ${personNames.name} from ${personNames} where ${condition}))`;

const PHONE_LIKE = /^[+\d\s().-]{6,}$/;

/**
 * The one search of persons (and, with `caseNumber`, of cases): names in any script through their
 * canonical form (trigram similarity, phonetic keys, and canonical substrings while typing), the
 * pseudonym, the phone, a document number and the case number. Every condition can use an index.
 * Run it with searchRanked.
 */
export function textSearch(q: string, extra: { caseNumber?: AnyPgColumn } = {}): TextSearch {
  const t = persons;
  const tokens = [...new Set(nameTokens(q))];
  const canonical = tokens.join(' ');
  const keys = [...new Set(tokens.map(phoneticKey).filter((k) => k.length > 0))];
  // Trigram indexes cannot serve parts shorter than three letters, and such parts match nearly everyone.
  const parts = tokens.filter((tok) => tok.length >= 3);
  const phone = PHONE_LIKE.test(q) ? phoneKey(q) : null;
  const document = documentKey(q);
  const pattern = containsPattern(q);

  const similarity = canonical
    ? sql`coalesce(similarity(${t.nameCanonical}, ${canonical}::text), 0)`
    : sql`0`;
  const sounds = keys.length > 0 ? sql`${t.namePhonetic} @> ${textArray(keys)}` : undefined;
  const containsParts = (name: AnyPgColumn) => and(...parts.map((p) => ilike(name, containsPattern(p))));
  // What ranks a row is its own name; what finds it is the registry's names.
  const typed = parts.length > 0 ? containsParts(t.nameCanonical) : undefined;
  const typedMatch = parts.length > 0 ? canonicalNameIn(containsParts(personNames.name)!) : undefined;
  const phoneMatch = phone ? eq(t.phoneKey, phone) : undefined;
  const documentMatch = document ? sql`${t.documentKeys} @> ${textArray([document])}` : undefined;
  const numberMatch = extra.caseNumber && /\d/.test(q) ? ilike(extra.caseNumber, pattern) : undefined;
  const partly = or(ilike(t.pseudonym, pattern), numberMatch)!;
  // Every alternative on the person can use an index (trigram, GIN, btree), so they combine as a
  // bitmap OR; the case number is another table's, so callers joining cases match it apart.
  const personMatch = or(sounds, typedMatch, phoneMatch, documentMatch, ilike(t.pseudonym, pattern))!;
  const exact = or(
    phoneMatch,
    documentMatch,
    sql`lower(${t.pseudonym}) = lower(${q})`,
    extra.caseNumber ? sql`lower(${extra.caseNumber}) = lower(${q})` : undefined,
  )!;
  // An identifier typed in full answers best; then names by similarity, lifted when every typed
  // name sounds the same as one of theirs, or contains what has been typed so far.
  const rank = sql<number>`greatest(
    case when ${exact} then 1 else 0 end,
    ${similarity},
    ${sounds ? sql`case when ${sounds} then 0.8 + 0.2 * ${similarity} else 0 end` : sql`0`},
    ${typed ? sql`case when ${typed} then 0.5 + 0.3 * ${similarity} else 0 end` : sql`0`},
    case when ${partly} then 0.6 else 0 end
  )::float8`;
  const typoMatch = canonical ? canonicalNameIn(sql`${personNames.name} % ${canonical}::text`) : undefined;
  return { rank, personMatch, numberMatch, typoMatch };
}

/**
 * What a name search sets for its transaction. It reads a few hundred rows by index, where
 * parallel workers cost more to start than they save (in a registry of a million, a case search's
 * typo pass took 10.5–11.9 ms with one and 4.2–4.7 ms without); the planner, not knowing how many
 * names the registry's list will give (canonicalNameIn), guesses thousands of rows and starts them.
 * And it would rather scan a small list of names than ask its trigram index, counting pg_trgm's
 * similarity as cheap as an equality: in PGlite, 9,000 names scanned took 43–50 ms, the index 2.
 * Every branch of a search has its index, so no scan is needed.
 */
export const SEARCH_SETTINGS = { max_parallel_workers_per_gather: '0', enable_seqscan: 'off' };

const better = (a: { rank: number; id: string }, b: { rank: number; id: string }) =>
  b.rank - a.rank || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The first `wanted` rows of a search, best first (rank, then id, both descending, as rankedPage
 * orders them). `find` runs the caller's query on the given branches, so ordered and limited to
 * `wanted`. The sure branches go first. A row that only the typo branch finds ranks at its
 * similarity, so it can displace the last of those rows only if it is at least that similar: the
 * typo branch then runs with that rank as its threshold. For a common name the sure branches fill
 * the page with exact namesakes, and the trigram index, asked for names that similar, proposes a
 * few rows to recheck instead of thousands (the costly part of a search). The result is the same
 * as one query over all branches. Runs in a transaction (a read: view's `session`), whose typo
 * threshold it sets.
 */
export async function searchRanked<R extends { rank: number; id: string }>(
  tx: Executor,
  search: TextSearch,
  wanted: number,
  find: (branch: SearchBranch) => Promise<R[]>,
): Promise<R[]> {
  // The typo threshold goes with the other settings; it is raised only when the sure rows fill the page.
  await setLocal(tx, { ...SEARCH_SETTINGS, 'pg_trgm.similarity_threshold': String(TYPO_SIMILARITY) });
  const sure = await find({ personMatch: search.personMatch, numberMatch: search.numberMatch });
  if (!search.typoMatch) return sure;
  const last = sure.length >= wanted ? sure[wanted - 1]!.rank : 0;
  if (last > TYPO_SIMILARITY) await setLocal(tx, { 'pg_trgm.similarity_threshold': String(last) });
  const typos = await find({ personMatch: search.typoMatch });
  const seen = new Set(sure.map((r) => r.id));
  return [...sure, ...typos.filter((r) => !seen.has(r.id))].sort(better).slice(0, wanted);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keyset paging over a computed rank (search relevance, a match score), best first, ties broken by
 * id: the cursor carries the last rank and id, so pages stay stable and fast however deep.
 */
export function rankedPage(
  rank: SQL<number>,
  id: AnyPgColumn,
  cursor: string | undefined,
): { where?: SQL; orderBy: SQL[] } {
  const orderBy = [sql`${rank} desc`, desc(id)];
  if (!cursor) return { orderBy };
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    !Array.isArray(key) ||
    key.length !== 2 ||
    !Number.isFinite(key[0]) ||
    typeof key[1] !== 'string' ||
    !UUID.test(key[1])
  ) {
    throw new AppError(400, 'invalid_cursor', 'The cursor is not one this server issued');
  }
  return { where: sql`(${rank}, ${id}) < (${key[0] as number}::float8, ${key[1]}::uuid)`, orderBy };
}
