import { expect, it } from 'vitest';
import { type Progress, formatRate, showRestore } from './progress.ts';

it('shows a rate in whole numbers, and a slow one with two significant digits instead of 0', () => {
  expect(formatRate(1466.4)).toBe('1466');
  expect(formatRate(12.5)).toBe('13');
  expect(formatRate(9.96)).toBe('10');
  expect(formatRate(0.41)).toBe('0.41');
  expect(formatRate(2.345)).toBe('2.3');
  expect(formatRate(0)).toBe('0');
});

it('shows a rebuild in the megabytes of the tables it reads, and its count of restores', () => {
  const shown: unknown[][] = [];
  const bar: Progress = { update: (...args) => void shown.push(args), stop: () => undefined };
  const mb = 2 ** 20;
  showRestore(bar, {
    done: 3,
    total: 68,
    name: 'cases_number_trgm',
    workDone: 2500 * mb,
    workTotal: 9800.4 * mb,
  });
  showRestore(bar, { done: 68, total: 68, name: '', workDone: 0.55 * mb, workTotal: 0.55 * mb });
  expect(shown).toEqual([
    [
      2500,
      {
        total: 9800,
        label: 'rebuild',
        unit: 'MB of tables to index and check',
        note: ' (3/68 indexes and keys: cases_number_trgm)',
      },
    ],
    [0.6, expect.objectContaining({ total: 0.6, note: ' (68/68 indexes and keys)' })],
  ]);
});
