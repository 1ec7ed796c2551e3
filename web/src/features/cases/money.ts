/**
 * Amounts on the case screens. The API returns `{ tyiyn, kgs }` and accepts the canonical KGS
 * text ("1500.50"); a caseworker types what they read in their language ("1 500,50" in Russian),
 * so input is normalised here and display goes through Intl with the current locale.
 */
import { formatNumber } from '../../i18n/format.ts';

/**
 * A typed amount as the API's canonical decimal text, or null when it is not an amount. Spaces
 * (also non-breaking) group digits; a comma or a dot is the decimal mark (at most two decimals).
 */
export function toCanonicalAmount(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  return match[2] === undefined ? whole : `${whole}.${match[2].padEnd(2, '0')}`;
}

/** Format an amount of som (the API's `kgs` text) as money in `locale`. */
export function formatKgs(kgs: string, locale: string): string {
  const value = Number(kgs);
  if (!Number.isFinite(value)) return kgs;
  return formatNumber(value, locale, { style: 'currency', currency: 'KGS', minimumFractionDigits: 2 });
}

/** Format an amount in another currency (unpaid wages in roubles, tenge …). */
export function formatMoney(amount: string, currency: string, locale: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return formatNumber(value, locale, { style: 'currency', currency });
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The share of the ceiling used, in percent (0–100 for the bar; over 100 is reported apart). */
export function budgetPercent(committedTyiyn: number, ceilingTyiyn: number | null): number | null {
  if (ceilingTyiyn === null || ceilingTyiyn <= 0) return null;
  return Math.round((committedTyiyn / ceilingTyiyn) * 1000) / 10;
}
