import type { Actor } from '../../access/policy.ts';
import { appendBatched } from '../../audit/batcher.ts';
import { type AuditEntry, type AuditSource, auditFields, writeAudit } from '../../audit/writer.ts';
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

/** The outcome a refused or failed use case is recorded with, or null for errors not to record. */
function failureOutcome(err: unknown): 'denied' | 'failed' | null {
  if (!(err instanceof AppError) || err.status === 401) return null;
  return err.status === 403 || err.status === 404 ? 'denied' : 'failed';
}

/**
 * Runs a use case that changes data in one transaction: its changes and its audit event commit
 * together or not at all. When it is refused or fails on a rule, the refusal is audited in a
 * transaction of its own (the original one has rolled back) and the error goes on to the caller.
 */
export async function transact<T>(
  ctx: Ctx,
  target: Target,
  fn: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction((tx) => fn(tx, (entry) => writeAudit(tx, ctx, { ...target, ...entry })));
  } catch (err) {
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
 * setting holds and a stray write fails. Its audit events, and a refusal's, are appended to the
 * chain through the shared batch (see audit/batcher.ts) after the reading: the caller gets the
 * result only once they are committed, so nothing is shown that is not on record, yet concurrent
 * reads do not queue one behind another on the chain's lock.
 */
export async function view<T>(
  ctx: Ctx,
  target: Target,
  fn: (db: Executor, audit: Audit) => Promise<T>,
  opts: { session?: boolean } = {},
): Promise<T> {
  const entries: ReturnType<typeof auditFields>[] = [];
  const audit: Audit = (entry) => {
    entries.push(auditFields(ctx, { ...target, ...entry }));
    return Promise.resolve();
  };
  let result: T;
  try {
    result = opts.session
      ? await ctx.db.transaction((tx) => fn(tx, audit), { accessMode: 'read only' })
      : await fn(ctx.db, audit);
  } catch (err) {
    const outcome = failureOutcome(err);
    if (outcome) await appendBatched(ctx.db, [auditFields(ctx, { ...target, outcome, fields: [] })]);
    throw err;
  }
  await appendBatched(ctx.db, entries);
  return result;
}
