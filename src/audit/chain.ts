import { hash } from 'node:crypto';
import { isoInstant } from '../clock.ts';

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
    isoInstant(e.at),
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

// The hash covers the JSON array [prevHash, ...fields]: the body's array with the predecessor put
// first. One-shot hashing: a Hash object per event cost more than the digest.

/** The hash of an event from its predecessor's hash and its body (see eventBody). */
export function linkHash(prevHash: string, body: string): string {
  return hash('sha256', `[${JSON.stringify(prevHash)},${body.slice(1)}`, 'hex');
}

/** Links events whose bodies are already UTF-8 onto a chain, one after another, as linkHash does. */
export class ChainLinker {
  private scratch = Buffer.allocUnsafe(1024);

  constructor(private prev: string) {}

  /** The last hash linked (the predecessor of the next event). */
  get head(): string {
    return this.prev;
  }

  /** Links the next event by its body, bytes `start` to `end` of `bodies`, and returns its hash. */
  link(bodies: Buffer, start = 0, end = bodies.length): string {
    // `["` + the predecessor's 64 hex digits + `",`, then the body after its `[`.
    const size = 68 + end - start - 1;
    if (size > this.scratch.length) this.scratch = Buffer.allocUnsafe(size * 2);
    this.scratch.write(`["${this.prev}",`, 0, 'latin1');
    bodies.copy(this.scratch, 68, start + 1, end);
    this.prev = hash('sha256', this.scratch.subarray(0, size), 'hex');
    return this.prev;
  }
}

/** SHA-256 over the predecessor's hash and this event's fields: what links the chain. */
export function eventHash(prevHash: string, e: ChainedFields): string {
  return linkHash(prevHash, eventBody(e));
}
