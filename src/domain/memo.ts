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

/**
 * A pure function of an object that keeps its results for as long as the object lives: what the
 * matcher derives from a person (parsed names, a sort key) is then derived once per person, not
 * once per pair. The object must not change after its first use.
 */
export function memoisedPerObject<K extends object, T>(fn: (key: K) => T): (key: K) => T {
  const cache = new WeakMap<K, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}
