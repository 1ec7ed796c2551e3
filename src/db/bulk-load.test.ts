import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, skipReason } from '../../test/helpers/db.ts';
import { deferConstraints, restoreConstraints, runApart } from './bulk-load.ts';
import { type Database, rowsOf } from './client.ts';
import { deferredConstraints } from './schema/index.ts';

const TABLES = ['case_events', 'followups', 'persons'];

// Every index and constraint of the schema, as the catalogue defines them.
async function schemaOf(database: Database): Promise<string[]> {
  return rowsOf<{ d: string }>(
    await database.db.execute(sql`
      select tablename || ' ' || indexdef as d from pg_indexes where schemaname = current_schema()
      union all
      select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = current_schema()::regnamespace
      order by 1`),
  ).map((r) => r.d);
}

const onTables = (defs: string[]) => defs.filter((d) => TABLES.includes(d.split(' ')[0]!));

describe.each(ENGINES)('deferred indexes and foreign keys for a bulk load (%s)', (engine) => {
  const skip = skipReason(engine);
  let database: Database;
  let schema: string[];
  beforeAll(async () => {
    if (skip) return;
    database = await freshDatabase(engine);
    schema = await schemaOf(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it.skipIf(skip)(
    'drops only non-unique indexes and foreign keys of the tables, and records them',
    async () => {
      const dropped = await deferConstraints(database.db, TABLES);
      const now = await schemaOf(database);
      const gone = schema.filter((d) => !now.includes(d));
      expect(gone).toHaveLength(dropped);
      expect(gone.length).toBeGreaterThan(5);
      // Only the loaded tables' own: every other table, and every unique index, is as it was.
      expect(gone.every((d) => TABLES.includes(d.split(' ')[0]!))).toBe(true);
      expect(gone.some((d) => / UNIQUE INDEX | PRIMARY KEY/.test(d))).toBe(false);
      expect(gone.some((d) => / FOREIGN KEY /.test(d))).toBe(true);
      expect(gone.some((d) => / USING gin /.test(d))).toBe(true);
      expect(await database.db.$count(deferredConstraints)).toBe(dropped);
      await restoreConstraints(database);
      expect(await schemaOf(database)).toEqual(schema);
      expect(await database.db.$count(deferredConstraints)).toBe(0);
    },
  );

  it.skipIf(skip)('restores at the next start what a load that stopped midway left dropped', async () => {
    await deferConstraints(database.db, TABLES);
    expect(onTables(await schemaOf(database))).not.toEqual(onTables(schema));
    await database.migrate();
    expect(await schemaOf(database)).toEqual(schema);
  });

  it.skipIf(skip)(
    'checks every row when a foreign key comes back, and keeps it recorded if one fails',
    async () => {
      await deferConstraints(database.db, TABLES);
      // A follow-up of a case that does not exist, loaded while nothing checked it.
      await database.db.execute(sql`
      insert into followups (case_id, due_on, assigned_to, status, kind)
      values (gen_random_uuid(), '2026-01-01', gen_random_uuid(), 'scheduled', 'call')`);
      await expect(restoreConstraints(database)).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/violates foreign key constraint/) },
      });
      // The indexes are back; the foreign keys from the failed one on are still on record.
      const left = await database.db.select().from(deferredConstraints);
      expect(left.length).toBeGreaterThan(0);
      expect(left.every((d) => d.kind === 'foreign_key')).toBe(true);
      await database.db.execute(sql`delete from followups`);
      await restoreConstraints(database);
      expect(await schemaOf(database)).toEqual(schema);
    },
  );
});

describe('running restores apart', () => {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('runs every item once, at most so many at a time, never two that clash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ group: fc.option(fc.integer({ min: 0, max: 2 })), turns: fc.nat(3) }), {
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 3 }),
        async (items, concurrency) => {
          const running = new Set<number>();
          const ran: number[] = [];
          let most = 0;
          const clash = (a: number, b: number) =>
            items[a]!.group !== null && items[a]!.group === items[b]!.group;
          await runApart([...items.keys()], concurrency, clash, async (k) => {
            for (const r of running) expect(clash(r, k)).toBe(false);
            running.add(k);
            most = Math.max(most, running.size);
            for (let t = 0; t < items[k]!.turns; t++) await turn();
            running.delete(k);
            ran.push(k);
          });
          expect(ran.toSorted((a, b) => a - b)).toEqual([...items.keys()]);
          expect(most).toBeLessThanOrEqual(concurrency);
        },
      ),
    );
  });

  it('runs items that do not clash at the same time', async () => {
    let started = 0;
    let bothStarted: () => void = () => undefined;
    const both = new Promise<void>((resolve) => (bothStarted = resolve));
    // Each waits for the other to have started: run one after the other, they never would.
    const waited = runApart(
      ['a', 'b'],
      2,
      () => false,
      async () => {
        if (++started === 2) bothStarted();
        await both;
      },
    );
    await expect(
      Promise.race([
        waited.then(() => 'done'),
        turn()
          .then(turn)
          .then(() => 'stuck'),
      ]),
    ).resolves.toBe('done');
  });

  it('starts nothing after a failure, lets the running finish, then throws the first error', async () => {
    const finished: string[] = [];
    const run = runApart(
      ['slow', 'fails', 'later', 'last'],
      2,
      () => false,
      async (item) => {
        if (item === 'fails') throw new Error('fails');
        await turn();
        await turn();
        finished.push(item);
      },
    );
    await expect(run).rejects.toThrow('fails');
    expect(finished).toEqual(['slow']);
  });
});
