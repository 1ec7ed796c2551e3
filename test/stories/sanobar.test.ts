import { expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/harness.ts';
import { caseUrl, expectStatus, storySteps } from './steps.ts';

// DOMAIN.md, story 1: Sanobar (51) and Asanbai (52) from a village in Aravan district, Osh oblast,
// recruited by a man "from the same village" for his brother's farm in Russia, walk into IOM Osh.

const sanobar = {
  givenName: 'Санобар',
  familyName: 'Эргешова',
  sex: 'female',
  estimatedAge: 51,
  originRegion: 'KG-O',
  originDistrict: 'KG-O-ARAVAN',
  originSettlement: 'a remote village of Aravan district',
  phone: '+996555710203',
  languages: ['ky', 'uz'],
  documentsRetained: [{ type: 'passport', heldBy: 'the farmer in Russia' }],
};

const member = (name: string, relationship: string, sex: string, age: number, more = {}) => ({
  name,
  relationship,
  sex,
  age,
  whereNow: 'home',
  ...more,
});
// The five younger children stayed with their aunt (the one carer); the eldest daughter went along.
const withAunt = { withWhom: 'stayed with their aunt while the parents were in Russia' };
const household = [
  member('Асанбай', 'spouse', 'male', 52),
  member('Гулнура', 'child', 'female', 19, { withWhom: 'went to Russia with her parents' }),
  member('Нурлан', 'child', 'male', 14, withAunt),
  member('Айпери', 'child', 'female', 12, withAunt),
  member('Бекзат', 'child', 'male', 10, withAunt),
  member('Жылдыз', 'child', 'female', 8, withAunt),
  member('Эрмек', 'child', 'male', 6, withAunt),
  member('Жамила', 'relative', 'female', 45, { caresForChildren: true }),
];

// RSS answers in koldoo-rss-1's order of questions:
//   economic:     income_sources, debt, food_security, employment, productive_assets
//   social:       housing, services_access, documents, safe_water, children_schooling
//   psychosocial: social_network, participation, discrimination, distress, remigration_intent
const QUESTIONS = {
  economic: ['income_sources', 'debt', 'food_security', 'employment', 'productive_assets'],
  social: ['housing', 'services_access', 'documents', 'safe_water', 'children_schooling'],
  psychosocial: ['social_network', 'participation', 'discrimination', 'distress', 'remigration_intent'],
};
type Dimension = keyof typeof QUESTIONS;
const answersOf = (values: Record<Dimension, number[]>) =>
  Object.fromEntries(
    (Object.keys(QUESTIONS) as Dimension[]).flatMap((d) => QUESTIONS[d].map((c, i) => [c, values[d][i]!])),
  );

// Baseline, 2023-03-09, with the default equal weights (each dimension a plain mean):
//   economic     (0 + 0 + 0 + 0.33 + 1) / 5 = 1.33 / 5 = 0.266 → 0.27 (low)
//   social       (0.5 + 0.5 + 0.5 + 1 + 0.5) / 5 = 3 / 5 = 0.60 (medium)
//   psychosocial (0.5 + 0 + 0.5 + 0 + 0.5) / 5 = 1.5 / 5 = 0.30 (low)
//   composite    (0.266 + 0.6 + 0.3) / 3 = 1.166 / 3 = 0.3887 → 0.39 (medium)
const baseline = {
  answers: answersOf({
    economic: [0, 0, 0, 0.33, 1],
    social: [0.5, 0.5, 0.5, 1, 0.5],
    psychosocial: [0.5, 0, 0.5, 0, 0.5],
  }),
  scores: { economic: 0.27, social: 0.6, psychosocial: 0.3, composite: 0.39 },
  bands: { economic: 'low', social: 'medium', psychosocial: 'low', composite: 'medium' },
};

// Three years later, 2026-03-10: home, farming their land, selling the harvest.
//   economic     (0.67 + 1 + 1 + 1 + 1) / 5 = 4.67 / 5 = 0.934 → 0.93
//   social       (1 + 1 + 1 + 1 + 1) / 5 = 1.00
//   psychosocial (1 + 0.5 + 1 + 0.5 + 1) / 5 = 4 / 5 = 0.80
//   composite    (0.934 + 1 + 0.8) / 3 = 2.734 / 3 = 0.9113 → 0.91; every band high (> 0.66)
const threeYearsLater = {
  answers: answersOf({
    economic: [0.67, 1, 1, 1, 1],
    social: [1, 1, 1, 1, 1],
    psychosocial: [1, 0.5, 1, 0.5, 1],
  }),
  scores: { economic: 0.93, social: 1, psychosocial: 0.8, composite: 0.91 },
  bands: { economic: 'high', social: 'high', psychosocial: 'high', composite: 'high' },
};

// Items at the catalogue's default prices (tyiyn) except the farm equipment, which has none:
//   counselling 6 × 150 000 = 900 000; clothing 2 × 300 000 = 600 000; food 3 × 350 000 = 1 050 000;
//   equipment 1 × 4 500 000 — committed 7 050 000 of the trafficking_survivor ceiling 25 000 000,
//   remaining 17 950 000.
const items = [
  {
    catalogueCode: 'psychosocial_counselling',
    quantity: 6,
    description: 'Counselling for Sanobar and Asanbai',
  },
  { catalogueCode: 'clothing', quantity: 2, description: 'Winter clothes' },
  { catalogueCode: 'food_package', quantity: 3 },
  {
    catalogueCode: 'agricultural_equipment',
    quantity: 1,
    unitCost: '45000.00',
    description: 'Hand tractor, plough and seed drill',
  },
];

const MOVED = 'status_changed';

describeEachEngine('story: Sanobar and Asanbai', (h) => {
  const s = storySteps(h);
  let caseId = '';
  let latinName = '';

  it('walks the case from a walk-in at IOM Osh to closure as sustainably reintegrated', async () => {
    const cw = await s.as.caseworker();
    const opened = await s.openCase(cw, {
      person: sanobar,
      type: 'trafficking_survivor',
      intakeChannel: 'iom_office',
      openedOn: '2023-03-06',
      consent: { givenOn: '2023-03-06', scope: ['data_processing', 'referral', 'follow_up'] },
      household,
    });
    caseId = opened.id;
    latinName = opened.person.latinName;
    expect(opened.number).toMatch(/^KG-OSH-2023-\d{5}$/);
    expect(opened.household).toHaveLength(8);
    expect(opened.household.filter((m: any) => m.relationship === 'child')).toHaveLength(6);
    expect(opened.household.filter((m: any) => m.caresForChildren).map((m: any) => m.name)).toEqual([
      'Жамила',
    ]);

    const { episode, screening } = await s.addEpisode(cw, caseId, {
      destinationCountry: 'RU',
      destinationCity: 'a farm in Saratov oblast',
      departedOn: '2022-04-12',
      returnedOn: '2022-12-18',
      sector: 'agriculture',
      recruitedHow: 'A man from the same village recruited them for his brother’s farm',
      recruiterRelationship: 'same_village',
      facts: { documentsTaken: true, wagesUnpaid: true, abusiveConditions: true, deceived: true },
      notes:
        'Seventy sheep, two horses, six cows; a cold shed with the livestock; vegetables dug out of the snow by hand.',
    });
    // One strong (documents retained) and three medium (wages withheld, abusive conditions,
    // deception): "one strong and two or more medium" → likely. Reasons in the facts' order.
    expect(screening.likelihood).toBe('likely');
    expect(screening.indicators).toEqual([
      'deception',
      'retention_of_documents',
      'withholding_of_wages',
      'abusive_conditions',
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
      reason('deception', 'medium', 'deceived'),
      reason('abusive_conditions', 'medium', 'abusiveConditions'),
    ]);
    // The caseworker records her own determination beside the screening; both are kept.
    const before = expectStatus(await cw.get(caseUrl(caseId)), 200).case;
    const determined = expectStatus(
      await cw.patch(caseUrl(caseId), {
        determination: { likelihood: 'likely', note: 'Consistent account' },
        version: before.version,
      }),
      200,
    ).case;
    expect(determined).toMatchObject({
      traffickingLikelihood: 'likely',
      determination: { likelihood: 'likely' },
    });

    await s.move(cw, caseId, 'assessment');
    // DoMV: five risk factors against one protective → outnumbered by 4 (≥ 3) → suggested high.
    const domv = expectStatus(
      await cw.post(caseUrl(caseId, '/vulnerability'), {
        takenOn: '2023-03-09',
        factors: [
          { level: 'individual', kind: 'risk', code: 'health', note: 'Fell ill living in a cold shed' },
          { level: 'individual', kind: 'risk', code: 'history_of_abuse', note: 'Forced labour on the farm' },
          { level: 'household', kind: 'risk', code: 'size_structure', note: 'Six children' },
          { level: 'household', kind: 'risk', code: 'income', note: 'No income since the return' },
          {
            level: 'community',
            kind: 'protective',
            code: 'social_network',
            note: 'A relative cared for the children',
          },
          { level: 'structural', kind: 'risk', code: 'economy', note: 'Few jobs in the district' },
        ],
      }),
      201,
    );
    expect(domv.assessment).toMatchObject({ suggestedLevel: 'high', riskLevel: 'high' });
    expect(domv.case.riskLevel).toBe('high');
    const first = await s.rss(cw, caseId, '2023-03-09', baseline.answers);
    expect(first.scores).toEqual(baseline.scores);
    expect(first.bands).toEqual(baseline.bands);

    await s.move(cw, caseId, 'planning');
    expectStatus(
      await cw.request('PUT', caseUrl(caseId, '/plan'), {
        goals: ['Recover from the ordeal', 'Farm their own land'],
      }),
      200,
    );
    const proposed = [];
    for (const item of items) proposed.push(await s.propose(caseId, item));
    expect(proposed.map((i) => i.amount.tyiyn)).toEqual([900_000, 600_000, 1_050_000, 4_500_000]);
    const approved = [];
    for (const item of proposed) approved.push(await s.approve(caseId, item));

    await s.move(cw, caseId, 'assistance');
    for (const item of approved) await s.procureAndDeliver(caseId, item, 'Aravan bazaar');
    const plan = expectStatus(await cw.get(caseUrl(caseId, '/plan')), 200);
    expect(plan.items.every((i: any) => i.state === 'delivered' && i.acknowledged === true)).toBe(true);
    expect(plan.budget).toEqual({
      ceiling: { tyiyn: 25_000_000, kgs: '250000.00' },
      committed: { tyiyn: 7_050_000, kgs: '70500.00' },
      remaining: { tyiyn: 17_950_000, kgs: '179500.00' },
    });

    await s.move(cw, caseId, 'monitoring');
    await s.followup(cw, caseId, {
      kind: 'visit',
      dueOn: '2023-06-15',
      doneOn: '2023-06-15',
      outcomeNote: 'Planting the fields',
    });
    await s.followup(cw, caseId, {
      kind: 'visit',
      dueOn: '2026-03-10',
      doneOn: '2026-03-10',
      outcomeNote: 'Selling the harvest',
    });
    const later = await s.rss(cw, caseId, '2026-03-10', threeYearsLater.answers);
    expect(later.scores).toEqual(threeYearsLater.scores);
    expect(later.bands).toEqual(threeYearsLater.bands);
    for (const d of ['economic', 'social', 'psychosocial', 'composite'] as const) {
      expect(later.scores[d]).toBeGreaterThan(first.scores[d]);
    }

    const closed = await s.move(cw, caseId, { to: 'closed', reason: 'sustainably_reintegrated' });
    expect(closed).toMatchObject({
      status: 'closed',
      closureReason: 'sustainably_reintegrated',
      riskLevel: 'high',
    });
    expect(closed.latestScores).toEqual(threeYearsLater.scores);
    expect(closed.scoresTrend).toEqual([
      { takenOn: '2023-03-09', scores: baseline.scores },
      { takenOn: '2026-03-10', scores: threeYearsLater.scores },
    ]);

    const events = await s.timeline(cw, caseId);
    expect(events.map((e) => e.kind)).toEqual([
      'case_opened',
      'episode_added',
      'screening_changed',
      'case_updated',
      MOVED,
      'vulnerability_assessed',
      'rss_assessed',
      MOVED,
      'plan_updated',
      ...Array(4).fill('plan_item_proposed'),
      ...Array(4).fill('plan_item_changed'),
      MOVED,
      ...Array(8).fill('plan_item_changed'),
      MOVED,
      'followup_scheduled',
      'followup_updated',
      'followup_scheduled',
      'followup_updated',
      'rss_assessed',
      MOVED,
    ]);
    expect(events.filter((e) => e.kind === MOVED).map((e) => e.data.to)).toEqual([
      'assessment',
      'planning',
      'assistance',
      'monitoring',
      'closed',
    ]);
    const itemMoves = events.filter((e) => e.kind === 'plan_item_changed').map((e) => e.data.to);
    expect(itemMoves).toEqual([
      ...Array(4).fill('approved'),
      ...Array(4).fill(['procured', 'delivered']).flat(),
    ]);
  });

  it('keeps the case from another office, the partner and the analyst; the audit holds no names', async () => {
    expect(caseId).not.toBe('');
    const secrets = ['Санобар', 'Эргешова', latinName, 'Асанбай', sanobar.phone];
    const partnerSees = await s.assertPrivate(caseId, secrets);
    expect(partnerSees).toEqual([]);
  });
});
