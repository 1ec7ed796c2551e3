import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { auditEvents, users } from '../../src/db/schema/index.ts';
import { transact } from '../../src/modules/shared/context.ts';
import { describeEachEngine } from '../helpers/harness.ts';

describeEachEngine('audit chain under concurrent changes', (h) => {
  it('keeps one intact chain when changes on many connections append at once', async () => {
    const { db } = h().database;
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    const ctx = {
      db,
      actor: { userId: admin!.id, username: 'admin', role: 'admin' as const, officeId: null },
      config: h().config,
      requestId: 'concurrent',
    };
    const before = await db.select({ n: count() }).from(auditEvents);
    // On PostgreSQL each change runs on a connection of its own from the pool, so appends race
    // for the chain's head; every one must chain onto the event committed just before it.
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        transact(ctx, { action: 'test.change', entityType: 'test', entityId: String(i) }, (_tx, audit) =>
          audit(),
        ),
      ),
    );
    const after = await db.select({ n: count() }).from(auditEvents);
    expect(after[0]!.n - before[0]!.n).toBe(60);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
