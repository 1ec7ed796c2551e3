import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PUBLISHED_COUNT, suppressSmallCells } from './suppression.ts';

const table = (...counts: number[]) => counts.map((count, i) => ({ key: `k${i}`, count }));
const shown = (t: ReturnType<typeof suppressSmallCells<string>>) => t.rows.map((r) => r.count);

describe('small-cell suppression', () => {
  it('shows a table without small cells as it is, zeros included', () => {
    const t = suppressSmallCells(table(12, 0, 5, 40));
    expect(shown(t)).toEqual([12, 0, 5, 40]);
    expect(t).toMatchObject({ total: 57, suppressedCells: 0 });
    expect(t.rows.every((r) => !r.suppressed)).toBe(true);
  });

  it('withholds a cell of 3, and the next smallest cell so that the total does not give it back', () => {
    const t = suppressSmallCells(table(40, 3, 0, 9, 12));
    expect(shown(t)).toEqual([40, null, 0, null, 12]);
    expect(t.rows[1]).toEqual({ key: 'k1', count: null, suppressed: true });
    expect(t).toMatchObject({ total: 64, suppressedCells: 2 });
  });

  it('takes the first of equal smallest cells as the complement', () => {
    expect(shown(suppressSmallCells(table(7, 2, 7, 20)))).toEqual([null, null, 7, 20]);
  });

  it('keeps two small cells whose sum reaches the threshold, and adds a complement to a smaller sum', () => {
    expect(shown(suppressSmallCells(table(2, 3, 30)))).toEqual([null, null, 30]);
    // 1 and 1 withheld would both be recovered from their sum of 2.
    expect(shown(suppressSmallCells(table(1, 1, 30, 8)))).toEqual([null, null, 30, null]);
    // Five cells of 1 sum to 5, which still says each is 1.
    expect(shown(suppressSmallCells(table(1, 1, 1, 1, 1, 30, 8)))).toEqual([
      null,
      null,
      null,
      null,
      null,
      30,
      null,
    ]);
  });

  it('withholds zero cells when no other is left to hide cells that their sum pins down', () => {
    const t = suppressSmallCells(table(1, 1, 1, 1, 1, 0));
    expect(shown(t)).toEqual([null, null, null, null, null, null]);
    expect(t).toMatchObject({ total: 5, suppressedCells: 6 });
    expect(shown(suppressSmallCells(table(0, 3, 0, 4)))).toEqual([0, null, 0, null]);
  });

  it('withholds everything, total included, when the total itself is a small count', () => {
    const t = suppressSmallCells(table(0, 3, 0));
    expect(shown(t)).toEqual([null, null, null]);
    expect(t).toMatchObject({ total: null, suppressedCells: 3 });
    expect(suppressSmallCells(table(0, 0))).toMatchObject({ total: 0, suppressedCells: 0 });
  });

  it('never shows a count from 1 to 4, and never leaves a withheld cell recoverable from the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.nat(200)), { maxLength: 12 }),
        (counts) => {
          const t = suppressSmallCells(table(...counts));
          for (const r of t.rows)
            if (r.count !== null) expect(r.count === 0 || r.count >= MIN_PUBLISHED_COUNT).toBe(true);
          const hidden = t.rows.filter((r) => r.suppressed).length;
          expect(t.suppressedCells).toBe(hidden);
          if (t.total === null) return;
          const published = t.rows.reduce((s, r) => s + (r.count ?? 0), 0);
          expect(t.total).toBe(counts.reduce((s, n) => s + n, 0));
          const hiddenSum = t.total - published;
          const small = counts.some((n) => n > 0 && n < MIN_PUBLISHED_COUNT);
          if (small) {
            expect(hidden).toBeGreaterThanOrEqual(2);
            if (hidden < counts.length) {
              expect(hiddenSum).toBeGreaterThanOrEqual(MIN_PUBLISHED_COUNT);
              expect(hiddenSum).toBeGreaterThan(hidden);
            }
          }
        },
      ),
    );
  });
});
