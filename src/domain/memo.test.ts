import { expect, it } from 'vitest';
import { memoised, memoisedPerObject } from './memo.ts';

it('computes each key once, and forgets everything when the cache is full', () => {
  const calls: string[] = [];
  const upper = memoised((s: string) => {
    calls.push(s);
    return s.toUpperCase();
  }, 2);
  expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
  expect(calls).toEqual(['a', 'b']);
  expect(upper('c')).toBe('C'); // full: emptied, then c kept
  expect(upper('a')).toBe('A');
  expect(calls).toEqual(['a', 'b', 'c', 'a']);
});

it('derives once per object, not per equal object', () => {
  let calls = 0;
  const size = memoisedPerObject((xs: readonly number[]) => {
    calls++;
    return xs.length;
  });
  const xs = [1, 2, 3];
  expect([size(xs), size(xs), size([1, 2, 3])]).toEqual([3, 3, 3]);
  expect(calls).toBe(2);
});
