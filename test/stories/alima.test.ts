import { expect, it } from 'vitest';
import { PASSWORD, describeEachEngine } from '../helpers/harness.ts';
import { API, caseUrl, expectStatus, storySteps } from './steps.ts';

// DOMAIN.md, story 5: Alima (32) flew Moscow–Osh in March 2020, leaving her two-year-old son with
// her sister in Moscow; the borders closed and the sister broke both legs. The Kara-Suu Single
// Window Centre helped her write to the consulate; she applied on 18 June, her son came home on 4 July.

const alima = {
  givenName: 'Алима',
  familyName: 'Абдыкадырова',
  sex: 'female',
  estimatedAge: 32,
  originRegion: 'KG-O',
  originDistrict: 'KG-O-KARA-SUU',
  phone: '+996770123456',
};
const son = {
  givenName: 'Эмир',
  familyName: 'Абдыкадыров',
  sex: 'male',
  estimatedAge: 2,
  originRegion: 'KG-O',
  originDistrict: 'KG-O-KARA-SUU',
};
const sister = {
  name: 'Гулзат',
  relationship: 'sibling',
  sex: 'female',
  age: 35,
  whereNow: 'abroad',
  country: 'RU',
  withWhom: 'Cares for Alima’s son in Moscow; broke both legs at work',
  caresForChildren: true,
};

describeEachEngine('story: Alima', (h) => {
  const s = storySteps(h);
  const ids = { alima: '', son: '', referral: '' };
  let latinName = '';

  it('reunites her with her son through the Kara-Suu SWC and the consulate, and closes the case', async () => {
    // The demo has nobody at the Kara-Suu SWC: the admin creates its caseworker.
    const admin = await h().as('admin');
    const karaSuu = await h().officeId('Kara-Suu');
    expectStatus(
      await admin.post(`${API}/users`, {
        username: 'caseworker.karasuu',
        displayName: 'Kara-Suu SWC lawyer',
        role: 'caseworker',
        officeId: karaSuu,
        password: PASSWORD,
      }),
      201,
    );
    const lawyer = await h().login('caseworker.karasuu');
    const consent = { givenOn: '2020-06-10', scope: ['data_processing', 'referral', 'follow_up'] };
    const opened = await s.openCase(lawyer, {
      person: alima,
      type: 'family_reunification',
      intakeChannel: 'single_window_centre',
      openedOn: '2020-06-10',
      consent,
      household: [sister],
    });
    ids.alima = opened.id;
    latinName = opened.person.latinName;
    expect(opened).toMatchObject({ officeId: karaSuu, number: expect.stringMatching(/-2020-\d{5}$/) });

    // The son has a case of his own at the same office, linked from his mother's household (and back).
    const sonCase = await s.openCase(lawyer, {
      person: son,
      type: 'family_reunification',
      intakeChannel: 'single_window_centre',
      openedOn: '2020-06-10',
      consent,
    });
    ids.son = sonCase.id;
    const member = expectStatus(
      await lawyer.post(caseUrl(ids.alima, '/household'), {
        name: son.givenName,
        relationship: 'child',
        sex: 'male',
        age: 2,
        whereNow: 'abroad',
        country: 'RU',
        withWhom: 'his aunt, in Moscow',
        linkedPersonId: sonCase.personId,
        linkedCaseId: ids.son,
      }),
      201,
    ).member;
    expect(member).toMatchObject({
      whereNow: 'abroad',
      country: 'RU',
      linkedCaseId: ids.son,
      linkedPersonId: sonCase.personId,
    });
    expectStatus(
      await lawyer.post(caseUrl(ids.son, '/household'), {
        name: alima.givenName,
        relationship: 'parent',
        whereNow: 'home',
        linkedCaseId: ids.alima,
      }),
      201,
    );
    const household = expectStatus(await lawyer.get(caseUrl(ids.alima, '/household')), 200).items;
    expect(household.map((m: any) => [m.relationship, m.whereNow, m.country, m.linkedCaseId])).toEqual([
      ['sibling', 'abroad', 'RU', null],
      ['child', 'abroad', 'RU', ids.son],
    ]);

    const { screening } = await s.addEpisode(lawyer, ids.alima, {
      destinationCountry: 'RU',
      destinationCity: 'Moscow',
      departedOn: '2018-04-01',
      returnedOn: '2020-03-15',
      sector: 'services',
      recruiterRelationship: 'none',
      notes: 'Her return flight to Moscow was cancelled when the borders closed.',
    });
    // No fact reported, no indicator: 0 strong, 0 medium → unlikely.
    expect(screening).toEqual({
      likelihood: 'unlikely',
      indicators: [],
      reasons: [],
      rulesVersion: 'koldoo-screening-1',
    });

    await s.move(lawyer, ids.alima, 'assessment', 'planning');
    expectStatus(
      await lawyer.request('PUT', caseUrl(ids.alima, '/plan'), { goals: ['Bring her son home from Moscow'] }),
      200,
    );
    await s.move(lawyer, ids.alima, 'assistance');
    const consular = expectStatus(await lawyer.get(`${API}/services?kind=consular_help`), 200).items;
    expect(consular).toHaveLength(1);
    const referral = expectStatus(
      await lawyer.post(caseUrl(ids.alima, '/referrals'), {
        serviceId: consular[0].id,
        reason: 'Family reunification: her two-year-old son is stranded in Moscow',
        consentRecordedOn: '2020-06-18',
        share: { phone: true, sex: true },
        needs: 'Please help the mother bring her son home; the sister caring for him broke both legs.',
      }),
      201,
    ).referral;
    ids.referral = referral.id;
    expect(referral).toMatchObject({
      status: 'sent',
      consentRecordedOn: '2020-06-18',
      organisationName: 'Consulate of the Kyrgyz Republic, Yekaterinburg',
      shared: { displayName: 'Алима', phone: alima.phone, sex: 'female' },
    });

    await s.move(lawyer, ids.alima, 'monitoring');
    const done = await s.followup(lawyer, ids.alima, {
      kind: 'call',
      dueOn: '2020-07-04',
      doneOn: '2020-07-04',
      outcomeNote: 'Her son came home on a charter flight',
    });
    expect(done.doneOn).toBe('2020-07-04');
    const closed = await s.move(lawyer, ids.alima, { to: 'closed', reason: 'sustainably_reintegrated' });
    expect(closed).toMatchObject({
      status: 'closed',
      closureReason: 'sustainably_reintegrated',
      traffickingLikelihood: 'unlikely',
    });

    const kinds = (await s.timeline(lawyer, ids.alima)).map((e) => e.kind);
    expect(kinds).toEqual([
      'case_opened',
      'household_changed',
      'episode_added',
      'status_changed',
      'status_changed',
      'plan_updated',
      'status_changed',
      'referral_sent',
      'status_changed',
      'followup_scheduled',
      'followup_updated',
      'status_changed',
    ]);
  });

  it('keeps both cases from another office, the partner and the analyst; the audit holds no names', async () => {
    expect(ids.referral).not.toBe('');
    const secrets = ['Алима', 'Абдыкадыров', latinName, alima.phone, son.givenName, sister.name];
    for (const id of [ids.alima, ids.son]) {
      // Adilet is not the consulate: the partner sees no referral of this story at all.
      expect(await s.assertPrivate(id, secrets)).toEqual([]);
    }
    const partner = await h().as('partner');
    expect((await partner.get(`${API}/referrals/${ids.referral}`)).status).toBe(404);
    // Nor does the Osh caseworker, who works in another office too.
    const osh = await s.as.caseworker();
    expect((await osh.get(caseUrl(ids.alima))).status).toBe(404);
  });
});
