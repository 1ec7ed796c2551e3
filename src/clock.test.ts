import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isoInstant, localDate, startOfLocalDay } from './clock.ts';

it('counts days in Asia/Bishkek (UTC+6): 20:00 UTC is already tomorrow in Osh', () => {
  expect(localDate(new Date('2026-03-01T17:59:00Z'))).toBe('2026-03-01');
  expect(localDate(new Date('2026-03-01T18:00:00Z'))).toBe('2026-03-02');
  expect(startOfLocalDay('2026-03-02').toISOString()).toBe('2026-03-01T18:00:00.000Z');
});

it('writes any instant as toISOString does, and refuses an invalid date as it does', () => {
  for (const at of ['1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '2026-03-01T17:59:00.000Z'])
    expect(isoInstant(new Date(at))).toBe(at);
  expect(isoInstant(new Date(Date.UTC(10000, 0, 1, 5)))).toBe('+010000-01-01T05:00:00.000Z');
  fc.assert(
    fc.property(fc.date({ noInvalidDate: true }), (at) => isoInstant(at) === at.toISOString()),
    { numRuns: 5000 },
  );
  expect(() => isoInstant(new Date(Number.NaN))).toThrow(RangeError);
});
