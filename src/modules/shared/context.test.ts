import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, freshDatabase, postgresUrl } from '../../../test/helpers/db.ts';
import { loadConfig } from '../../config.ts';
import { type Database, rowsOf, sqlState } from '../../db/client.ts';
import { offices } from '../../db/schema/index.ts';
import { type Ctx, Last, transact } from './context.ts';

const ctxOf = (database: Database): Ctx => ({
  db: database.db,
  actor: { userId: randomUUID(), username: 'admin', role: 'admin', officeId: null },
  config: loadConfig({}),
});

const office = (id: string, name: string) => ({ id, name, kind: 'ngo' as const, country: 'KG' });

describeEachDatabase('use cases that end with their last statement', (database, test) => {
  test('answer with that statement’s result, committed with what came before', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const answer = await transact(
      ctxOf(database()),
      { action: 'test.write', entityType: 'test' },
      async (tx) => {
        await tx.insert(offices).values(office(a, 'Osh'));
        return Last.of(tx.insert(offices).values(office(b, 'Batken')).returning()).map(([row]) => row!.name);
      },
    );
    expect(answer).toBe('Batken');
    const stored = await database().db.select({ id: offices.id }).from(offices);
    expect(stored.map((r) => r.id)).toEqual(expect.arrayContaining([a, b]));
  });

  test('leave nothing when that statement fails, and fail with its error', async () => {
    const [a, taken] = [randomUUID(), randomUUID()];
    await database().db.insert(offices).values(office(taken, 'Jalal-Abad'));
    const failing = transact(ctxOf(database()), { action: 'test.write', entityType: 'test' }, async (tx) => {
      await tx.insert(offices).values(office(a, 'Naryn'));
      return Last.of(tx.insert(offices).values(office(taken, 'Talas')).returning());
    });
    // The duplicate key, not the commit that the database turned into a rollback.
    await expect(failing).rejects.toSatisfy((err) => sqlState(err) === '23505');
    expect(await database().db.select().from(offices).where(eq(offices.id, a))).toEqual([]);
  });
});

// The commit is on its way before the answer comes back: a process busy just after sending it
// holds the statement's locks no longer. It takes a second session, so PostgreSQL alone.
describe('a use case’s last statement', () => {
  let database: (Database & { url?: string }) | undefined;
  beforeAll(async () => {
    if (postgresUrl) database = await freshDatabase('postgres');
  });
  afterAll(() => database?.close());

  it.skipIf(!postgresUrl)('holds its locks only until it ends, however busy the process', async () => {
    const d = database!;
    const key = Math.floor(Math.random() * 1e9);
    const other = new pg.Client({ connectionString: d.url });
    await other.connect();
    try {
      let locked: Promise<pg.QueryResult<{ at: Date }>> | undefined;
      const ended = transact(ctxOf(d), { action: 'test.write', entityType: 'test' }, async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
        // Waits in the database for the lock, then reads the database's clock.
        locked = other.query('select pg_advisory_lock($1), clock_timestamp() as at', [key]);
        const last = Last.of(tx.execute(sql`select pg_sleep(0.1), clock_timestamp() as at`));
        // The process turns to something else for 600 ms as soon as the body has returned.
        setTimeout(() => {
          const until = performance.now() + 600;
          while (performance.now() < until);
        }, 0);
        return last.map((r) => new Date(rowsOf<{ at: string }>(r)[0]!.at));
      });
      const statementEnd = await ended;
      const lockTaken = (await locked!).rows[0]!.at;
      expect(lockTaken.getTime() - statementEnd.getTime()).toBeLessThan(250);
    } finally {
      await other.end();
    }
  });
});
