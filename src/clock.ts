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
