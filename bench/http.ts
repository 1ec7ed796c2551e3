/**
 * Throughput at concurrency with autocannon (in a worker thread) against servers listening on
 * loopback: the real API (authenticated with a bearer token) and, as the anchor, a bare Fastify
 * route served the same way, so the ratio shows what Koldoo's stack costs over Fastify itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { type CpuMeter, perRequest } from './cpu.ts';
import { type Latency, summarise } from './stats.ts';

/** What the load worker (load-worker.mjs) is asked for. */
interface LoadRequest {
  url: string;
  paths: readonly string[];
  seconds: number;
  connections: number;
  token?: string | undefined;
}

/** What the load worker answers: every 2xx latency (ms) and autocannon's totals. */
interface LoadReply {
  latencies: number[];
  total: number;
  duration: number;
  non2xx: number;
  errors: number;
}

/** What one load run measured. */
export interface LoadResult extends Latency {
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  /** The most resident memory the serving process had during the run. */
  maxRssMb: number;
  /** CPU (ms) each party to the load spent per answered request, when metered. */
  cpuMsPerRequest?: Record<string, number> | undefined;
}

/** A server under test: where it listens and how much memory it holds now. */
export interface Served {
  url: string;
  /** The process that serves: a child of its own, or this one. */
  pid: number;
  rssMb(): number;
  close(): Promise<void>;
}

/** Resident memory of a process by pid (Linux), or of this one. */
export function rssMbOf(pid?: number): number {
  if (pid === undefined) return process.memoryUsage().rss / 2 ** 20;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * Runs autocannon for `seconds` with `connections` against `paths` (cycled), recording every
 * response's latency for exact percentiles and sampling the server's resident memory.
 */
export function load(
  server: Served,
  paths: readonly string[],
  opts: { seconds: number; connections: number; token?: string | undefined; cpu?: CpuMeter | undefined },
): Promise<LoadResult> {
  let maxRss = server.rssMb();
  const cpuBefore = opts.cpu?.();
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, server.rssMb())), 100);
  const { cpu, ...asked } = opts;
  const request: LoadRequest = { url: server.url, paths, ...asked };
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: request });
  return new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', (r: LoadReply) =>
      resolve({
        ...summarise(r.latencies),
        requestsPerSecond: r.total / r.duration,
        non2xx: r.non2xx,
        errors: r.errors,
        maxRssMb: maxRss,
        cpuMsPerRequest: cpu && cpuBefore ? perRequest(cpuBefore, cpu(), r.total) : undefined,
      }),
    );
    worker.once('error', reject);
  }).finally(() => {
    clearInterval(sampler);
    void worker.terminate();
  });
}

/** A Node process running `args`, served once it prints the address it listens on. */
export function spawnServer(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      const url = m[1]!.replace('localhost', '127.0.0.1');
      resolve({
        url,
        pid: child.pid!,
        rssMb: () => rssMbOf(child.pid),
        close: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited (${code}) before listening:\n${out}`)),
    );
  });
}

/** The anchor server: one route answering a constant JSON body, nothing else registered. */
export async function bareApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/ping', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
