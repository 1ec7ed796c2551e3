import { sql } from 'drizzle-orm';
import type { Actor } from '../access/policy.ts';
import type { Executor } from '../db/client.ts';
import { textArray } from '../db/params.ts';
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

/**
 * Appends events, in the order given, to the hash chain: inside the caller's transaction, so they
 * commit or roll back with it, or on their own (`db`), when the one statement is its own
 * transaction and nothing else needs to commit with it. That statement (migration 0014) takes the
 * chain's lock, which orders concurrent writers in this process and in any other on the same
 * database until the transaction ends, and hashes the events' bodies onto the chain's last hash as
 * linkHash does.
 */
export async function appendToChain(db: Executor, events: ChainedFields[]): Promise<void> {
  if (events.length === 0) return;
  await db.execute(sql`select audit_chain_append(${CHAIN_LOCK}, ${textArray(events.map(eventBody))})`);
}

/** Appends one event to the chain, inside the caller's transaction or on its own (see appendToChain). */
export function writeAudit(db: Executor, src: AuditSource, entry: AuditEntry): Promise<void> {
  return appendToChain(db, [auditFields(src, entry)]);
}
