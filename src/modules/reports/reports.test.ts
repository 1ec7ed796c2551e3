import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { type Role } from '../../access/policy.ts';
import { rowsOf } from '../../db/client.ts';
import { auditEvents, cases, persons } from '../../db/schema/index.ts';
import type { CaseStatus, CaseType } from '../../domain/codes.ts';
import { REGIONS } from '../../reference/admin.ts';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';

type Row = { key: string | null; count: number | null; suppressed: boolean };
const URL = '/api/v1/reports/cases';

/** One case to load directly: where its person comes from, and how the case stands. */
interface Planted {
  region?: string;
  district?: string;
  status: CaseStatus;
  type: CaseType;
  openedOn: string;
}

// 33 cases of one office: regions KG-O 12, KG-J 6, KG-C 5 (known by district only), KG-B 3, none 7;
// statuses open 20, closed 10, monitoring 3; types 24 and 9; opened 10 in January, 20 in March and
// 3 in May 2025.
const PLANTED: Planted[] = [
  ...Array.from({ length: 12 }, (_, i) => ({ region: 'KG-O', i })),
  ...Array.from({ length: 6 }, (_, i) => ({ region: 'KG-J', i })),
  ...Array.from({ length: 5 }, (_, i) => ({ district: 'KG-C-ALAMUDUN', i })),
  ...Array.from({ length: 3 }, (_, i) => ({ region: 'KG-B', i })),
  ...Array.from({ length: 7 }, (_, i) => ({ i })),
].map(({ i: _i, ...origin }, n) => ({
  ...origin,
  status: n < 20 ? 'open' : n < 30 ? 'closed' : 'monitoring',
  type: n % 4 === 0 ? 'trafficking_survivor' : 'returnee_reintegration',
  openedOn:
    n < 10
      ? `2025-01-${n + 10}`
      : n < 30
        ? `2025-03-${String(n - 5).padStart(2, '0')}`
        : `2025-05-2${n - 30}`,
}));

describeEachEngine('reports: case counts for the dashboard', (h) => {
  let planted: string;
  const db = () => h().database.db;
  const rowsBy = (body: { rows: Row[] }) =>
    Object.fromEntries(body.rows.map((r) => [String(r.key), r.count]));

  beforeAll(async () => {
    const admin = await h().as('admin');
    const res = await admin.post('/api/v1/offices', {
      name: 'Single Window Centre, Naryn',
      kind: 'single_window_centre',
      country: 'KG',
    });
    expect(res.status).toBe(201);
    planted = res.body.office.id;
    for (const [n, p] of PLANTED.entries()) {
      const [person] = await db()
        .insert(persons)
        .values({
          givenName: `Planted ${n}`,
          familyName: 'Report',
          latinName: `Planted ${n} Report`,
          sex: 'female',
          originRegion: p.region ?? null,
          originDistrict: p.district ?? null,
          officeId: planted,
        })
        .returning({ id: persons.id });
      await db()
        .insert(cases)
        .values({
          number: `KG-TEST-2025-${String(n).padStart(5, '0')}`,
          personId: person!.id,
          type: p.type,
          officeId: planted,
          intakeChannel: 'single_window_centre',
          status: p.status,
          openedOn: p.openedOn,
        });
    }
  });

  // What the dashboard should count, straight from persons and cases (not from the case's copy of the region).
  const truth = async (by: 'region' | 'status' | 'type' | 'month', officeId?: string) => {
    const column = {
      region: sql`coalesce(p.origin_region, substring(p.origin_district from '^[A-Z]{2}-[A-Z]+'))`,
      status: sql`c.status`,
      type: sql`c.type`,
      month: sql`to_char(c.opened_on, 'YYYY-MM')`,
    }[by];
    const rows = rowsOf<{ key: string | null; n: number }>(
      await db().execute(sql`
        select ${column} as key, count(*)::int as n from cases c join persons p on p.id = c.person_id
        where ${officeId ? sql`c.office_id = ${officeId}` : sql`true`} group by 1`),
    );
    return Object.fromEntries(rows.map((r) => [String(r.key), r.n]));
  };

  // Every published cell agrees with the truth, every withheld one is absent or small or a complement.
  const expectAgrees = (body: { rows: Row[]; total: number | null }, expected: Record<string, number>) => {
    for (const r of body.rows) {
      if (!r.suppressed) expect(r.count, String(r.key)).toBe(expected[String(r.key)] ?? 0);
    }
    for (const [key, n] of Object.entries(expected)) {
      expect(body.rows.some((r) => String(r.key) === key)).toBe(true);
      if (n < 5) expect(body.rows.find((r) => String(r.key) === key)!.suppressed).toBe(true);
    }
    expect(body.total).toBe(Object.values(expected).reduce((s, n) => s + n, 0));
  };

  it('counts every office’s cases by region, status, type and month for an analyst, as persons and cases say', async () => {
    const analyst = await h().as('analyst');
    for (const by of ['region', 'status', 'type', 'month'] as const) {
      const res = await analyst.get(`${URL}?by=${by}`);
      expect(res.status, by).toBe(200);
      expect(res.body).toMatchObject({ by, threshold: 5 });
      expectAgrees(res.body, await truth(by));
    }
  });

  it('lists every region, status and type, zeros included, and the unknown region last', async () => {
    const analyst = await h().as('analyst');
    const region = (await analyst.get(`${URL}?by=region&officeId=${planted}`)).body;
    expect(region.rows.map((r: Row) => r.key)).toEqual([...REGIONS.map((r) => r.iso), null]);
    const status = (await analyst.get(`${URL}?by=status&officeId=${planted}`)).body;
    expect(status.rows.map((r: Row) => r.key)).toEqual([
      'open',
      'assessment',
      'planning',
      'assistance',
      'monitoring',
      'closed',
    ]);
    const type = (await analyst.get(`${URL}?by=type&officeId=${planted}`)).body;
    expect(rowsBy(type)).toEqual({
      returnee_reintegration: 24,
      trafficking_survivor: 9,
      stranded_migrant: 0,
      family_reunification: 0,
      legal_assistance: 0,
    });
    expect(type).toMatchObject({ total: 33, suppressedCells: 0 });
  });

  it('withholds a cell of 3 and, since the total would give it back, the next smallest cell', async () => {
    const analyst = await h().as('analyst');
    const region = (await analyst.get(`${URL}?by=region&officeId=${planted}`)).body;
    expect(rowsBy(region)).toMatchObject({
      'KG-O': 12,
      'KG-J': 6,
      'KG-C': null,
      'KG-B': null,
      null: 7,
      'KG-GB': 0,
    });
    expect(region.rows.find((r: Row) => r.key === 'KG-B')).toEqual({
      key: 'KG-B',
      count: null,
      suppressed: true,
    });
    expect(region).toMatchObject({ total: 33, suppressedCells: 2 });
    const status = (await analyst.get(`${URL}?by=status&officeId=${planted}`)).body;
    expect(rowsBy(status)).toEqual({
      open: 20,
      assessment: 0,
      planning: 0,
      assistance: 0,
      monitoring: null,
      closed: null,
    });
    expect(status).toMatchObject({ total: 33, suppressedCells: 2 });
  });

  it('counts the months asked for, every one of them, and narrows other groupings to them', async () => {
    const analyst = await h().as('analyst');
    const months = (await analyst.get(`${URL}?by=month&officeId=${planted}&from=2024-12&to=2025-04`)).body;
    expect(months.rows).toEqual([
      { key: '2024-12', count: 0, suppressed: false },
      { key: '2025-01', count: 10, suppressed: false },
      { key: '2025-02', count: 0, suppressed: false },
      { key: '2025-03', count: 20, suppressed: false },
      { key: '2025-04', count: 0, suppressed: false },
    ]);
    expect(months.total).toBe(30);
    // Without a range, from the first month with a case to the last: May's 3 cases are withheld,
    // and January's 10 with them, or the total would give May away.
    const all = (await analyst.get(`${URL}?by=month&officeId=${planted}`)).body;
    expect(rowsBy(all)).toEqual({
      '2025-01': null,
      '2025-02': 0,
      '2025-03': 20,
      '2025-04': 0,
      '2025-05': null,
    });
    expect(all).toMatchObject({ total: 33, suppressedCells: 2 });
    const january = (await analyst.get(`${URL}?by=status&officeId=${planted}&from=2025-01&to=2025-01`)).body;
    expect(rowsBy(january)).toMatchObject({ open: 10, closed: 0, monitoring: 0 });
    expect(january.total).toBe(10);
    const none = (await analyst.get(`${URL}?by=status&officeId=${planted}&from=2030-01`)).body;
    expect(none).toMatchObject({ total: 0, suppressedCells: 0 });
    expect(none.rows.every((r: Row) => r.count === 0)).toBe(true);
    expect((await analyst.get(`${URL}?by=month&officeId=${planted}&from=2030-01`)).body.rows).toEqual([]);
  });

  it('withholds every cell and the total when the total itself is below 5', async () => {
    const analyst = await h().as('analyst');
    const may = (await analyst.get(`${URL}?by=status&officeId=${planted}&from=2025-05&to=2025-05`)).body;
    expect(may.rows.every((r: Row) => r.count === null && r.suppressed)).toBe(true);
    expect(may).toMatchObject({ total: null, suppressedCells: 6 });
  });

  it('keeps a supervisor to their own office: another office’s figures 403, an unknown office 404', async () => {
    const supervisor = await h().as('supervisor');
    const osh = await h().officeId('Osh');
    const own = await supervisor.get(`${URL}?by=status`);
    expect(own.status).toBe(200);
    expectAgrees(own.body, await truth('status', osh));
    const named = await supervisor.get(`${URL}?by=status&officeId=${osh}`);
    expect(named.body).toEqual(own.body);
    const other = await supervisor.get(`${URL}?by=status&officeId=${planted}`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');
    const ghost = await supervisor.get(`${URL}?by=status&officeId=${randomUUID()}`);
    expect(ghost.status).toBe(404);
    const analyst = await h().as('analyst');
    expect((await analyst.get(`${URL}?by=status&officeId=${randomUUID()}`)).status).toBe(404);
    const admin = await h().as('admin');
    const all = await admin.get(`${URL}?by=type`);
    expect(all.status).toBe(200);
    expectAgrees(all.body, await truth('type'));
  });

  it('refuses the roles without reports (403) and anonymous callers (401)', async () => {
    for (const role of ['caseworker', 'hotline_operator', 'partner', 'auditor'] as Role[]) {
      const res = await (await h().as(role)).get(`${URL}?by=region`);
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await h().anonymous.get(`${URL}?by=region`)).status).toBe(401);
  });

  it('answers a bad query with 400 validation_failed, naming the parameter', async () => {
    const analyst = await h().as('analyst');
    const bad: [string, string][] = [
      ['', 'by'],
      ['by=district', 'by'],
      ['by=month&from=2025-13', 'from'],
      ['by=month&from=2025-1', 'from'],
      ['by=month&to=March', 'to'],
      ['by=month&from=2025-06&to=2025-01', 'to'],
      ['by=month&from=1900-01&to=2025-01', 'to'],
      ['by=status&officeId=nope', 'officeId'],
    ];
    for (const [query, param] of bad) {
      const res = await analyst.get(`${URL}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      const paths = res.body.error.details.issues.map((i: { path: string[] }) => i.path.at(-1));
      expect(paths, query).toContain(param);
    }
  });

  it('audits each read with its grouping and office, and a refusal as denied, with no personal data', async () => {
    const audited = async (client: Client, query: string) => {
      const res = await client.get(`${URL}?${query}`);
      const rows = await db()
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.requestId, String(res.headers['x-request-id'])));
      return { res, rows };
    };
    const { res, rows } = await audited(await h().as('analyst'), `by=region&officeId=${planted}`);
    expect(res.status).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'report.cases',
      entityType: 'report',
      entityId: planted,
      outcome: 'ok',
      actorUsername: 'analyst',
      fields: ['region'],
    });
    const text = JSON.stringify(rows[0]);
    expect(text).not.toMatch(/Planted|Report"|KG-O|KG-TEST/);
    const own = await audited(await h().as('supervisor'), 'by=month');
    expect(own.rows[0]).toMatchObject({ entityId: await h().officeId('Osh'), fields: ['month'] });
    const denied = await audited(await h().as('caseworker'), 'by=status');
    expect(denied.rows).toMatchObject([{ action: 'report.cases', outcome: 'denied', fields: [] }]);
  });

  it('keeps each case’s region in step with its person: on a change of origin, and when a case moves to another person', async () => {
    const cw = await h().as('caseworker');
    const created = await cw.post('/api/v1/cases', {
      person: { givenName: 'Жылдыз', familyName: 'Осмонова', sex: 'female', originRegion: 'KG-O' },
      type: 'returnee_reintegration',
      intakeChannel: 'iom_office',
    });
    expect(created.status).toBe(201);
    const { id, personId } = created.body.case as { id: string; personId: string };
    const regionOf = async () =>
      (await db().select({ r: cases.originRegion }).from(cases).where(eq(cases.id, id)))[0]!.r;
    expect(await regionOf()).toBe('KG-O');
    const person = (await cw.get(`/api/v1/persons/${personId}`)).body.person;
    const moved = await cw.patch(`/api/v1/persons/${personId}`, {
      originRegion: 'KG-J',
      originDistrict: 'KG-J-SUZAK',
      version: person.version,
    });
    expect(moved.status).toBe(200);
    expect(await regionOf()).toBe('KG-J');
    // A write of the copy itself is overruled by the person's origin.
    await db().update(cases).set({ originRegion: 'KG-B' }).where(eq(cases.id, id));
    expect(await regionOf()).toBe('KG-J');
    // A merge moves cases to the person kept: the region follows the person.
    const [other] = await db()
      .select({ id: persons.id })
      .from(persons)
      .where(sql`${persons.originRegion} is null and ${persons.originDistrict} = 'KG-C-ALAMUDUN'`)
      .limit(1);
    await db().update(cases).set({ personId: other!.id }).where(eq(cases.id, id));
    expect(await regionOf()).toBe('KG-C');
    await db().update(cases).set({ personId }).where(eq(cases.id, id));
    expect(await regionOf()).toBe('KG-J');
  });
});
