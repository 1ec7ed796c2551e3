import { expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/harness.ts';
import { API, caseUrl, expectStatus, storySteps } from './steps.ts';

// DOMAIN.md, story 3: Sirojiddin, without work in his home town, tricked and trafficked in Moscow,
// escaped home; a business grant against a business plan makes him the local baker.

const sirojiddin = {
  givenName: 'Сирожиддин',
  familyName: 'Рахимов',
  sex: 'male',
  estimatedAge: 34,
  originRegion: 'KG-O',
  originDistrict: 'KG-O-UZGEN',
  phone: '+996772405060',
};

// The grant, 80 000.00 KGS = 8 000 000 tyiyn, against a returnee ceiling the admin lowers from
// 150 000.00 to 50 000.00 KGS (5 000 000 tyiyn): committed after approval 8 000 000, remaining
// 5 000 000 − 8 000 000 = −3 000 000 tyiyn (−30 000.00 KGS).
const grant = {
  catalogueCode: 'business_grant',
  quantity: 1,
  unitCost: '80000.00',
  description: 'Oven, kneading table and first flour',
  businessPlan: {
    summary: 'A bakery for the town market: tandyr bread and samsa, baked by him and his family.',
    activity: 'bakery',
    expectedMonthlyIncome: '30000.00',
    startupCosts: '80000.00',
  },
};

describeEachEngine('story: Sirojiddin', (h) => {
  const s = storySteps(h);
  let caseId = '';
  let latinName = '';

  it('approves a bakery grant over a lowered ceiling only with a supervisor’s reason, and closes him reintegrated', async () => {
    const cw = await s.as.caseworker();
    const opened = await s.openCase(cw, {
      person: sirojiddin,
      type: 'returnee_reintegration',
      intakeChannel: 'iom_office',
      openedOn: '2025-11-10',
      consent: { givenOn: '2025-11-10', scope: ['data_processing', 'follow_up'] },
    });
    caseId = opened.id;
    latinName = opened.person.latinName;
    const { screening } = await s.addEpisode(cw, caseId, {
      destinationCountry: 'RU',
      destinationCity: 'Moscow',
      departedOn: '2024-05-01',
      returnedOn: '2025-10-20',
      sector: 'construction',
      recruitedHow: 'Promised building work; sold on to a site where the workers were locked in',
      recruiterRelationship: 'acquaintance',
      facts: { deceived: true, movementRestricted: true, documentsTaken: true, wagesUnpaid: true },
    });
    // Strong: restriction_of_movement, retention_of_documents = 2; medium: deception,
    // withholding_of_wages = 2 → likely ("two or more strong").
    expect(screening).toMatchObject({
      likelihood: 'likely',
      indicators: ['deception', 'restriction_of_movement', 'retention_of_documents', 'withholding_of_wages'],
    });
    await s.move(cw, caseId, 'assessment', 'planning');
    expectStatus(
      await cw.request('PUT', caseUrl(caseId, '/plan'), {
        goals: ['Open a bakery in his home town', 'Employ his family'],
      }),
      200,
    );

    // The admin lowers the returnee ceiling below the grant.
    const admin = await h().as('admin');
    const ceilings = expectStatus(await admin.get(`${API}/catalogue/ceilings`), 200).items;
    const returnee = ceilings.find((c: { caseType: string }) => c.caseType === 'returnee_reintegration');
    expect(returnee.amount).toEqual({ tyiyn: 15_000_000, kgs: '150000.00' });
    const lowered = expectStatus(
      await admin.request('PUT', `${API}/catalogue/ceilings/returnee_reintegration`, {
        amount: '50000.00',
        version: returnee.version,
      }),
      200,
    ).ceiling;
    expect(lowered.amount).toEqual({ tyiyn: 5_000_000, kgs: '50000.00' });

    const proposed = expectStatus(await cw.post(caseUrl(caseId, '/plan/items'), grant), 201);
    expect(proposed.warnings).toEqual([]);
    const item = proposed.item;
    expect(item).toMatchObject({ state: 'proposed', amount: { tyiyn: 8_000_000, kgs: '80000.00' } });
    expect(item.businessPlan).toEqual({
      summary: grant.businessPlan.summary,
      activity: 'bakery',
      expectedMonthlyIncome: { tyiyn: 3_000_000, kgs: '30000.00' },
      startupCosts: { tyiyn: 8_000_000, kgs: '80000.00' },
    });

    const approveUrl = caseUrl(caseId, `/plan/items/${item.id}/approve`);
    // A caseworker may never approve; the supervisor may, but not over the ceiling without a reason.
    expect((await cw.post(approveUrl, { version: item.version })).status).toBe(403);
    const sup = await s.as.supervisor();
    const refused = await sup.post(approveUrl, { version: item.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'override_reason_required',
      details: { amountTyiyn: 8_000_000, ceilingTyiyn: 5_000_000 },
    });
    const reason = 'The business plan shows the oven repays itself; the family will work in the bakery';
    const approved = await s.approve(caseId, item, reason);
    expect(approved).toMatchObject({ overrideReason: reason, version: item.version + 1 });

    await s.move(cw, caseId, 'assistance');
    await s.procureAndDeliver(caseId, approved, 'Uzgen bakery equipment shop');
    const plan = expectStatus(await cw.get(caseUrl(caseId, '/plan')), 200);
    expect(plan.budget).toEqual({
      ceiling: { tyiyn: 5_000_000, kgs: '50000.00' },
      committed: { tyiyn: 8_000_000, kgs: '80000.00' },
      remaining: { tyiyn: -3_000_000, kgs: '-30000.00' },
    });

    await s.move(cw, caseId, 'monitoring');
    await s.followup(cw, caseId, {
      kind: 'visit',
      dueOn: '2026-05-20',
      doneOn: '2026-05-21',
      outcomeNote: 'The bakery employs his brother and two cousins',
    });
    const closed = await s.move(cw, caseId, { to: 'closed', reason: 'sustainably_reintegrated' });
    expect(closed).toMatchObject({ status: 'closed', closureReason: 'sustainably_reintegrated' });

    const events = await s.timeline(cw, caseId);
    expect(events.filter((e) => e.kind === 'status_changed').map((e) => e.data.to)).toEqual([
      'assessment',
      'planning',
      'assistance',
      'monitoring',
      'closed',
    ]);
    // The refused approvals left no trace on the timeline: one proposal, then approved, procured, delivered.
    expect(events.filter((e) => e.kind.startsWith('plan_item')).map((e) => e.data.to ?? e.kind)).toEqual([
      'plan_item_proposed',
      'approved',
      'procured',
      'delivered',
    ]);

    // The auditor sees the refusals and the override, by field name.
    const auditor = await h().as('auditor');
    const approvals = expectStatus(
      await auditor.get(`${API}/audit?entityId=${item.id}&action=plan_item.approve`),
      200,
    ).items;
    expect(approvals.map((e: any) => [e.actorUsername, e.outcome])).toEqual([
      ['supervisor.osh', 'ok'],
      ['supervisor.osh', 'failed'],
      ['caseworker.osh', 'denied'],
    ]);
    expect(approvals[0].fields).toEqual(['state', 'approvedBy', 'approvedAt', 'overrideReason']);
    const ceilingChange = expectStatus(
      await auditor.get(`${API}/audit?entityType=budget_ceiling`),
      200,
    ).items;
    expect(ceilingChange.map((e: any) => [e.entityId, e.fields])).toEqual([
      ['returnee_reintegration', ['amount']],
    ]);
  });

  it('keeps the case from another office, the partner and the analyst; the audit holds no names', async () => {
    expect(caseId).not.toBe('');
    const partnerSees = await s.assertPrivate(caseId, ['Сирожиддин', 'Рахимов', latinName, sirojiddin.phone]);
    expect(partnerSees).toEqual([]);
  });
});
