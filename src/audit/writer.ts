import { desc, sql } from 'drizzle-orm';
import type { Actor } from '../access/policy.ts';
import type { Tx } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { GENESIS_HASH, eventHash } from './chain.ts';

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

// Any constant works; it only has to be the same for every writer of the chain.
const CHAIN_LOCK = 0x6b6f6c64;

/**
 * Appends one event to the hash chain inside the caller's transaction, so the event commits or
 * rolls back with the change it describes. The advisory lock orders concurrent writers.
 */
export async function writeAudit(tx: Tx, src: AuditSource, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields = {
    at: new Date(),
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
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: eventHash(prevHash, fields) });
}
