/**
 * "Today" as the offices live it. Dates the caseworker enters (birth, delivery, follow-up) are
 * local calendar dates, so "not in the future" and "overdue" are judged in the agencies' time zone
 * (KOLDOO_TIMEZONE, default Asia/Bishkek, UTC+6), not in UTC.
 */
/** The offices' time zone (IANA name). */
export const timeZone = process.env.KOLDOO_TIMEZONE ?? 'Asia/Bishkek';
const format = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (YYYY-MM-DD) in the configured time zone. */
export const today = (): string => format.format(new Date());

/** The date (YYYY-MM-DD) of an instant in the configured time zone. */
export const localDate = (at: Date): string => format.format(at);

/** The instant a local calendar day (YYYY-MM-DD) begins in the configured time zone. */
export function startOfLocalDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  // The zone's offset at that moment, read back through Intl (no tz database of our own).
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(utcMidnight);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(utcMidnight.getTime() - (asIfUtc - utcMidnight.getTime()));
}

const DAY_MS = 86_400_000;
const padded = (width: number) =>
  Array.from({ length: 10 ** width }, (_, i) => String(i).padStart(width, '0'));
const TWO_DIGITS = padded(2);
const THREE_DIGITS = padded(3);
const dayPrefixes = new Map<number, string>();

/**
 * An instant as toISOString writes it ("2026-03-01T17:59:00.000Z"), a few times faster: the date
 * is formatted once a day and the time of day from tables. Bulk loads format tens of millions of
 * instants, where toISOString was a noticeable share of the work.
 */
export function isoInstant(at: Date): string {
  const ms = at.getTime();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    // toISOString also throws, as it should, for an invalid date.
    const iso = new Date(day * DAY_MS).toISOString();
    prefix = iso.slice(0, iso.indexOf('T') + 1);
    if (dayPrefixes.size >= 100_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}
