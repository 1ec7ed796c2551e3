/**
 * Where the scan's batches are scored: in worker threads when there are enough pairs to repay
 * starting them (the matcher is CPU-bound and the scan's own thread is busy reading batches), or
 * in the calling thread.
 */
import { workerPool } from '../../workers.ts';
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
  const pool = workerPool<ScoreTask, FoundPair[]>(import.meta.url, 'score-worker', threads);
  return { threads, score: (task) => pool.run(task), close: () => pool.destroy() };
}
