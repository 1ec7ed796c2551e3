/**
 * Calendar dates as ISO 8601 strings (YYYY-MM-DD), never Date objects: a date of birth or of return
 * has no time zone, and string dates compare correctly as text. "Today" is always passed in.
 */
import { z } from 'zod';

/** Validates a date that really exists (no 2026-02-30); zod's check knows month lengths and leap years. */
export const isoDateSchema = z.iso.date();
/** An ISO calendar date string. */
export type IsoDate = z.infer<typeof isoDateSchema>;

/** A type guard for code that receives dates from outside a zod schema. */
export const isIsoDate = (value: unknown): value is IsoDate => isoDateSchema.safeParse(value).success;

const check = (...dates: string[]): void => {
  for (const date of dates) if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date: ${date}`);
};

/** Rejects events recorded in the future (a return, a call, a birth); `today` comes from the caller's clock. */
export function notInFuture(date: IsoDate, today: IsoDate): boolean {
  check(date, today);
  return date <= today;
}

/** Checks that a migration episode does not end before it starts; the same day is allowed. */
export function ordered(departure: IsoDate, returnDate: IsoDate): boolean {
  check(departure, returnDate);
  return departure <= returnDate;
}

const parts = (date: IsoDate) => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

/**
 * Full years of age at a date, which decides who is a child. Someone born on 29 February has their
 * birthday on 28 February in common years, as civil law in the region counts a term that ends in a
 * month without that day (it ends on the month's last day).
 */
export function ageAt(dateOfBirth: IsoDate, at: IsoDate): number {
  check(dateOfBirth, at);
  if (at < dateOfBirth) throw new RangeError(`${at} is before the date of birth ${dateOfBirth}`);
  const born = parts(dateOfBirth);
  const now = parts(at);
  const birthday = Math.min(born.day, daysInMonth(now.year, born.month));
  const beforeBirthday = now.month < born.month || (now.month === born.month && now.day < birthday);
  return now.year - born.year - (beforeBirthday ? 1 : 0);
}

/** The age bands of CTDC's anonymised case data, labelled exactly as CTDC spells them. */
export const CTDC_AGE_BANDS = [
  { band: '0--8', from: 0 },
  { band: '9--17', from: 9 },
  { band: '18--20', from: 18 },
  { band: '21--23', from: 21 },
  { band: '24--26', from: 24 },
  { band: '27--29', from: 27 },
  { band: '30--38', from: 30 },
  { band: '39--47', from: 39 },
  { band: '48+', from: 48 },
] as const;
/** A CTDC age band label. */
export type CtdcAgeBand = (typeof CTDC_AGE_BANDS)[number]['band'];

/** Puts an age into its CTDC band, the only form of age the anonymised export may carry. */
export function ctdcAgeBand(age: number): CtdcAgeBand {
  if (!Number.isSafeInteger(age) || age < 0) throw new RangeError(`Not an age in full years: ${age}`);
  return CTDC_AGE_BANDS.findLast((b) => b.from <= age)?.band ?? '0--8';
}
