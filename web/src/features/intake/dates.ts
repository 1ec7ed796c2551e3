/**
 * Calendar helpers. "Today" is the offices' day (the server judges "not in the future" and
 * "overdue" in their time zone), not UTC's nor that of a browser elsewhere, such as a consulate's
 * abroad: GET /auth/me tells the zone, and until then the browser's own stands in.
 */

const pad = (n: number) => String(n).padStart(2, '0');

let officesClock: Intl.DateTimeFormat | undefined;

/** Judges "today" in the offices' time zone from now on (an IANA name, e.g. Asia/Bishkek). */
export function setOfficesTimeZone(timeZone: string): void {
  officesClock = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}

/** The offices' calendar and clock at the instant `t` (ms since the epoch). */
function officesWall(clock: Intl.DateTimeFormat, t: number) {
  const part = Object.fromEntries(clock.formatToParts(t).map((p) => [p.type, Number(p.value)]));
  return {
    year: part.year!,
    month: part.month!,
    day: part.day!,
    /** The same wall-clock reading taken as UTC. */
    asUtc: Date.UTC(part.year!, part.month! - 1, part.day!, part.hour! % 24, part.minute!, part.second!),
  };
}

/** How far the offices' clock is ahead of UTC at the instant `t`. */
const officesOffset = (clock: Intl.DateTimeFormat, t: number): number =>
  officesWall(clock, t).asUtc - Math.floor(t / 1000) * 1000;

/** A Date as YYYY-MM-DD in local time. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today as YYYY-MM-DD in the offices' time zone (consent dates, "not in the future" checks). */
export function todayLocal(now: Date = new Date()): string {
  if (!officesClock) return isoDay(now);
  const { year, month, day } = officesWall(officesClock, now.getTime());
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The instant today began in the offices' time zone, as ISO (the `from` of "today's calls"). */
export function startOfTodayIso(now: Date = new Date()): string {
  if (!officesClock) return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
  const { year, month, day } = officesWall(officesClock, now.getTime());
  const midnight = Date.UTC(year, month - 1, day);
  // The offset at midnight there, asked again from the first guess: a guess on the other side
  // of a change of offset (summer time) would be an hour out.
  const guess = midnight - officesOffset(officesClock, midnight);
  return new Date(midnight - officesOffset(officesClock, guess)).toISOString();
}

/** Whether a string is a real calendar date YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A YYYY-MM-DD calendar day as a local Date (midnight here), so formatting shows that same day
 * in any time zone; `new Date('2026-03-01')` would be UTC midnight, the day before west of UTC.
 */
export function localDay(value: string): Date | string {
  if (!isIsoDay(value)) return value;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}
