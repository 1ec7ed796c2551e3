/**
 * Who each generated person is, and which of them are the same person registered twice. Pure
 * functions of (seed, index): a later matcher test can ask `plantedDuplicates(seed, n)` for the
 * truth and measure its precision and recall on a generated database without any table of labels.
 */
import type { Sex } from '../domain/codes.ts';
import { toLatin } from '../domain/transliterate.ts';
import {
  type Ethnicity,
  FAMILY_NAMES,
  FEMALE_NAMES,
  MALE_NAMES,
  SETTLEMENTS,
  fathersName,
  feminine,
  kyrgyzDescent,
  patronymicOf,
} from './names.ts';
import {
  DISTRICT_WEIGHTS,
  ETHNICITY_WEIGHTS,
  OFFICE_WEIGHTS,
  ORIGIN_WEIGHTS,
  type OfficeKey,
  type OriginRegion,
} from './places.ts';
import { KIND, Rng, STREAM, type SeedKey, generatedId, seedKey } from './prng.ts';

/** A person as they really are (before any office writes them down). */
export interface Identity {
  ethnicity: Ethnicity;
  sex: Extract<Sex, 'male' | 'female'>;
  givenName: string;
  familyName: string;
  patronymic: string | null;
  latinName: string;
  birthDate: string;
  /** Whether the office recorded an estimated age instead of the date (no document at hand). */
  ageEstimated: boolean;
  originRegion: OriginRegion;
  originDistrict: string | null;
  originSettlement: string | null;
  phone: string | null;
}

/** How a planted duplicate differs from the first registration. */
export type Variation =
  'transliteration' | 'misspelling' | 'no_patronymic' | 'swapped_order' | 'estimated_age';
const VARIATIONS: readonly Variation[] = [
  'transliteration',
  'misspelling',
  'no_patronymic',
  'swapped_order',
  'estimated_age',
];

/** The share of persons that are a second registration of an earlier one. */
export const DUPLICATE_SHARE = 0.03;

const latinOf = (given: string, patronymic: string | null, family: string) =>
  toLatin([given, patronymic, family].filter(Boolean).join(' '));

function birthDate(rng: Rng): string {
  // Most migrants are 20–40; a tail of older seasonal workers, a few teenagers.
  const year = rng.chance(0.8) ? rng.int(1983, 2004) : rng.int(1962, 1982);
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : 30);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The person drawn fresh for an index, whether or not that index ends up a duplicate. */
export function baseIdentity(key: SeedKey, index: number): Identity {
  const rng = new Rng(key, STREAM.identity, index);
  const originRegion = rng.weighted(ORIGIN_WEIGHTS);
  const districts = DISTRICT_WEIGHTS[originRegion]!;
  const originDistrict = Object.keys(districts).length > 0 ? rng.weighted(districts) : null;
  const ethnicity = rng.weighted(ETHNICITY_WEIGHTS[originRegion]);
  const sex = rng.chance(0.62) ? 'male' : 'female';
  const givenName = rng.pick((sex === 'male' ? MALE_NAMES : FEMALE_NAMES)[ethnicity]);
  const father = rng.pick(MALE_NAMES[ethnicity].filter(fathersName));
  let familyName = rng.pick(FAMILY_NAMES[ethnicity]);
  let patronymic: string | null = rng.chance(ethnicity === 'ru' ? 0.95 : 0.75)
    ? patronymicOf(father, sex)
    : null;
  if (ethnicity === 'ky' && rng.chance(0.25)) {
    familyName = kyrgyzDescent(father, sex);
    patronymic = null;
  } else if (sex === 'female') {
    familyName = feminine(familyName);
  }
  const mobile = rng.pick(['50', '55', '70', '77', '99', '22']);
  return {
    ethnicity,
    sex,
    givenName,
    familyName,
    patronymic,
    latinName: latinOf(givenName, patronymic, familyName),
    birthDate: birthDate(rng),
    ageEstimated: rng.chance(0.1),
    originRegion,
    originDistrict,
    originSettlement: originDistrict && rng.chance(0.6) ? rng.pick(SETTLEMENTS) : null,
    phone: rng.chance(0.8) ? `+996${mobile}${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : null,
  };
}

/** The office that registers a person (a duplicate picks another office of the same region). */
export function officeOf(key: SeedKey, index: number, region: OriginRegion, not?: OfficeKey): OfficeKey {
  const rng = new Rng(key, STREAM.identity + 100, index);
  const weights = { ...OFFICE_WEIGHTS[region] };
  if (not && Object.keys(weights).length > 1) delete weights[not];
  return rng.weighted(weights as Record<OfficeKey, number>);
}

/** For a planted duplicate: the index of the first registration and how the second one differs. */
export function duplicateOf(
  key: SeedKey,
  index: number,
): { original: number; variations: Variation[] } | null {
  if (index < 20) return null;
  const rng = new Rng(key, STREAM.duplicate, index);
  if (!rng.chance(DUPLICATE_SHARE)) return null;
  let original = Math.floor(rng.next() * index);
  // Always point at a first registration, never at another duplicate.
  for (let d = duplicateOf(key, original); d; d = duplicateOf(key, original)) original = d.original;
  const base = baseIdentity(key, original);
  // A variation that would change nothing (no patronymic to drop, an age already estimated) becomes a misspelling.
  const idle = (v: Variation) =>
    (v === 'no_patronymic' && !base.patronymic) || (v === 'estimated_age' && base.ageEstimated);
  const variations = [
    ...new Set(rng.some(VARIATIONS, rng.chance(0.3) ? 2 : 1).map((v) => (idle(v) ? 'misspelling' : v))),
  ];
  return { original, variations };
}

// Older and foreign transliterations of the same Cyrillic: what another clerk's keyboard produces.
// asanbay → asanbai / asanbaj, zh → j, kh → h, -ov → -off, yu → iu, a French u → ou, and so on.
const LATIN_ALTERNATIVES: readonly [RegExp, string][] = [
  [/ay\b/g, 'ai'],
  [/ay\b/g, 'aj'],
  [/kh/g, 'h'],
  [/zh/g, 'j'],
  [/yu/g, 'iu'],
  [/ya/g, 'ia'],
  [/ov\b/g, 'off'],
  [/ch/g, 'tch'],
  [/y/g, 'i'],
  [/u/, 'ou'],
  [/sh/g, 'ch'],
  [/\bE/g, 'Ye'],
  [/ts/g, 'c'],
];

function alternativeLatin(rng: Rng, latin: string): string {
  const applicable = LATIN_ALTERNATIVES.filter(([re]) => latin.search(re) >= 0);
  if (applicable.length === 0) return latin.toUpperCase();
  const [re, to] = rng.pick(applicable);
  return latin.replace(re, to);
}

// Typing Kyrgyz on a Russian keyboard, and ordinary slips.
const LETTER_SLIPS: readonly [string, string][] = [
  ['ө', 'о'],
  ['ү', 'у'],
  ['ң', 'н'],
  ['ы', 'и'],
  ['и', 'ы'],
  ['э', 'е'],
  ['е', 'э'],
  ['ж', 'дж'],
  ['ё', 'е'],
];

function misspell(rng: Rng, name: string): string {
  const slips = LETTER_SLIPS.filter(([from]) => name.includes(from));
  if (slips.length > 0 && rng.chance(0.6)) {
    const [from, to] = rng.pick(slips);
    return name.replace(from, to);
  }
  const at = rng.int(1, Math.max(1, name.length - 2));
  if (name[at] === name[at + 1] || rng.chance(0.5)) return name.slice(0, at) + name.slice(at + 1);
  return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
}

/** The identity a second registration records: the original's, changed as its variations say. */
export function variantIdentity(
  key: SeedKey,
  index: number,
  original: Identity,
  variations: readonly Variation[],
): Identity {
  const rng = new Rng(key, STREAM.duplicate + 100, index);
  const v = { ...original };
  for (const variation of variations) {
    if (variation === 'misspelling') {
      if (rng.chance(0.5)) v.familyName = misspell(rng, v.familyName);
      else v.givenName = misspell(rng, v.givenName);
    }
    if (variation === 'no_patronymic') v.patronymic = null;
    if (variation === 'swapped_order') [v.givenName, v.familyName] = [v.familyName, v.givenName];
    if (variation === 'estimated_age') v.ageEstimated = true;
  }
  v.latinName = latinOf(v.givenName, v.patronymic, v.familyName);
  if (variations.includes('transliteration')) v.latinName = alternativeLatin(rng, v.latinName);
  if (rng.chance(0.4)) v.phone = null;
  return v;
}

/** The identity recorded for an index: its own, or a variant of the person it duplicates. */
export function recordedIdentity(key: SeedKey, index: number): Identity {
  const dup = duplicateOf(key, index);
  if (!dup) return baseIdentity(key, index);
  return variantIdentity(key, index, baseIdentity(key, dup.original), dup.variations);
}

/** The id of the person generated at an index. */
export const personId = (key: SeedKey, index: number): string => generatedId(key, KIND.person, index);

/** One planted pair: the first registration, the second, and how the second differs. */
export interface PlantedDuplicate {
  originalIndex: number;
  duplicateIndex: number;
  originalId: string;
  duplicateId: string;
  variations: Variation[];
}

/** Every planted duplicate pair among the first `n` persons of a seed: the truth a matcher is scored against. */
export function plantedDuplicates(seed: string | SeedKey, n: number): PlantedDuplicate[] {
  const key = typeof seed === 'string' ? seedKey(seed) : seed;
  const pairs: PlantedDuplicate[] = [];
  for (let i = 0; i < n; i++) {
    const dup = duplicateOf(key, i);
    if (!dup) continue;
    pairs.push({
      originalIndex: dup.original,
      duplicateIndex: i,
      originalId: personId(key, dup.original),
      duplicateId: personId(key, i),
      variations: dup.variations,
    });
  }
  return pairs;
}
