import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ILO_INDICATOR_CODES, TRAFFICKING_LIKELIHOODS, type TraffickingLikelihood } from './codes.ts';
import {
  DEFAULT_RULES,
  EPISODE_FACTS,
  FACT_INDICATOR,
  ruleTableSchema,
  screen,
  screeningResultSchema,
  type EpisodeFact,
  type ScreeningEpisode,
} from './screening.ts';

const episode = (id: string, ...facts: EpisodeFact[]): ScreeningEpisode => ({
  id,
  facts: Object.fromEntries(facts.map((f) => [f, true])),
});

// Lower rank = more serious, as TRAFFICKING_LIKELIHOODS is ordered.
const rank = (likelihood: TraffickingLikelihood) => TRAFFICKING_LIKELIHOODS.indexOf(likelihood);

describe('fact → indicator map', () => {
  it('covers every ILO indicator', () => {
    expect(new Set(Object.values(FACT_INDICATOR))).toEqual(new Set(ILO_INDICATOR_CODES));
  });
});

describe('worked examples of DOMAIN.md', () => {
  it('Sanobar: documents retained, wages withheld, abusive conditions, deception → likely', () => {
    const result = screen([
      episode('russia-farm', 'documentsTaken', 'wagesUnpaid', 'abusiveConditions', 'deceived'),
    ]);
    expect(result).toMatchObject({
      rulesVersion: 'koldoo-screening-1',
      likelihood: 'likely',
      counts: { strong: 1, medium: 3 },
      indicators: ['deception', 'retention_of_documents', 'withholding_of_wages', 'abusive_conditions'],
    });
    expect(result.reasons).toContainEqual({
      indicator: 'retention_of_documents',
      weight: 'strong',
      episodeId: 'russia-farm',
      fact: 'documentsTaken',
    });
    expect(screeningResultSchema.parse(result)).toEqual(result);
  });

  it('Astra: wages withheld, abusive conditions, excessive overtime over two jobs → possible', () => {
    const result = screen([
      episode('basement-kitchen', 'abusiveConditions', 'excessiveHours'),
      episode('construction-site', 'wagesUnpaid'),
    ]);
    expect(result.likelihood).toBe('possible');
    expect(result.counts).toEqual({ strong: 0, medium: 3 });
    expect(result.reasons.map((r) => [r.episodeId, r.fact])).toEqual([
      ['basement-kitchen', 'excessiveHours'],
      ['basement-kitchen', 'abusiveConditions'],
      ['construction-site', 'wagesUnpaid'],
    ]);
  });

  it('Alima: no indicators → unlikely, with no reasons', () => {
    const result = screen([{ id: 'moscow', facts: { documentsTaken: false, violence: false } }]);
    expect(result).toEqual({
      rulesVersion: 'koldoo-screening-1',
      indicators: [],
      likelihood: 'unlikely',
      reasons: [],
      counts: { strong: 0, medium: 0 },
    });
  });
});

describe('threshold boundaries (default rules)', () => {
  // strong facts: documentsTaken, violence, threats; medium facts: wagesUnpaid, deceived, isolation
  it.each<[string, EpisodeFact[], string]>([
    ['no facts', [], 'unlikely'],
    ['1 medium', ['wagesUnpaid'], 'unlikely'],
    ['2 medium (possible: medium ≥ 2)', ['wagesUnpaid', 'deceived'], 'possible'],
    [
      '5 medium, no strong, never likely',
      ['wagesUnpaid', 'deceived', 'isolation', 'excessiveHours', 'abusiveConditions'],
      'possible',
    ],
    ['1 strong (possible: strong ≥ 1)', ['documentsTaken'], 'possible'],
    ['1 strong + 1 medium', ['documentsTaken', 'wagesUnpaid'], 'possible'],
    ['1 strong + 2 medium (likely)', ['documentsTaken', 'wagesUnpaid', 'deceived'], 'likely'],
    ['2 strong (likely: strong ≥ 2)', ['documentsTaken', 'violence'], 'likely'],
    ['3 strong', ['documentsTaken', 'violence', 'threats'], 'likely'],
  ])('%s → %s', (_name, facts, expected) => {
    expect(screen([episode('e1', ...facts)]).likelihood).toBe(expected);
  });

  it('counts an indicator once even when several episodes show it', () => {
    const result = screen([episode('e1', 'documentsTaken'), episode('e2', 'documentsTaken')]);
    expect(result.counts).toEqual({ strong: 1, medium: 0 });
    expect(result.likelihood).toBe('possible');
    expect(result.reasons).toHaveLength(2);
  });

  it('counts the three abuse-of-vulnerability facts as one medium indicator', () => {
    const facts: EpisodeFact[] = [
      'irregularStatusExploited',
      'dependentOnEmployerForHousing',
      'threatOfDenunciation',
    ];
    const result = screen([episode('e1', ...facts)]);
    expect(result.indicators).toEqual(['abuse_of_vulnerability']);
    expect(result.likelihood).toBe('unlikely');
  });

  it('adds up different indicators across episodes', () => {
    expect(screen([episode('e1', 'documentsTaken'), episode('e2', 'violence')]).likelihood).toBe('likely');
  });
});

describe('rule tables', () => {
  it('the default table passes its own schema', () => {
    expect(ruleTableSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it('applies an office table loaded as data and reports its version', () => {
    const office = ruleTableSchema.parse({
      version: 'osh-2026-strict',
      likely: [{ strong: 1 }, { medium: 3 }],
      possible: [{ medium: 1 }],
    });
    const astra = [episode('e1', 'wagesUnpaid', 'abusiveConditions', 'excessiveHours')];
    expect(screen(astra, office)).toMatchObject({ rulesVersion: 'osh-2026-strict', likelihood: 'likely' });
    expect(screen([episode('e1', 'isolation')], office).likelihood).toBe('possible');
  });

  it.each([
    ['an empty threshold', { version: 'x', likely: [{}], possible: [{ strong: 1 }] }],
    ['a zero threshold', { version: 'x', likely: [{ strong: 0 }], possible: [{ strong: 1 }] }],
    ['a negative count', { version: 'x', likely: [{ strong: -1 }], possible: [{ strong: 1 }] }],
    ['a fractional count', { version: 'x', likely: [{ strong: 1.5 }], possible: [{ strong: 1 }] }],
    ['an unknown weight', { version: 'x', likely: [{ weak: 3 }], possible: [{ strong: 1 }] }],
    ['no version', { likely: [{ strong: 2 }], possible: [{ strong: 1 }] }],
    ['no possible thresholds', { version: 'x', likely: [{ strong: 2 }], possible: [] }],
  ])('rejects %s', (_name, table) => {
    expect(ruleTableSchema.safeParse(table).success).toBe(false);
  });
});

describe('properties', () => {
  const factsArb = fc.subarray([...EPISODE_FACTS]);
  const episodesArb = fc
    .array(factsArb, { maxLength: 4 })
    .map((list) => list.map((f, i) => episode(`e${i}`, ...f)));
  const thresholdArb = fc
    .record({ strong: fc.nat(4), medium: fc.nat(6) })
    .filter((t) => t.strong + t.medium > 0);
  const rulesArb = fc.record({
    version: fc.constant('generated'),
    likely: fc.array(thresholdArb, { minLength: 1, maxLength: 3 }),
    possible: fc.array(thresholdArb, { minLength: 1, maxLength: 3 }),
  });

  it('adding a fact never lowers the likelihood, under any valid rule table', () => {
    fc.assert(
      fc.property(
        episodesArb,
        fc.constantFrom(...EPISODE_FACTS),
        fc.nat(),
        rulesArb,
        (episodes, added, at, rules) => {
          const before = screen(episodes, rules).likelihood;
          const target = episodes.length === 0 ? -1 : at % episodes.length;
          const after =
            target === -1
              ? [episode('new', added)]
              : episodes.map((e, i) => (i === target ? { ...e, facts: { ...e.facts, [added]: true } } : e));
          expect(rank(screen(after, rules).likelihood)).toBeLessThanOrEqual(rank(before));
        },
      ),
    );
  });

  it('lists each indicator once, in canonical order, and counts match the list', () => {
    fc.assert(
      fc.property(episodesArb, (episodes) => {
        const { indicators, counts } = screen(episodes);
        expect(indicators).toEqual(ILO_INDICATOR_CODES.filter((c) => indicators.includes(c)));
        expect(counts.strong + counts.medium).toBe(indicators.length);
      }),
    );
  });
});
