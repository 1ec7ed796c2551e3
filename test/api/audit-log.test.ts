import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { auditEvents, users } from '../../src/db/schema/index.ts';
import { PASSWORD, type Res, describeEachEngine } from '../helpers/harness.ts';

type Event = typeof auditEvents.$inferSelect;

const LOCALHOST = '127.0.0.1';

describeEachEngine('audit log', (h) => {
  const db = () => h().database.db;
  const allEvents = (): Promise<Event[]> => db().select().from(auditEvents).orderBy(asc(auditEvents.seq));
  const idOf = async (username: string): Promise<string> => {
    const [row] = await db().select({ id: users.id }).from(users).where(eq(users.username, username));
    return row!.id;
  };
  const requestIdOf = (res: Res): string => {
    const id = res.headers['x-request-id'];
    expect(id).toEqual(expect.any(String));
    return String(id);
  };
  /** The one event written by the request that produced `res`. */
  const eventOf = async (res: Res): Promise<Event> => {
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, requestIdOf(res)));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Values that must never reach the audit trail.
  const secretValues: string[] = [PASSWORD];

  it('records a successful sign-in with actor, role, action, entity, request id and client address', async () => {
    const res = await h().anonymous.post('/api/v1/auth/login', {
      username: 'caseworker.osh',
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const id = await idOf('caseworker.osh');
    expect(await eventOf(res)).toMatchObject({
      actorId: id,
      actorUsername: 'caseworker.osh',
      actorRole: 'caseworker',
      action: 'auth.login',
      entityType: 'user',
      entityId: id,
      outcome: 'ok',
      requestId: requestIdOf(res),
      ip: LOCALHOST,
      fields: [],
    });
  });

  it('records a failed sign-in under the username tried, without an actor id, outcome failed', async () => {
    const wrong = await h().anonymous.post('/api/v1/auth/login', {
      username: 'Analyst',
      password: 'wrong-password-1',
    });
    expect(wrong.status).toBe(401);
    secretValues.push('wrong-password-1');
    expect(await eventOf(wrong)).toMatchObject({
      actorId: null,
      actorUsername: 'Analyst',
      actorRole: null,
      action: 'auth.login',
      entityType: 'user',
      entityId: await idOf('analyst'),
      outcome: 'failed',
      requestId: requestIdOf(wrong),
      ip: LOCALHOST,
      fields: ['failed_logins'],
    });
    const unknown = await h().anonymous.post('/api/v1/auth/login', {
      username: 'no.such.person',
      password: 'whatever-123',
    });
    expect(unknown.status).toBe(401);
    secretValues.push('whatever-123');
    expect(await eventOf(unknown)).toMatchObject({
      actorUsername: 'no.such.person',
      entityId: null,
      outcome: 'failed',
      fields: [],
    });
  });

  it('records an account creation and update with the names of the fields changed, never their values', async () => {
    const admin = await h().as('admin');
    const adminId = await idOf('admin');
    const created = await admin.post('/api/v1/users', {
      username: 'audited.user',
      displayName: 'Gulnara Unique-Marker-One',
      role: 'caseworker',
      officeId: await h().officeId('Batken'),
      password: 'Very-Secret-Pass-4711',
    });
    expect(created.status).toBe(201);
    secretValues.push('Unique-Marker-One', 'Very-Secret-Pass-4711');
    const user = created.body.user;
    const create = await eventOf(created);
    expect(create).toMatchObject({
      actorId: adminId,
      actorUsername: 'admin',
      actorRole: 'admin',
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      outcome: 'ok',
      ip: LOCALHOST,
    });
    expect(create.fields).toEqual(
      expect.arrayContaining(['username', 'displayName', 'role', 'officeId', 'password']),
    );
    const updated = await admin.patch(`/api/v1/users/${user.id}`, {
      displayName: 'Gulnara Unique-Marker-Two',
      locale: 'ky',
      version: user.version,
    });
    expect(updated.status).toBe(200);
    secretValues.push('Unique-Marker-Two');
    expect(await eventOf(updated)).toMatchObject({
      actorId: adminId,
      actorRole: 'admin',
      action: 'user.update',
      entityType: 'user',
      entityId: user.id,
      outcome: 'ok',
      fields: ['displayName', 'locale'],
    });
    const reset = await admin.post(`/api/v1/users/${user.id}/reset-password`, {});
    secretValues.push(reset.body.temporaryPassword);
    expect(await eventOf(reset)).toMatchObject({
      action: 'user.reset_password',
      entityId: user.id,
      fields: ['password'],
    });
  });

  it('records a denied read (a supervisor asking for an account of another office) with outcome denied', async () => {
    const target = await idOf('caseworker.batken');
    const res = await (await h().as('supervisor')).get(`/api/v1/users/${target}`);
    expect(res.status).toBe(404);
    expect(await eventOf(res)).toMatchObject({
      actorId: await idOf('supervisor.osh'),
      actorUsername: 'supervisor.osh',
      actorRole: 'supervisor',
      action: 'user.read',
      entityType: 'user',
      entityId: target,
      outcome: 'denied',
      ip: LOCALHOST,
      fields: [],
    });
  });

  it('never stores a password, a display name or any other value in any event', async () => {
    const dump = JSON.stringify(await allEvents());
    for (const value of secretValues) expect(dump).not.toContain(value);
    expect(dump).not.toMatch(/\$argon2/);
  });

  it('shows the trail to an auditor and an admin, newest first, in the documented shape', async () => {
    for (const role of ['auditor', 'admin'] as const) {
      const res = await (await h().as(role)).get('/api/v1/audit?limit=10');
      expect(res.status, role).toBe(200);
      const seqs: number[] = res.body.items.map((e: Event) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(Object.keys(res.body.items[0]).sort()).toEqual([
        'action',
        'actorId',
        'actorRole',
        'actorUsername',
        'at',
        'entityId',
        'entityType',
        'fields',
        'ip',
        'outcome',
        'requestId',
        'seq',
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/hash/i);
    }
  });

  it('records the reading of the trail itself', async () => {
    const res = await (await h().as('auditor')).get('/api/v1/audit?limit=1');
    expect(await eventOf(res)).toMatchObject({
      actorUsername: 'auditor',
      action: 'audit.list',
      entityType: 'audit_event',
      outcome: 'ok',
    });
  });

  it('refuses the trail with 403 to caseworker, supervisor, analyst, hotline operator and partner, and records each refusal', async () => {
    for (const role of ['caseworker', 'supervisor', 'analyst', 'hotline_operator', 'partner'] as const) {
      const res = await (await h().as(role)).get('/api/v1/audit');
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(await eventOf(res)).toMatchObject({ actorRole: role, action: 'audit.list', outcome: 'denied' });
    }
    expect((await h().anonymous.get('/api/v1/audit')).status).toBe(401);
  });

  it('filters by actorId, entityType, action and outcome', async () => {
    const auditor = await h().as('auditor');
    const items = async (query: string): Promise<Event[]> => {
      const res = await auditor.get(`/api/v1/audit?limit=200&${query}`);
      expect(res.status, query).toBe(200);
      return res.body.items;
    };
    const supervisorId = await idOf('supervisor.osh');
    const bySupervisor = await items(`actorId=${supervisorId}`);
    expect(bySupervisor.length).toBeGreaterThan(0);
    expect(bySupervisor.every((e) => e.actorId === supervisorId)).toBe(true);
    expect(bySupervisor.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'user.read']));
    const officeEvents = await items('entityType=office');
    expect(officeEvents.length).toBeGreaterThanOrEqual(8);
    expect(officeEvents.every((e) => e.entityType === 'office')).toBe(true);
    const creates = await items('action=user.create');
    expect(creates.every((e) => e.action === 'user.create')).toBe(true);
    expect(creates.map((e) => e.entityId)).toContain(await idOf('audited.user'));
    const denied = await items('outcome=denied');
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((e) => e.outcome === 'denied')).toBe(true);
    const combined = await items(`actorId=${supervisorId}&action=user.read&outcome=denied&entityType=user`);
    expect(combined).toHaveLength(1);
    expect(await items(`actorId=${randomUUID()}`)).toEqual([]);
    const bad = await auditor.get('/api/v1/audit?outcome=maybe');
    expect(bad.status).toBe(400);
  });

  it('filters by a from/to time window, inclusive, in any UTC offset', async () => {
    const auditor = await h().as('auditor');
    await sleep(5);
    const from = new Date();
    await sleep(5);
    for (const u of ['analyst', 'hotline']) await h().login(u);
    await sleep(5);
    const to = new Date();
    await sleep(5);
    await h().login('partner.adilet');
    const expected = (await allEvents())
      .filter((e) => e.at >= from && e.at <= to)
      .map((e) => e.seq)
      .reverse();
    expect(expected).toHaveLength(2);
    const res = await auditor.get(`/api/v1/audit?from=${from.toISOString()}&to=${to.toISOString()}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: Event) => e.seq)).toEqual(expected);
    // The same instant written with a +06:00 offset (Bishkek) selects the same events.
    const bishkek = (d: Date) =>
      encodeURIComponent(new Date(d.getTime() + 6 * 3_600_000).toISOString().replace('Z', '+06:00'));
    const shifted = await auditor.get(`/api/v1/audit?from=${bishkek(from)}&to=${bishkek(to)}`);
    expect(shifted.body.items.map((e: Event) => e.seq)).toEqual(expected);
    expect((await auditor.get('/api/v1/audit?from=yesterday')).status).toBe(400);
  });

  it('pages newest first through nextCursor, every event exactly once', async () => {
    const auditor = await h().as('auditor');
    const expected = (await allEvents())
      .filter((e) => e.action === 'auth.login')
      .map((e) => e.seq)
      .reverse();
    expect(expected.length).toBeGreaterThan(7);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await auditor.get(
        `/api/v1/audit?action=auth.login&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((e: Event) => e.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    const garbage = await auditor.get('/api/v1/audit?cursor=not-a-cursor');
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.code).toBe('invalid_cursor');
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const before = await allEvents();
    const refusals = [
      sql`update audit_events set action = 'rewritten' where seq = ${before[0]!.seq}`,
      sql`update audit_events set outcome = 'ok'`,
      sql`delete from audit_events where seq = ${before.at(-1)!.seq}`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ];
    for (const statement of refusals) {
      const err: unknown = await db()
        .execute(statement)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(Error);
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      expect(cause?.code).toBe('42501');
      expect(cause?.message).toMatch(/append-only/);
    }
    expect(await allEvents()).toEqual(before);
  });

  it('verifies as an intact chain after all of the above', async () => {
    const count = (await allEvents()).length;
    expect(await verifyAuditChain(db())).toEqual({ ok: true, count });
    // Small batches exercise the walk across batch boundaries.
    const progress: number[] = [];
    expect(await verifyAuditChain(db(), (n) => progress.push(n), 7)).toEqual({ ok: true, count });
    expect(progress.at(-1)).toBe(count);
  });
});

describeEachEngine('audit chain tampering', (h) => {
  const db = () => h().database.db;
  const allEvents = (): Promise<Event[]> => db().select().from(auditEvents).orderBy(asc(auditEvents.seq));

  /** Runs `fn` with the append-only triggers off (the tests connect as superuser), then turns them on again. */
  const tamper = async (fn: () => Promise<void>): Promise<void> => {
    await db().execute(sql`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    try {
      await fn();
    } finally {
      await db().execute(sql`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    }
  };

  /** A chain with some events of the test's own, and the seq of one in the middle. */
  const middle = async (): Promise<{ events: Event[]; seq: number }> => {
    const events = await allEvents();
    expect(events.length).toBeGreaterThan(10);
    return { events, seq: events[Math.floor(events.length / 2)]!.seq };
  };

  it('starts from an intact chain that includes requests of this suite', async () => {
    const admin = await h().as('admin');
    for (const name of ['Tamper office one', 'Tamper office two']) {
      expect((await admin.post('/api/v1/offices', { name, kind: 'ngo', country: 'KG' })).status).toBe(201);
    }
    await h().as('auditor');
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('detects an altered event at its own seq, and is intact again once it is restored', async () => {
    const { events, seq } = await middle();
    const original = events.find((e) => e.seq === seq)!;
    await tamper(() =>
      db()
        .execute(sql`update audit_events set actor_username = 'someone.else' where seq = ${seq}`)
        .then(() => undefined),
    );
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq, problem: 'altered' });
    await tamper(() =>
      db()
        .execute(sql`update audit_events set actor_username = ${original.actorUsername} where seq = ${seq}`)
        .then(() => undefined),
    );
    expect(await verifyAuditChain(db())).toEqual({ ok: true, count: events.length });
  });

  it('detects an altered list of field names and an altered time', async () => {
    const { events, seq } = await middle();
    const original = events.find((e) => e.seq === seq)!;
    await tamper(async () => {
      await db().execute(sql`update audit_events set fields = array['nothing']::text[] where seq = ${seq}`);
    });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq, problem: 'altered' });
    await tamper(async () => {
      await db()
        .update(auditEvents)
        .set({ fields: original.fields, at: new Date(original.at.getTime() + 1) })
        .where(eq(auditEvents.seq, seq));
    });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq, problem: 'altered' });
    await tamper(async () => {
      await db().update(auditEvents).set({ at: original.at }).where(eq(auditEvents.seq, seq));
    });
    expect(await verifyAuditChain(db())).toEqual({ ok: true, count: events.length });
  });

  it('detects a removed event as a broken link at the next event', async () => {
    const { events, seq } = await middle();
    const index = events.findIndex((e) => e.seq === seq);
    const removed = events[index]!;
    await tamper(() =>
      db()
        .execute(sql`delete from audit_events where seq = ${seq}`)
        .then(() => undefined),
    );
    expect(await verifyAuditChain(db())).toMatchObject({
      ok: false,
      seq: events[index + 1]!.seq,
      problem: 'broken_link',
    });
    await db().insert(auditEvents).values(removed);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, count: events.length });
  });

  it('detects two swapped events as a broken link at the first of them', async () => {
    const { events, seq } = await middle();
    const index = events.findIndex((e) => e.seq === seq);
    const [a, b] = [seq, events[index + 1]!.seq];
    const swap = () =>
      tamper(async () => {
        await db().execute(sql`update audit_events set seq = -seq where seq in (${a}, ${b})`);
        await db().execute(sql`update audit_events set seq = ${b} where seq = ${-a}`);
        await db().execute(sql`update audit_events set seq = ${a} where seq = ${-b}`);
      });
    await swap();
    const swapped = await allEvents();
    expect(swapped.find((e) => e.seq === a)!.hash).toBe(events[index + 1]!.hash);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: a, problem: 'broken_link' });
    await swap();
    expect(await verifyAuditChain(db())).toEqual({ ok: true, count: events.length });
  });

  it('has its append-only triggers on again after the tampering', async () => {
    await expect(db().execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_events`)).rejects.toThrow();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
