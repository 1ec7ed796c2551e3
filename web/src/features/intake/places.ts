/** Options for the place pickers: regions and districts by UI language, countries via Intl. */
import { COUNTRY_CODES, FREQUENT_COUNTRIES } from '../cases/codes.ts';
import type { SearchOption } from './SearchSelect.tsx';
import type { District, PlaceNames, Region } from './types.ts';

/** The name of a place in the UI language (English when the language is not one of ours). */
export function placeName(names: PlaceNames, lng: string): string {
  return lng === 'ru' || lng === 'ky' || lng === 'en' ? names[lng] : names.en;
}

const keywordsOf = (names: PlaceNames, code: string) =>
  [names.en, names.ru, names.ky, code].join(' ').toLowerCase();

/** Region options, alphabetical in the UI language, findable by any language's name or code. */
export function regionOptions(regions: readonly Region[], lng: string): SearchOption[] {
  return regions
    .map((r) => ({ value: r.iso, label: placeName(r.names, lng), keywords: keywordsOf(r.names, r.iso) }))
    .sort((a, b) => a.label.localeCompare(b.label, lng));
}

/** District options of one region (none when no region is chosen). */
export function districtOptions(
  districts: readonly District[],
  regionIso: string,
  lng: string,
): SearchOption[] {
  if (!regionIso) return [];
  return districts
    .filter((d) => d.regionIso === regionIso)
    .map((d) => ({ value: d.code, label: placeName(d.names, lng), keywords: keywordsOf(d.names, d.code) }))
    .sort((a, b) => a.label.localeCompare(b.label, lng));
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in the UI language via Intl (the code itself when the runtime has no name). */
export function countryName(code: string, lng: string): string {
  let names = displayNames.get(lng);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lng, 'en'], { type: 'region' });
    } catch {
      names = null;
    }
    displayNames.set(lng, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Country options: the usual destinations first, then every other country alphabetically. */
export function countryOptions(lng: string): SearchOption[] {
  const make = (code: string): SearchOption => {
    const label = countryName(code, lng);
    return { value: code, label, keywords: `${code.toLowerCase()} ${countryName(code, 'en').toLowerCase()}` };
  };
  const frequent = new Set<string>(FREQUENT_COUNTRIES);
  const rest = COUNTRY_CODES.filter((c) => !frequent.has(c))
    .map(make)
    .sort((a, b) => a.label.localeCompare(b.label, lng));
  return [...FREQUENT_COUNTRIES.map(make), ...rest];
}

/** A language's name in the UI language via Intl (the code when unknown). */
export function languageName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
