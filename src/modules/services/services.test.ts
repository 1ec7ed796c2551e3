import { count } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ROLES } from '../../access/policy.ts';
import { services } from '../../db/schema/index.ts';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';
import { seedDemo } from '../demo/seed.ts';

interface Service {
  id: string;
  name: string;
  kind: string;
  organisationId: string;
  organisationName: string;
  regionCodes: string[];
  active: boolean;
  version: number;
}

describeEachEngine('services', (h) => {
  const all = async (client: Client, query: string): Promise<Service[]> => {
    const items: Service[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const res: { status: number; body: { items: Service[]; nextCursor: string | null } } = await client.get(
        `/api/v1/services?limit=3&${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('pagination did not end');
  };
  const names = async (query: string) => (await all(await h().as('caseworker'), query)).map((s) => s.name);

  it('ships a demo directory: the SWCs’ legal advice, Adilet, the consulate, psychological support, a shelter in Osh, vocational training', async () => {
    const items = await all(await h().as('partner'), '');
    const by = (org: string) =>
      items
        .filter((s) => s.organisationName.includes(org))
        .map((s) => s.kind)
        .sort();
    expect(by('Single Window Centre')).toEqual(['legal_aid', 'legal_aid', 'legal_aid']);
    expect(by('Adilet')).toEqual(['document_recovery', 'legal_aid']);
    expect(by('Yekaterinburg')).toEqual(['consular_help', 'document_recovery']);
    expect(items.some((s) => s.kind === 'psychological' && s.regionCodes.includes('KG-O'))).toBe(true);
    expect(items.some((s) => s.kind === 'shelter' && s.organisationName.includes('Osh'))).toBe(true);
    expect(items.some((s) => s.kind === 'education' && /vocational/i.test(s.organisationName))).toBe(true);
    // Ordered by name across pages.
    const sorted = items.map((s) => s.name);
    expect(sorted).toEqual([...sorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('loads the demo services idempotently', async () => {
    const before = (await h().database.db.select({ n: count() }).from(services))[0]!.n;
    await seedDemo(h().database.db, { password: 'another-password-1' });
    const after = (await h().database.db.select({ n: count() }).from(services))[0]!.n;
    expect(after).toBe(before);
  });

  it('lets every signed-in role read the directory, and nobody anonymous', async () => {
    for (const role of ROLES)
      expect((await (await h().as(role)).get('/api/v1/services')).status, role).toBe(200);
    expect((await h().anonymous.get('/api/v1/services')).status).toBe(401);
    const one = (await (await h().as('hotline_operator')).get('/api/v1/services?kind=consular_help')).body
      .items[0];
    expect((await (await h().as('analyst')).get(`/api/v1/services/${one.id}`)).body.service).toMatchObject({
      id: one.id,
      kind: 'consular_help',
    });
    expect((await h().anonymous.get(`/api/v1/services/${one.id}`)).status).toBe(401);
  });

  it('filters by kind, by region (the code, a district in it, or the whole region of a district), organisation, text and state', async () => {
    expect(await names('kind=consular_help')).toEqual(['Consular help for citizens in the Urals']);
    const jalalAbad = await names('region=KG-J');
    expect(jalalAbad).toContain('Free legal advice for migrants, Bazar-Korgon'); // a district of KG-J
    expect(jalalAbad).toContain('Adilet: legal aid for migrants and survivors of exploitation'); // KG-J itself
    expect(jalalAbad).not.toContain('Free legal advice for migrants, Kara-Suu');
    const karaSuu = await names('region=KG-O-KARA-SUU');
    expect(karaSuu).toContain('Free legal advice for migrants, Kara-Suu');
    expect(karaSuu).toContain('Counselling for returnees and survivors of trafficking'); // covers all of KG-O
    expect(karaSuu).not.toContain('Free legal advice for migrants, Batken');
    expect(karaSuu).not.toContain('Adilet: legal aid for migrants and survivors of exploitation');
    const adilet = await h().officeId('Adilet');
    expect((await names(`organisationId=${adilet}`)).length).toBe(2);
    expect(await names(`kind=legal_aid&organisationId=${adilet}`)).toEqual([
      'Adilet: legal aid for migrants and survivors of exploitation',
    ]);
    expect(await names(`q=${encodeURIComponent('CERTIFICATES of return')}`)).toEqual([
      'Certificates of return and replacement passports',
    ]);
    // The text matches descriptions and organisation names too.
    expect(await names(`q=${encodeURIComponent('passports')}`)).toEqual([
      'Adilet: recovering identity documents',
      'Certificates of return and replacement passports',
    ]);
    expect(await names(`q=${encodeURIComponent('Kut shelter')}`)).toEqual([
      'Safe shelter for women and children',
    ]);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect((await names('active=false')).every((n) => n.startsWith('Retired'))).toBe(true);
  });

  it('answers 400 to unknown kinds, regions, flags and forged cursors, and 404 to an unknown service', async () => {
    const cw = await h().as('caseworker');
    for (const q of [
      'kind=castle',
      'region=KG-XX',
      'region=Osh',
      'active=maybe',
      'organisationId=nope',
      'limit=0',
      'cursor=garbage!!',
    ]) {
      expect((await cw.get(`/api/v1/services?${q}`)).status, q).toBe(400);
    }
    expect((await cw.get('/api/v1/services/nope')).status).toBe(400);
    const missing = await cw.get('/api/v1/services/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('lets an admin add and change services (versioned, audited) and nobody else', async () => {
    const admin = await h().as('admin');
    const organisationId = await h().officeId('Bazar-Korgon');
    const body = {
      organisationId,
      kind: 'employment',
      name: 'Job fair for returnees',
      description: 'Monthly job fair',
      regionCodes: ['KG-J-BAZAR-KORGON'],
      phone: '+996555000111',
      email: 'jobs@example.org',
      address: 'City hall',
    };
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const res = await (await h().as(role)).post('/api/v1/services', body);
      expect(res.status, role).toBe(403);
    }
    expect((await h().anonymous.post('/api/v1/services', body)).status).toBe(401);
    const created = await admin.post('/api/v1/services', body);
    expect(created.status).toBe(201);
    const s = created.body.service;
    expect(s).toMatchObject({
      ...body,
      organisationName: 'Single Window Centre, Bazar-Korgon',
      active: true,
      version: 1,
    });
    const supervisor = await h().as('supervisor');
    expect((await supervisor.patch(`/api/v1/services/${s.id}`, { active: false, version: 1 })).status).toBe(
      403,
    );
    const changed = await admin.patch(`/api/v1/services/${s.id}`, {
      name: 'Retired job fair',
      active: false,
      phone: null,
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.service).toMatchObject({
      name: 'Retired job fair',
      active: false,
      phone: null,
      version: 2,
    });
    const stale = await admin.patch(`/api/v1/services/${s.id}`, { name: 'Lost update', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect((await admin.get(`/api/v1/services/${s.id}`)).body.service.name).toBe('Retired job fair');
    expect(await names('active=false')).toEqual(['Retired job fair']);
    expect(await names('active=true')).not.toContain('Retired job fair');
    const log = (await admin.get(`/api/v1/audit?entityType=service&entityId=${s.id}`)).body.items;
    expect(
      log.map((e: { action: string; outcome: string; fields: string[] }) => [
        e.action,
        e.outcome,
        [...e.fields].sort(),
      ]),
    ).toEqual([
      ['service.update', 'failed', []],
      ['service.update', 'ok', ['active', 'name', 'phone']],
      ['service.update', 'denied', []],
      [
        'service.create',
        'ok',
        [
          'active',
          'address',
          'description',
          'email',
          'kind',
          'name',
          'organisationId',
          'phone',
          'regionCodes',
        ],
      ],
    ]);
    expect(JSON.stringify(log)).not.toContain('+996555000111');
  });

  it('refuses malformed services with 400 and an unknown organisation with 422', async () => {
    const admin = await h().as('admin');
    const organisationId = await h().officeId('Batken');
    const ok = { organisationId, kind: 'medical', name: 'Clinic' };
    const bad: Record<string, unknown>[] = [
      { ...ok, kind: 'castle' },
      { ...ok, phone: '0555 123 456' },
      { ...ok, email: 'not-an-email' },
      { ...ok, regionCodes: ['KG-XX'] },
      { ...ok, name: '' },
      { ...ok, extra: true },
      { kind: 'medical', name: 'Clinic' },
    ];
    for (const body of bad)
      expect((await admin.post('/api/v1/services', body)).status, JSON.stringify(body)).toBe(400);
    const unknown = await admin.post('/api/v1/services', {
      ...ok,
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_organisation');
    const s = (await admin.post('/api/v1/services', ok)).body.service;
    expect(
      (
        await admin.patch(`/api/v1/services/${s.id}`, {
          organisationId: '00000000-0000-4000-8000-000000000000',
          version: 1,
        })
      ).status,
    ).toBe(422);
    expect((await admin.patch(`/api/v1/services/${s.id}`, { version: 0 })).status).toBe(400);
    expect((await admin.patch(`/api/v1/services/${s.id}`, { kind: 'castle', version: 1 })).status).toBe(400);
    expect(
      (await admin.patch('/api/v1/services/00000000-0000-4000-8000-000000000000', { version: 1 })).status,
    ).toBe(404);
    expect((await admin.get(`/api/v1/services/${s.id}`)).body.service.version).toBe(1);
  });
  it('documents the directory, referral, follow-up and worklist routes in the OpenAPI document', async () => {
    const res = await h().anonymous.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/services',
        '/api/v1/services/{id}',
        '/api/v1/cases/{id}/referrals',
        '/api/v1/referrals',
        '/api/v1/referrals/{id}',
        '/api/v1/cases/{id}/followups',
        '/api/v1/cases/{id}/followups/{followupId}',
        '/api/v1/followups/overdue',
        '/api/v1/me/work',
      ]),
    );
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining(['Service', 'Referral', 'PartnerReferral', 'Followup', 'Work']),
    );
  });
});
