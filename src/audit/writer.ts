import { sql } from 'drizzle-orm';
import type { Actor } from '../access/policy.ts';
import { type Tx, rowsOf } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { type ChainedFields, GENESIS_HASH, eventHash } from './chain.ts';

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

/** The hashed fields of an event, stamped with the moment it happened. */
export function auditFields(src: AuditSource, entry: AuditEntry, at = new Date()): ChainedFields {
  return {
    at,
    actorId: src.actor?.userId ?? null,
    actorUsername: src.actor?.username ?? src.username ?? null,
    actorRole: src.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    outcome: entry.outcome ?? 'ok',
    requestId: src.requestId ?? null,
    ip: src.ip ?? null,
    fields: entry.fields ?? [],
  };
}

/**
 * Appends events, in the order given, to the hash chain inside the caller's transaction, so they
 * commit or roll back with it. The advisory lock orders concurrent writers, in this process and
 * in any other on the same database, until the transaction ends.
 */
export async function appendToChain(tx: Tx, events: ChainedFields[]): Promise<void> {
  if (events.length === 0) return;
  // The lock and the read of the last hash in one round trip (see migration 0011).
  const [head] = rowsOf<{ hash: string | null }>(
    await tx.execute(sql`select audit_chain_head(${CHAIN_LOCK}) as hash`),
  );
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows = events.map((fields) => {
    const row = { ...fields, prevHash, hash: eventHash(prevHash, fields) };
    prevHash = row.hash;
    return row;
  });
  // One statement: PostgreSQL draws the serial numbers in the order of the rows given.
  await tx.insert(auditEvents).values(rows);
}

/** Appends one event to the chain inside the caller's transaction (every change's own event). */
export function writeAudit(tx: Tx, src: AuditSource, entry: AuditEntry): Promise<void> {
  return appendToChain(tx, [auditFields(src, entry)]);
}
