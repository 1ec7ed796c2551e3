/**
 * Shapes of the case API payloads the case screens read and write, mirrored from the zod schemas
 * in src/modules/{cases,persons,episodes,assessments,plans,referrals,followups}/schema.ts.
 */
import type {
  CaseStatus,
  CaseType,
  ClosureReason,
  ConsentScope,
  DocumentType,
  DomvLevel,
  EpisodeFact,
  FactorKind,
  FollowupKind,
  FollowupStatus,
  HouseholdRelationship,
  IloIndicatorCode,
  IntakeChannel,
  PlanItemState,
  RecruiterRelationship,
  ReferralStatus,
  RiskLevel,
  RssBand,
  Sector,
  ServiceKind,
  Sex,
  TraffickingLikelihood,
  Whereabouts,
} from './codes.ts';

/** An amount as the API returns it: exact tyiyn, and the canonical KGS text. */
export interface Money {
  tyiyn: number;
  kgs: string;
}

/** An identity document. */
export interface IdentityDocument {
  type: DocumentType;
  number?: string;
  heldBy?: string;
}

/** A beneficiary. */
export interface Person {
  id: string;
  givenName: string;
  familyName: string;
  patronymic: string | null;
  latinName: string;
  pseudonym: string | null;
  sex: Sex;
  birthDate: string | null;
  estimatedAge: number | null;
  ageRecordedOn: string | null;
  citizenship: string;
  phone: string | null;
  originRegion: string | null;
  originDistrict: string | null;
  originSettlement: string | null;
  languages: string[];
  documentsHeld: IdentityDocument[];
  documentsRetained: IdentityDocument[];
  officeId: string;
  version: number;
}

/** A household member. */
export interface HouseholdMember {
  id: string;
  name: string;
  relationship: HouseholdRelationship;
  sex: Sex | null;
  age: number | null;
  whereNow: Whereabouts;
  country: string | null;
  withWhom: string | null;
  caresForChildren: boolean;
  linkedPersonId: string | null;
  linkedCaseId: string | null;
  version: number;
}

/** Body of POST /cases/:id/household (PATCH takes any part of it plus `version`). */
export interface HouseholdMemberInput {
  name: string;
  relationship: HouseholdRelationship;
  sex?: Sex;
  age?: number;
  whereNow: Whereabouts;
  country?: string;
  withWhom?: string;
  caresForChildren: boolean;
}

/** One piece of screening evidence: which fact of which episode set which indicator. */
export interface ScreeningReason {
  indicator: IloIndicatorCode;
  weight: 'strong' | 'medium';
  episodeId: string;
  fact: EpisodeFact;
}

/** The trafficking screening of the person. */
export interface Screening {
  indicators: IloIndicatorCode[];
  likelihood: TraffickingLikelihood;
  reasons: ScreeningReason[];
  rulesVersion: string;
}

/** RSS scores (two decimals, null where nothing was answered). */
export interface RssScores {
  economic: number | null;
  social: number | null;
  psychosocial: number | null;
  composite: number | null;
}

/** The caseworker's own trafficking determination. */
export interface Determination {
  likelihood: TraffickingLikelihood;
  note?: string;
  by: string;
  on: string;
}

/** GET /cases/:id → `case`. */
export interface CaseDetail {
  id: string;
  number: string;
  personId: string;
  type: CaseType;
  officeId: string;
  assignedTo: string | null;
  intakeChannel: IntakeChannel;
  referringOrganisation: string | null;
  callId: string | null;
  consentGivenOn: string | null;
  consentScope: ConsentScope[];
  consentWithdrawnOn: string | null;
  riskLevel: RiskLevel | null;
  status: CaseStatus;
  closureReason: ClosureReason | null;
  openedOn: string;
  closedOn: string | null;
  traffickingLikelihood: TraffickingLikelihood | null;
  determination: Determination | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  person: Person;
  household: HouseholdMember[];
  screening: Screening;
  latestScores: RssScores | null;
  scoresTrend: { takenOn: string; scores: RssScores }[];
  allowedTransitions: CaseStatus[];
  /** Present on servers that list the closure reasons allowed now (older ones leave it out). */
  allowedClosureReasons?: ClosureReason[];
  abilities: string[];
}

/** One row of GET /cases. */
export interface CaseListItem {
  id: string;
  number: string;
  type: CaseType;
  status: CaseStatus;
  riskLevel: RiskLevel | null;
  traffickingLikelihood: TraffickingLikelihood | null;
  officeId: string;
  assignedTo: string | null;
  openedOn: string;
  version: number;
  person: {
    id: string;
    pseudonym: string | null;
    name: string;
    latinName: string;
    originRegion: string | null;
  };
  nextFollowupDue: string | null;
  overdue: boolean;
}

/** A region of the shipped reference list. */
export interface Region {
  iso: string;
  pcode: string;
  type: string;
  names: { en: string; ky: string; ru: string };
}

/** A district of the shipped reference list. */
export interface District {
  code: string;
  regionIso: string;
  pcode: string | null;
  names: { en: string; ky: string; ru: string };
}

/** GET /regions. */
export interface RegionsResponse {
  regions: Region[];
  districts: District[];
}

/** The episode facts, true where reported. */
export type EpisodeFacts = Partial<Record<EpisodeFact, boolean>>;

/** A migration episode. */
export interface Episode {
  id: string;
  personId: string;
  caseId: string;
  destinationCountry: string;
  destinationCity: string | null;
  departedOn: string | null;
  returnedOn: string | null;
  sector: Sector | null;
  recruitedHow: string | null;
  recruiterRelationship: RecruiterRelationship | null;
  facts: EpisodeFacts;
  wagesUnpaidMinor: number | null;
  wagesUnpaidAmount: string | null;
  wagesUnpaidCurrency: string | null;
  notes: string | null;
  version: number;
}

/** POST/PATCH episode answer: the episode and the new screening. */
export interface EpisodeChanged {
  episode: Episode;
  screening: Screening;
}

/** An RSS assessment. */
export interface RssAssessment {
  id: string;
  caseId: string;
  instrument: string;
  takenOn: string;
  answers: Record<string, number>;
  scores: RssScores;
  bands: Record<'economic' | 'social' | 'psychosocial' | 'composite', RssBand | null>;
  createdAt: string;
}

/** One DoMV factor. */
export interface DomvFactor {
  level: DomvLevel;
  kind: FactorKind;
  code?: string;
  note?: string;
  immediateDanger?: boolean;
}

/** A DoMV vulnerability assessment. */
export interface VulnerabilityAssessment {
  id: string;
  caseId: string;
  takenOn: string;
  factors: DomvFactor[];
  suggestedLevel: RiskLevel;
  riskLevel: RiskLevel;
  note: string | null;
  createdAt: string;
}

/** A plan item. */
export interface PlanItem {
  id: string;
  caseId: string;
  catalogueCode: string;
  description: string | null;
  quantity: number;
  unitCost: Money;
  amount: Money;
  supplier: string | null;
  state: PlanItemState;
  proposedBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  overrideReason: string | null;
  procuredAt: string | null;
  deliveredOn: string | null;
  acknowledged: boolean | null;
  cancelReason: string | null;
  businessPlan: {
    summary: string;
    activity: string;
    expectedMonthlyIncome: Money | null;
    startupCosts: Money | null;
  } | null;
  allowedTransitions: PlanItemState[];
  version: number;
  createdAt: string;
}

/** GET /cases/:id/plan. */
export interface Plan {
  caseId: string;
  goals: string[];
  version: number | null;
  updatedAt: string | null;
  items: PlanItem[];
  budget: { ceiling: Money | null; committed: Money; remaining: Money | null };
}

/** An item of the assistance catalogue. */
export interface CatalogueItem {
  code: string;
  names: { en: string; ru: string; ky: string };
  unit: string;
  defaultUnitCost: Money | null;
  active: boolean;
}

/** A service of the directory. */
export interface Service {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: ServiceKind;
  name: string;
  description: string | null;
  regionCodes: string[];
  phone: string | null;
  email: string | null;
  address: string | null;
  active: boolean;
}

/** A referral as the case's staff see it. */
export interface Referral {
  id: string;
  status: ReferralStatus;
  reason: string;
  shared: {
    displayName: string;
    sex?: string;
    ageBand?: string;
    phone?: string;
    originRegion?: string;
    needs: string;
  };
  serviceId: string;
  serviceName: string;
  organisationName: string;
  partnerNote: string | null;
  consentRecordedOn: string;
  createdAt: string;
  updatedAt: string;
}

/** A follow-up. */
export interface Followup {
  id: string;
  caseId: string;
  kind: FollowupKind;
  dueOn: string;
  assignedTo: string;
  status: FollowupStatus;
  doneOn: string | null;
  outcomeNote: string | null;
  overdue: boolean;
  version: number;
}

/** One timeline event. */
export interface TimelineEvent {
  seq: number;
  at: string;
  actorId: string | null;
  kind: string;
  data: Record<string, unknown>;
}

/** A colleague (GET /users) as the case screens need them: to name assignees and actors. */
export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: string;
  officeId: string | null;
  active: boolean;
}
