import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ROLES } from '../../src/access/policy.ts';
import { offices } from '../../src/db/schema/index.ts';
import { type Client, type Res, describeEachEngine } from '../helpers/harness.ts';

const DEMO_OFFICE_COUNT = 8;

interface Office {
  id: string;
  name: string;
  kind: string;
  country: string;
  regionCodes: string[];
  version: number;
}

describeEachEngine('offices', (h) => {
  /** Every office a query returns, following nextCursor; also returns the page sizes. */
  const pages = async (client: Client, query: string): Promise<{ items: Office[]; sizes: number[] }> => {
    const items: Office[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const res: Res = await client.get(`/api/v1/offices?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      sizes.push(res.body.items.length);
      cursor = res.body.nextCursor;
      if (!cursor) return { items, sizes };
    }
    throw new Error('pagination did not end');
  };

  const create = async (body: Record<string, unknown>): Promise<Office> => {
    const res = await (await h().as('admin')).post('/api/v1/offices', body);
    expect(res.status).toBe(201);
    return res.body.office;
  };

  const rowOf = async (id: string) =>
    (await h().database.db.select().from(offices).where(eq(offices.id, id)))[0];

  it('lists the office directory to every role', async () => {
    for (const role of ROLES) {
      const res = await (await h().as(role)).get('/api/v1/offices?limit=200');
      expect(res.status, role).toBe(200);
      expect(res.body.items.length, role).toBeGreaterThanOrEqual(DEMO_OFFICE_COUNT);
      expect(res.body.items.map((o: Office) => o.name)).toContain('IOM Osh sub-office');
    }
    expect((await h().anonymous.get('/api/v1/offices')).status).toBe(401);
  });

  it('reads one office by id to any role, and answers 404 for an unknown id', async () => {
    const osh = await h().officeId('Osh sub-office');
    const res = await (await h().as('partner')).get(`/api/v1/offices/${osh}`);
    expect(res.status).toBe(200);
    expect(res.body.office).toMatchObject({
      id: osh,
      name: 'IOM Osh sub-office',
      kind: 'iom_office',
      regionCodes: ['KG-O', 'KG-GO'],
    });
    const missing = await (await h().as('admin')).get(`/api/v1/offices/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('creates an office as admin: 201 with version 1 and the region codes given', async () => {
    const res = await (
      await h().as('admin')
    ).post('/api/v1/offices', {
      name: '  Talas legal aid  ',
      kind: 'ngo',
      country: 'KG',
      regionCodes: ['KG-T', 'KG-O-KARA-SUU'],
    });
    expect(res.status).toBe(201);
    expect(res.body.office).toMatchObject({
      name: 'Talas legal aid',
      kind: 'ngo',
      country: 'KG',
      regionCodes: ['KG-T', 'KG-O-KARA-SUU'],
      active: true,
      version: 1,
    });
    expect(await rowOf(res.body.office.id)).toMatchObject({ name: 'Talas legal aid', version: 1 });
    const bare = await create({ name: 'Consulate in Moscow', kind: 'consulate', country: 'RU' });
    expect(bare.regionCodes).toEqual([]);
  });

  it('refuses office creation to supervisor and caseworker with 403 and stores nothing', async () => {
    for (const role of ['supervisor', 'caseworker'] as const) {
      const name = `Forbidden office ${role}`;
      const res = await (await h().as(role)).post('/api/v1/offices', { name, kind: 'ngo', country: 'KG' });
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(await h().database.db.select().from(offices).where(eq(offices.name, name))).toHaveLength(0);
    }
  });

  it('rejects an unknown region code with 400 at the path body.regionCodes.<index>', async () => {
    const admin = await h().as('admin');
    const res = await admin.post('/api/v1/offices', {
      name: 'Bad region',
      kind: 'ngo',
      country: 'KG',
      regionCodes: ['KG-O', 'KG-NOPE'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const [issue] = res.body.error.details.issues;
    expect(issue.path.slice(0, 2)).toEqual(['body', 'regionCodes']);
    expect(String(issue.path[2])).toBe('1');
    expect(issue.path).toHaveLength(3);
  });

  it('accepts a country only as an ISO 3166-1 alpha-2 code (two capital letters)', async () => {
    const admin = await h().as('admin');
    for (const country of ['kg', 'KGZ', 'K1', '', 'Kyrgyzstan']) {
      const res = await admin.post('/api/v1/offices', { name: `Country ${country}`, kind: 'ngo', country });
      expect(res.status, country).toBe(400);
      expect(res.body.error.details.issues[0].path).toEqual(['body', 'country']);
    }
    expect((await create({ name: 'Kazakh partner', kind: 'ngo', country: 'KZ' })).country).toBe('KZ');
  });

  it('updates with the current version: 200 and version + 1', async () => {
    const office = await create({ name: 'Versioned office', kind: 'ngo', country: 'KG' });
    const res = await (
      await h().as('admin')
    ).patch(`/api/v1/offices/${office.id}`, {
      name: 'Versioned office, renamed',
      regionCodes: ['KG-N'],
      version: office.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.office).toMatchObject({
      name: 'Versioned office, renamed',
      regionCodes: ['KG-N'],
      version: office.version + 1,
    });
    expect(await rowOf(office.id)).toMatchObject({
      name: 'Versioned office, renamed',
      version: office.version + 1,
    });
  });

  it('answers 409 version_conflict to a stale version and leaves the row exactly as it was', async () => {
    const admin = await h().as('admin');
    const office = await create({ name: 'Contested office', kind: 'ngo', country: 'KG' });
    const first = await admin.patch(`/api/v1/offices/${office.id}`, {
      kind: 'government',
      version: office.version,
    });
    expect(first.status).toBe(200);
    const before = await rowOf(office.id);
    const stale = await admin.patch(`/api/v1/offices/${office.id}`, {
      name: 'Lost update',
      active: false,
      version: office.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: office.version + 1 },
    });
    expect(await rowOf(office.id)).toEqual(before);
  });

  it('answers 400 to a version beyond the range of the stored integer (not a database error)', async () => {
    const office = await create({ name: 'Overflowing office', kind: 'ngo', country: 'KG' });
    const res = await (
      await h().as('admin')
    ).patch(`/api/v1/offices/${office.id}`, { name: 'Big', version: 2_147_483_648 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].path).toEqual(['body', 'version']);
  });

  it('answers 403 to office changes by a supervisor and 404 to an unknown office', async () => {
    const osh = await h().officeId('Osh sub-office');
    const supervisor = await (
      await h().as('supervisor')
    ).patch(`/api/v1/offices/${osh}`, { name: 'Mine now', version: 1 });
    expect(supervisor.status).toBe(403);
    const missing = await (
      await h().as('admin')
    ).patch(`/api/v1/offices/${randomUUID()}`, { name: 'Ghost', version: 1 });
    expect(missing.status).toBe(404);
  });

  it('pages 7 offices 3 at a time through nextCursor: each seen exactly once, in name order', async () => {
    // Created out of name order, so that creation order cannot pass for name order.
    const names = ['Pager g', 'Pager c', 'Pager a', 'Pager f', 'Pager b', 'Pager e', 'Pager d'];
    for (const name of names) await create({ name, kind: 'service_provider', country: 'KG' });
    const { items, sizes } = await pages(await h().as('caseworker'), 'q=Pager&limit=3');
    expect(sizes).toEqual([3, 3, 1]);
    expect(items.map((o) => o.name)).toEqual([...names].sort());
    expect(new Set(items.map((o) => o.id)).size).toBe(7);
  });

  it('sorts by -name descending, across pages too', async () => {
    const { items } = await pages(await h().as('admin'), 'q=Pager&limit=2&sort=-name');
    expect(items.map((o) => o.name)).toEqual([
      'Pager g',
      'Pager f',
      'Pager e',
      'Pager d',
      'Pager c',
      'Pager b',
      'Pager a',
    ]);
    const all = await pages(await h().as('admin'), 'limit=4&sort=createdAt');
    expect(new Set(all.items.map((o) => o.id)).size).toBe(all.items.length);
    expect(all.items.length).toBeGreaterThanOrEqual(DEMO_OFFICE_COUNT + 7);
  });

  it('answers 400 invalid_cursor to a garbage cursor and to a forged one of the wrong types', async () => {
    const admin = await h().as('admin');
    const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const cursors = [
      'garbage!!',
      forge({ a: 1 }),
      forge(['Pager a', 'not-a-uuid']),
      forge([1, 2]),
      forge(['Pager a']),
    ];
    for (const cursor of cursors) {
      const res = await admin.get(`/api/v1/offices?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error.code).toBe('invalid_cursor');
    }
    const byDate = await admin.get(
      `/api/v1/offices?sort=createdAt&cursor=${forge(['yesterday', randomUUID()])}`,
    );
    expect(byDate.status).toBe(400);
    expect(byDate.body.error.code).toBe('invalid_cursor');
  });

  it('filters by kind, country, region code and a name fragment (case-insensitive, wildcards literal)', async () => {
    const admin = await h().as('admin');
    const names = async (query: string) =>
      ((await admin.get(`/api/v1/offices?limit=200&${query}`)).body.items as Office[])
        .map((o) => o.name)
        .sort();
    expect(await names('kind=single_window_centre')).toEqual([
      'Single Window Centre, Batken',
      'Single Window Centre, Bazar-Korgon',
      'Single Window Centre, Kara-Suu',
    ]);
    expect(await names('region=KG-GB')).toEqual([
      'IOM Kyrgyzstan, Bishkek',
      'Migrants’ hotline, State Migration Service',
    ]);
    expect(await names('region=KG-O-KARA-SUU')).toEqual([
      'Single Window Centre, Kara-Suu',
      'Talas legal aid',
    ]);
    expect(await names('country=RU&kind=consulate')).toEqual([
      'Consulate in Moscow',
      'Consulate of the Kyrgyz Republic, Yekaterinburg',
    ]);
    expect(await names(`q=${encodeURIComponent('WINDOW centre, ba')}`)).toEqual([
      'Single Window Centre, Batken',
      'Single Window Centre, Bazar-Korgon',
    ]);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent('Pager _')}`)).toEqual([]);
    const bad = await admin.get('/api/v1/offices?kind=castle');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toEqual(['querystring', 'kind']);
  });
});
