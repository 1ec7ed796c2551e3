import { createHash } from 'node:crypto';

/** The predecessor hash of the very first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that the hash covers, in a fixed order. */
export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  fields: string[];
}

/** SHA-256 over the predecessor's hash and this event's fields: what links the chain. */
export function eventHash(prevHash: string, e: ChainedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    e.at.toISOString(),
    e.actorId,
    e.actorUsername,
    e.actorRole,
    e.action,
    e.entityType,
    e.entityId,
    e.outcome,
    e.requestId,
    e.ip,
    e.fields,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
