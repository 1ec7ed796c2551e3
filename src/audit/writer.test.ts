import { asc } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, skipReason } from '../../test/helpers/db.ts';
import type { Database } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { type ChainedFields, GENESIS_HASH, eventHash } from './chain.ts';
import { verifyAuditChain } from './verify.ts';
import { appendToChain, auditFields, auditWith } from './writer.ts';

// Any text PostgreSQL can store (it holds no NUL character), in any script.
const text = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000'));
const event: fc.Arbitrary<ChainedFields> = fc.record({
  at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actorUsername: fc.option(text, { nil: null }),
  actorRole: fc.option(text, { nil: null }),
  action: text,
  entityType: text,
  entityId: fc.option(text, { nil: null }),
  outcome: fc.constantFrom('ok', 'denied', 'failed'),
  requestId: fc.option(text, { nil: null }),
  ip: fc.option(text, { nil: null }),
  fields: fc.array(text, { maxLength: 4 }),
});

describe.each(ENGINES)('the audit chain appended by the database (%s)', (engine) => {
  const skip = skipReason(engine);
  let database: Database;
  beforeAll(async () => {
    if (!skip) database = await freshDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const chain = () => database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));

  it.skipIf(skip)(
    'stores each event as given, hashed onto its predecessor as the chain defines',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(event, { minLength: 1, maxLength: 5 }),
          fc.boolean(),
          async (events, inCte) => {
            const before = (await chain()).at(-1)?.hash ?? GENESIS_HASH;
            await database.db.transaction(async (tx) => {
              // As a statement of its own, or as a CTE of another statement (here one that reads).
              if (!inCte) return appendToChain(tx, events);
              await tx
                .with(auditWith(tx, events))
                .select({ seq: auditEvents.seq })
                .from(auditEvents)
                .limit(0);
            });
            const added = (await chain()).slice(-events.length);
            let prev = before;
            for (const [i, e] of events.entries()) {
              const row = added[i]!;
              const { seq: _seq, prevHash, hash, ...stored } = row;
              expect(stored).toEqual(e);
              expect(prevHash).toBe(prev);
              expect(hash).toBe(eventHash(prev, e));
              prev = hash;
            }
          },
        ),
        { numRuns: 60 },
      );
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    },
  );

  it.skipIf(skip)(
    'keeps one unbroken chain when transactions and lone statements append at the same time',
    async () => {
      const before = (await chain()).length;
      const one = (i: number, j: number): ChainedFields => ({
        at: new Date(),
        actorId: null,
        actorUsername: `writer ${i}`,
        actorRole: null,
        action: 'test.append',
        entityType: 'test',
        entityId: String(j),
        outcome: 'ok',
        requestId: null,
        ip: null,
        fields: [],
      });
      // Half in a transaction of their own, half as a statement on its own (as reads' batches go).
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => {
          const events = [one(i, 0), one(i, 1), one(i, 2)];
          return i % 2 === 0
            ? database.db.transaction((tx) => appendToChain(tx, events))
            : appendToChain(database.db, events);
        }),
      );
      const rows = await chain();
      expect(rows.length - before).toBe(36);
      // Each transaction's events stay together and in order: the lock is held to its commit.
      const added = rows.slice(before);
      for (let k = 0; k < added.length; k += 3) {
        expect(added.slice(k, k + 3).map((r) => [r.actorUsername, r.entityId])).toEqual(
          [0, 1, 2].map((j) => [added[k]!.actorUsername, String(j)]),
        );
      }
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, count: rows.length });
    },
  );

  it.skipIf(skip)(
    'stores a lone surrogate as U+FFFD and hashes what it stores; refuses NUL as invalid text',
    async () => {
      const tried = (username: string) =>
        auditFields(
          { actor: null, username },
          { action: 'auth.login', entityType: 'user', outcome: 'failed' },
        );
      await database.db.transaction((tx) => appendToChain(tx, [tried('nobody\uD800')]));
      expect((await chain()).at(-1)?.actorUsername).toBe('nobody\uFFFD');
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
      const nul = await database.db
        .transaction((tx) => appendToChain(tx, [tried('no\u0000body')]))
        .catch((e: unknown) => e);
      expect((nul as { cause?: { code?: string } }).cause?.code ?? (nul as { code?: string }).code).toBe(
        '22P05',
      );
    },
  );
});
