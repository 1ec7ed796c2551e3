import { expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/harness.ts';
import { caseUrl, expectStatus, storySteps } from './steps.ts';

// DOMAIN.md, story 4: Astra (47), Jalal-Abad oblast, in debt for her son's university; dishwashing in
// a cold basement in Moscow for 15,000 roubles a month, then cooking unpaid for a construction site;
// home in March 2020; a business plan, three sewing machines and an iron for a sewing business.

const astra = {
  givenName: 'Астра',
  familyName: 'Садыкова',
  sex: 'female',
  estimatedAge: 47,
  originRegion: 'KG-J',
  originDistrict: 'KG-J-SUZAK',
  phone: '+996777300400',
};

const child = (name: string, sex: string, age: number, whereNow = 'home') => ({
  name,
  relationship: 'child',
  sex,
  age,
  whereNow,
});

const household = [
  { name: 'Мирлан', relationship: 'spouse', sex: 'male', age: 50, whereNow: 'home' },
  child('Айгерим', 'female', 24),
  child('Бермет', 'female', 21),
  child('Назира', 'female', 17),
  child('Улан', 'male', 19, 'elsewhere'),
  child('Эламан', 'male', 13),
];

// Budget, tyiyn (returnee_reintegration ceiling 15 000 000):
//   business grant (fabric and thread)  1 × 1 000 000           = 1 000 000
//   sewing machines                     3 × 1 800 000 (default) = 5 400 000
//   iron, as 'tools'                    1 ×   250 000           =   250 000
//   committed 6 650 000; remaining 15 000 000 − 6 650 000 = 8 350 000.
// The business plan's start-up costs are the same three: 10 000 + 54 000 + 2 500 = 66 500.00 KGS.
const items = [
  {
    catalogueCode: 'business_grant',
    quantity: 1,
    unitCost: '10000.00',
    description: 'Fabric and thread for the first orders',
    businessPlan: {
      summary: 'Sewing school uniforms and dresses to order with her three daughters.',
      activity: 'sewing',
      expectedMonthlyIncome: '20000.00',
      startupCosts: '66500.00',
    },
  },
  { catalogueCode: 'sewing_equipment', quantity: 3, description: 'Sewing machine' },
  { catalogueCode: 'tools', quantity: 1, unitCost: '2500.00', description: 'Steam iron' },
];

const budget = (committed: number) => ({
  ceiling: { tyiyn: 15_000_000, kgs: '150000.00' },
  committed: { tyiyn: committed, kgs: `${committed / 100}.00` },
  remaining: { tyiyn: 15_000_000 - committed, kgs: `${(15_000_000 - committed) / 100}.00` },
});

describeEachEngine('story: Astra', (h) => {
  const s = storySteps(h);
  let caseId = '';
  let latinName = '';

  it('screens her two jobs in Moscow as possible and equips her sewing business within the ceiling', async () => {
    const cw = await s.as.caseworker();
    const opened = await s.openCase(cw, {
      person: astra,
      type: 'returnee_reintegration',
      intakeChannel: 'iom_office',
      openedOn: '2026-03-03',
      consent: { givenOn: '2026-03-03', scope: ['data_processing', 'follow_up'] },
      household,
    });
    caseId = opened.id;
    latinName = opened.person.latinName;
    expect(
      opened.household
        .filter((m: any) => m.relationship === 'child')
        .map((m: any) => m.sex)
        .sort(),
    ).toEqual(['female', 'female', 'female', 'male', 'male']);

    const dishes = await s.addEpisode(cw, caseId, {
      destinationCountry: 'RU',
      destinationCity: 'Moscow',
      departedOn: '2019-10-05',
      returnedOn: '2020-01-10',
      sector: 'services',
      recruitedHow: 'Borrowed for the ticket; as an older woman found only dishwashing',
      recruiterRelationship: 'none',
      facts: { excessiveHours: true, abusiveConditions: true },
      notes: '15,000 roubles a month in a cold basement; a kidney infection; more debt.',
    });
    // Two medium (excessive_overtime, abusive_conditions) → possible already.
    expect(dishes.screening).toMatchObject({
      likelihood: 'possible',
      indicators: ['abusive_conditions', 'excessive_overtime'],
    });
    const cooking = await s.addEpisode(cw, caseId, {
      destinationCountry: 'RU',
      destinationCity: 'Moscow',
      departedOn: '2020-01-11',
      returnedOn: '2020-03-20',
      sector: 'construction',
      recruitedHow: 'Hired to cook for the workers of a construction site',
      recruiterRelationship: 'employer',
      facts: { wagesUnpaid: true, excessiveHours: true, abusiveConditions: true },
      wagesUnpaidAmount: '60000.00',
      wagesUnpaidCurrency: 'RUB',
    });
    expect(cooking.episode).toMatchObject({
      wagesUnpaidMinor: 6_000_000,
      wagesUnpaidAmount: '60000.00',
      wagesUnpaidCurrency: 'RUB',
    });
    // Over both episodes, each indicator counted once: withholding_of_wages, abusive_conditions,
    // excessive_overtime = 3 medium, 0 strong → possible (not likely: no strong indicator).
    const [first, second] = [dishes.episode.id, cooking.episode.id];
    const reason = (episodeId: string, indicator: string, fact: string) => ({
      indicator,
      weight: 'medium',
      episodeId,
      fact,
    });
    expect(cooking.screening).toEqual({
      likelihood: 'possible',
      indicators: ['withholding_of_wages', 'abusive_conditions', 'excessive_overtime'],
      reasons: [
        reason(first, 'excessive_overtime', 'excessiveHours'),
        reason(first, 'abusive_conditions', 'abusiveConditions'),
        reason(second, 'withholding_of_wages', 'wagesUnpaid'),
        reason(second, 'excessive_overtime', 'excessiveHours'),
        reason(second, 'abusive_conditions', 'abusiveConditions'),
      ],
      rulesVersion: 'koldoo-screening-1',
    });

    await s.move(cw, caseId, 'assessment');
    // DoMV: two risks against one protective factor → outnumbered by 1 → suggested medium.
    const domv = expectStatus(
      await cw.post(caseUrl(caseId, '/vulnerability'), {
        takenOn: '2026-03-05',
        factors: [
          {
            level: 'household',
            kind: 'risk',
            code: 'debt',
            note: 'Borrowed for tickets and a son’s university',
          },
          { level: 'individual', kind: 'risk', code: 'health', note: 'Kidney infection abroad' },
          {
            level: 'community',
            kind: 'protective',
            code: 'social_network',
            note: 'Her daughters will sew with her',
          },
        ],
      }),
      201,
    );
    expect(domv.assessment).toMatchObject({ suggestedLevel: 'medium', riskLevel: 'medium' });

    await s.move(cw, caseId, 'planning');
    expectStatus(
      await cw.request('PUT', caseUrl(caseId, '/plan'), {
        goals: ['Run a sewing business with her daughters', 'Repay the family debt'],
      }),
      200,
    );
    const proposed = [];
    for (const item of items) proposed.push(await s.propose(caseId, item));
    expect(proposed.map((i) => i.amount.tyiyn)).toEqual([1_000_000, 5_400_000, 250_000]);
    expect(proposed[0].businessPlan.startupCosts).toEqual({ tyiyn: 6_650_000, kgs: '66500.00' });
    // Proposals commit nothing yet.
    expect(expectStatus(await cw.get(caseUrl(caseId, '/plan')), 200).budget).toEqual(budget(0));
    const approved = [];
    for (const item of proposed) approved.push(await s.approve(caseId, item));
    expect(expectStatus(await cw.get(caseUrl(caseId, '/plan')), 200).budget).toEqual(budget(6_650_000));

    await s.move(cw, caseId, 'assistance');
    for (const item of approved) await s.procureAndDeliver(caseId, item, 'Jalal-Abad market');
    const plan = expectStatus(await cw.get(caseUrl(caseId, '/plan')), 200);
    expect(plan.items.map((i: any) => [i.catalogueCode, i.quantity, i.state])).toEqual([
      ['business_grant', 1, 'delivered'],
      ['sewing_equipment', 3, 'delivered'],
      ['tools', 1, 'delivered'],
    ]);
    expect(plan.budget).toEqual({
      ceiling: { tyiyn: 15_000_000, kgs: '150000.00' },
      committed: { tyiyn: 6_650_000, kgs: '66500.00' },
      remaining: { tyiyn: 8_350_000, kgs: '83500.00' },
    });

    await s.move(cw, caseId, 'monitoring');
    await s.followup(cw, caseId, {
      kind: 'visit',
      dueOn: '2026-06-10',
      doneOn: '2026-06-10',
      outcomeNote: 'Sewing school uniforms with her daughters',
    });
    const closed = await s.move(cw, caseId, { to: 'closed', reason: 'sustainably_reintegrated' });
    expect(closed).toMatchObject({
      status: 'closed',
      closureReason: 'sustainably_reintegrated',
      traffickingLikelihood: 'possible',
      riskLevel: 'medium',
    });

    const kinds = (await s.timeline(cw, caseId)).map((e) => e.kind);
    // The second episode changed nothing in the likelihood, so only the first is followed by a change.
    expect(kinds.slice(0, 5)).toEqual([
      'case_opened',
      'episode_added',
      'screening_changed',
      'episode_added',
      'status_changed',
    ]);
    expect(kinds.at(-1)).toBe('status_changed');
  });

  it('keeps the case from another office, the partner and the analyst; the audit holds no names', async () => {
    expect(caseId).not.toBe('');
    const partnerSees = await s.assertPrivate(caseId, ['Астра', 'Садыкова', latinName, astra.phone]);
    expect(partnerSees).toEqual([]);
  });
});
