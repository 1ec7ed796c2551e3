/**
 * Client-side checks shared by the case forms. They run as the user types, so a mistake shows
 * next to its field at once; the server validates again and its answer is mapped to the same
 * fields. Problems are translation keys (with values), never sentences.
 */

import { isIsoDay, todayLocal } from '../intake/dates.ts';

/** Keys of the messages a check can produce (all under `cases.v`). */
export type ProblemKey =
  | 'cases.v.required'
  | 'cases.v.tooLong'
  | 'cases.v.date'
  | 'cases.v.future'
  | 'cases.v.returnBeforeDeparture'
  | 'cases.v.amount'
  | 'cases.v.amountPositive'
  | 'cases.v.amountNeedsCurrency'
  | 'cases.v.currencyNeedsAmount'
  | 'cases.v.country'
  | 'cases.v.currency'
  | 'cases.v.phone'
  | 'cases.v.wholeNumber'
  | 'cases.v.range'
  | 'cases.v.languages'
  | 'cases.v.cannotClear'
  | 'cases.v.oneAnswer'
  | 'cases.v.scope'
  | 'cases.v.acknowledge'
  | 'cases.v.districtRegion'
  | 'cases.v.dangerOnlyRisk';

/** One problem with one field: a message key and the values it interpolates. */
export interface Problem {
  key: ProblemKey;
  values?: Record<string, string | number>;
}

/** Problems per field of a form. */
export type Problems<F extends string> = Partial<Record<F, Problem>>;

const p = (key: ProblemKey, values?: Problem['values']): Problem => (values ? { key, values } : { key });

/** A required text of at most `max` characters. */
export function requiredText(value: string, max: number): Problem | undefined {
  if (!value.trim()) return p('cases.v.required');
  return optionalText(value, max);
}

/** An optional text of at most `max` characters. */
export function optionalText(value: string, max: number): Problem | undefined {
  return value.trim().length > max ? p('cases.v.tooLong', { max }) : undefined;
}

/** An optional ISO date, not after `today` when `past` is set. */
export function dateProblem(
  value: string,
  opts: { required?: boolean; past?: boolean; today?: string } = {},
) {
  if (!value) return opts.required ? p('cases.v.required') : undefined;
  if (!isIsoDay(value)) return p('cases.v.date');
  if (opts.past && value > (opts.today ?? todayLocal())) return p('cases.v.future');
  return undefined;
}

/** An optional whole number in [min, max]. */
export function wholeNumberProblem(value: string, min: number, max: number, required = false) {
  const text = value.trim();
  if (!text) return required ? p('cases.v.required') : undefined;
  if (!/^\d+$/.test(text)) return p('cases.v.wholeNumber');
  const n = Number(text);
  return n < min || n > max ? p('cases.v.range', { min, max }) : undefined;
}

/** An optional two-letter ISO country code. */
export function countryProblem(value: string, required = false) {
  if (!value.trim()) return required ? p('cases.v.required') : undefined;
  return /^[A-Za-z]{2}$/.test(value.trim()) ? undefined : p('cases.v.country');
}

/** An optional phone number in E.164 (+996555123456). */
export function phoneProblem(value: string) {
  const text = value.replace(/[\s()-]/g, '');
  if (!text) return undefined;
  return /^\+[1-9]\d{6,14}$/.test(text) ? undefined : p('cases.v.phone');
}

/** Comma-separated ISO 639 language codes (ky, ru, uz). */
export function languagesProblem(value: string) {
  const codes = splitList(value);
  return codes.every((c) => /^[a-z]{2,3}$/.test(c)) ? undefined : p('cases.v.languages');
}

/** A comma/semicolon/space separated list, lower-cased and de-duplicated. */
export function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,;\s]+/)
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** A problem key constructor for forms with rules of their own. */
export const problem = p;

/** Keep only the problems that exist (drops undefined entries). */
export function compact<F extends string>(entries: Record<F, Problem | undefined>): Problems<F> {
  const out: Problems<F> = {};
  for (const [field, value] of Object.entries(entries) as [F, Problem | undefined][])
    if (value) out[field] = value;
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * "Reload and re-apply" after a 409: start from the latest stored values and put back every
 * field the user changed from what they had loaded. Fields they did not touch take the latest
 * value, so someone else's change is kept unless the user changed that very field too.
 */
export function reapply<V extends object>(base: V, typed: V, latest: V): V {
  const out = { ...latest };
  for (const key of Object.keys(typed) as (keyof V)[]) {
    if (!same(typed[key], base[key])) out[key] = typed[key];
  }
  return out;
}

/** The fields whose value differs between two versions of a form. */
export function changedFields<V extends object>(base: V, typed: V): (keyof V)[] {
  return (Object.keys(typed) as (keyof V)[]).filter((key) => !same(typed[key], base[key]));
}
