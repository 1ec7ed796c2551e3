import { describe, expect, it } from 'vitest';
import { PASSWORD, describeEachEngine } from '../../../test/helpers/harness.ts';
import { alimaStory, toConsulate } from './fixture.ts';
import { currentAge, shareOf } from './queries.ts';

describe('the referral snapshot (pure)', () => {
  const person = {
    givenName: 'Алима',
    pseudonym: null,
    sex: 'female' as const,
    phone: '+996770123456',
    originRegion: 'KG-O',
    birthDate: null,
    estimatedAge: 32,
    ageRecordedOn: '2020-06-10',
  };

  it('ages an estimate by the full years since it was taken, and prefers a birth date', () => {
    expect(currentAge(person, '2021-06-09')).toBe(32);
    expect(currentAge(person, '2021-06-10')).toBe(33);
    expect(currentAge({ ...person, birthDate: '1988-03-01' }, '2020-06-10')).toBe(32);
    expect(currentAge({ ...person, estimatedAge: null }, '2020-06-10')).toBeUndefined();
  });

  it('shares the pseudonym or given name and the needs, and only the chosen known fields', () => {
    expect(shareOf(person, {}, 'needs', '2020-06-18')).toEqual({ displayName: 'Алима', needs: 'needs' });
    expect(shareOf({ ...person, pseudonym: 'A.' }, { sex: true }, 'n', '2020-06-18')).toEqual({
      displayName: 'A.',
      sex: 'female',
      needs: 'n',
    });
    expect(
      shareOf(person, { phone: true, originRegion: true, ageBand: true, sex: false }, 'n', '2020-06-18'),
    ).toEqual({
      displayName: 'Алима',
      phone: '+996770123456',
      originRegion: 'KG-O',
      ageBand: '30--38',
      needs: 'n',
    });
    expect(
      shareOf(
        { ...person, phone: null, estimatedAge: null },
        { phone: true, ageBand: true },
        'n',
        '2020-06-18',
      ),
    ).toEqual({ displayName: 'Алима', needs: 'n' });
  });
});

describeEachEngine('referrals: who sees what', (h) => {
  const { setup, refer } = alimaStory(h);

  it('shows each partner only the referrals sent to their organisation: another organisation’s answer 404', async () => {
    const w = await setup();
    const toAdilet = (await refer(w, w.adiletDocuments)).body.referral;
    const toConsul = (await refer(w, w.consularHelp)).body.referral;
    const adilet = await h().as('partner');
    expect((await adilet.get(`/api/v1/referrals/${toConsul.id}`)).status).toBe(404);
    expect(
      (await adilet.patch(`/api/v1/referrals/${toConsul.id}`, { status: 'declined', version: 1 })).status,
    ).toBe(404);
    expect((await w.consulatePartner.get(`/api/v1/referrals/${toAdilet.id}`)).status).toBe(404);
    expect(
      (await w.consulatePartner.patch(`/api/v1/referrals/${toAdilet.id}`, { status: 'accepted', version: 1 }))
        .status,
    ).toBe(404);
    const ids = (await adilet.get('/api/v1/referrals?limit=200')).body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(toAdilet.id);
    expect(ids).not.toContain(toConsul.id);
    const sentOnly = (await adilet.get('/api/v1/referrals?status=sent&sort=createdAt')).body.items;
    expect(sentOnly.every((i: { status: string }) => i.status === 'sent')).toBe(true);
    // A brand-new organisation with a partner account sees nothing at all.
    const admin = await h().as('admin');
    const office = (
      await admin.post('/api/v1/offices', {
        name: 'Talas migrants’ support',
        kind: 'ngo',
        country: 'KG',
        regionCodes: ['KG-T'],
      })
    ).body.office;
    await admin.post('/api/v1/users', {
      username: 'partner.talas',
      displayName: 'Talas',
      role: 'partner',
      officeId: office.id,
      password: PASSWORD,
    });
    const talas = await h().login('partner.talas');
    expect((await talas.get('/api/v1/referrals')).body.items).toEqual([]);
    expect((await talas.get(`/api/v1/referrals/${toAdilet.id}`)).status).toBe(404);
    expect((await talas.get(`/api/v1/cases/${w.caseId}`)).status).toBe(404);
    // Staff of another office see neither the case's referrals nor the referral.
    const osh = await h().as('caseworker');
    expect((await osh.get(`/api/v1/referrals/${toAdilet.id}`)).status).toBe(404);
    expect(
      (await osh.get('/api/v1/referrals?limit=200')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(toAdilet.id);
    expect((await osh.get(`/api/v1/cases/${w.caseId}/referrals`)).status).toBe(404);
    // Roles without referrals at all.
    for (const role of ['admin', 'analyst', 'auditor', 'hotline_operator'] as const) {
      expect((await (await h().as(role)).get('/api/v1/referrals')).status, role).toBe(403);
      expect((await (await h().as(role)).get(`/api/v1/referrals/${toAdilet.id}`)).status, role).toBe(404);
    }
    expect((await h().anonymous.get('/api/v1/referrals')).status).toBe(401);
    expect((await h().anonymous.get(`/api/v1/referrals/${toAdilet.id}`)).status).toBe(401);
    expect((await adilet.get('/api/v1/referrals/nope')).status).toBe(400);
    expect((await adilet.get('/api/v1/referrals?status=lost')).status).toBe(400);
    expect((await adilet.get('/api/v1/referrals?cursor=garbage!!')).status).toBe(400);
  });

  it('refuses malformed referrals (400), unknown cases (404) and unknown or inactive services (422)', async () => {
    const w = await setup();
    const url = `/api/v1/cases/${w.caseId}/referrals`;
    const ok = { ...toConsulate, serviceId: w.consularHelp };
    const bad: Record<string, unknown>[] = [
      { ...ok, consentRecordedOn: '2999-01-01' },
      { ...ok, consentRecordedOn: '2020-02-30' },
      { ...ok, needs: '' },
      { ...ok, reason: undefined },
      { ...ok, serviceId: 'nope' },
      { ...ok, share: { familyName: true } },
      { ...ok, share: { phone: 'yes' } },
      { ...ok, caseId: w.caseId },
    ];
    for (const body of bad) expect((await w.lawyer.post(url, body)).status, JSON.stringify(body)).toBe(400);
    expect(
      (await w.lawyer.post('/api/v1/cases/00000000-0000-4000-8000-000000000000/referrals', ok)).status,
    ).toBe(404);
    expect((await h().anonymous.post(url, ok)).status).toBe(401);
    expect((await (await h().as('partner')).post(url, ok)).status).toBe(404);
    expect((await (await h().as('caseworker')).post(url, ok)).status).toBe(404);
    const unknown = await w.lawyer.post(url, { ...ok, serviceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_service');
    const admin = await h().as('admin');
    const retired = (
      await admin.post('/api/v1/services', {
        organisationId: await h().officeId('Adilet'),
        kind: 'legal_aid',
        name: 'Closed programme',
        active: false,
      })
    ).body.service;
    const inactive = await w.lawyer.post(url, { ...ok, serviceId: retired.id });
    expect(inactive.status).toBe(422);
    expect(inactive.body.error.code).toBe('service_inactive');
  });

  it('audits every read and answer, the partner’s too, and refusals', async () => {
    const w = await setup();
    const r = (await refer(w, w.consularHelp)).body.referral;
    await w.consulatePartner.get(`/api/v1/referrals/${r.id}`);
    await w.consulatePartner.get('/api/v1/referrals');
    await (await h().as('partner')).get(`/api/v1/referrals/${r.id}`);
    await w.consulatePartner.patch(`/api/v1/referrals/${r.id}`, { status: 'declined', version: 1 });
    const admin = await h().as('admin');
    const trail = (await admin.get(`/api/v1/audit?entityType=referral&entityId=${r.id}`)).body.items;
    const rows = trail.map(
      (e: { action: string; outcome: string; actorUsername: string; fields: string[] }) => [
        e.action,
        e.outcome,
        e.actorUsername,
        e.fields,
      ],
    );
    expect(rows).toEqual([
      ['referral.update', 'ok', 'partner.consulate', ['status']],
      ['referral.read', 'denied', 'partner.adilet', []],
      ['referral.read', 'ok', 'partner.consulate', []],
      [
        'referral.create',
        'ok',
        'lawyer.karasuu',
        [
          'serviceId',
          'reason',
          'consentRecordedOn',
          'shared.displayName',
          'shared.needs',
          'shared.sex',
          'shared.phone',
          'shared.ageBand',
        ],
      ],
    ]);
    const lists = (await admin.get(`/api/v1/audit?action=referral.list&actorId=${w.consulatePartnerId}`)).body
      .items;
    expect(lists.length).toBeGreaterThan(0);
    expect(JSON.stringify(trail)).not.toContain('+996770123456');
  });
});
