/**
 * Trafficking screening from the ILO forced-labour indicators (DOMAIN.md, method 1). The result is
 * an aid for the caseworker, who records their own determination beside it; it therefore always
 * carries its reasons and the version of the rule table that produced it.
 */
import { z } from 'zod';
import {
  ILO_INDICATOR_CODES,
  ILO_INDICATOR_WEIGHT,
  INDICATOR_WEIGHTS,
  iloIndicatorCodeSchema,
  indicatorWeightSchema,
  traffickingLikelihoodSchema,
  type IloIndicatorCode,
} from './codes.ts';

const fact = z.boolean().optional();

/** What the caseworker records about one migration episode; unknown facts are rejected, not ignored. */
export const episodeFactsSchema = z.strictObject({
  documentsTaken: fact,
  wagesUnpaid: fact,
  movementRestricted: fact,
  violence: fact,
  threats: fact,
  debtBondage: fact,
  deceived: fact,
  isolation: fact,
  excessiveHours: fact,
  abusiveConditions: fact,
  irregularStatusExploited: fact,
  dependentOnEmployerForHousing: fact,
  threatOfDenunciation: fact,
});
/** The facts of one episode; an absent fact means "not reported", which screens like false. */
export type EpisodeFacts = z.infer<typeof episodeFactsSchema>;

/** Every fact name, in the order reasons are listed. */
export const EPISODE_FACTS = episodeFactsSchema.keyof().options;
/** One fact name. */
export type EpisodeFact = (typeof EPISODE_FACTS)[number];

/** Which ILO indicator each fact evidences, as the DOMAIN.md table maps them. */
export const FACT_INDICATOR = {
  documentsTaken: 'retention_of_documents',
  wagesUnpaid: 'withholding_of_wages',
  movementRestricted: 'restriction_of_movement',
  violence: 'physical_sexual_violence',
  threats: 'intimidation_threats',
  debtBondage: 'debt_bondage',
  deceived: 'deception',
  isolation: 'isolation',
  excessiveHours: 'excessive_overtime',
  abusiveConditions: 'abusive_conditions',
  irregularStatusExploited: 'abuse_of_vulnerability',
  dependentOnEmployerForHousing: 'abuse_of_vulnerability',
  threatOfDenunciation: 'abuse_of_vulnerability',
} as const satisfies Record<EpisodeFact, IloIndicatorCode>;

/** One episode as screening sees it; the id lets every reason point back to its episode. */
export const screeningEpisodeSchema = z.object({ id: z.string().min(1), facts: episodeFactsSchema });
/** One screened episode. */
export type ScreeningEpisode = z.infer<typeof screeningEpisodeSchema>;

const countSchema = z.int().min(0);

/** A condition met when at least `strong` strong AND at least `medium` medium indicators are present. */
export const thresholdSchema = z
  .strictObject({ strong: countSchema.optional(), medium: countSchema.optional() })
  .refine((t) => (t.strong ?? 0) + (t.medium ?? 0) > 0, {
    message: 'A threshold must require at least one indicator, or it would match everyone',
  });
/** A screening threshold. */
export type Threshold = z.infer<typeof thresholdSchema>;

/** Validates a rule table, so an office can load a stricter one without a code change. */
export const ruleTableSchema = z.strictObject({
  version: z.string().min(1),
  likely: z.array(thresholdSchema).min(1),
  possible: z.array(thresholdSchema).min(1),
});
/** A versioned screening rule table: `likely` if any likely threshold is met, else `possible` if any possible one is. */
export type RuleTable = z.infer<typeof ruleTableSchema>;

/** The rules DOMAIN.md fixes; its version is stored with every screening result. */
export const DEFAULT_RULES: RuleTable = {
  version: 'koldoo-screening-1',
  likely: [{ strong: 2 }, { strong: 1, medium: 2 }],
  possible: [{ strong: 1 }, { medium: 2 }],
};

/** One piece of evidence: which fact of which episode set which indicator. */
export const screeningReasonSchema = z.object({
  indicator: iloIndicatorCodeSchema,
  weight: indicatorWeightSchema,
  episodeId: z.string(),
  fact: z.enum(EPISODE_FACTS),
});
/** A screening reason. */
export type ScreeningReason = z.infer<typeof screeningReasonSchema>;

/** The screening result as the API returns and the database stores it. */
export const screeningResultSchema = z.object({
  rulesVersion: z.string(),
  indicators: z.array(iloIndicatorCodeSchema),
  likelihood: traffickingLikelihoodSchema,
  reasons: z.array(screeningReasonSchema),
  counts: z.object({ strong: countSchema, medium: countSchema }),
});
/** A screening result. */
export type ScreeningResult = z.infer<typeof screeningResultSchema>;

type Counts = ScreeningResult['counts'];

const meets = (threshold: Threshold, counts: Counts): boolean =>
  INDICATOR_WEIGHTS.every((weight) => counts[weight] >= (threshold[weight] ?? 0));

/**
 * Screens a person over all their episodes. Indicators are counted once however many episodes or
 * facts show them; `indicators` follows the canonical ILO order so results compare and diff cleanly.
 * Pass only a rule table that has been through `ruleTableSchema`.
 */
export function screen(
  episodes: readonly ScreeningEpisode[],
  rules: RuleTable = DEFAULT_RULES,
): ScreeningResult {
  const reasons = episodes.flatMap(({ id, facts }) =>
    EPISODE_FACTS.filter((name) => facts[name] === true).map((name): ScreeningReason => {
      const indicator = FACT_INDICATOR[name];
      return { indicator, weight: ILO_INDICATOR_WEIGHT[indicator], episodeId: id, fact: name };
    }),
  );
  const present = new Set(reasons.map((reason) => reason.indicator));
  const indicators = ILO_INDICATOR_CODES.filter((code) => present.has(code));
  const counts: Counts = { strong: 0, medium: 0 };
  for (const code of indicators) counts[ILO_INDICATOR_WEIGHT[code]] += 1;
  const anyMet = (thresholds: readonly Threshold[]) => thresholds.some((t) => meets(t, counts));
  const likelihood = anyMet(rules.likely) ? 'likely' : anyMet(rules.possible) ? 'possible' : 'unlikely';
  return { rulesVersion: rules.version, indicators, likelihood, reasons, counts };
}
