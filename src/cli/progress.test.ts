import { expect, it } from 'vitest';
import { formatRate } from './progress.ts';

it('shows a rate in whole numbers, and a slow one with two significant digits instead of 0', () => {
  expect(formatRate(1466.4)).toBe('1466');
  expect(formatRate(12.5)).toBe('13');
  expect(formatRate(9.96)).toBe('10');
  expect(formatRate(0.41)).toBe('0.41');
  expect(formatRate(2.345)).toBe('2.3');
  expect(formatRate(0)).toBe('0');
});
