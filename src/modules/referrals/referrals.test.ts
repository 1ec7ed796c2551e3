import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { referrals } from '../../db/schema/index.ts';
import { describeEachEngine } from '../../../test/helpers/harness.ts';
import { PARTNER_KEYS, alima, alimaStory, toConsulate } from './fixture.ts';

describeEachEngine('referrals', (h) => {
  const { setup, refer } = alimaStory(h);

  it('Alima: the Kara-Suu lawyer refers her case to the consulate with consent, sharing only what she chose', async () => {
    const w = await setup();
    const res = await refer(w, w.consularHelp);
    expect(res.status).toBe(201);
    const r = res.body.referral;
    expect(r).toMatchObject({
      caseId: w.caseId,
      caseNumber: w.caseNumber,
      serviceId: w.consularHelp,
      serviceName: 'Consular help for citizens in the Urals',
      organisationId: await h().officeId('Yekaterinburg'),
      organisationName: 'Consulate of the Kyrgyz Republic, Yekaterinburg',
      status: 'sent',
      consentRecordedOn: '2020-06-18',
      partnerNote: null,
      version: 1,
    });
    expect(r.shared).toEqual({
      displayName: 'Алима',
      sex: 'female',
      ageBand: '30--38',
      phone: '+996770123456',
      needs: toConsulate.needs,
    });
    expect(JSON.stringify(r.shared)).not.toMatch(/Абдыкадырова|KG-O/);
    const listed = await w.lawyer.get(`/api/v1/cases/${w.caseId}/referrals`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(r.id);
    const timeline = (await w.lawyer.get(`/api/v1/cases/${w.caseId}/timeline`)).body.items;
    expect(timeline.find((e: { kind: string }) => e.kind === 'referral_sent').data).toEqual({
      referralId: r.id,
      serviceId: w.consularHelp,
      organisationId: r.organisationId,
      shared: ['displayName', 'needs', 'sex', 'phone', 'ageBand'],
    });
    // The consulate's partner sees it in the partner view: no case id, number or person.
    const seen = await w.consulatePartner.get(`/api/v1/referrals/${r.id}`);
    expect(seen.status).toBe(200);
    expect(Object.keys(seen.body.referral).sort()).toEqual(PARTNER_KEYS);
    expect(JSON.stringify(seen.body)).not.toContain(w.caseId);
    expect(JSON.stringify(seen.body)).not.toContain(w.caseNumber);
    const list = await w.consulatePartner.get('/api/v1/referrals');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(PARTNER_KEYS);
    expect((await w.consulatePartner.get(`/api/v1/cases/${w.caseId}`)).status).toBe(404);
    expect((await w.consulatePartner.get(`/api/v1/cases/${w.caseId}/referrals`)).status).toBe(404);
    // The consulate answers, and the lawyer reads the answer on the case.
    const accepted = await w.consulatePartner.patch(`/api/v1/referrals/${r.id}`, {
      status: 'accepted',
      partnerNote: 'Letter sent to the MFA',
      version: 1,
    });
    expect(accepted.status).toBe(200);
    expect(Object.keys(accepted.body.referral).sort()).toEqual(PARTNER_KEYS);
    const mine = (await w.lawyer.get(`/api/v1/referrals/${r.id}`)).body.referral;
    expect(mine).toMatchObject({
      caseId: w.caseId,
      status: 'accepted',
      partnerNote: 'Letter sent to the MFA',
      version: 2,
    });
  });

  it('lets the Adilet partner accept then complete; refuses wrong moves (422), stale versions (409) and the case’s staff (403)', async () => {
    const w = await setup();
    const sent = (
      await refer(w, w.adiletDocuments, {
        share: {},
        needs: 'A birth certificate for the son, to travel home',
      })
    ).body.referral;
    const partner = await h().as('partner');
    const view = await partner.get(`/api/v1/referrals/${sent.id}`);
    expect(view.body.referral).toEqual({
      id: sent.id,
      status: 'sent',
      reason: toConsulate.reason,
      shared: { displayName: 'Алима', needs: 'A birth certificate for the son, to travel home' },
      serviceId: w.adiletDocuments,
      serviceName: 'Adilet: recovering identity documents',
      partnerNote: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const staff = await w.lawyer.patch(`/api/v1/referrals/${sent.id}`, { status: 'accepted', version: 1 });
    expect(staff.status).toBe(403);
    const skip = await partner.patch(`/api/v1/referrals/${sent.id}`, { status: 'completed', version: 1 });
    expect(skip.status).toBe(422);
    expect(skip.body.error).toMatchObject({
      code: 'transition_not_allowed',
      details: { from: 'sent', to: 'completed', allowed: ['accepted', 'declined'] },
    });
    expect(
      (await partner.patch(`/api/v1/referrals/${sent.id}`, { status: 'accepted', version: 1 })).body.referral
        .status,
    ).toBe('accepted');
    const stale = await partner.patch(`/api/v1/referrals/${sent.id}`, { status: 'completed', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const done = await partner.patch(`/api/v1/referrals/${sent.id}`, {
      status: 'completed',
      partnerNote: 'Certificate issued',
      version: 2,
    });
    expect(done.body.referral).toMatchObject({
      status: 'completed',
      partnerNote: 'Certificate issued',
      version: 3,
    });
    const back = await partner.patch(`/api/v1/referrals/${sent.id}`, { status: 'accepted', version: 3 });
    expect(back.status).toBe(422);
    expect(
      (await partner.patch(`/api/v1/referrals/${sent.id}`, { status: 'archived', version: 3 })).status,
    ).toBe(400);
    expect((await partner.patch(`/api/v1/referrals/${sent.id}`, { status: 'accepted' })).status).toBe(400);
    expect(
      (
        await partner.patch(`/api/v1/referrals/${sent.id}`, {
          status: 'accepted',
          version: 3,
          caseId: w.caseId,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await partner.patch('/api/v1/referrals/00000000-0000-4000-8000-000000000000', {
          status: 'accepted',
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (await h().anonymous.patch(`/api/v1/referrals/${sent.id}`, { status: 'accepted', version: 1 })).status,
    ).toBe(401);
    const events = (await w.lawyer.get(`/api/v1/cases/${w.caseId}/timeline`)).body.items
      .filter(
        (e: { kind: string; data: { referralId?: string } }) =>
          e.kind === 'referral_status_changed' && e.data.referralId === sent.id,
      )
      .map((e: { data: { from: string; to: string } }) => [e.data.from, e.data.to]);
    expect(events).toEqual([
      ['sent', 'accepted'],
      ['accepted', 'completed'],
    ]);
    // A declined referral is final too.
    const other = (await refer(w, w.adiletDocuments)).body.referral;
    expect(
      (
        await partner.patch(`/api/v1/referrals/${other.id}`, {
          status: 'declined',
          partnerNote: 'Outside our region',
          version: 1,
        })
      ).status,
    ).toBe(200);
    expect(
      (await partner.patch(`/api/v1/referrals/${other.id}`, { status: 'accepted', version: 2 })).status,
    ).toBe(422);
  });

  it('no consent, no referral: none given, withdrawn, or not covering referrals answers 422 and stores nothing', async () => {
    const w = await setup();
    const stored = async () => (await h().database.db.select({ n: count() }).from(referrals))[0]!.n;
    const open = async (consent?: { givenOn: string; scope: string[] }) =>
      (
        await w.lawyer.post('/api/v1/cases', {
          person: { ...alima, givenName: 'Зарина' },
          type: 'legal_assistance',
          intakeChannel: 'self_referral',
          ...(consent ? { consent } : {}),
        })
      ).body.case;
    const none = await open();
    const narrow = await open({ givenOn: '2026-01-10', scope: ['data_processing'] });
    const withdrawn = await open({ givenOn: '2026-01-10', scope: ['data_processing', 'referral'] });
    const patched = await w.lawyer.patch(`/api/v1/cases/${withdrawn.id}`, {
      consentWithdrawnOn: '2026-01-20',
      version: withdrawn.version,
    });
    expect(patched.status).toBe(200);
    const before = await stored();
    for (const [c, reason] of [
      [none, 'no_consent'],
      [narrow, 'scope_lacks_referral'],
      [withdrawn, 'consent_withdrawn'],
    ] as const) {
      const res = await w.lawyer.post(`/api/v1/cases/${c.id}/referrals`, {
        ...toConsulate,
        serviceId: w.consularHelp,
      });
      expect(res.status, reason).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'consent_required', details: { reason } });
      expect((await w.lawyer.get(`/api/v1/cases/${c.id}/referrals`)).body.items).toEqual([]);
      const kinds = (await w.lawyer.get(`/api/v1/cases/${c.id}/timeline`)).body.items.map(
        (e: { kind: string }) => e.kind,
      );
      expect(kinds).not.toContain('referral_sent');
    }
    expect(await stored()).toBe(before);
    expect(await h().database.db.select().from(referrals).where(eq(referrals.caseId, none.id))).toEqual([]);
  });
});
