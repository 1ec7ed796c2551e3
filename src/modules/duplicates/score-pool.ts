/**
 * Where the scan's batches are scored: in worker threads when there are enough pairs to repay
 * starting them (the matcher is CPU-bound and the scan's own thread is busy reading batches), or
 * in the calling thread.
 */
import { Piscina } from 'piscina';
import { type FoundPair, type ScoreTask, scorePairs } from './scoring.ts';

/** Scores batches; `close` ends its threads. */
export interface Scorer {
  threads: number;
  score(task: ScoreTask): Promise<FoundPair[]>;
  close(): Promise<void>;
}

/** A scorer on `threads` worker threads, or on the calling thread when `threads` is 0. */
export function createScorer(threads: number): Scorer {
  if (threads <= 0) {
    return { threads: 0, score: async (task) => scorePairs(task), close: async () => undefined };
  }
  // From source (the CLI, tests) the worker is TypeScript and needs the loader the process runs
  // with; from the server bundle it is the score-worker.js built beside it.
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina<ScoreTask, FoundPair[]>({
    filename: new URL(`./score-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    execArgv: fromSource ? [...process.execArgv, '--import', import.meta.resolve('tsx')] : process.execArgv,
  });
  return { threads, score: (task) => pool.run(task), close: () => pool.destroy() };
}
