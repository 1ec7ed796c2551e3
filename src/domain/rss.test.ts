import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidAnswersError,
  KOLDOO_RSS_1,
  band,
  rssAssessmentSchema,
  rssInstrumentKey,
  rssInstrumentSchema,
  rssScoresSchema,
  scoreAssessment,
  validateAnswers,
  type RssInstrument,
} from './rss.ts';

const withWeights = (
  indicatorWeights: Record<string, number>,
  dimensionWeights: RssInstrument['dimensionWeights'],
): RssInstrument =>
  rssInstrumentSchema.parse({
    ...KOLDOO_RSS_1,
    version: 2,
    indicators: KOLDOO_RSS_1.indicators.map((i) => ({ ...i, weight: indicatorWeights[i.code] ?? 1 })),
    dimensionWeights,
  });

describe('the koldoo-rss-1 instrument', () => {
  it('has 15 indicators, five per dimension, equal weights and the default bands', () => {
    expect(rssInstrumentKey(KOLDOO_RSS_1)).toBe('koldoo-rss-1');
    expect(KOLDOO_RSS_1.indicators).toHaveLength(15);
    for (const d of ['economic', 'social', 'psychosocial']) {
      expect(KOLDOO_RSS_1.indicators.filter((i) => i.dimension === d)).toHaveLength(5);
    }
    expect(KOLDOO_RSS_1.indicators.every((i) => i.weight === 1)).toBe(true);
    expect(KOLDOO_RSS_1.dimensionWeights).toEqual({ economic: 1, social: 1, psychosocial: 1 });
    expect(KOLDOO_RSS_1.bands).toEqual({ lowBelow: 0.33, highAbove: 0.66 });
  });

  it('survives a JSON round trip through the schema (how offices load instruments)', () => {
    expect(rssInstrumentSchema.parse(JSON.parse(JSON.stringify(KOLDOO_RSS_1)))).toEqual(KOLDOO_RSS_1);
  });
});

describe('rssInstrumentSchema', () => {
  const base = {
    id: 'iom-rss',
    version: 1,
    indicators: [{ code: 'housing', dimension: 'social', values: [0, 1] }],
  };

  it('fills in default weights and bands', () => {
    expect(rssInstrumentSchema.parse(base)).toMatchObject({
      indicators: [{ weight: 1 }],
      dimensionWeights: { economic: 1, social: 1, psychosocial: 1 },
      bands: { lowBelow: 0.33, highAbove: 0.66 },
    });
  });

  it.each([
    ['a zero weight', { indicators: [{ code: 'housing', dimension: 'social', values: [0, 1], weight: 0 }] }],
    ['a value above 1', { indicators: [{ code: 'housing', dimension: 'social', values: [0, 1.5] }] }],
    ['repeated values', { indicators: [{ code: 'housing', dimension: 'social', values: [0, 0] }] }],
    ['an unknown dimension', { indicators: [{ code: 'housing', dimension: 'spiritual', values: [0, 1] }] }],
    ['duplicate codes', { indicators: [base.indicators[0], base.indicators[0]] }],
    ['a missing dimension weight', { dimensionWeights: { economic: 1, social: 1 } }],
    ['crossed bands', { bands: { lowBelow: 0.7, highAbove: 0.5 } }],
    ['a version that is not a positive integer', { version: 1.1 }],
    ['an id with spaces', { id: 'IOM RSS' }],
  ])('rejects %s', (_name, change) => {
    expect(rssInstrumentSchema.safeParse({ ...base, ...change }).success).toBe(false);
  });
});

describe('validateAnswers', () => {
  it('accepts a partial answer set', () => {
    expect(validateAnswers(KOLDOO_RSS_1, { income_sources: 0.33, housing: 0.5 })).toEqual([]);
  });

  it('reports every unknown indicator and disallowed value', () => {
    expect(validateAnswers(KOLDOO_RSS_1, { income_sources: 0.5, hapiness: 1, debt: 0.67 })).toEqual([
      { code: 'value_not_allowed', indicator: 'income_sources', value: 0.5, allowed: [0, 0.33, 0.67, 1] },
      { code: 'unknown_indicator', indicator: 'hapiness' },
    ]);
  });

  it('does not mistake inherited object keys for indicators', () => {
    expect(validateAnswers(KOLDOO_RSS_1, JSON.parse('{"__proto__": 1}'))).toEqual([
      { code: 'unknown_indicator', indicator: '__proto__' },
    ]);
  });
});

describe('scoreAssessment', () => {
  it('Sanobar three years on, all answered, default weights', () => {
    const scores = scoreAssessment(KOLDOO_RSS_1, {
      // economic: (0.67 + 1 + 1 + 1 + 1) / 5 = 4.67 / 5 = 0.934 → 0.93
      income_sources: 0.67,
      debt: 1,
      food_security: 1,
      employment: 1,
      productive_assets: 1,
      // social: (1 + 0.5 + 1 + 1 + 1) / 5 = 4.5 / 5 = 0.9
      housing: 1,
      services_access: 0.5,
      documents: 1,
      safe_water: 1,
      children_schooling: 1,
      // psychosocial: (0.5 + 0.5 + 1 + 0.5 + 1) / 5 = 3.5 / 5 = 0.7
      social_network: 0.5,
      participation: 0.5,
      discrimination: 1,
      distress: 0.5,
      remigration_intent: 1,
    });
    // composite: (0.934 + 0.9 + 0.7) / 3 = 2.534 / 3 = 0.84466… → 0.84
    expect(scores).toEqual({ economic: 0.93, social: 0.9, psychosocial: 0.7, composite: 0.84 });
    expect(band(scores.composite!)).toBe('high');
    expect(rssScoresSchema.parse(scores)).toEqual(scores);
  });

  it('Astra on her return in 2020', () => {
    const scores = scoreAssessment(KOLDOO_RSS_1, {
      ...{ income_sources: 0, debt: 0, food_security: 0.5, employment: 0.33, productive_assets: 0 }, // 0.83 / 5 = 0.166
      ...{ housing: 0.5, services_access: 0.5, documents: 1, safe_water: 1, children_schooling: 0.5 }, // 3.5 / 5 = 0.7
      ...{ social_network: 0.5, participation: 0, discrimination: 1, distress: 0, remigration_intent: 0 }, // 1.5 / 5 = 0.3
    });
    // composite: (0.166 + 0.7 + 0.3) / 3 = 1.166 / 3 = 0.38866… → 0.39
    expect(scores).toEqual({ economic: 0.17, social: 0.7, psychosocial: 0.3, composite: 0.39 });
    expect([scores.economic, scores.social, scores.composite].map((s) => band(s!))).toEqual([
      'low',
      'high',
      'medium',
    ]);
  });

  it('builds the composite from unrounded dimension scores', () => {
    // economic: (0 + 0.67 + 1) / 3 = 0.55666… (reported 0.56); social: (0.5 + 1) / 2 = 0.75
    // composite: (0.55666… + 0.75) / 2 = 0.65333… → 0.65 (rounding first would give 0.655 → 0.66)
    const scores = scoreAssessment(KOLDOO_RSS_1, {
      income_sources: 0,
      debt: 0.67,
      employment: 1,
      housing: 0.5,
      services_access: 1,
    });
    expect(scores).toEqual({ economic: 0.56, social: 0.75, psychosocial: null, composite: 0.65 });
  });

  it('leaves out unanswered dimensions, and has no composite when nothing is answered', () => {
    expect(scoreAssessment(KOLDOO_RSS_1, { safe_water: 1 })).toEqual({
      economic: null,
      social: 1,
      psychosocial: null,
      composite: 1,
    });
    expect(scoreAssessment(KOLDOO_RSS_1, {})).toEqual({
      economic: null,
      social: null,
      psychosocial: null,
      composite: null,
    });
  });

  it('applies non-default indicator and dimension weights', () => {
    const official = withWeights(
      { income_sources: 2, employment: 3 },
      { economic: 2, social: 1, psychosocial: 1 },
    );
    const scores = scoreAssessment(official, {
      income_sources: 0.33,
      employment: 0.67,
      debt: 1,
      housing: 0.5,
    });
    // economic: (2×0.33 + 3×0.67 + 1×1) / (2 + 3 + 1) = (0.66 + 2.01 + 1) / 6 = 3.67 / 6 = 0.61166… → 0.61
    // social: 0.5; psychosocial: none answered
    // composite: (2×0.61166… + 1×0.5) / (2 + 1) = 1.72333… / 3 = 0.57444… → 0.57
    expect(scores).toEqual({ economic: 0.61, social: 0.5, psychosocial: null, composite: 0.57 });
  });

  it('refuses answers that do not fit the instrument', () => {
    expect(() => scoreAssessment(KOLDOO_RSS_1, { income_sources: 0.5 })).toThrow(InvalidAnswersError);
  });

  it('keeps every score within [0, 1] and the composite between the dimension scores', () => {
    const weight = fc.double({ min: 0.01, max: 100, noNaN: true });
    const instrumentArb = fc
      .record({
        weights: fc.array(weight, { minLength: 15, maxLength: 15 }),
        dimensionWeights: fc.record({ economic: weight, social: weight, psychosocial: weight }),
      })
      .map(({ weights, dimensionWeights }) =>
        withWeights(
          Object.fromEntries(KOLDOO_RSS_1.indicators.map((i, n) => [i.code, weights[n]!])),
          dimensionWeights,
        ),
      );
    const answersArb = fc.tuple(
      ...KOLDOO_RSS_1.indicators.map((i) => fc.option(fc.constantFrom(...i.values), { nil: undefined })),
    );
    fc.assert(
      fc.property(instrumentArb, answersArb, (instrument, picks) => {
        const answers = Object.fromEntries(
          KOLDOO_RSS_1.indicators.flatMap((i, n) => (picks[n] === undefined ? [] : [[i.code, picks[n]]])),
        );
        const { composite, ...dimensions } = scoreAssessment(instrument, answers);
        const present = Object.values(dimensions).filter((s) => s !== null);
        for (const s of [composite, ...present]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        }
        expect(composite === null).toBe(present.length === 0);
        if (composite !== null) {
          expect(composite).toBeGreaterThanOrEqual(Math.min(...present) - 0.01);
          expect(composite).toBeLessThanOrEqual(Math.max(...present) + 0.01);
        }
      }),
    );
  });
});

describe('band', () => {
  it.each([
    [0, 'low'],
    [0.32, 'low'],
    [0.3249, 'low'], // reported 0.32
    [0.325, 'medium'], // reported 0.33
    [0.33, 'medium'],
    [0.5, 'medium'],
    [0.66, 'medium'],
    [0.6649, 'medium'], // reported 0.66
    [0.665, 'high'], // reported 0.67
    [0.67, 'high'],
    [1, 'high'],
  ])('%d → %s', (score, expected) => {
    expect(band(score)).toBe(expected);
  });

  it('uses an office’s cut-offs', () => {
    const bands = { lowBelow: 0.5, highAbove: 0.8 };
    expect([0.49, 0.5, 0.8, 0.81].map((s) => band(s, bands))).toEqual(['low', 'medium', 'medium', 'high']);
  });
});

describe('rssAssessmentSchema', () => {
  it('accepts the interchange shape of DOMAIN.md and rejects an impossible date', () => {
    const assessment = {
      instrument: 'koldoo-rss-1',
      takenOn: '2026-03-01',
      answers: { income_sources: 0.67 },
    };
    expect(rssAssessmentSchema.parse(assessment)).toEqual(assessment);
    expect(rssAssessmentSchema.safeParse({ ...assessment, takenOn: '2026-02-30' }).success).toBe(false);
  });
});
