/**
 * Small-cell suppression for published counts: aggregates must never let anyone single out a
 * beneficiary. A count of 1 to 4 survivors from one district, or of one type in a small office,
 * can point at a person that the reader already half knows, so such cells are withheld.
 */

/**
 * Counts from 1 to 4 are withheld. Five is the usual minimum cell of statistical offices and of
 * humanitarian data-sharing guidance for sensitive caseloads: below it, a cell can be matched to
 * someone by what a neighbour, employer or relative already knows.
 */
export const MIN_PUBLISHED_COUNT = 5;

/** One cell of a frequency table before suppression. */
export interface Cell<K> {
  key: K;
  count: number;
}

/** One cell as published: its count, or null when withheld. */
export interface PublishedCell<K> {
  key: K;
  count: number | null;
  suppressed: boolean;
}

/** A frequency table as published: the cells in their order, the total, and how many cells were withheld. */
export interface PublishedTable<K> {
  rows: PublishedCell<K>[];
  total: number | null;
  suppressedCells: number;
}

/**
 * Withholds the small cells of a one-way table whose total is published.
 *
 * Primary suppression: every count from 1 to `threshold` − 1 (zeros single out nobody and are
 * shown). Complementary suppression: anyone can compute the withheld cells' sum as the total
 * minus the published cells, so one withheld cell alone would be recovered by subtraction, and a
 * small sum pins the cells down (two withheld cells summing to 2 are both 1). So while fewer than
 * two cells are withheld, or their sum is below the threshold or no more than one per cell, the
 * smallest published non-zero cell is withheld too (the first in order on a tie), and once none
 * is left, a zero cell. A total below the threshold is itself a small count: then every cell and
 * the total are withheld. Since the total depends only on what is counted, never on the grouping,
 * it is withheld (or shown) alike in every table of the same cases.
 *
 * This protects one table. Tables that overlap (the same cases for one office and for all, or
 * for overlapping ranges of months) can still be differenced against each other; publishing
 * them beyond staff who may see the cases needs rounding or perturbation on top.
 */
export function suppressSmallCells<K>(
  cells: readonly Cell<K>[],
  threshold = MIN_PUBLISHED_COUNT,
): PublishedTable<K> {
  const total = cells.reduce((s, c) => s + c.count, 0);
  if (total > 0 && total < threshold) {
    return {
      rows: cells.map((c) => ({ key: c.key, count: null, suppressed: true })),
      total: null,
      suppressedCells: cells.length,
    };
  }
  const withheld = new Set<number>();
  cells.forEach((c, i) => {
    if (c.count > 0 && c.count < threshold) withheld.add(i);
  });
  let hiddenSum = [...withheld].reduce((s, i) => s + cells[i]!.count, 0);
  const exposed = () =>
    withheld.size > 0 && (withheld.size === 1 || hiddenSum < threshold || hiddenSum <= withheld.size);
  while (exposed()) {
    const next = nextComplement(cells, withheld);
    if (next < 0) break;
    withheld.add(next);
    hiddenSum += cells[next]!.count;
  }
  return {
    rows: cells.map((c, i) =>
      withheld.has(i)
        ? { key: c.key, count: null, suppressed: true }
        : { key: c.key, count: c.count, suppressed: false },
    ),
    total,
    suppressedCells: withheld.size,
  };
}

// The smallest published non-zero cell, else the first published zero; -1 when all are withheld.
function nextComplement<K>(cells: readonly Cell<K>[], withheld: ReadonlySet<number>): number {
  let next = -1;
  cells.forEach((c, i) => {
    if (withheld.has(i)) return;
    const better = next < 0 || (c.count > 0 && (cells[next]!.count === 0 || c.count < cells[next]!.count));
    if (better) next = i;
  });
  return next;
}
