/** The generator's worker thread: builds and encodes batches for the run's context (workerData). */
import { workerData } from 'node:worker_threads';
import type { StoryContext } from './context.ts';
import { type EncodedBatch, buildEncoded } from './encode.ts';

/** A batch to build: the persons' indices and the run's request id. */
export interface BuildTask {
  indices: number[];
  requestId: string;
}

const context = workerData as StoryContext;

export default function build(task: BuildTask): EncodedBatch {
  return buildEncoded(context, task.indices, task.requestId);
}
