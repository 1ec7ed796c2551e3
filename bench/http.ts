/**
 * Throughput at concurrency with autocannon against servers listening on loopback: the real API
 * (authenticated with a bearer token) and, as the anchor, a bare Fastify route on the same machine
 * and in the same process, so the ratio shows what Koldoo's stack costs over Fastify itself.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { type Latency, summarise } from './stats.ts';

/** What one load run measured. */
export interface LoadResult extends Latency {
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  maxRssMb: number;
}

/**
 * Runs autocannon for `seconds` with `connections` against `paths` (cycled), recording every
 * response's latency for exact percentiles and sampling this process's resident memory.
 */
export function load(
  baseUrl: string,
  paths: readonly string[],
  opts: { seconds: number; connections: number; token?: string },
): Promise<LoadResult> {
  const headers: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : {};
  const latencies: number[] = [];
  let maxRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 100);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: opts.connections,
        duration: opts.seconds,
        // A slow answer under load is a figure, not a failure.
        timeout: 30,
        requests: paths.map((path) => ({ method: 'GET', path, headers })),
      },
      (err, result) => {
        clearInterval(sampler);
        if (err) return reject(err);
        resolve({
          ...summarise(latencies),
          requestsPerSecond: result.requests.total / result.duration,
          non2xx: result.non2xx,
          errors: result.errors,
          maxRssMb: maxRss / 2 ** 20,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status < 300) latencies.push(ms);
    });
  });
}

/** The anchor server: one route answering a constant JSON body, nothing else registered. */
export async function bareServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/ping', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
