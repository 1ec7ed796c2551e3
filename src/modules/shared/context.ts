import type { Actor } from '../../access/policy.ts';
import { writeAudit, type AuditEntry, type AuditSource } from '../../audit/writer.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../db/client.ts';
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

/** Writes an audit event for the use case's actor inside its transaction. */
export type Audit = (entry?: Partial<AuditEntry>) => Promise<void>;

/**
 * Runs a use case in one transaction: its changes and its audit event commit together or not at
 * all. When it is refused or fails on a rule, the refusal is audited in a transaction of its own
 * (the original one has rolled back) and the error goes on to the caller.
 */
export async function transact<T>(
  ctx: Ctx,
  target: Target,
  fn: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction((tx) => fn(tx, (entry) => writeAudit(tx, ctx, { ...target, ...entry })));
  } catch (err) {
    if (err instanceof AppError && err.status !== 401) {
      const outcome = err.status === 403 || err.status === 404 ? 'denied' : 'failed';
      await ctx.db.transaction((tx) => writeAudit(tx, ctx, { ...target, outcome, fields: [] }));
    }
    throw err;
  }
}
