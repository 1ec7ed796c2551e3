import { describe, expect, it } from 'vitest';
import {
  changedFields,
  countryProblem,
  dateProblem,
  phoneProblem,
  reapply,
  requiredText,
  splitList,
  wholeNumberProblem,
} from './validation.ts';
import { isIsoDay, todayLocal } from '../intake/dates.ts';

describe('field checks', () => {
  it('knows real calendar dates', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-2-1')).toBe(false);
  });

  it('refuses future dates only when asked', () => {
    expect(dateProblem('2030-01-01', { past: true, today: '2026-05-01' })).toEqual({ key: 'cases.v.future' });
    expect(dateProblem('2030-01-01', { today: '2026-05-01' })).toBeUndefined();
    expect(dateProblem('', { required: true })).toEqual({ key: 'cases.v.required' });
    expect(dateProblem('31.12.2025')).toEqual({ key: 'cases.v.date' });
  });

  it('checks texts, numbers, countries and phones', () => {
    expect(requiredText('  ', 5)).toEqual({ key: 'cases.v.required' });
    expect(requiredText('abcdef', 5)).toEqual({ key: 'cases.v.tooLong', values: { max: 5 } });
    expect(wholeNumberProblem('4.5', 0, 120)).toEqual({ key: 'cases.v.wholeNumber' });
    expect(wholeNumberProblem('130', 0, 120)).toEqual({ key: 'cases.v.range', values: { min: 0, max: 120 } });
    expect(wholeNumberProblem('', 1, 9, true)).toEqual({ key: 'cases.v.required' });
    expect(countryProblem('kg')).toBeUndefined();
    expect(countryProblem('KGZ')).toEqual({ key: 'cases.v.country' });
    expect(phoneProblem('+996 555 123 456')).toBeUndefined();
    expect(phoneProblem('0555123456')).toEqual({ key: 'cases.v.phone' });
    expect(splitList('ky, RU;uz ky')).toEqual(['ky', 'ru', 'uz']);
  });

  it('gives today in the local calendar', () => {
    expect(todayLocal(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('reload and re-apply after a conflict', () => {
  it('keeps the user’s own changes and takes everything else from the latest version', () => {
    const base = { name: 'Asel', age: '30', facts: { a: true }, note: '' };
    const typed = { name: 'Asel', age: '31', facts: { a: true, b: true }, note: '' };
    const latest = { name: 'Asel K.', age: '30', facts: { a: true }, note: 'from colleague' };
    expect(reapply(base, typed, latest)).toEqual({
      name: 'Asel K.',
      age: '31',
      facts: { a: true, b: true },
      note: 'from colleague',
    });
    expect(changedFields(base, typed)).toEqual(['age', 'facts']);
  });

  it('lets the user win on a field both changed', () => {
    expect(reapply({ a: '1' }, { a: '2' }, { a: '3' })).toEqual({ a: '2' });
  });
});
