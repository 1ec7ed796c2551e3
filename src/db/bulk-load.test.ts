import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, rolledBack, skipReason } from '../../test/helpers/db.ts';
import { type RestoreProgress, deferConstraints, restoreConstraints, runApart } from './bulk-load.ts';
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
    const dropped = await deferConstraints(database.db, TABLES);
    expect(onTables(await schemaOf(database))).not.toEqual(onTables(schema));
    const reports: RestoreProgress[] = [];
    await database.migrate((p) => reports.push(p));
    expect(await schemaOf(database)).toEqual(schema);
    // What start-up shows while it rebuilds.
    expect(reports.at(-1)).toMatchObject({ done: dropped, total: dropped });
  });

  it.skipIf(skip)(
    "reports a rebuild's progress by the size of the tables read, a key's check at a quarter",
    async () => {
      await deferConstraints(database.db, TABLES);
      // Rows rolled back still leave their pages: follow-ups become by far the largest table.
      await database.db.execute(sql`alter table followups set (autovacuum_enabled = false)`);
      await rolledBack(database.db, (tx) =>
        tx.execute(sql`
          insert into followups (case_id, due_on, assigned_to, kind)
          select gen_random_uuid(), date '2026-01-01', gen_random_uuid(), 'call'
          from generate_series(1, 20000)`),
      );
      const size = new Map(
        rowsOf<{ t: string; bytes: number }>(
          await database.db.execute(sql`
            select t, pg_relation_size(t::regclass)::float8 as bytes
            from unnest(${sql.param(TABLES)}::text[]) t`),
        ).map((r) => [r.t, Number(r.bytes)]),
      );
      expect(size.get('followups')).toBeGreaterThan(100 * 8192);
      const deferred = await database.db.select().from(deferredConstraints);
      const expected = deferred.reduce(
        (sum, d) => sum + Math.max(8192, size.get(d.tableName)! * (d.kind === 'foreign_key' ? 0.25 : 1)),
        0,
      );
      const reports: RestoreProgress[] = [];
      await restoreConstraints(database, (p) => reports.push(p));
      expect(reports.every((p) => p.workTotal === expected && p.total === deferred.length)).toBe(true);
      expect(reports[0]).toMatchObject({ done: 0, workDone: 0 });
      expect(reports.at(-1)).toMatchObject({ done: deferred.length, workDone: expected, name: '' });
      const work = reports.map((p) => p.workDone);
      expect(work).toEqual([...work].sort((a, b) => a - b));
      // The follow-ups' restores, a third of the count, are nearly all of the work.
      const onFollowups = deferred.filter((d) => d.tableName === 'followups');
      expect(onFollowups.length / deferred.length).toBeLessThan(0.5);
      const followupsWork = onFollowups.reduce(
        (sum, d) => sum + size.get('followups')! * (d.kind === 'foreign_key' ? 0.25 : 1),
        0,
      );
      expect(followupsWork / expected).toBeGreaterThan(0.8);
      expect(await schemaOf(database)).toEqual(schema);
    },
  );

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
