import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ChainLinker, type ChainedFields, GENESIS_HASH, eventBody, eventHash, linkHash } from './chain.ts';

const text = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
const event: fc.Arbitrary<ChainedFields> = fc.record({
  at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actorUsername: text,
  actorRole: text,
  action: fc.string(),
  entityType: fc.string(),
  entityId: fc.option(fc.uuid(), { nil: null }),
  outcome: fc.constantFrom('ok', 'denied', 'failed'),
  requestId: text,
  ip: text,
  fields: fc.array(fc.string()),
});

// The chain's definition, as the audit trail of every existing database was hashed.
const reference = (prev: string, e: ChainedFields) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        prev,
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
      ]),
    )
    .digest('hex');

it('hashes an event from a body worked out ahead exactly as from the event itself', () => {
  fc.assert(
    fc.property(event, fc.constantFrom(GENESIS_HASH, 'ab'.repeat(32)), (e, prev) => {
      expect(linkHash(prev, eventBody(e))).toBe(reference(prev, e));
      // A bulk load hands the body over as UTF-8 bytes.
      expect(new ChainLinker(prev).link(Buffer.from(eventBody(e)))).toBe(reference(prev, e));
      expect(eventHash(prev, e)).toBe(reference(prev, e));
    }),
  );
});
