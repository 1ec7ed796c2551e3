/**
 * Code lists of the case screens, mirrored from the API (src/domain/codes.ts and the module
 * schemas). Only codes live here: their labels are in i18n `casesCodes.*`, and which of them an
 * actor may use right now always comes from the API (abilities, allowedTransitions …).
 */

/** Case types. */
export const CASE_TYPES = [
  'returnee_reintegration',
  'trafficking_survivor',
  'stranded_migrant',
  'family_reunification',
  'legal_assistance',
] as const;
/** A case type. */
export type CaseType = (typeof CASE_TYPES)[number];

/** Case statuses in workflow order (the order is used to tell a step back from a step forward). */
export const CASE_STATUSES = [
  'open',
  'assessment',
  'planning',
  'assistance',
  'monitoring',
  'closed',
] as const;
/** A case status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Why a case was closed. */
export const CLOSURE_REASONS = [
  'sustainably_reintegrated',
  'remigrated',
  'lost_contact',
  'transferred',
  'consent_withdrawn',
  'deceased',
] as const;
/** A closure reason. */
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Risk levels, least to most serious. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
/** A risk level. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Trafficking screening outcomes, most to least serious. */
export const LIKELIHOODS = ['likely', 'possible', 'unlikely'] as const;
/** A trafficking likelihood. */
export type Likelihood = (typeof LIKELIHOODS)[number];

/** How a person first reached an office. */
export const INTAKE_CHANNELS = [
  'hotline',
  'single_window_centre',
  'iom_office',
  'consulate_abroad',
  'sms_office_abroad',
  'ngo_referral',
  'self_referral',
] as const;
/** An intake channel. */
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** The ILO forced-labour indicators. */
export const ILO_INDICATORS = [
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_sexual_violence',
  'intimidation_threats',
  'retention_of_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_conditions',
  'excessive_overtime',
] as const;
/** An ILO indicator code. */
export type IloIndicator = (typeof ILO_INDICATORS)[number];

/** The facts recorded about one migration episode (the screening derives indicators from them). */
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
/** An episode fact name. */
export type EpisodeFact = (typeof EPISODE_FACTS)[number];

/** Labour sectors of an episode. */
export const SECTORS = [
  'agriculture',
  'construction',
  'factory',
  'domestic_work',
  'services',
  'other',
] as const;
/** A sector. */
export type Sector = (typeof SECTORS)[number];

/** Who recruited the migrant. */
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
/** A recruiter relationship. */
export type RecruiterRelationship = (typeof RECRUITER_RELATIONSHIPS)[number];

/** Sex as recorded. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** A sex code. */
export type Sex = (typeof SEXES)[number];

/** Household relationships. */
export const RELATIONSHIPS = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'relative',
  'other',
] as const;
/** A household relationship. */
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Where a household member is now. */
export const WHEREABOUTS = ['home', 'abroad', 'elsewhere'] as const;
/** A whereabouts code. */
export type Whereabouts = (typeof WHEREABOUTS)[number];

/** Identity document types. */
export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'work_permit',
  'other',
] as const;
/** A document type. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** What a beneficiary may consent to. */
export const CONSENT_SCOPES = [
  'data_processing',
  'referral',
  'follow_up',
  'data_sharing_anonymised',
] as const;
/** A consent scope. */
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** DoMV levels. */
export const DOMV_LEVELS = ['individual', 'household', 'community', 'structural'] as const;
/** A DoMV level. */
export type DomvLevel = (typeof DOMV_LEVELS)[number];

/** Whether a DoMV factor raises or lowers vulnerability. */
export const FACTOR_KINDS = ['risk', 'protective'] as const;
/** A factor kind. */
export type FactorKind = (typeof FACTOR_KINDS)[number];

/** Suggested factor codes per DoMV level, as DOMAIN.md lists them (the API accepts any code). */
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

/** RSS dimensions in report order. */
export const RSS_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
/** An RSS dimension. */
export type RssDimension = (typeof RSS_DIMENSIONS)[number];

/** The lines of the scores chart: the three dimensions and the composite. */
export const SCORE_SERIES = ['economic', 'social', 'psychosocial', 'composite'] as const;
/** A score series. */
export type ScoreSeries = (typeof SCORE_SERIES)[number];

/** The instrument the form fills in; its key is what the API stores with each assessment. */
export const RSS_INSTRUMENT = 'koldoo-rss-1';

/**
 * The 15 questions of `koldoo-rss-1` (DOMAIN.md, method 3): dimension, code and the answer values,
 * worst to best. Each option's label is `casesCodes.rss.<code>.<index>`.
 */
export const RSS_QUESTIONS = [
  { code: 'income_sources', dimension: 'economic', values: [0, 0.33, 0.67, 1] },
  { code: 'debt', dimension: 'economic', values: [0, 0.33, 0.67, 1] },
  { code: 'food_security', dimension: 'economic', values: [0, 0.5, 1] },
  { code: 'employment', dimension: 'economic', values: [0, 0.33, 0.67, 1] },
  { code: 'productive_assets', dimension: 'economic', values: [0, 1] },
  { code: 'housing', dimension: 'social', values: [0, 0.5, 1] },
  { code: 'services_access', dimension: 'social', values: [0, 0.5, 1] },
  { code: 'documents', dimension: 'social', values: [0, 0.5, 1] },
  { code: 'safe_water', dimension: 'social', values: [0, 1] },
  { code: 'children_schooling', dimension: 'social', values: [0, 0.5, 1] },
  { code: 'social_network', dimension: 'psychosocial', values: [0, 0.5, 1] },
  { code: 'participation', dimension: 'psychosocial', values: [0, 0.5, 1] },
  { code: 'discrimination', dimension: 'psychosocial', values: [0, 0.5, 1] },
  { code: 'distress', dimension: 'psychosocial', values: [0, 0.5, 1] },
  { code: 'remigration_intent', dimension: 'psychosocial', values: [0, 0.5, 1] },
] as const satisfies readonly { code: string; dimension: RssDimension; values: readonly number[] }[];
/** An RSS question code. */
export type RssQuestionCode = (typeof RSS_QUESTIONS)[number]['code'];

/** RSS interpretation bands. */
export const RSS_BANDS = ['low', 'medium', 'high'] as const;
/** An RSS band. */
export type RssBand = (typeof RSS_BANDS)[number];

/** Plan item states. */
export const PLAN_ITEM_STATES = ['proposed', 'approved', 'procured', 'delivered', 'cancelled'] as const;
/** A plan item state. */
export type PlanItemState = (typeof PLAN_ITEM_STATES)[number];

/** Referral statuses. */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'completed', 'declined'] as const;
/** A referral status. */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What a referral may share besides the pseudonym or first name. */
export const SHARE_FIELDS = ['phone', 'originRegion', 'ageBand', 'sex'] as const;
/** A shareable field. */
export type ShareField = (typeof SHARE_FIELDS)[number];

/** Service kinds of the directory. */
export const SERVICE_KINDS = [
  'legal_aid',
  'document_recovery',
  'consular_help',
  'medical',
  'psychological',
  'shelter',
  'employment',
  'education',
] as const;
/** A service kind. */
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Follow-up kinds. */
export const FOLLOWUP_KINDS = ['visit', 'call'] as const;
/** A follow-up kind. */
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];

/** Follow-up statuses. */
export const FOLLOWUP_STATUSES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
/** A follow-up status. */
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

/** Timeline event kinds (src/modules/cases/events.ts). */
export const EVENT_KINDS = [
  'case_opened',
  'status_changed',
  'case_updated',
  'assigned',
  'person_updated',
  'household_changed',
  'episode_added',
  'episode_updated',
  'episode_removed',
  'screening_changed',
  'vulnerability_assessed',
  'rss_assessed',
  'plan_updated',
  'plan_item_proposed',
  'plan_item_changed',
  'referral_sent',
  'referral_status_changed',
  'followup_scheduled',
  'followup_updated',
  'call_linked',
] as const;
/** A timeline event kind. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** Countries offered first in pickers: where Kyrgyz migrants mostly go, then neighbours. */
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

/** Narrow a string to one of the values of a code list. */
export function isCode<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
