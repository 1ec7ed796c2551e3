/**
 * i18next setup: one language file per locale, loaded on demand so the first page downloads only
 * the language the user reads (each file is its own small chunk).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types.ts';
import type { Translation } from './resources.ts';

export type { Translation };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

/** localStorage key that remembers the language, so the sign-in page opens in it. */
export const LOCALE_STORAGE_KEY = 'koldoo.locale';

// One folder per language, one file per area of the UI (core.json, cases.json, …): each area
// owns its top-level keys, and a language's files are merged when it is first needed.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json');

async function loadLocale(lng: Locale): Promise<{ default: Translation }> {
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`./${lng}/`))
      .map(([, load]) => load()),
  );
  return { default: Object.assign({}, ...parts.map((p) => p.default)) as Translation };
}

const loaders: Record<Locale, () => Promise<{ default: Translation }>> = {
  en: () => loadLocale('en'),
  ru: () => loadLocale('ru'),
  ky: () => loadLocale('ky'),
};

/** Narrow any string to a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, policy): fall back to the browser
  }
}

/** Pick the language: the one saved on this device, else the browser's, else English. */
export function detectLocale(
  stored: string | null = readStoredLocale(),
  browser: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

async function ensureLoaded(lng: Locale): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  const mod = await loaders[lng]();
  i18n.addResourceBundle(lng, 'translation', mod.default, true, true);
}

/** Start i18next with the detected language; resolves once its strings are loaded. */
export async function initI18n(): Promise<void> {
  const lng = detectLocale();
  const mod = await loaders[lng]();
  await i18n.use(initReactI18next).init({
    lng,
    supportedLngs: [...LOCALES],
    // The i18n test guarantees every key exists in every language, so no second file is fetched.
    fallbackLng: false,
    resources: { [lng]: { translation: mod.default } },
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React already escapes
    returnEmptyString: false,
    react: { useSuspense: false },
  });
  document.documentElement.lang = lng;
}

/** Switch the UI language (loads its file first), remember it on this device and set <html lang>. */
export async function applyLanguage(lng: Locale): Promise<void> {
  await ensureLoaded(lng);
  await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, lng);
  } catch {
    // storage unavailable: the language still applies for this visit
  }
}

/** The active UI language as a supported locale. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** The configured i18next instance (for code outside React, e.g. document titles). */
export default i18n;
