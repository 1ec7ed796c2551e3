import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageAt, ctdcAgeBand, isIsoDate, isoDateSchema, notInFuture, ordered } from './dates.ts';

describe('isIsoDate', () => {
  it.each(['2026-03-01', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29', // common year
    '1900-02-29', // century, not leap
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '26-01-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
    20260101,
    null,
  ])('rejects %s', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('agrees with the calendar for every day of 1999–2030', () => {
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2030, 11, 31); t += 86_400_000) {
      expect(isoDateSchema.safeParse(new Date(t).toISOString().slice(0, 10)).success).toBe(true);
    }
  });
});

describe('notInFuture and ordered', () => {
  it.each([
    ['2026-03-01', '2026-03-02', true],
    ['2026-03-02', '2026-03-02', true],
    ['2026-03-03', '2026-03-02', false],
    ['2027-01-01', '2026-12-31', false],
  ])('notInFuture(%s, today %s) = %s', (date, today, expected) => {
    expect(notInFuture(date, today)).toBe(expected);
  });

  it.each([
    ['2019-10-01', '2020-03-15', true],
    ['2020-03-15', '2020-03-15', true],
    ['2020-03-16', '2020-03-15', false],
  ])('ordered(departure %s, return %s) = %s', (departure, returned, expected) => {
    expect(ordered(departure, returned)).toBe(expected);
  });

  it('refuses invalid dates rather than comparing them as text', () => {
    expect(() => notInFuture('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => ordered('2026-03-01', '1.3.2026')).toThrow(RangeError);
  });
});

describe('ageAt', () => {
  it.each([
    ['1975-01-10', '2026-01-09', 50], // the day before the birthday
    ['1975-01-10', '2026-01-10', 51], // on the birthday
    ['1975-01-10', '2026-12-31', 51],
    ['2026-05-05', '2026-05-05', 0],
    ['2008-06-18', '2026-06-17', 17], // a child until the eighteenth birthday
    ['2008-06-18', '2026-06-18', 18],
    ['2008-02-29', '2026-02-27', 17],
    ['2008-02-29', '2026-02-28', 18], // leapling: birthday on 28 February in a common year
    ['2008-02-29', '2028-02-28', 19], // but on 29 February in a leap year
    ['2008-02-29', '2028-02-29', 20],
  ])('born %s, at %s → %i', (dob, at, expected) => {
    expect(ageAt(dob, at)).toBe(expected);
  });

  it('rejects a date before birth', () => {
    expect(() => ageAt('2000-01-02', '2000-01-01')).toThrow(RangeError);
  });

  it('never decreases as time passes', () => {
    const dayArb = fc.integer({ min: Date.UTC(1920, 0, 1), max: Date.UTC(2100, 0, 1) }).map((t) => {
      const d = new Date(t - (t % 86_400_000));
      return d.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(dayArb, dayArb, dayArb, (a, b, c) => {
        const [dob, earlier, later] = [a, b, c].sort();
        expect(ageAt(dob!, later!)).toBeGreaterThanOrEqual(ageAt(dob!, earlier!));
      }),
    );
  });
});

describe('ctdcAgeBand', () => {
  it.each([
    [0, '0--8'],
    [8, '0--8'],
    [9, '9--17'],
    [17, '9--17'],
    [18, '18--20'],
    [20, '18--20'],
    [21, '21--23'],
    [23, '21--23'],
    [24, '24--26'],
    [26, '24--26'],
    [27, '27--29'],
    [29, '27--29'],
    [30, '30--38'],
    [38, '30--38'],
    [39, '39--47'],
    [47, '39--47'],
    [48, '48+'],
    [102, '48+'],
  ])('%i → %s', (age, expected) => {
    expect(ctdcAgeBand(age)).toBe(expected);
  });

  it.each([-1, 17.5, Number.NaN])('rejects %s', (age) => {
    expect(() => ctdcAgeBand(age)).toThrow(RangeError);
  });
});
