/**
 * Duplicate detection for beneficiaries registered by several offices (hotline, Single Window
 * Centres, consulates). Each field is compared on its own into a sub-score with an evidence code,
 * and the sub-scores are combined as log-odds (Fellegi–Sunter style): agreement on a rare field
 * (a phone, a document number) counts for much, a conflict (sex, dates of birth far apart) counts
 * strongly against, a missing field counts for nothing. The weights are data, so that an office
 * can recalibrate them on its own reviewed pairs; the result always explains itself.
 */
import { z } from 'zod';
import type { Sex } from './codes.ts';
import { isIsoDate } from './dates.ts';
import { memoised, memoisedPerObject } from './memo.ts';
import { nameStem, parseName, phoneticKey, type ParsedName } from './names.ts';

/**
 * What the matcher reads of a person; database rows may pass null for what is unknown. Every
 * field but the names is optional because offices record very different amounts.
 */
export interface MatchPerson {
  givenName: string;
  familyName: string;
  patronymic?: string | null | undefined;
  latinName?: string | null | undefined;
  sex: Sex;
  birthDate?: string | null | undefined;
  estimatedAge?: number | null | undefined;
  ageRecordedOn?: string | null | undefined;
  phone?: string | null | undefined;
  originRegion?: string | null | undefined;
  originDistrict?: string | null | undefined;
  documentNumbers?: readonly string[] | null | undefined;
  householdNames?: readonly string[] | null | undefined;
}

/** The compared fields, in the order results list them. */
export const MATCH_COMPONENTS = [
  'name',
  'birthDate',
  'sex',
  'origin',
  'phone',
  'document',
  'household',
] as const;
/** One compared field. */
export type MatchComponent = (typeof MATCH_COMPONENTS)[number];

const point = z.tuple([z.number().min(0).max(1), z.number().finite()]);

/**
 * A piecewise-linear map from a sub-score (0..1) to log-odds, as [subScore, logOdds] points from
 * 0 to 1; a curve rather than one weight because a name similarity of 0.8 is evidence against.
 */
export const matchCurveSchema = z
  .array(point)
  .min(2)
  .refine((c) => c[0]![0] === 0 && c.at(-1)![0] === 1, { message: 'A curve must run from sub-score 0 to 1' })
  .refine((c) => c.every((p, i) => i === 0 || p[0] > c[i - 1]![0]), {
    message: 'Curve points must have strictly increasing sub-scores',
  });

/** Validates a weight set, so an office can load weights fitted on its own reviewed pairs. */
export const matchWeightsSchema = z.strictObject({
  version: z.string().min(1),
  /** Log-odds of a duplicate before any evidence, for a candidate pair that blocking let through. */
  prior: z.number().finite(),
  curves: z.strictObject({
    name: matchCurveSchema,
    birthDate: matchCurveSchema,
    sex: matchCurveSchema,
    origin: matchCurveSchema,
    phone: matchCurveSchema,
    document: matchCurveSchema,
    household: matchCurveSchema,
  }),
});
/** A weight set. */
export type MatchWeights = z.infer<typeof matchWeightsSchema>;

/**
 * Koldoo's default weights, set by hand on the labelled pairs of `matching.test.ts`. The levels
 * each component's sub-scores take are documented beside the component below.
 */
// prettier-ignore
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  version: 'koldoo-match-2',
  prior: -3.5,
  curves: {
    // Below 0.86 the names are different names (a sibling's given name beside a shared surname);
    // 0.92 is a one-letter typo in a short name, 0.95 a phonetic variant. Between 0.86 and 0.9 (a
    // typo in one of two names, such as Сариева/Саирева) the name is only weak evidence against,
    // so agreeing birth date, sex and origin carry it; a sibling's different birth date does not.
    name: [[0, -7], [0.75, -5], [0.86, -2], [0.9, 0], [0.95, 3], [1, 5]],
    birthDate: [[0, -5.5], [0.1, -4.5], [0.2, -3.5], [0.5, 0], [0.7, 1.5], [0.85, 2.5], [1, 4]],
    // Agreement on sex says little (blocked candidates mostly agree); a conflict says a lot.
    sex: [[0, -6], [1, 0.4]],
    // Origin is stable in a person's records, so another region is fair evidence against.
    origin: [[0, -2.5], [0.3, -0.6], [0.55, 0.2], [0.7, 0.5], [1, 1]],
    // People change numbers and lend phones, so a difference barely counts; a match nearly decides,
    // but not against a clearly different name (relatives share one phone).
    phone: [[0, -0.4], [1, 4.5]],
    document: [[0, -0.5], [0.8, 6], [1, 9]],
    household: [[0, -5], [0.35, -0.3], [0.7, 1], [0.85, 2], [1, 2.5]],
  },
};

/** The score from which a pair is proposed to a caseworker as a probable duplicate. */
export const DEFAULT_THRESHOLD = 0.5;

/** One field's comparison: its sub-score (null when it cannot be compared), why, and its weight. */
export interface ComponentResult {
  score: number | null;
  evidence: string;
  logOdds: number;
}

/** A pair's score with its explanation, which the review screen and the audit log keep. */
export interface MatchResult {
  score: number;
  components: Record<MatchComponent, ComponentResult>;
  evidence: string[];
}

// ---------------------------------------------------------------------------------------------
// String similarity

/**
 * Jaro–Winkler similarity (prefix scale 0.1, up to four letters). The pair is put in a fixed order
 * first because the textbook algorithm is not exactly symmetric in its transposition count.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  if (a.length === 0 || b.length === 0) return 0;
  const [s1, s2] = a <= b ? [a, b] : [b, a];
  const window = Math.max(0, Math.floor(Math.max(s1.length, s2.length) / 2) - 1);
  const used1: boolean[] = new Array<boolean>(s1.length).fill(false);
  const used2: boolean[] = new Array<boolean>(s2.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s1.length; i++) {
    const hi = Math.min(s2.length - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (!used2[j] && s1[i] === s2[j]) {
        used1[i] = true;
        used2[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  for (let i = 0, k = 0; i < s1.length; i++) {
    if (!used1[i]) continue;
    while (!used2[k]) k++;
    if (s1[i] !== s2[k]) halfTranspositions++;
    k++;
  }
  const jaro = (matches / s1.length + matches / s2.length + (matches - halfTranspositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < s1.length && s1[prefix] === s2[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Optimal string alignment distance: one typo, including two swapped letters, costs 1.
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

interface Token {
  text: string;
  key: string;
  stem: string;
  /** Similarities to the tokens it has met (see tokenSimilarity), by token object. */
  met: Map<Token, number>;
}

const tokenInfo = memoised((text: string): Token => ({
  text,
  key: phoneticKey(text),
  stem: nameStem(text),
  met: new Map(),
}));

// A token keeps at most this many similarities (a common name meets thousands in a scan).
const MET_LIMIT = 2_000;

/**
 * Similarity of two canonical tokens. Jaro–Winkler alone rates names sharing a common Kyrgyz
 * prefix too high (Toktogulov/Toktosunov 0.92), so it is capped by an edit-distance ratio; equal
 * phonetic keys and equal surname stems (Nurlanov/Nurlan) lift it to a fixed level. Kept on the
 * token objects (shared through tokenInfo): common names meet each other again and again across
 * a scan, and a lookup by object is cheaper than one by a pair's text.
 */
function tokenSimilarity(x: Token, y: Token): number {
  if (x.text === y.text) return 1;
  let s = x.met.get(y);
  if (s === undefined) {
    s = x.text < y.text ? pairSimilarity(x, y) : pairSimilarity(y, x);
    if (x.met.size >= MET_LIMIT) x.met.clear();
    x.met.set(y, s);
  }
  return s;
}

// The measure itself, symmetric; computed on the pair in text order so that it is exactly so.
function pairSimilarity(x: Token, y: Token): number {
  const edits = editDistance(x.text, y.text);
  let s = Math.min(jaroWinkler(x.text, y.text), 1 - edits / (Math.max(x.text.length, y.text.length) + 1));
  if (x.stem.length >= 3 && x.stem === y.stem) s = Math.max(s, 0.92);
  if (x.key.length >= 2 && x.key === y.key) s = Math.max(s, 0.95);
  return s;
}

interface BagComparison {
  score: number;
  /** Mean similarity of the aligned tokens, ignoring unaligned extra tokens. */
  core: number;
  kind: 'exact' | 'phonetic' | 'subset' | 'fuzzy';
}

// Names have a handful of tokens; more than this is a data-entry accident, not a name.
const MAX_TOKENS = 8;

/**
 * Compares two token bags with the best one-to-one alignment (exhaustive over subsets, so the
 * result does not depend on argument order); extra tokens cost √coverage, not a full mismatch.
 */
function compareBags(a: readonly Token[], b: readonly Token[]): BagComparison | null {
  if (a.length === 0 || b.length === 0) return null;
  // Canonical tokens hold no spaces, so equal texts one by one are equal joined names.
  if (a.length === b.length && a.every((t, i) => t.text === b[i]!.text)) return EXACT;
  const swap = b.length < a.length || (b.length === a.length && textOf(b) < textOf(a));
  const short = (swap ? b : a).slice(0, MAX_TOKENS);
  const long = (swap ? a : b).slice(0, MAX_TOKENS);
  // One token (a member listed by given name, a single-word name): its best match, the first of equals.
  if (short.length === 1) {
    let core = -1;
    for (const y of long) core = Math.max(core, tokenSimilarity(short[0]!, y));
    return bagComparison(core, [core], 1, long.length);
  }
  const sim = short.map((x) => long.map((y) => tokenSimilarity(x, y)));
  // For each set of long tokens used (a bit mask): the best total, and its picks, of aligning the
  // first popcount(mask) short tokens to them.
  type Alignment = { total: number; picks: number[] };
  let best = new Map<number, Alignment>([[0, { total: 0, picks: [] }]]);
  for (let i = 0; i < short.length; i++) {
    const next = new Map<number, Alignment>();
    for (const [mask, { total, picks }] of best) {
      for (let j = 0; j < long.length; j++) {
        if (mask & (1 << j)) continue;
        const candidate = total + sim[i]![j]!;
        const m = mask | (1 << j);
        if (candidate > (next.get(m)?.total ?? -1)) next.set(m, { total: candidate, picks: [...picks, j] });
      }
    }
    best = next;
  }
  const { total, picks } = [...best.values()].reduce((x, y) => (y.total > x.total ? y : x));
  return bagComparison(
    total / short.length,
    picks.map((j, i) => sim[i]![j]!),
    short.length,
    long.length,
  );
}

const textOf = (tokens: readonly Token[]) => tokens.map((x) => x.text).join(' ');

const EXACT: BagComparison = Object.freeze({ score: 1, core: 1, kind: 'exact' });

// Extra tokens of the longer name cost √coverage; the kind says whether every aligned pair is close.
function bagComparison(core: number, aligned: number[], short: number, long: number): BagComparison {
  const score = core * Math.sqrt(short / long);
  const allClose = aligned.every((s) => s >= 0.95);
  const kind = !allClose ? 'fuzzy' : short === long ? 'phonetic' : 'subset';
  return { score, core, kind };
}

// Parsed names are shared through parseName's cache, so their tokens are worked out once too.
const tokensOf = memoisedPerObject((parsed: ParsedName): Token[] => parsed.tokens.map(tokenInfo));

/**
 * Similarity (0..1) of two full names in any script and word order: canonical tokens aligned
 * one-to-one, each pair scored by Jaro–Winkler capped by edit distance, with phonetic keys.
 */
export function nameSimilarity(a: string, b: string): number {
  return tokensSimilarity(tokensOf(parseName(a)), tokensOf(parseName(b)));
}

// nameSimilarity of names already split into tokens.
const tokensSimilarity = (x: readonly Token[], y: readonly Token[]): number => compareBags(x, y)?.score ?? 0;

// ---------------------------------------------------------------------------------------------
// Components

interface Comparison {
  score: number | null;
  evidence: string;
  extra?: string[];
}

const fullName = (p: MatchPerson): string => `${p.givenName} ${p.familyName}`;

// The father's name from wherever a registration put it: an uulu/kyzy form in the name, the
// patronymic field (Asanbaevich, "Asanbai uulu" or a bare name) or a patronymic typed in the name.
function fatherOf(p: MatchPerson, views: readonly ParsedName[]): string | null {
  for (const v of views) if (v.father) return nameStem(v.father);
  if (p.patronymic) {
    const parsed = parseName(p.patronymic);
    if (parsed.father) return nameStem(parsed.father);
    if (parsed.patronymic) return parsed.patronymic;
    if (parsed.tokens.length === 1) return nameStem(parsed.tokens[0]!);
  }
  for (const v of views) if (v.patronymic) return v.patronymic;
  return null;
}

const nameViews = memoisedPerObject((p: MatchPerson): ParsedName[] =>
  [fullName(p), p.latinName].filter((t): t is string => !!t && t.trim().length > 0).map(parseName),
);

/**
 * Names. Sub-score: the best token-bag similarity over the name fields and the Latin name; capped
 * at 0.5 when both fathers are known and differ (father and son, "X uulu Y" / "Y uulu Z").
 */
function compareName(a: MatchPerson, b: MatchPerson): Comparison {
  const va = nameViews(a);
  const vb = nameViews(b);
  let best: BagComparison | null = null;
  for (const x of va) {
    for (const y of vb) {
      const c = compareBags(tokensOf(x), tokensOf(y));
      if (c && (!best || c.score > best.score)) best = c;
    }
  }
  if (!best) return { score: null, evidence: 'name:unknown' };
  const code = {
    exact: 'name:exact_canonical',
    phonetic: 'name:phonetic',
    subset: 'name:token_subset',
    fuzzy: best.score >= 0.85 ? 'name:similar' : 'name:different',
  }[best.kind];
  const fa = fatherOf(a, va);
  const fb = fatherOf(b, vb);
  if (fa && fb) {
    const same = fa === fb || tokenSimilarity(tokenInfo(fa), tokenInfo(fb)) >= 0.9;
    if (!same) return { score: Math.min(best.score, 0.5), evidence: 'name:father_conflict', extra: [code] };
    return { score: best.score, evidence: code, extra: ['name:father_same'] };
  }
  return { score: best.score, evidence: code };
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;

// setUTCFullYear, not Date.UTC, which would read years 0–99 as 1900–1999.
const dayNumber = (iso: string): number =>
  new Date(0).setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
  DAY_MS;

// The same calendar day `years` earlier; 29 February becomes 28 February in common years.
const yearsBefore = (iso: string, years: number): number => {
  const y = Number(iso.slice(0, 4)) - years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const date = `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
  return dayNumber(date);
};

interface BirthRange {
  from: number;
  to: number;
  exact: string | null;
  /** How far an estimate may be off: older people's ages are guessed more roughly. */
  tolerance: number;
}

function birthRange(p: MatchPerson): BirthRange | 'undated_estimate' | null {
  if (p.birthDate && isIsoDate(p.birthDate)) {
    const d = dayNumber(p.birthDate);
    return { from: d, to: d, exact: p.birthDate, tolerance: 0 };
  }
  const age = p.estimatedAge;
  if (age === null || age === undefined || !Number.isInteger(age) || age < 0) return null;
  // An age without the date it was given at cannot be turned into a year of birth.
  if (!p.ageRecordedOn || !isIsoDate(p.ageRecordedOn)) return 'undated_estimate';
  // Aged `age` on that day: born after the day age+1 years before, on or before the day age years before.
  return {
    from: yearsBefore(p.ageRecordedOn, age + 1) + 1,
    to: yearsBefore(p.ageRecordedOn, age),
    exact: null,
    tolerance: Math.max(2, age / 10),
  };
}

const differsInOneDigit = (x: string, y: string): boolean => [...x].filter((c, i) => c !== y[i]).length === 1;

/**
 * Dates of birth, exact or estimated. Sub-scores: same_date 1, day_month_swapped 0.85,
 * one_digit_differs 0.75, same_year_placeholder (one is 1 January) 0.7,
 * within_one_year_of_estimate 0.65, estimates_agree 0.6, near_estimate 0.5, same_year 0.2,
 * apart_from_estimate 0.25, different_date 0.1, far_apart/far_from_estimate 0.
 */
function compareBirth(a: MatchPerson, b: MatchPerson): Comparison {
  const ra = birthRange(a);
  const rb = birthRange(b);
  if (ra === 'undated_estimate' || rb === 'undated_estimate') {
    return { score: null, evidence: 'birth:estimate_undated' };
  }
  if (!ra || !rb) return { score: null, evidence: 'birth:unknown' };
  if (ra.exact && rb.exact) {
    const [x, y] = [ra.exact, rb.exact];
    if (x === y) return { score: 1, evidence: 'birth:same_date' };
    const sameYear = x.slice(0, 4) === y.slice(0, 4);
    if (sameYear && x.slice(5, 7) === y.slice(8, 10) && x.slice(8, 10) === y.slice(5, 7)) {
      return { score: 0.85, evidence: 'birth:day_month_swapped' };
    }
    if (differsInOneDigit(x, y)) return { score: 0.75, evidence: 'birth:one_digit_differs' };
    // 1 January is what many registers write when only the year is known.
    if (sameYear && (x.endsWith('-01-01') || y.endsWith('-01-01'))) {
      return { score: 0.7, evidence: 'birth:same_year_placeholder' };
    }
    if (sameYear) return { score: 0.2, evidence: 'birth:same_year' };
    const years = Math.abs(ra.from - rb.from) / YEAR_DAYS;
    return years <= 2
      ? { score: 0.1, evidence: 'birth:different_date' }
      : { score: 0, evidence: 'birth:far_apart' };
  }
  const gapDays = Math.max(0, Math.max(ra.from, rb.from) - Math.min(ra.to, rb.to));
  const gap = gapDays / YEAR_DAYS;
  const bothEstimated = !ra.exact && !rb.exact;
  const tolerance = Math.max(ra.tolerance, rb.tolerance) + (bothEstimated ? 1 : 0);
  if (gap <= 1) {
    return bothEstimated
      ? { score: 0.6, evidence: 'birth:estimates_agree' }
      : { score: 0.65, evidence: 'birth:within_one_year_of_estimate' };
  }
  if (gap <= tolerance) return { score: 0.5, evidence: 'birth:near_estimate' };
  if (gap <= 2 * tolerance) return { score: 0.25, evidence: 'birth:apart_from_estimate' };
  return { score: 0, evidence: bothEstimated ? 'birth:estimates_far_apart' : 'birth:far_from_estimate' };
}

/** Sex: same 1, conflict (female/male) 0; "other" and "unknown" compare only with themselves. */
function compareSex(a: MatchPerson, b: MatchPerson): Comparison {
  if (a.sex === 'unknown' || b.sex === 'unknown') return { score: null, evidence: 'sex:unknown' };
  if (a.sex === b.sex) return { score: 1, evidence: 'sex:same' };
  if (a.sex === 'other' || b.sex === 'other') return { score: null, evidence: 'sex:uncertain' };
  return { score: 0, evidence: 'sex:conflict' };
}

// A city of republican significance and the oblast around it, which people name interchangeably.
const CITY_REGION: Record<string, string> = { 'KG-GO': 'KG-O', 'KG-GB': 'KG-C' };

// District codes are the region code and a name: KG-O-ARAVAN lies in KG-O.
const regionOf = (p: MatchPerson): string | null =>
  p.originRegion ?? (p.originDistrict ? p.originDistrict.split('-').slice(0, 2).join('-') : null);

/**
 * Place of origin. Sub-scores: same_district 1, same_region 0.7, city_and_region 0.55,
 * different_district 0.3, different_region 0.
 */
function compareOrigin(a: MatchPerson, b: MatchPerson): Comparison {
  const ra = regionOf(a);
  const rb = regionOf(b);
  if (!ra || !rb) return { score: null, evidence: 'origin:unknown' };
  if (ra !== rb) {
    const neighbours = CITY_REGION[ra] === rb || CITY_REGION[rb] === ra;
    return neighbours
      ? { score: 0.55, evidence: 'origin:city_and_region' }
      : { score: 0, evidence: 'origin:different_region' };
  }
  if (a.originDistrict && b.originDistrict) {
    return a.originDistrict === b.originDistrict
      ? { score: 1, evidence: 'origin:same_district' }
      : { score: 0.3, evidence: 'origin:different_district' };
  }
  return { score: 0.7, evidence: 'origin:same_region' };
}

/**
 * The comparable part of a phone number: its last nine digits (a Kyrgyz national number), so
 * +996 555 123 456 and 0555 123456 agree; null when too short to mean anything.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length < 6) return null;
  return digits.length >= 9 ? digits.slice(-9) : digits;
}

/** Phone: same 1, different 0. */
function comparePhone(a: MatchPerson, b: MatchPerson): Comparison {
  const pa = phoneKey(a.phone);
  const pb = phoneKey(b.phone);
  if (!pa || !pb) return { score: null, evidence: 'phone:unknown' };
  return pa === pb ? { score: 1, evidence: 'phone:same' } : { score: 0, evidence: 'phone:different' };
}

// Cyrillic capitals that look like Latin ones: a passport series typed on a Russian keyboard
// (АС 1234567) is the same series as AC1234567. Look-alikes, not transliteration (Р is P, not R).
const HOMOGLYPHS: Record<string, string> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  У: 'Y',
};

/**
 * A document number as compared and indexed: upper case, Cyrillic look-alikes as Latin, only
 * letters and digits; null unless it has at least four digits (not a placeholder like "нет").
 */
export function documentKey(number: string): string | null {
  const key = [...number.normalize('NFKC').toUpperCase()]
    .map((c) => HOMOGLYPHS[c] ?? c)
    .join('')
    .replace(/[^A-Z0-9]/g, '');
  return key.length >= 5 && (key.match(/\d/g)?.length ?? 0) >= 4 ? key : null;
}

const documentKeys = (p: MatchPerson): string[] =>
  (p.documentNumbers ?? []).map(documentKey).filter((k): k is string => k !== null);

/**
 * Documents: same_number 1, same_digits (series written on one side only) 0.8, none_common 0;
 * a renewed passport has a new number, so a difference weighs little.
 */
function compareDocuments(a: MatchPerson, b: MatchPerson): Comparison {
  const da = documentKeys(a);
  const db = documentKeys(b);
  if (da.length === 0 || db.length === 0) return { score: null, evidence: 'document:unknown' };
  if (da.some((x) => db.includes(x))) return { score: 1, evidence: 'document:same_number' };
  const digits = (k: string) => k.replace(/\D/g, '');
  const longDigits = (ks: string[]) => ks.map(digits).filter((d) => d.length >= 7);
  const ga = longDigits(da);
  if (longDigits(db).some((d) => ga.includes(d))) return { score: 0.8, evidence: 'document:same_digits' };
  return { score: 0, evidence: 'document:none_common' };
}

// Household members are often listed by given name only, so a member matches on the tokens the
// shorter name has (core similarity), not on the whole name.
const sameMember = (x: Token[], y: Token[]): boolean => (compareBags(x, y)?.core ?? 0) >= 0.9;

// Largest one-to-one matching of members (augmenting paths), so the count is order-independent.
function commonMembers(a: Token[][], b: Token[][]): number {
  // Each pair of members is compared once, however often the augmenting paths revisit it.
  const same = a.map((x) => b.map((y) => sameMember(x, y)));
  const owner: number[] = new Array<number>(b.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < b.length; j++) {
      if (seen[j] || !same[i]![j]) continue;
      seen[j] = true;
      if (owner[j] === -1 || tryAssign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  let count = 0;
  for (let i = 0; i < a.length; i++) if (tryAssign(i, new Array<boolean>(b.length).fill(false))) count++;
  return count;
}

/** A person's household as the matcher compares it, worked out once per person. */
interface Household {
  /** The tokens of the person's own name (given and family). */
  self: Token[];
  /** How many members are listed with a name. */
  listed: number;
  /** The tokens of each listed member's name, those with none left out. */
  members: Token[][];
}

const householdOf = memoisedPerObject((p: MatchPerson): Household => {
  const names = (p.householdNames ?? []).filter((n) => n.trim().length > 0);
  return {
    self: tokensOf(parseName(fullName(p))),
    listed: names.length,
    members: names.map((n) => tokensOf(parseName(n))).filter((t) => t.length > 0),
  };
});

/**
 * Household members. Sub-scores: lists_other (one lists the other as a member: relatives, not
 * one person) 0, none_common 0.35, 1_common 0.7, 2_common 0.85, 3 or more 1.
 */
function compareHousehold(a: MatchPerson, b: MatchPerson): Comparison {
  const ha = householdOf(a);
  const hb = householdOf(b);
  // A member named like the lister (a namesake son or father) says nothing about the other record.
  const listsOther = (lister: Household, other: Household) =>
    lister.members.some(
      (m) => tokensSimilarity(m, other.self) >= 0.92 && tokensSimilarity(m, lister.self) < 0.92,
    );
  if (listsOther(ha, hb) || listsOther(hb, ha)) return { score: 0, evidence: 'household:lists_other' };
  if (ha.listed === 0 || hb.listed === 0) return { score: null, evidence: 'household:unknown' };
  const k = commonMembers(ha.members, hb.members);
  if (k === 0) return { score: 0.35, evidence: 'household:none_common' };
  return { score: k >= 3 ? 1 : k === 2 ? 0.85 : 0.7, evidence: `household:${k}_common` };
}

const COMPARE: Record<MatchComponent, (a: MatchPerson, b: MatchPerson) => Comparison> = {
  name: compareName,
  birthDate: compareBirth,
  sex: compareSex,
  origin: compareOrigin,
  phone: comparePhone,
  document: compareDocuments,
  household: compareHousehold,
};

/** Reads a weight curve at a sub-score by linear interpolation between its points. */
export function curveValue(curve: MatchWeights['curves']['name'], subScore: number): number {
  const s = Math.min(1, Math.max(0, subScore));
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i]!;
    if (s <= x1) {
      const [x0, y0] = curve[i - 1]!;
      return y0 + ((s - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return curve.at(-1)![1];
}

// Every field of a person, in the fixed order that orders a pair (TypeScript checks it is all).
const PERSON_FIELDS = Object.keys({
  givenName: true,
  familyName: true,
  patronymic: true,
  latinName: true,
  sex: true,
  birthDate: true,
  estimatedAge: true,
  ageRecordedOn: true,
  phone: true,
  originRegion: true,
  originDistrict: true,
  documentNumbers: true,
  householdNames: true,
} satisfies Record<keyof MatchPerson, true>) as (keyof MatchPerson)[];

// A field's value as text that tells every value apart, an absent one included.
const fieldText = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));

/**
 * Whether `b` comes before `a` in a fixed order of their contents: a pair is scored in that order,
 * so that every floating-point sum runs the same way for (a, b) and (b, a) and the score is
 * exactly symmetric, not merely up to rounding. The first field in which they differ decides;
 * persons alike in every field are scored alike in either order. (Writing each whole person out
 * as JSON to compare, as this once did, was about a twentieth of a registration check's CPU.)
 */
function precedes(b: MatchPerson, a: MatchPerson): boolean {
  for (const field of PERSON_FIELDS) {
    if (b[field] === a[field]) continue;
    const [x, y] = [fieldText(b[field]), fieldText(a[field])];
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Scores how likely two person records are the same person (0..1, compare with
 * DEFAULT_THRESHOLD), with each field's sub-score and evidence codes for the reviewer.
 */
export function matchScore(
  a: MatchPerson,
  b: MatchPerson,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): MatchResult {
  const [x, y] = precedes(b, a) ? [b, a] : [a, b];
  let logOdds = weights.prior;
  const evidence: string[] = [];
  const components = {} as Record<MatchComponent, ComponentResult>;
  for (const component of MATCH_COMPONENTS) {
    const part = COMPARE[component](x, y);
    const contribution = part.score === null ? 0 : curveValue(weights.curves[component], part.score);
    components[component] = { score: part.score, evidence: part.evidence, logOdds: contribution };
    logOdds += contribution;
    if (part.score !== null) evidence.push(part.evidence, ...(part.extra ?? []));
  }
  return { score: 1 / (1 + Math.exp(-logOdds)), components, evidence };
}

/** Whether a pair should be proposed to a caseworker as a duplicate; merging stays a human decision. */
export function isProbableDuplicate(
  a: MatchPerson,
  b: MatchPerson,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
  threshold: number = DEFAULT_THRESHOLD,
): boolean {
  return matchScore(a, b, weights).score >= threshold;
}

/** The columns a database stores per person so that candidates can be found without scanning. */
export interface PersonMatchKeys {
  /** Sorted canonical tokens joined by spaces: for pg_trgm similarity search, word order free. */
  canonicalName: string;
  /** Canonical tokens of every name field and the Latin name, for exact token overlap. */
  nameTokens: string[];
  /** Phonetic keys of those tokens: the blocking key (candidates share at least one). */
  phoneticKeys: string[];
  /** Father's name stem, from uulu/kyzy or the patronymic. */
  fatherStem: string | null;
  phoneKey: string | null;
  documentKeys: string[];
  /** Earliest and latest plausible birth years, estimates widened by their tolerance. */
  birthYears: [number, number] | null;
}

/** Derives the stored match columns of a person (recomputed whenever a name or date changes). */
export function personMatchKeys(p: MatchPerson): PersonMatchKeys {
  const views = nameViews(p);
  const tokens = [...new Set(views.flatMap((v) => v.tokens))].sort();
  const main = views[0]?.tokens ?? [];
  const range = birthRange(p);
  let birthYears: [number, number] | null = null;
  if (range && range !== 'undated_estimate') {
    const year = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
    const slack = Math.ceil(range.tolerance);
    birthYears = [year(range.from) - slack, year(range.to) + slack];
  }
  return {
    canonicalName: main.join(' '),
    nameTokens: tokens,
    phoneticKeys: [...new Set(tokens.map(phoneticKey).filter((k) => k.length > 0))].sort(),
    fatherStem: fatherOf(p, views),
    phoneKey: phoneKey(p.phone),
    documentKeys: [...new Set(documentKeys(p))].sort(),
    birthYears,
  };
}
