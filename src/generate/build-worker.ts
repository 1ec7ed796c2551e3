/** The generator's worker thread: builds and encodes batches for the run's context (workerData). */
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { StoryContext } from './context.ts';
import { keepSpares } from './copy.ts';
import { type EncodedBatch, buildEncoded, buffersOf } from './encode.ts';

/** A batch to build: the persons' indices, the run's request id and memory to build it in. */
export interface BuildTask {
  indices: number[];
  requestId: string;
  /** Buffers of batches already loaded (see keepSpares), moved here with the task. */
  spares: ArrayBuffer[];
}

const context = workerData as StoryContext;

/** Builds a batch and moves its bytes to the loading thread (transferred, not copied). */
export default function build(task: BuildTask): EncodedBatch {
  keepSpares(task.spares);
  const batch = buildEncoded(context, task.indices, task.requestId);
  return move({ [transferableSymbol]: buffersOf(batch), [valueSymbol]: batch }) as unknown as EncodedBatch;
}
