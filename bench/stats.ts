/** Small statistics shared by the benchmarks: percentiles of latency samples and a timer loop. */

/** The p-th percentile (0–100) of samples, nearest-rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Latency summary in milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

/** Summarises latency samples (ms). */
export const summarise = (samples: readonly number[]): Latency => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
  n: samples.length,
});

/** Runs `fn` sequentially `warmup` times unmeasured, then `n` times, and returns the latencies (ms). */
export async function timed(fn: () => Promise<unknown>, n: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Runs `fn` for `seconds` from `concurrency` loops at once (as many users acting together) and
 * returns how many calls per second completed.
 */
export async function perSecond(
  fn: (i: number) => Promise<unknown>,
  seconds: number,
  concurrency = 1,
): Promise<{ rate: number; count: number }> {
  const start = performance.now();
  let next = 0;
  let count = 0;
  const loop = async () => {
    while (performance.now() - start < seconds * 1000) {
      await fn(next++);
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { rate: count / ((performance.now() - start) / 1000), count };
}

/** Rounds for display: three significant digits, whole numbers above 100. */
export const round = (x: number): number => (Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(3)));
