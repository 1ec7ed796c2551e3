/**
 * Code lists shared by the domain rules, the API schemas, the exports and the web app. The web app
 * imports them (web/src/features/cases/codes.ts, with lists of screening.ts, vulnerability.ts and
 * rss.ts), so these modules are bundled for the browser: they may import only zod and other domain
 * modules like them, never Node, drizzle, src/db or src/modules. Codes are stable identifiers stored
 * in the database; labels and translations live with the web app, never here.
 */
import { z } from 'zod';

/** How much a forced-labour indicator weighs in trafficking screening (ILO 2012). */
export const INDICATOR_WEIGHTS = ['strong', 'medium'] as const;
/** Validates an indicator weight, e.g. in an office's screening rule table. */
export const indicatorWeightSchema = z.enum(INDICATOR_WEIGHTS);
/** An indicator weight. */
export type IndicatorWeight = z.infer<typeof indicatorWeightSchema>;

/** The ILO's 11 forced-labour indicators; array order is the order reports list them in. */
export const ILO_INDICATOR_CODES = [
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
/** Validates an ILO indicator code. */
export const iloIndicatorCodeSchema = z.enum(ILO_INDICATOR_CODES);
/** An ILO forced-labour indicator code. */
export type IloIndicatorCode = z.infer<typeof iloIndicatorCodeSchema>;

/** Each indicator's weight, as DOMAIN.md fixes it; screening counts strong and medium separately. */
export const ILO_INDICATOR_WEIGHT = {
  abuse_of_vulnerability: 'medium',
  deception: 'medium',
  restriction_of_movement: 'strong',
  isolation: 'medium',
  physical_sexual_violence: 'strong',
  intimidation_threats: 'strong',
  retention_of_documents: 'strong',
  withholding_of_wages: 'medium',
  debt_bondage: 'strong',
  abusive_conditions: 'medium',
  excessive_overtime: 'medium',
} as const satisfies Record<IloIndicatorCode, IndicatorWeight>;

/** Screening outcome, from most to least serious. */
export const TRAFFICKING_LIKELIHOODS = ['likely', 'possible', 'unlikely'] as const;
/** Validates a screening outcome or a caseworker's own determination. */
export const traffickingLikelihoodSchema = z.enum(TRAFFICKING_LIKELIHOODS);
/** A trafficking likelihood. */
export type TraffickingLikelihood = z.infer<typeof traffickingLikelihoodSchema>;

/** What kind of assistance a case is; drives forms and donor reports. */
export const CASE_TYPES = [
  'returnee_reintegration',
  'trafficking_survivor',
  'stranded_migrant',
  'family_reunification',
  'legal_assistance',
] as const;
/** Validates a case type. */
export const caseTypeSchema = z.enum(CASE_TYPES);
/** A case type. */
export type CaseType = z.infer<typeof caseTypeSchema>;

/** Case lifecycle, in workflow order (see workflow.ts for the allowed moves). */
export const CASE_STATUSES = [
  'open',
  'assessment',
  'planning',
  'assistance',
  'monitoring',
  'closed',
] as const;
/** Validates a case status. */
export const caseStatusSchema = z.enum(CASE_STATUSES);
/** A case status. */
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Why a case was closed; outcome indicators count these. */
export const CLOSURE_REASONS = [
  'sustainably_reintegrated',
  'remigrated',
  'lost_contact',
  'transferred',
  'consent_withdrawn',
  'deceased',
] as const;
/** Validates a closure reason. */
export const closureReasonSchema = z.enum(CLOSURE_REASONS);
/** A closure reason. */
export type ClosureReason = z.infer<typeof closureReasonSchema>;

/** How a person first reached us; needed to report on outreach. */
export const INTAKE_CHANNELS = [
  'hotline',
  'single_window_centre',
  'iom_office',
  'consulate_abroad',
  'sms_office_abroad',
  'ngo_referral',
  'self_referral',
] as const;
/** Validates an intake channel. */
export const intakeChannelSchema = z.enum(INTAKE_CHANNELS);
/** An intake channel. */
export type IntakeChannel = z.infer<typeof intakeChannelSchema>;

/** Labour sector of a migration episode (CTDC sector flags derive from it). */
export const SECTORS = [
  'agriculture',
  'construction',
  'factory',
  'domestic_work',
  'services',
  'other',
] as const;
/** Validates a labour sector. */
export const sectorSchema = z.enum(SECTORS);
/** A labour sector. */
export type Sector = z.infer<typeof sectorSchema>;

/** Who recruited the migrant; "same village" recruiters recur in the stories and in CTDC. */
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
/** Validates a recruiter relationship. */
export const recruiterRelationshipSchema = z.enum(RECRUITER_RELATIONSHIPS);
/** A recruiter relationship. */
export type RecruiterRelationship = z.infer<typeof recruiterRelationshipSchema>;

/** The line a call or message came in on. */
export const CALL_CHANNELS = ['hotline', 'other_line', 'sms', 'messenger'] as const;
/** Validates a call channel. */
export const callChannelSchema = z.enum(CALL_CHANNELS);
/** A call channel. */
export type CallChannel = z.infer<typeof callChannelSchema>;

/** What a caller asked about; hotline statistics group by it. */
export const CALL_TOPICS = [
  'trafficking_exploitation',
  'unpaid_wages',
  'documents',
  'return_help',
  'family_separation',
  'legal_status_abroad',
  'other',
] as const;
/** Validates a call topic. */
export const callTopicSchema = z.enum(CALL_TOPICS);
/** A call topic. */
export type CallTopic = z.infer<typeof callTopicSchema>;

/** What a call led to. */
export const CALL_OUTCOMES = ['information_given', 'referred', 'case_opened'] as const;
/** Validates a call outcome. */
export const callOutcomeSchema = z.enum(CALL_OUTCOMES);
/** A call outcome. */
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

/** How fast a call or referral needs action, least to most urgent. */
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
/** Validates an urgency. */
export const urgencySchema = z.enum(URGENCIES);
/** An urgency. */
export type Urgency = z.infer<typeof urgencySchema>;

/** A case's overall vulnerability risk level, least to most serious. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
/** Validates a risk level. */
export const riskLevelSchema = z.enum(RISK_LEVELS);
/** A risk level. */
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** The four levels of IOM's Determinants of Migrant Vulnerability model. */
export const DOMV_LEVELS = ['individual', 'household', 'community', 'structural'] as const;
/** Validates a DoMV level. */
export const domvLevelSchema = z.enum(DOMV_LEVELS);
/** A DoMV level. */
export type DomvLevel = z.infer<typeof domvLevelSchema>;

/** Lifecycle of one item of a reintegration plan (see workflow.ts). */
export const PLAN_ITEM_STATES = ['proposed', 'approved', 'procured', 'delivered', 'cancelled'] as const;
/** Validates a plan item state. */
export const planItemStateSchema = z.enum(PLAN_ITEM_STATES);
/** A plan item state. */
export type PlanItemState = z.infer<typeof planItemStateSchema>;

/** Lifecycle of a referral to a service provider (see workflow.ts). */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'completed', 'declined'] as const;
/** Validates a referral status. */
export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
/** A referral status. */
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

/** What a service provider offers; referrals are matched on it. */
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
/** Validates a service kind. */
export const serviceKindSchema = z.enum(SERVICE_KINDS);
/** A service kind. */
export type ServiceKind = z.infer<typeof serviceKindSchema>;

/** Items every office's assistance catalogue starts with; offices may add their own. */
export const CATALOGUE_DEFAULT_ITEM_CODES = [
  'psychosocial_counselling',
  'food_package',
  'clothing',
  'agricultural_equipment',
  'livestock',
  'sewing_equipment',
  'tools',
  'vocational_training',
  'business_grant',
  'medical_care',
  'legal_aid',
  'education_support',
  'housing_repair',
] as const;
/** Validates a default catalogue item code (office-defined items are validated against the database). */
export const catalogueDefaultItemCodeSchema = z.enum(CATALOGUE_DEFAULT_ITEM_CODES);
/** A default catalogue item code. */
export type CatalogueDefaultItemCode = z.infer<typeof catalogueDefaultItemCodeSchema>;

/** Sex as recorded; `unknown` keeps "not asked" apart from "other" in disaggregated reports. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** Validates a sex code. */
export const sexSchema = z.enum(SEXES);
/** A sex code. */
export type Sex = z.infer<typeof sexSchema>;

/** How a household member is related to the beneficiary. */
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

/** Where a household member is now. */
export const WHEREABOUTS = ['home', 'abroad', 'elsewhere'] as const;
/** One whereabouts. */
export type Whereabouts = (typeof WHEREABOUTS)[number];

/** What happened in a case, as its timeline names it (labels: `casesCodes.event.*` in the web app). */
export const CASE_EVENT_KINDS = [
  'case_opened',
  'status_changed',
  'case_updated',
  'assigned',
  'person_updated',
  'person_merged',
  'person_merge_undone',
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
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** What a beneficiary may consent to at intake. */
export const CONSENT_SCOPES = [
  'data_processing',
  'referral',
  'follow_up',
  'data_sharing_anonymised',
] as const;
/** A consent scope. */
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Identity documents a person holds or had taken from them. */
export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'work_permit',
  'other',
] as const;
/** A document type. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The kinds of follow-up: a home visit or a call. */
export const FOLLOWUP_KINDS = ['visit', 'call'] as const;
/** A follow-up kind. */
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];

/** Where a follow-up stands; only `scheduled` ones can become overdue. */
export const FOLLOWUP_STATUSES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
/** A follow-up status. */
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];
