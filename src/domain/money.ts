/**
 * Money is integer tyiyn (1 som = 100 tyiyn) held in a safe-integer `number`, never a float amount
 * of som: grants and ceilings must add up to the tyiyn in reports and audits.
 */
import { z } from 'zod';

/** Validates a stored or computed amount: a non-negative safe integer of tyiyn. */
export const tyiynSchema = z.int().min(0);

const CANONICAL = /^(\d+)(?:\.(\d{1,2}))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

const toTyiyn = (whole: string, fraction = ''): number | undefined => {
  const tyiyn = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return tyiyn <= MAX ? Number(tyiyn) : undefined;
};

const formatters = new Map<string, Intl.NumberFormat>();
const formatter = (locale: string): Intl.NumberFormat => {
  let found = formatters.get(locale);
  if (!found) {
    // Latin digits always, so that what we print we can parse back.
    found = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      numberingSystem: 'latn',
    });
    formatters.set(locale, found);
  }
  return found;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds the pattern of an amount as people write it in `locale`: groups of three (any space
 * counts when the locale groups with a space) or no grouping, and the locale's decimal mark — or
 * a dot, unless the locale groups with dots.
 */
const localePattern = (locale: string): RegExp => {
  const parts = formatter(locale).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const g = /\s/.test(group) ? '\\s' : escape(group);
  const d = group === '.' ? escape(decimal) : `[${escape(decimal)}.]`;
  return new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d{1,2}))?$`);
};

/**
 * Parses a KGS amount into tyiyn. Without `locale` only the API's canonical form is accepted
 * ("1500.50": digits, at most two decimals); with it, also the locale's grouping and decimal mark
 * ("1 500,50" in ru), so a caseworker can type what they read. Negatives, more than two decimals,
 * exponents and numbers (already floats, so already imprecise) are refused.
 */
export function parseKgs(text: string, locale?: string): number {
  if (typeof text !== 'string') throw new TypeError('A KGS amount must be given as a decimal string');
  const match = locale === undefined ? CANONICAL.exec(text) : localePattern(locale).exec(text.trim());
  const tyiyn = match?.[1] === undefined ? undefined : toTyiyn(match[1].replace(/\D/g, ''), match[2]);
  if (tyiyn === undefined) throw new RangeError(`Not a KGS amount: ${JSON.stringify(text)}`);
  return tyiyn;
}

/** Validates a canonical KGS amount in a request ("1500.50") and turns it into tyiyn. */
export const kgsAmountSchema = z
  .string()
  .regex(CANONICAL, 'A KGS amount like 1500.50: digits and at most two decimals')
  .transform((text, ctx) => {
    const [whole = '', fraction] = text.split('.');
    const tyiyn = toTyiyn(whole, fraction);
    if (tyiyn === undefined) ctx.addIssue({ code: 'custom', message: 'The amount is too large' });
    return tyiyn ?? z.NEVER;
  });

const check = (tyiyn: number): void => {
  if (!Number.isSafeInteger(tyiyn) || tyiyn < 0) throw new RangeError(`Not an amount of tyiyn: ${tyiyn}`);
};

/** Shows an amount as people in `locale` write it, always with two decimals ("1 500,50" in ru). */
export function formatKgs(tyiyn: number, locale: string): string {
  check(tyiyn);
  const exact = BigInt(tyiyn);
  const fraction = String(exact % 100n).padStart(2, '0');
  // Whole som go to Intl as a bigint and the tyiyn are spliced in, so no float ever rounds them.
  return formatter(locale)
    .formatToParts(exact / 100n)
    .map((part) => (part.type === 'fraction' ? fraction : part.value))
    .join('');
}

/** Adds amounts, refusing to return a total that is no longer exact. */
export function sumTyiyn(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    check(amount);
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('The total exceeds the largest exact amount');
  }
  return total;
}
