/**
 * Dates and numbers through Intl in the current UI language, so a Kyrgyz caseworker sees
 * "12-март 2026" style dates and Russian digit grouping without any hand-written formats.
 */
import { useTranslation } from 'react-i18next';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Format a date (no time) for `locale`; invalid input is returned as given. */
export function formatDate(value: string | number | Date, locale: string): string {
  const d = toDate(value);
  return d ? dateFormat(locale, { dateStyle: 'medium' }).format(d) : String(value);
}

/** Format a date and time (to the second, as audit trails need) for `locale`. */
export function formatDateTime(value: string | number | Date, locale: string): string {
  const d = toDate(value);
  return d ? dateFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(d) : String(value);
}

/** Format a number for `locale` (grouping, decimal separator). */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** Formatters bound to the current UI language; components re-render when the language changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    date: (value: string | number | Date) => formatDate(value, locale),
    dateTime: (value: string | number | Date) => formatDateTime(value, locale),
    number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
  };
}
