import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { rowsOf, setLocal } from '../../src/db/client.ts';
import { auditEvents, users } from '../../src/db/schema/index.ts';
import { Invalid } from '../../src/errors.ts';
import { TYPO_SIMILARITY } from '../../src/modules/persons/search.ts';
import { view } from '../../src/modules/shared/context.ts';
import { describeEachEngine } from '../helpers/harness.ts';

describeEachEngine('audit of reads (batched onto the chain)', (h) => {
  const db = () => h().database.db;
  // The admin acting through a use case directly, as a request with this id would.
  const adminCtx = async (requestId: string) => {
    const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    return {
      db: db(),
      actor: { userId: admin!.id, username: 'admin', role: 'admin' as const, officeId: null },
      config: h().config,
      requestId,
    };
  };

  it('puts every concurrent read on record before it answers, in one intact chain', async () => {
    const cw = await h().as('caseworker');
    const before = await db().select({ n: count() }).from(auditEvents);
    const answers = await Promise.all(Array.from({ length: 60 }, () => cw.get('/api/v1/cases?limit=5')));
    for (const res of answers) {
      expect(res.status).toBe(200);
      // The answer came back only once its event was committed.
      const rows = await db()
        .select({ action: auditEvents.action, outcome: auditEvents.outcome })
        .from(auditEvents)
        .where(eq(auditEvents.requestId, String(res.headers['x-request-id'])));
      expect(rows).toEqual([{ action: 'case.list', outcome: 'ok' }]);
    }
    const after = await db().select({ n: count() }).from(auditEvents);
    expect(after[0]!.n - before[0]!.n).toBe(60);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('shares chain transactions between concurrent reads instead of one each', async () => {
    const cw = await h().as('caseworker');
    // Events of one batch are committed together, so they share the transaction id.
    await Promise.all(Array.from({ length: 40 }, () => cw.get('/api/v1/cases?limit=5')));
    const [row] = rowsOf<{ tx: number; events: number }>(
      await db().execute(sql`
        select count(distinct xmin::text)::int as tx, count(*)::int as events
        from audit_events where action = 'case.list'`),
    );
    expect(row!.events).toBeGreaterThanOrEqual(40);
    expect(row!.tx).toBeLessThan(row!.events / 2);
  });

  it('records a refused read as denied, through the same batch', async () => {
    const partner = await h().as('partner');
    const res = await partner.get(`/api/v1/cases/${randomUUID()}`);
    expect(res.status).toBe(404);
    const rows = await db()
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(eq(auditEvents.requestId, String(res.headers['x-request-id'])));
    expect(rows).toEqual([{ action: 'case.read', outcome: 'denied' }]);
  });

  const eventsOf = (requestId: string) =>
    db()
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(eq(auditEvents.requestId, requestId))
      .orderBy(auditEvents.seq);

  it('commits an event recorded before the queries while the read goes on, not after it', async () => {
    const ctx = await adminCtx('recorded-while-reading');
    const answer = await view(ctx, { action: 'test.read', entityType: 'test' }, async (reader, audit) => {
      await audit();
      // The reading goes on until its own event is on record: it would wait forever were the
      // event appended only once the reading is over.
      for (let tries = 0; tries < 200; tries++) {
        const [row] = rowsOf<{ n: number }>(
          await reader.execute(
            sql`select count(*)::int as n from audit_events where request_id = 'recorded-while-reading'`,
          ),
        );
        if (row!.n === 1) return 'read';
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return 'not recorded while reading';
    });
    expect(answer).toBe('read');
    expect(await eventsOf('recorded-while-reading')).toEqual([{ action: 'test.read', outcome: 'ok' }]);
  });

  it('answers nothing when the event cannot be recorded, even if the reading ended first', async () => {
    // PostgreSQL stores no NUL in text: the event is refused while the use case reads on.
    const ctx = await adminCtx('refused\u0000event');
    let read = false;
    await expect(
      view(ctx, { action: 'test.read', entityType: 'test' }, async (reader, audit) => {
        await audit();
        await new Promise((resolve) => setTimeout(resolve, 100));
        await reader.execute(sql`select 1`);
        read = true;
        return 'secret';
      }),
    ).rejects.toSatisfy(
      (e: { code?: string; cause?: { code?: string } }) => (e.cause?.code ?? e.code) === '22P05',
    );
    expect(read).toBe(true);
  });

  it('records the failure of a read after the event that let it through', async () => {
    const ctx = await adminCtx('failed-after-event');
    await expect(
      view(ctx, { action: 'test.read', entityType: 'test' }, async (_db, audit) => {
        await audit();
        throw new Invalid('test_rule', 'A rule the reading broke');
      }),
    ).rejects.toBeInstanceOf(Invalid);
    expect(await eventsOf('failed-after-event')).toEqual([
      { action: 'test.read', outcome: 'ok' },
      { action: 'test.read', outcome: 'failed' },
    ]);
  });

  it('runs a read with a session in a read-only transaction: a stray write fails and nothing is recorded', async () => {
    const ctx = await adminCtx('read-only-check');
    await expect(
      view(
        ctx,
        { action: 'test.read', entityType: 'test' },
        async (tx, audit) => {
          await tx.execute(sql`create temporary table stray (x int)`);
          await audit();
        },
        { session: true },
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/read-only/) } });
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.requestId, 'read-only-check'));
    expect(rows).toEqual([]);
  });

  it('refuses a transaction’s setting in a read without a session, where it would silently not hold', async () => {
    const ctx = await adminCtx('no-session-check');
    const search = (session: boolean) =>
      view(
        ctx,
        { action: 'test.read', entityType: 'test' },
        async (db, audit) => {
          await setLocal(db, { 'pg_trgm.similarity_threshold': String(TYPO_SIMILARITY) });
          await audit();
          return rowsOf<{ t: string }>(
            await db.execute(sql`select current_setting('pg_trgm.similarity_threshold') as t`),
          )[0]!.t;
        },
        { session },
      );
    await expect(search(false)).rejects.toThrow(/set for a transaction, and this is none/);
    expect(await search(true)).toBe(String(TYPO_SIMILARITY));
  });
});
