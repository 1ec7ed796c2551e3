/**
 * Reintegration sustainability scores after IOM's RSS (DOMAIN.md, method 3). The instrument is data
 * with versioned weights, so an office can load IOM's official weights and cut-offs, and every stored
 * assessment can be recomputed and explained from its instrument, weights and answers.
 */
import { z } from 'zod';
import { isoDateSchema } from './dates.ts';

/** The three RSS dimensions, in report order. */
export const RSS_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
/** Validates a dimension. */
export const rssDimensionSchema = z.enum(RSS_DIMENSIONS);
/** An RSS dimension. */
export type RssDimension = z.infer<typeof rssDimensionSchema>;

/** Interpretation bands of a score, worst to best. */
export const RSS_BANDS = ['low', 'medium', 'high'] as const;
/** An interpretation band. */
export type RssBand = (typeof RSS_BANDS)[number];

const unitSchema = z.number().min(0).max(1);
const weightSchema = z.number().positive();
const distinct = (list: readonly unknown[]) => new Set(list).size === list.length;

/** One question: its dimension, the answer values it allows (0 worst, 1 best) and its weight. */
export const rssIndicatorSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  dimension: rssDimensionSchema,
  values: z.array(unitSchema).min(2).refine(distinct, 'Answer values must be distinct'),
  weight: weightSchema.default(1),
});

/** Cut-offs: a score below `lowBelow` is low, above `highAbove` is high, anything between is medium. */
export const rssBandsSchema = z
  .strictObject({ lowBelow: unitSchema, highAbove: unitSchema })
  .refine((b) => b.lowBelow <= b.highAbove, 'lowBelow must not exceed highAbove');
/** Band cut-offs. */
export type RssBands = z.infer<typeof rssBandsSchema>;

/** Validates an instrument an office loads; weights and bands fall back to the DOMAIN.md defaults. */
export const rssInstrumentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/),
  version: z.int().positive(),
  indicators: z
    .array(rssIndicatorSchema)
    .min(1)
    .refine((list) => distinct(list.map((i) => i.code)), 'Indicator codes must be distinct'),
  dimensionWeights: z
    .record(rssDimensionSchema, weightSchema)
    .default({ economic: 1, social: 1, psychosocial: 1 }),
  bands: rssBandsSchema.default({ lowBelow: 0.33, highAbove: 0.66 }),
});
/** An instrument with every weight and band resolved. */
export type RssInstrument = z.output<typeof rssInstrumentSchema>;

/** The name an assessment records, e.g. `koldoo-rss-1`: id and version together identify the weights. */
export const rssInstrumentKey = (instrument: Pick<RssInstrument, 'id' | 'version'>): string =>
  `${instrument.id}-${instrument.version}`;

const q = (code: string, dimension: RssDimension, values: number[]) => ({ code, dimension, values });

/** The instrument Koldoo ships (`koldoo-rss-1`), with equal weights until an office loads official ones. */
export const KOLDOO_RSS_1: RssInstrument = rssInstrumentSchema.parse({
  id: 'koldoo-rss',
  version: 1,
  indicators: [
    q('income_sources', 'economic', [0, 0.33, 0.67, 1]),
    q('debt', 'economic', [0, 0.33, 0.67, 1]),
    q('food_security', 'economic', [0, 0.5, 1]),
    q('employment', 'economic', [0, 0.33, 0.67, 1]),
    q('productive_assets', 'economic', [0, 1]),
    q('housing', 'social', [0, 0.5, 1]),
    q('services_access', 'social', [0, 0.5, 1]),
    q('documents', 'social', [0, 0.5, 1]),
    q('safe_water', 'social', [0, 1]),
    q('children_schooling', 'social', [0, 0.5, 1]),
    q('social_network', 'psychosocial', [0, 0.5, 1]),
    q('participation', 'psychosocial', [0, 0.5, 1]),
    q('discrimination', 'psychosocial', [0, 0.5, 1]),
    q('distress', 'psychosocial', [0, 0.5, 1]),
    q('remigration_intent', 'psychosocial', [0, 0.5, 1]),
  ],
});

/** Answers by indicator code; an unanswered indicator is simply absent. */
export const rssAnswersSchema = z.record(z.string(), z.number());
/** RSS answers. */
export type RssAnswers = z.infer<typeof rssAnswersSchema>;

/** The interchange shape of an assessment (API and exports), as DOMAIN.md gives it. */
export const rssAssessmentSchema = z.object({
  instrument: z.string().min(1),
  takenOn: isoDateSchema,
  answers: rssAnswersSchema,
});
/** An RSS assessment. */
export type RssAssessment = z.infer<typeof rssAssessmentSchema>;

const scoreSchema = unitSchema.nullable();
/** Scores as reported: two decimals, null where nothing was answered. */
export const rssScoresSchema = z.object({
  economic: scoreSchema,
  social: scoreSchema,
  psychosocial: scoreSchema,
  composite: scoreSchema,
});
/** Reported RSS scores. */
export type RssScores = z.infer<typeof rssScoresSchema>;

/** Why an answer set cannot be scored; the API returns these so the form can point at each field. */
export type AnswerProblem =
  | { code: 'unknown_indicator'; indicator: string }
  | { code: 'value_not_allowed'; indicator: string; value: number; allowed: readonly number[] };

/** Thrown when scoring answers that `validateAnswers` would reject: a caller skipped validation. */
export class InvalidAnswersError extends Error {
  constructor(readonly problems: readonly AnswerProblem[]) {
    super(`Answers do not fit the instrument: ${problems.map((p) => `${p.code} ${p.indicator}`).join(', ')}`);
    this.name = 'InvalidAnswersError';
  }
}

/** Lists every problem at once, so a caseworker fixes the form in one pass. */
export function validateAnswers(instrument: RssInstrument, answers: RssAnswers): AnswerProblem[] {
  const byCode = new Map(instrument.indicators.map((i) => [i.code, i]));
  return Object.entries(answers).flatMap(([indicator, value]): AnswerProblem[] => {
    const question = byCode.get(indicator);
    if (!question) return [{ code: 'unknown_indicator', indicator }];
    if (!question.values.includes(value)) {
      return [{ code: 'value_not_allowed', indicator, value, allowed: question.values }];
    }
    return [];
  });
}

/**
 * Rounds half up to two decimals after removing binary noise, so that hand arithmetic
 * (0.415 → 0.42) and the engine agree.
 */
const round2 = (x: number): number => Math.round(Number((x * 100).toFixed(6))) / 100;

const weightedMean = (pairs: readonly (readonly [weight: number, value: number])[]): number | null => {
  const total = pairs.reduce((sum, [w]) => sum + w, 0);
  return total === 0 ? null : pairs.reduce((sum, [w, v]) => sum + w * v, 0) / total;
};

/**
 * Scores an assessment exactly as DOMAIN.md defines it: each dimension is Σwᵢvᵢ/Σwᵢ over its
 * answered indicators; the composite is the dimension-weighted mean of the unrounded dimension
 * scores that exist. Rounding happens once, for reporting. Throws InvalidAnswersError on bad answers.
 */
export function scoreAssessment(instrument: RssInstrument, answers: RssAnswers): RssScores {
  const problems = validateAnswers(instrument, answers);
  if (problems.length > 0) throw new InvalidAnswersError(problems);
  const dimension = (d: RssDimension) =>
    weightedMean(
      instrument.indicators.flatMap((i) => {
        const value = Object.hasOwn(answers, i.code) ? answers[i.code] : undefined;
        return i.dimension === d && value !== undefined ? [[i.weight, value] as const] : [];
      }),
    );
  const byDimension = {
    economic: dimension('economic'),
    social: dimension('social'),
    psychosocial: dimension('psychosocial'),
  };
  const composite = weightedMean(
    RSS_DIMENSIONS.flatMap((d) => {
      const score = byDimension[d];
      return score === null ? [] : [[instrument.dimensionWeights[d], score] as const];
    }),
  );
  const report = (score: number | null) => (score === null ? null : round2(score));
  return {
    economic: report(byDimension.economic),
    social: report(byDimension.social),
    psychosocial: report(byDimension.psychosocial),
    composite: report(composite),
  };
}

/** Interprets a score; it bands the two-decimal reported value, so the number shown and its band never disagree. */
export function band(score: number, bands: RssBands = KOLDOO_RSS_1.bands): RssBand {
  const reported = round2(score);
  if (reported < bands.lowBelow) return 'low';
  if (reported > bands.highAbove) return 'high';
  return 'medium';
}
