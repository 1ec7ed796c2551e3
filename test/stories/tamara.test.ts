import { expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/harness.ts';
import { API, caseUrl, expectStatus, storySteps } from './steps.ts';

// DOMAIN.md, story 2: Tamara, deceived by a "friend" into factory work in Russia, her documents
// taken, never paid, beaten when she tried to flee; home again, she calls the hotline.

const phone = '+996555123456';
const tamara = { givenName: 'Тамара', familyName: 'Осмонова', sex: 'female', estimatedAge: 29 };

const MOVED = 'status_changed';

describeEachEngine('story: Tamara', (h) => {
  const s = storySteps(h);
  let caseId = '';
  let referralId = '';

  it('goes from an anonymous hotline call to a case at IOM Osh, a completed referral to Adilet and closure', async () => {
    const hotline = await h().as('hotline_operator');
    const call = expectStatus(
      await hotline.post(`${API}/calls`, {
        receivedAt: '2026-03-02T09:15:00+06:00',
        channel: 'hotline',
        anonymous: true,
        callerRegion: 'KG-J',
        topic: 'trafficking_exploitation',
        summary:
          'Back from Russia: the factory owners kept her passport, never paid her and beat her when she tried to flee.',
        urgency: 'high',
      }),
      201,
    ).call;
    expect(call).toMatchObject({ anonymous: true, callerName: null, callerPhone: null, caseId: null });
    // She agrees to give her name and number so that a case can be opened for her.
    const named = expectStatus(
      await hotline.patch(`${API}/calls/${call.id}`, {
        anonymous: false,
        callerName: tamara.givenName,
        callerPhone: phone,
        version: call.version,
      }),
      200,
    ).call;
    const osh = await h().officeId('IOM Osh');
    const converted = expectStatus(
      await hotline.post(`${API}/calls/${call.id}/convert`, {
        person: tamara,
        type: 'trafficking_survivor',
        officeId: osh,
        openedOn: '2026-03-02',
        consent: { givenOn: '2026-03-02', scope: ['data_processing', 'referral', 'follow_up'] },
      }),
      201,
    );
    caseId = converted.case.id;
    expect(Object.keys(converted.case).sort()).toEqual(['id', 'number']);
    expect(converted.call).toMatchObject({ outcome: 'case_opened', caseId, version: named.version + 1 });
    // Handed over: the operator keeps the call but can no longer read the case.
    expect((await hotline.get(caseUrl(caseId))).status).toBe(404);
    expect((await hotline.get(caseUrl(caseId, '/timeline'))).status).toBe(404);
    expectStatus(await hotline.get(`${API}/calls/${call.id}`), 200);

    // Unassigned, the case is the supervisor's to give out; the caseworker does not see it yet.
    const cw = await s.as.caseworker();
    expect((await cw.get(caseUrl(caseId))).status).toBe(404);
    const sup = await s.as.supervisor();
    const handed = expectStatus(await sup.get(caseUrl(caseId)), 200).case;
    expect(handed).toMatchObject({
      officeId: osh,
      intakeChannel: 'hotline',
      callId: call.id,
      assignedTo: null,
      status: 'open',
    });
    // The person's phone and region come from the call.
    expect(handed.person).toMatchObject({ phone, originRegion: 'KG-J' });
    const me = expectStatus(await cw.get(`${API}/auth/me`), 200).user.id;
    expectStatus(await sup.patch(caseUrl(caseId), { assignedTo: me, version: handed.version }), 200);

    const { episode, screening } = await s.addEpisode(cw, caseId, {
      destinationCountry: 'RU',
      destinationCity: 'Ivanovo',
      departedOn: '2025-09-01',
      returnedOn: '2026-02-20',
      sector: 'factory',
      recruitedHow: 'A “friend” promised her a job at a garment factory',
      recruiterRelationship: 'friend',
      facts: {
        deceived: true,
        documentsTaken: true,
        wagesUnpaid: true,
        violence: true,
        movementRestricted: true,
      },
    });
    // Strong: restriction_of_movement, physical_sexual_violence, retention_of_documents = 3;
    // medium: deception, withholding_of_wages = 2. "Two or more strong" → likely (so is
    // "one strong and two or more medium").
    expect(screening.likelihood).toBe('likely');
    expect(screening.indicators).toEqual([
      'deception',
      'restriction_of_movement',
      'physical_sexual_violence',
      'retention_of_documents',
      'withholding_of_wages',
    ]);
    const reason = (indicator: string, weight: string, fact: string) => ({
      indicator,
      weight,
      fact,
      episodeId: episode.id,
    });
    expect(screening.reasons).toEqual([
      reason('retention_of_documents', 'strong', 'documentsTaken'),
      reason('withholding_of_wages', 'medium', 'wagesUnpaid'),
      reason('restriction_of_movement', 'strong', 'movementRestricted'),
      reason('physical_sexual_violence', 'strong', 'violence'),
      reason('deception', 'medium', 'deceived'),
    ]);

    await s.move(cw, caseId, 'assessment', 'planning');
    expectStatus(
      await cw.request('PUT', caseUrl(caseId, '/plan'), {
        goals: ['Recover her documents and her unpaid wages'],
      }),
      200,
    );
    await s.move(cw, caseId, 'assistance');

    const adilet = await h().officeId('Adilet');
    const services = expectStatus(
      await cw.get(`${API}/services?kind=legal_aid&organisationId=${adilet}`),
      200,
    ).items;
    expect(services).toHaveLength(1);
    const sent = expectStatus(
      await cw.post(caseUrl(caseId, '/referrals'), {
        serviceId: services[0].id,
        reason: 'Wages withheld and passport retained by the factory owners',
        consentRecordedOn: '2026-03-04',
        share: { sex: true, ageBand: true },
        needs: 'Please help her claim the unpaid wages and replace her passport.',
      }),
      201,
    ).referral;
    referralId = sent.id;
    expect(sent).toMatchObject({ status: 'sent', caseId, organisationId: adilet });

    // The partner answers: accepted, then completed.
    const partner = await h().as('partner');
    const inbox = expectStatus(await partner.get(`${API}/referrals`), 200).items;
    const received = inbox.find((r: { id: string }) => r.id === referralId);
    expect(received.shared).toEqual({
      displayName: 'Тамара',
      sex: 'female',
      ageBand: '27--29',
      needs: 'Please help her claim the unpaid wages and replace her passport.',
    });
    const accepted = expectStatus(
      await partner.patch(`${API}/referrals/${referralId}`, {
        status: 'accepted',
        version: received.version,
      }),
      200,
    ).referral;
    const completed = expectStatus(
      await partner.patch(`${API}/referrals/${referralId}`, {
        status: 'completed',
        partnerNote: 'Claim filed; passport replaced',
        version: accepted.version,
      }),
      200,
    ).referral;
    expect(completed).toMatchObject({ status: 'completed', partnerNote: 'Claim filed; passport replaced' });
    expect(completed).not.toHaveProperty('caseId');

    await s.move(cw, caseId, 'monitoring');
    await s.followup(cw, caseId, {
      kind: 'call',
      dueOn: '2026-04-15',
      doneOn: '2026-04-15',
      outcomeNote: 'Working in her town',
    });
    const closed = await s.move(cw, caseId, { to: 'closed', reason: 'sustainably_reintegrated' });
    expect(closed).toMatchObject({
      status: 'closed',
      closureReason: 'sustainably_reintegrated',
      traffickingLikelihood: 'likely',
    });

    const events = await s.timeline(cw, caseId);
    expect(events.map((e) => e.kind)).toEqual([
      'case_opened',
      'call_linked',
      'assigned',
      'case_updated',
      'episode_added',
      'screening_changed',
      MOVED,
      MOVED,
      'plan_updated',
      MOVED,
      'referral_sent',
      'referral_status_changed',
      'referral_status_changed',
      MOVED,
      'followup_scheduled',
      'followup_updated',
      MOVED,
    ]);
    expect(events[1]!.data).toMatchObject({ callId: call.id, topic: 'trafficking_exploitation' });
    expect(events.filter((e) => e.kind === 'referral_status_changed').map((e) => e.data.to)).toEqual([
      'accepted',
      'completed',
    ]);
  });

  it('keeps the case from the hotline after the handover, another office, the partner and the analyst', async () => {
    expect(caseId).not.toBe('');
    const hotline = await h().as('hotline_operator');
    expect((await hotline.get(caseUrl(caseId))).status).toBe(404);
    expect((await hotline.get(`${API}/cases`)).status).toBe(403);
    const partnerSees = await s.assertPrivate(caseId, ['Тамара', 'Осмонова', 'Tamara', phone]);
    // The partner sees its referral, with the shared fields only (checked key by key above).
    expect(partnerSees.map((r: { id: string }) => r.id)).toEqual([referralId]);
  });
});
