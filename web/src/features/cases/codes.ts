/**
 * The web app's code lists, each written once. A list the API keeps in a pure domain module
 * (src/domain/codes.ts, screening.ts, vulnerability.ts, rss.ts: zod, nothing of Node) is re-exported
 * from there, so a screen cannot offer a code the API rejects. The lists defined here are the web's
 * own: the fields a referral may share (the API names them as the keys of an object), suggested
 * factor codes the API does not restrict, and the pickers' shortlists. Only codes live here: labels
 * are in the translation files (the keys are named beside each list), and which codes an actor may
 * use right now always comes from the API (abilities, allowedTransitions …).
 */
import type { DomvLevel } from '../../../../src/domain/codes.ts';
import { RSS_DIMENSIONS } from '../../../../src/domain/rss.ts';

export {
  // `casesCodes.type.*`, `intake.caseTypes.*`, `admin.caseTypes.*` (each has its own budget ceiling).
  CASE_TYPES,
  type CaseType,
  // Workflow order, which the case screens use to tell a step back from a step forward;
  // `casesCodes.status.*`, `work.statuses.*`.
  CASE_STATUSES,
  type CaseStatus,
  // `casesCodes.closure.*`.
  CLOSURE_REASONS,
  type ClosureReason,
  // `casesCodes.risk.*`, `casesCodes.riskShort.*`, `work.risks.*`.
  RISK_LEVELS,
  type RiskLevel,
  // `casesCodes.likelihood.*`, `casesCodes.likelihoodShort.*`.
  TRAFFICKING_LIKELIHOODS,
  type TraffickingLikelihood,
  // `casesCodes.intake.*`, `intake.channels.*`.
  INTAKE_CHANNELS,
  type IntakeChannel,
  // `casesCodes.indicator.*`.
  ILO_INDICATOR_CODES,
  type IloIndicatorCode,
  // `casesCodes.sector.*`, `intake.sectors.*`.
  SECTORS,
  type Sector,
  // `casesCodes.recruiter.*`, `intake.recruiters.*`.
  RECRUITER_RELATIONSHIPS,
  type RecruiterRelationship,
  // `casesCodes.sex.*`, `intake.sexes.*`, `partner.sexes.*`.
  SEXES,
  type Sex,
  // `casesCodes.relationship.*`, `intake.relationships.*`.
  HOUSEHOLD_RELATIONSHIPS,
  type HouseholdRelationship,
  // `casesCodes.whereabouts.*`, `intake.whereabouts.*`.
  WHEREABOUTS,
  type Whereabouts,
  // `casesCodes.domvLevel.*`, `cases.domv.levelHint.*`.
  DOMV_LEVELS,
  type DomvLevel,
  // `casesCodes.itemState.*`.
  PLAN_ITEM_STATES,
  type PlanItemState,
  // `casesCodes.referralStatus.*`, `partner.status.*`.
  REFERRAL_STATUSES,
  type ReferralStatus,
  // `casesCodes.serviceKind.*`, `admin.serviceKinds.*`.
  SERVICE_KINDS,
  type ServiceKind,
  // `hotline.channels.*`.
  CALL_CHANNELS,
  type CallChannel,
  // `hotline.topics.*`.
  CALL_TOPICS,
  type CallTopic,
  // `case_opened` is set only by converting the call; `hotline.outcomes.*`.
  CALL_OUTCOMES,
  type CallOutcome,
  // `hotline.urgencies.*`.
  URGENCIES,
  type Urgency,
  // `casesCodes.event.*`.
  CASE_EVENT_KINDS,
  type CaseEventKind,
  // `casesCodes.consent.*`, `intake.consentScopes.*`.
  CONSENT_SCOPES,
  type ConsentScope,
  // `casesCodes.document.*`, `intake.documentTypes.*`.
  DOCUMENT_TYPES,
  type DocumentType,
  // `casesCodes.followupKind.*`, `work.followupKinds.*`.
  FOLLOWUP_KINDS,
  type FollowupKind,
  // `casesCodes.followupStatus.*`.
  FOLLOWUP_STATUSES,
  type FollowupStatus,
} from '../../../../src/domain/codes.ts';

// In the order the screening lists its reasons; `casesCodes.fact.*`, `intake.facts.*`.
export { EPISODE_FACTS, type EpisodeFact } from '../../../../src/domain/screening.ts';

// `casesCodes.factorKind.*`.
export { FACTOR_KINDS, type FactorKind } from '../../../../src/domain/vulnerability.ts';

export {
  // `casesCodes.dimension.*`.
  RSS_DIMENSIONS,
  type RssDimension,
  // `casesCodes.band.*`.
  RSS_BANDS,
  type RssBand,
  // The instrument the RSS form fills in, as the API scores it: each question's label is
  // `casesCodes.rss.<code>.q` and each answer's `casesCodes.rss.<code>.o<index>`, worst to best.
  KOLDOO_RSS_1,
  rssInstrumentKey,
} from '../../../../src/domain/rss.ts';

/**
 * Suggested factor codes per DoMV level, as DOMAIN.md lists them; the API accepts any code, so the
 * server has no list of them (`casesCodes.domvFactor.*`).
 */
export const DOMV_FACTOR_CODES = {
  individual: [
    'age',
    'sex',
    'health',
    'disability',
    'literacy',
    'history_of_abuse',
    'legal_status',
    'access_to_resources',
  ],
  household: [
    'size_structure',
    'single_or_child_headed',
    'income',
    'debt',
    'migration_history',
    'family_violence',
  ],
  community: ['services_jobs', 'social_network', 'discrimination', 'safety'],
  structural: ['policy', 'economy', 'border_legal_conditions'],
} as const satisfies Record<DomvLevel, readonly string[]>;
/** Every suggested factor code. */
export type DomvFactorCode = (typeof DOMV_FACTOR_CODES)[DomvLevel][number];

/** The lines of the scores chart: the three dimensions and the composite (`casesCodes.dimension.*`). */
export const SCORE_SERIES = [...RSS_DIMENSIONS, 'composite'] as const;
/** A score series. */
export type ScoreSeries = (typeof SCORE_SERIES)[number];

/** What a referral may share besides the pseudonym or first name (`casesCodes.share.*`). */
export const SHARE_FIELDS = ['phone', 'originRegion', 'ageBand', 'sex'] as const;
/** A shareable field. */
export type ShareField = (typeof SHARE_FIELDS)[number];

/** Countries offered first in the case screens' pickers: where Kyrgyz migrants mostly go, then neighbours. */
export const COMMON_COUNTRIES = [
  'RU',
  'KZ',
  'TR',
  'KR',
  'AE',
  'UZ',
  'TJ',
  'CN',
  'DE',
  'PL',
  'GB',
  'US',
  'JP',
  'IT',
  'CZ',
  'KG',
] as const;

/** Currencies offered for unpaid wages (any ISO 4217 code the runtime knows is accepted). */
export const COMMON_CURRENCIES = ['RUB', 'KZT', 'KGS', 'TRY', 'KRW', 'AED', 'USD', 'EUR', 'CNY'] as const;

/** Languages the intake offers as checkboxes (ISO 639-1); names come from Intl.DisplayNames. */
export const COMMON_LANGUAGES = ['ky', 'ru', 'uz', 'tg', 'kk', 'tr', 'en'] as const;

/**
 * ISO 3166-1 alpha-2 codes for the intake's country pickers (citizenship, destination, where a
 * relative is); names are shown through Intl.DisplayNames in the UI language, so no list of names ships.
 */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
  'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK ' +
  'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR ' +
  'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ' +
  'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF ' +
  'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** Countries Kyrgyz migrants go to most, listed first in the intake's country pickers. */
export const FREQUENT_COUNTRIES = ['KG', 'RU', 'KZ', 'TR', 'KR', 'UZ', 'TJ', 'AE', 'DE', 'GB', 'US'] as const;

/** Narrow a string to one of the values of a code list. */
export function isCode<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
