import { sql } from 'drizzle-orm';
import type { Actor } from '../access/policy.ts';
import type { Executor, Tx } from '../db/client.ts';
import { textArray } from '../db/params.ts';
import { auditEvents } from '../db/schema/index.ts';
import { type ChainedFields, eventBody } from './chain.ts';

/** Who is acting and through which request: what every audit event records besides the act. */
export interface AuditSource {
  actor: Actor | null;
  /** The username tried, for events without a signed-in actor (a failed login). */
  username?: string;
  requestId?: string;
  ip?: string;
}

/** What happened: never sensitive values, only names of the fields touched. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  fields?: string[];
  outcome?: 'ok' | 'denied' | 'failed';
}

/** The advisory lock that orders appends to the chain; every writer of the chain must take it. */
export const CHAIN_LOCK = 0x6b6f6c64;

// Text as PostgreSQL stores it: a lone UTF-16 surrogate (a login's username may hold one) becomes
// U+FFFD, as it would on its way to the database, so the hash covers what is stored.
const stored = (text: string | null): string | null => text?.toWellFormed() ?? null;

/** The hashed fields of an event, stamped with the moment it happened. */
export function auditFields(src: AuditSource, entry: AuditEntry, at = new Date()): ChainedFields {
  return {
    at,
    actorId: src.actor?.userId ?? null,
    actorUsername: stored(src.actor?.username ?? src.username ?? null),
    actorRole: src.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: stored(entry.entityId ?? null),
    outcome: entry.outcome ?? 'ok',
    requestId: stored(src.requestId ?? null),
    ip: src.ip ?? null,
    fields: (entry.fields ?? []).map((f) => f.toWellFormed()),
  };
}

// The columns audit_chain_rows returns, in its order (migration 0014; its body now 0022).
const CHAIN_COLUMNS = [
  auditEvents.at,
  auditEvents.actorId,
  auditEvents.actorUsername,
  auditEvents.actorRole,
  auditEvents.action,
  auditEvents.entityType,
  auditEvents.entityId,
  auditEvents.outcome,
  auditEvents.requestId,
  auditEvents.ip,
  auditEvents.fields,
  auditEvents.prevHash,
  auditEvents.hash,
].map((c) => sql.identifier(c.name));

// One statement takes the chain's lock, which orders concurrent writers in this process and in any
// other on the same database until the transaction ends, and hashes the events' bodies onto the
// chain's last hash as linkHash does.
const appendStatement = (events: ChainedFields[]) =>
  sql`insert into ${auditEvents} (${sql.join(CHAIN_COLUMNS, sql`, `)})
      select * from audit_chain_rows(${CHAIN_LOCK}, ${textArray(events.map(eventBody))})`;

/**
 * Appends events, in the order given, to the hash chain: inside the caller's transaction, so they
 * commit or roll back with it, or on their own (`db`), when the one statement is its own
 * transaction and nothing else needs to commit with it.
 */
export async function appendToChain(db: Executor, events: ChainedFields[]): Promise<void> {
  if (events.length === 0) return;
  await db.execute(appendStatement(events));
}

/**
 * The append as a CTE of the statement that makes the change it records, so a use case whose last
 * statement that is needs no statement of its own for its event, and the locks that statement
 * takes are held only until the commit that follows (see openCase). Unreferenced, PostgreSQL runs
 * it after the statement's main part.
 */
export function auditWith(tx: Tx, events: ChainedFields[]) {
  return tx.$with('audited', {}).as(appendStatement(events));
}

/** Appends one event to the chain, inside the caller's transaction or on its own (see appendToChain). */
export function writeAudit(db: Executor, src: AuditSource, entry: AuditEntry): Promise<void> {
  return appendToChain(db, [auditFields(src, entry)]);
}
