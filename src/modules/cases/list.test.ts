import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/harness.ts';
import { today } from '../../clock.ts';
import { rowsOf } from '../../db/client.ts';
import { auditEvents, cases, users } from '../../db/schema/index.ts';
import { generate } from '../../generate/generate.ts';

/** A case as the oracle sees it: read plainly, every case of the office, no paging. */
interface Row {
  id: string;
  status: string;
  type: string;
  risk: string | null;
  likelihood: string;
  assignedTo: string | null;
  region: string | null;
  district: string | null;
  nextDue: string | null;
}

type Query = Record<string, string>;

/** Every page of the list for `query`, `size` at a time, following the cursor to the end. */
async function allPages(client: Client, query: Query, size: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 500; pages++) {
    const params: URLSearchParams = new URLSearchParams({
      ...query,
      limit: String(size),
      ...(cursor ? { cursor } : {}),
    });
    const res = await client.get<{ items: { id: string }[]; nextCursor: string | null }>(
      `/api/v1/cases?${params}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.items.map((c) => c.id));
    cursor = res.body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('The list did not end');
}

describeEachEngine('the case list, page by page, against a plain reading of the office', (h) => {
  let officeId: string;
  let rows: Row[];
  // Each sort's order of the office's cases, as PostgreSQL orders them (its collation for numbers).
  const ordered = new Map<string, string[]>();
  const now = today();

  beforeAll(async () => {
    const db = h().database.db;
    await generate(h().database, { persons: 400, seed: 'case-list', asOf: now, manifestDir: null });
    officeId = await h().officeId('Osh');
    rows = rowsOf<Row>(
      await db.execute(sql`
        select c.id, c.status, c.type, c.risk_level as risk, c.trafficking_likelihood as likelihood,
               c.assigned_to as "assignedTo", p.origin_region as region, p.origin_district as district,
               (select min(f.due_on)::text from followups f where f.case_id = c.id and f.status = 'scheduled') as "nextDue"
        from cases c join persons p on p.id = c.person_id
        where c.office_id = ${officeId}`),
    );
    for (const [sort, order] of [
      ['-createdAt', sql`created_at desc, id desc`],
      ['createdAt', sql`created_at, id`],
      ['-number', sql`number desc, id desc`],
      ['number', sql`number, id`],
    ] as const) {
      const ids = await db
        .select({ id: cases.id })
        .from(cases)
        .where(eq(cases.officeId, officeId))
        .orderBy(order);
      ordered.set(
        sort,
        ids.map((r) => r.id),
      );
    }
  });

  /** The office's cases the filters of `query` keep, in the order of its sort. */
  const expected = (query: Query, keep: (r: Row) => boolean = () => true): string[] => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ordered.get(query.sort ?? '-createdAt')!.filter((id) => {
      const r = byId.get(id)!;
      return (
        keep(r) &&
        (!query.status || r.status === query.status) &&
        (!query.type || r.type === query.type) &&
        (!query.risk || r.risk === query.risk) &&
        (!query.likelihood || r.likelihood === query.likelihood) &&
        (!query.assignedTo || r.assignedTo === query.assignedTo) &&
        (!query.region || r.region === query.region || r.district === query.region) &&
        (query.overdue === undefined ||
          (r.nextDue !== null && r.nextDue < now) === (query.overdue === 'true'))
      );
    });
  };

  it('gives every case of each filter once, in order, over pages, whatever values the same filters take', async () => {
    const supervisor = await h().as('supervisor');
    expect(rows.length).toBeGreaterThan(100);
    const assignee = rows.find((r) => r.assignedTo)!.assignedTo!;
    const queries: Query[] = [
      {},
      { sort: 'createdAt' },
      { sort: 'number' },
      { sort: '-number' },
      // The same filters with one value after another: one statement for the shape, its values each time.
      ...['open', 'assessment', 'monitoring', 'closed'].map((status) => ({ status })),
      ...['low', 'medium', 'high'].map((risk) => ({ risk })),
      { region: 'KG-O' },
      { region: 'KG-B' },
      { overdue: 'true' },
      { overdue: 'false' },
      { assignedTo: assignee },
      { type: 'trafficking_survivor' },
      { likelihood: 'possible' },
      { status: 'monitoring', risk: 'medium', region: 'KG-O' },
      { status: 'closed', sort: 'number' },
    ];
    let nonEmpty = 0;
    for (const query of queries) {
      const want = expected(query);
      if (want.length > 0) nonEmpty++;
      expect(await allPages(supervisor, query, 7), JSON.stringify(query)).toEqual(want);
    }
    expect(nonEmpty).toBeGreaterThan(queries.length - 3);
  });

  it('keeps each actor to their own scope when they ask for the same page', async () => {
    const db = h().database.db;
    const caseworker = await h().as('caseworker');
    const [me] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'caseworker.osh'));
    // Some of the office's cases given to the demo caseworker, so that their page differs from
    // the supervisor's by more than the cases they opened themselves.
    const mine = rows.slice(0, 12).map((r) => r.id);
    for (const id of mine)
      await db
        .update(cases)
        .set({ assignedTo: me!.id })
        .where(and(eq(cases.id, id), eq(cases.officeId, officeId)));
    const theirs = rowsOf<{ id: string }>(
      await db.execute(
        sql`select id from cases where office_id = ${officeId} and (assigned_to = ${me!.id} or created_by = ${me!.id})`,
      ),
    ).map((r) => r.id);
    const supervisor = await h().as('supervisor');
    const supervisorPages = await allPages(supervisor, {}, 9);
    const caseworkerPages = await allPages(caseworker, {}, 9);
    expect(new Set(caseworkerPages)).toEqual(new Set(theirs));
    expect(caseworkerPages.length).toBeLessThan(supervisorPages.length);
    // A caseworker of another office, with the same shape of page, sees none of Osh's.
    const batken = await h().login('caseworker.batken');
    const other = await allPages(batken, {}, 9);
    expect(other.filter((id) => supervisorPages.includes(id))).toEqual([]);
  });

  it('answers 400 invalid_cursor to a garbage cursor and to forged ones of the wrong types, for each sort', async () => {
    const supervisor = await h().as('supervisor');
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const forged: [string, string][] = [
      ['-createdAt', 'garbage!!'],
      ['-createdAt', forge(['yesterday', rows[0]!.id])],
      ['-createdAt', forge([new Date().toISOString(), 'not-a-uuid'])],
      ['number', forge([1, rows[0]!.id])],
      ['number', forge(['KG-OSH-2026-00001'])],
    ];
    for (const [sort, cursor] of forged) {
      const res = await supervisor.get(`/api/v1/cases?sort=${sort}&cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, `${sort} ${cursor}`).toBe(400);
      expect(res.body.error.code).toBe('invalid_cursor');
    }
    // A cursor the server issued still pages on after those.
    const first = await supervisor.get('/api/v1/cases?limit=3');
    const next = await supervisor.get(`/api/v1/cases?limit=3&cursor=${first.body.nextCursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(3);
  });

  it('refuses a role that may not read cases before anything is read, and records only the refusal', async () => {
    const db = h().database.db;
    const [auditor] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'auditor'));
    const client = await h().as('auditor');
    for (const query of ['', '?status=open', '?q=Айгуль']) {
      const res = await client.get(`/api/v1/cases${query}`);
      expect(res.status).toBe(403);
    }
    const events = await db
      .select({ outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, auditor!.id), eq(auditEvents.action, 'case.list')));
    expect(events.map((e) => e.outcome)).toEqual(['denied', 'denied', 'denied']);
  });
});
