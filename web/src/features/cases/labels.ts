/**
 * Names for codes that come with their own data rather than from i18n files: regions and districts
 * (GET /regions gives names in en/ky/ru), countries (Intl.DisplayNames), catalogue items (names per
 * language) and colleagues (GET /users).
 */
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/auth.ts';
import { isLocale } from '../../i18n/index.ts';
import { useRegions, useStaff } from './api.ts';
import type { CatalogueItem } from './types.ts';

const displayNames = new Map<string, Intl.DisplayNames>();

/** The name of an ISO 3166 country in `locale` (the code itself when unknown). */
export function countryName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    try {
      // Kyrgyz readers fall back to Russian names, which they read, before English ones.
      names = new Intl.DisplayNames(locale === 'ky' ? ['ky', 'ru'] : [locale, 'en'], { type: 'region' });
    } catch {
      return code;
    }
    displayNames.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The UI language as a key of the API's `names` objects. */
export function useNameLocale(): 'en' | 'ru' | 'ky' {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Region and district names in the UI language (codes until the list has loaded). */
export function useRegionNames() {
  const regions = useRegions();
  const lng = useNameLocale();
  const byCode = new Map<string, string>();
  for (const r of regions.data?.regions ?? []) byCode.set(r.iso, r.names[lng]);
  for (const d of regions.data?.districts ?? []) byCode.set(d.code, d.names[lng]);
  return {
    name: (code: string | null | undefined) => (code ? (byCode.get(code) ?? code) : ''),
    query: regions,
  };
}

/** Colleagues' names by id (only for roles that may list users; others see nothing named). */
export function useStaffNames() {
  const can = useCan();
  const staff = useStaff(can('user:read'));
  const byId = new Map((staff.data ?? []).map((u) => [u.id, u.displayName]));
  return { name: (id: string | null | undefined) => (id ? byId.get(id) : undefined), query: staff };
}

/** A catalogue item's name in the UI language. */
export function catalogueName(
  item: CatalogueItem | undefined,
  code: string,
  lng: 'en' | 'ru' | 'ky',
): string {
  return item?.names[lng] ?? code;
}
