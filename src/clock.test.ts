import { expect, it } from 'vitest';
import { localDate, startOfLocalDay } from './clock.ts';

it('counts days in Asia/Bishkek (UTC+6): 20:00 UTC is already tomorrow in Osh', () => {
  expect(localDate(new Date('2026-03-01T17:59:00Z'))).toBe('2026-03-01');
  expect(localDate(new Date('2026-03-01T18:00:00Z'))).toBe('2026-03-02');
  expect(startOfLocalDay('2026-03-02').toISOString()).toBe('2026-03-01T18:00:00.000Z');
});
