/**
 * A pure function of a string that keeps its results. Names come from a small vocabulary, and the
 * matcher reads the same ones again and again (a probe against each of its candidates, a common
 * surname across a scan), so folding and parsing each once is worth a bounded cache; the cache is
 * emptied when it reaches `limit` entries, which bounds memory without bookkeeping.
 */
export function memoised<T>(fn: (key: string) => T, limit = 100_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
