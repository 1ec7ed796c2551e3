import type { Actor } from '../../access/policy.ts';
import { appendBatched } from '../../audit/batcher.ts';
import { type AuditEntry, type AuditSource, auditFields, auditWith, writeAudit } from '../../audit/writer.ts';
import type { Config } from '../../config.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

/** What every use case receives: the database, who acts, and where the request came from. */
export interface Ctx extends AuditSource {
  db: Db;
  actor: Actor;
  config: Config;
}

/** The act a use case performs, recorded as denied or failed when it does not go through. */
export interface Target {
  action: string;
  entityType: string;
  entityId?: string | null;
}

/** Records an audit event for the use case's actor. */
export type Audit = (entry?: Partial<AuditEntry>) => Promise<void>;

/**
 * The use case's audit event as a CTE of the statement that makes its last change (see auditWith),
 * instead of a statement of its own.
 */
export type AuditAlong = (entry?: Partial<AuditEntry>) => ReturnType<typeof auditWith>;

/** The outcome a refused or failed use case is recorded with, or null for errors not to record. */
function failureOutcome(err: unknown): 'denied' | 'failed' | null {
  if (!(err instanceof AppError) || err.status === 401) return null;
  return err.status === 403 || err.status === 404 ? 'denied' : 'failed';
}

/**
 * The statement a use case ends with, already sent, and what the use case answers once its result
 * is back. Returned from `transact`'s body, it lets the commit follow the statement at once (see
 * transact); awaited inside the body (`answer`), it is any statement's result.
 */
export class Last<T> {
  readonly answer: Promise<T>;

  private constructor(answer: Promise<T>) {
    this.answer = answer;
    // Settled after the commit, or awaited by whoever continues the transaction: until then a
    // failure is not unhandled.
    answer.catch(() => undefined);
  }

  /** Sends `statement` now (drizzle's queries wait to be awaited), and answers with its result. */
  static of<R>(statement: PromiseLike<R>): Last<R> {
    return new Last(new Promise<R>((resolve, reject) => statement.then(resolve, reject)));
  }

  /** The same statement, answered with `fn` of its answer. */
  map<U>(fn: (answer: T) => U): Last<U> {
    return new Last(this.answer.then(fn));
  }
}

/**
 * Runs a use case that changes data in one transaction: its changes and its audit event commit
 * together or not at all. When it is refused or fails on a rule, the refusal is audited in a
 * transaction of its own (the original one has rolled back) and the error goes on to the caller.
 *
 * A body that ends with `Last.of(statement)` has its commit sent right behind that statement,
 * without waiting for its result (the connections are pipelined, see db/client.ts): the locks its
 * last statement takes, the audit chain's above all, which orders every audited write, are then
 * held for the statement and the commit alone, not also while its answer travels back to this
 * process and waits for its turn there. Should the statement fail, PostgreSQL turns that commit
 * into a rollback, and its error is the use case's.
 */
export async function transact<T>(
  ctx: Ctx,
  target: Target,
  fn: (tx: Tx, audit: Audit, along: AuditAlong) => Promise<T | Last<T>>,
): Promise<T> {
  let last: Last<T> | undefined;
  try {
    const out = await ctx.db.transaction(async (tx) => {
      const done = await fn(
        tx,
        (entry) => writeAudit(tx, ctx, { ...target, ...entry }),
        (entry) => auditWith(tx, [auditFields(ctx, { ...target, ...entry })]),
      );
      if (!(done instanceof Last)) return done;
      last = done;
      return undefined;
    });
    return last ? await last.answer : (out as T);
  } catch (caught) {
    // PGlite reports the commit that became a rollback as an error of its own: the statement's
    // error says what went wrong.
    const err = last
      ? await last.answer.then(
          () => caught,
          (failed: unknown) => failed,
        )
      : caught;
    const outcome = failureOutcome(err);
    if (outcome) await writeAudit(ctx.db, ctx, { ...target, outcome, fields: [] });
    throw err;
  }
}

/**
 * Runs a use case that only reads. Its queries go straight to the database: under READ COMMITTED
 * each statement takes its own snapshot in or out of a transaction, so BEGIN and COMMIT would only
 * add two round trips to every read. A read whose queries depend on a setting an earlier one made
 * (the text search's typo threshold) asks for `session`: one read-only transaction, where the
 * setting holds and a stray write fails.
 *
 * Each audit event goes onto the chain through the shared batch (see audit/batcher.ts) as soon as
 * the use case records it, while the use case reads on: the caller gets the result only once every
 * event is committed, so nothing is shown that is not on record, yet concurrent reads do not queue
 * one behind another on the chain's lock, and a read that records its event before its queries
 * (a list or a search, once it is authorised) waits for the slower of the two instead of both.
 * Should it then fail, its failure is recorded too, after the event that let it through.
 */
export async function view<T>(
  ctx: Ctx,
  target: Target,
  fn: (db: Executor, audit: Audit) => Promise<T>,
  opts: { session?: boolean } = {},
): Promise<T> {
  const recorded: Promise<void>[] = [];
  const audit: Audit = (entry) => {
    const appended = appendBatched(ctx.db, [auditFields(ctx, { ...target, ...entry })]);
    // Awaited once the reading is over; until then a failed append must not count as unhandled.
    appended.catch(() => undefined);
    recorded.push(appended);
    // Not the append: inside a session on PGlite, whose one connection the session holds, the
    // append waits for the session to end.
    return Promise.resolve();
  };
  let result: T;
  try {
    result = opts.session
      ? await ctx.db.transaction((tx) => fn(tx, audit), { accessMode: 'read only' })
      : await fn(ctx.db, audit);
  } catch (err) {
    await Promise.allSettled(recorded);
    const outcome = failureOutcome(err);
    if (outcome) await appendBatched(ctx.db, [auditFields(ctx, { ...target, outcome, fields: [] })]);
    throw err;
  }
  await Promise.all(recorded);
  return result;
}
