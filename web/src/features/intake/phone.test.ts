import { describe, expect, it } from 'vitest';
import { isE164, normalizePhone } from './phone.ts';
import { isIsoDay, startOfTodayIso, todayLocal } from './dates.ts';

describe('phone numbers as said on the phone', () => {
  it.each([
    ['0555 123 456', '+996555123456'],
    ['555-12-34-56', '+996555123456'],
    ['996 (555) 123456', '+996555123456'],
    ['00 7 916 123 45 67', '+79161234567'],
    ['+996 772 40 11 22', '+996772401122'],
    ['', ''],
  ])('%s → %s', (input, out) => {
    expect(normalizePhone(input)).toBe(out);
  });

  it('knows E.164 when it sees it', () => {
    expect(isE164('+996555123456')).toBe(true);
    expect(isE164('0555123456')).toBe(false);
    expect(isE164('+0123456789')).toBe(false);
  });
});

describe('local calendar days', () => {
  it('formats today and local midnight in the browser time zone until the offices’ zone is known', () => {
    const now = new Date(2026, 2, 1, 9, 42);
    expect(todayLocal(now)).toBe('2026-03-01');
    expect(new Date(startOfTodayIso(now)).getTime()).toBe(new Date(2026, 2, 1).getTime());
  });

  it('accepts only real dates', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('01.03.2026')).toBe(false);
  });
});

describe('localDay', () => {
  it('reads a calendar day as local midnight, and leaves anything else alone', async () => {
    const { localDay } = await import('./dates.ts');
    expect(localDay('2026-03-01')).toEqual(new Date(2026, 2, 1));
    expect(localDay('soon')).toBe('soon');
  });
});

describe("the offices' day", () => {
  it('judges today in the time zone the server gives, wherever the browser is', async () => {
    const { setOfficesTimeZone } = await import('./dates.ts');
    // 19:00 UTC on 2 December is already 3 December in Bishkek (UTC+6), still the 2nd in New York.
    const evening = new Date('2026-12-02T19:00:00Z');
    setOfficesTimeZone('Asia/Bishkek');
    expect(todayLocal(evening)).toBe('2026-12-03');
    setOfficesTimeZone('America/New_York');
    expect(todayLocal(evening)).toBe('2026-12-02');
  });

  it("starts today's calls at the offices' midnight, not the browser's", async () => {
    const { setOfficesTimeZone } = await import('./dates.ts');
    setOfficesTimeZone('Asia/Bishkek');
    // 01:00 on 3 December in Bishkek: the day began at 18:00 UTC on the 2nd.
    expect(startOfTodayIso(new Date('2026-12-02T19:00:00Z'))).toBe('2026-12-02T18:00:00.000Z');
    expect(startOfTodayIso(new Date('2026-12-02T17:59:00Z'))).toBe('2026-12-01T18:00:00.000Z');
    // A day that changes to summer time began at the winter offset; the next at the summer one.
    setOfficesTimeZone('America/New_York');
    expect(startOfTodayIso(new Date('2026-03-08T16:00:00Z'))).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfTodayIso(new Date('2026-03-09T16:00:00Z'))).toBe('2026-03-09T04:00:00.000Z');
    // And the day summer time ends began at the summer offset.
    expect(startOfTodayIso(new Date('2026-11-01T16:00:00Z'))).toBe('2026-11-01T04:00:00.000Z');
  });
});
