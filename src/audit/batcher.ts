import type { ChainedFields } from './chain.ts';
import type { Db } from '../db/client.ts';
import { appendToChain } from './writer.ts';

interface Waiting {
  fields: ChainedFields;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** How many events one chain transaction takes at most. */
const MAX_BATCH = 500;

/**
 * Group commit for the events of reads, which change nothing and so need no transaction of their
 * own: events that arrive while a chain transaction is committing wait and go together in the
 * next one. Under load, fifty concurrent reads cost one lock, one hash lookup and one commit
 * instead of fifty serialised ones; alone, a read waits for nothing but its own commit.
 */
class AuditBatcher {
  private queue: Waiting[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  append(fields: ChainedFields[]): Promise<void> {
    const done = Promise.all(
      fields.map(
        (f) => new Promise<void>((resolve, reject) => this.queue.push({ fields: f, resolve, reject })),
      ),
    ).then(() => undefined);
    if (!this.running) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          // One statement, its own transaction: the lock is held only while it commits.
          await appendToChain(
            this.db,
            batch.map((w) => w.fields),
          );
          for (const w of batch) w.resolve();
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const batchers = new WeakMap<Db, AuditBatcher>();

/**
 * Appends events to the chain in a shared transaction of the next batch and resolves once they are
 * committed, so a caller that awaits it never hands out data whose reading is not on record.
 */
export function appendBatched(db: Db, fields: ChainedFields[]): Promise<void> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new AuditBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.append(fields);
}
