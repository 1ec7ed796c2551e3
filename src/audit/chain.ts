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

/**
 * The canonical text of an event's own fields, which the predecessor's hash completes: a bulk
 * load can work it out ahead, before it knows where on the chain the event will go.
 */
export function eventBody(e: ChainedFields): string {
  return JSON.stringify([
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
}

/** The hash of an event from its predecessor's hash and its body (see eventBody), as text or UTF-8. */
export function linkHash(prevHash: string, body: string | Uint8Array): string {
  // The JSON array [prevHash, ...fields]: the body's array with the predecessor put first.
  return createHash('sha256')
    .update(`[${JSON.stringify(prevHash)},`)
    .update(typeof body === 'string' ? body.slice(1) : body.subarray(1))
    .digest('hex');
}

/** SHA-256 over the predecessor's hash and this event's fields: what links the chain. */
export function eventHash(prevHash: string, e: ChainedFields): string {
  return linkHash(prevHash, eventBody(e));
}
