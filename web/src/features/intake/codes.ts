/**
 * Code lists of intake (cases, persons, episodes, calls) as the API accepts them. They mirror
 * src/domain/codes.ts and the zod schemas; labels live in the translation files, never here.
 */

/** Kinds of case (`intake.caseTypes.*`). */
export const CASE_TYPES = [
  'returnee_reintegration',
  'trafficking_survivor',
  'stranded_migrant',
  'family_reunification',
  'legal_assistance',
] as const;
/** One case type. */
export type CaseType = (typeof CASE_TYPES)[number];

/** How a person first reached us (`intake.channels.*`). */
export const INTAKE_CHANNELS = [
  'hotline',
  'single_window_centre',
  'iom_office',
  'consulate_abroad',
  'sms_office_abroad',
  'ngo_referral',
  'self_referral',
] as const;
/** One intake channel. */
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** Sex as recorded (`intake.sexes.*`). */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** One sex code. */
export type Sex = (typeof SEXES)[number];

/** Relationship of a household member to the beneficiary (`intake.relationships.*`). */
export const HOUSEHOLD_RELATIONSHIPS = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'relative',
  'other',
] as const;
/** One relationship. */
export type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];

/** Where a household member is now (`intake.whereabouts.*`). */
export const WHEREABOUTS = ['home', 'abroad', 'elsewhere'] as const;
/** One whereabouts. */
export type Whereabouts = (typeof WHEREABOUTS)[number];

/** Labour sectors of a migration episode (`intake.sectors.*`). */
export const SECTORS = [
  'agriculture',
  'construction',
  'factory',
  'domestic_work',
  'services',
  'other',
] as const;
/** One sector. */
export type Sector = (typeof SECTORS)[number];

/** Who recruited the migrant (`intake.recruiters.*`). */
export const RECRUITER_RELATIONSHIPS = [
  'none',
  'family',
  'friend',
  'same_village',
  'acquaintance',
  'agency',
  'employer',
  'online',
  'stranger',
  'other',
] as const;
/** One recruiter relationship. */
export type RecruiterRelationship = (typeof RECRUITER_RELATIONSHIPS)[number];

/** The facts of an episode, in the order the screening lists them (`intake.facts.*`). */
export const EPISODE_FACTS = [
  'documentsTaken',
  'wagesUnpaid',
  'movementRestricted',
  'violence',
  'threats',
  'debtBondage',
  'deceived',
  'isolation',
  'excessiveHours',
  'abusiveConditions',
  'irregularStatusExploited',
  'dependentOnEmployerForHousing',
  'threatOfDenunciation',
] as const;
/** One episode fact. */
export type EpisodeFact = (typeof EPISODE_FACTS)[number];

/** What the beneficiary agreed to (`intake.consentScopes.*`). */
export const CONSENT_SCOPES = [
  'data_processing',
  'referral',
  'follow_up',
  'data_sharing_anonymised',
] as const;
/** One consent scope. */
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Kinds of identity document (`intake.documentTypes.*`). */
export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'work_permit',
  'other',
] as const;
/** One document type. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Languages offered as checkboxes (ISO 639-1); names come from Intl.DisplayNames. */
export const COMMON_LANGUAGES = ['ky', 'ru', 'uz', 'tg', 'kk', 'tr', 'en'] as const;

/** The line a call came in on (`hotline.channels.*`). */
export const CALL_CHANNELS = ['hotline', 'other_line', 'sms', 'messenger'] as const;
/** One call channel. */
export type CallChannel = (typeof CALL_CHANNELS)[number];

/** What a caller asked about (`hotline.topics.*`). */
export const CALL_TOPICS = [
  'trafficking_exploitation',
  'unpaid_wages',
  'documents',
  'return_help',
  'family_separation',
  'legal_status_abroad',
  'other',
] as const;
/** One call topic. */
export type CallTopic = (typeof CALL_TOPICS)[number];

/** What a call led to; `case_opened` is set only by converting the call (`hotline.outcomes.*`). */
export const CALL_OUTCOMES = ['information_given', 'referred', 'case_opened'] as const;
/** One call outcome. */
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** How fast a call needs action, least to most urgent (`hotline.urgencies.*`). */
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
/** One urgency. */
export type Urgency = (typeof URGENCIES)[number];

/** Case statuses (`work.statuses.*`). */
export const CASE_STATUSES = [
  'open',
  'assessment',
  'planning',
  'assistance',
  'monitoring',
  'closed',
] as const;
/** One case status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Risk levels (`work.risks.*`). */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
/** One risk level. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * ISO 3166-1 alpha-2 codes for the country pickers (citizenship, destination, where a relative
 * is); names are shown through Intl.DisplayNames in the UI language, so no list of names ships.
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

/** Countries Kyrgyz migrants go to most, listed first in pickers. */
export const FREQUENT_COUNTRIES = ['KG', 'RU', 'KZ', 'TR', 'KR', 'UZ', 'TJ', 'AE', 'DE', 'GB', 'US'] as const;
