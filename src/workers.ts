/**
 * Worker threads for CPU-bound work (the duplicate scan's scoring, the generator's building). From
 * source (the CLI, tests) a worker is TypeScript and needs the loader the process runs with; from
 * the server bundle it is the entry built beside the bundle (see `build:server`).
 */
import { Piscina } from 'piscina';

/** A pool of `threads` threads running the worker module `name`, which sits beside `base`. */
export function workerPool<T, R>(
  base: string,
  name: string,
  threads: number,
  options: { workerData?: unknown; youngGenerationMb?: number } = {},
): Piscina<T, R> {
  const fromSource = base.endsWith('.ts');
  return new Piscina<T, R>({
    filename: new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, base).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: options.workerData,
    resourceLimits: options.youngGenerationMb ? { maxYoungGenerationSizeMb: options.youngGenerationMb } : {},
    execArgv: fromSource ? [...process.execArgv, '--import', import.meta.resolve('tsx')] : process.execArgv,
  });
}
