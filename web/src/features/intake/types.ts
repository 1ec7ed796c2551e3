/**
 * Shapes of the intake API payloads (persons, cases, episodes, regions), mirroring the zod
 * schemas in src/modules/{persons,cases,episodes,reference}/schema.ts. Kept in the feature so a
 * change to intake is a change in one folder.
 */
import type {
  CaseStatus,
  CaseType,
  ConsentScope,
  DocumentType,
  EpisodeFact,
  HouseholdRelationship,
  IntakeChannel,
  RecruiterRelationship,
  RiskLevel,
  Sector,
  Sex,
  Whereabouts,
} from '../cases/codes.ts';

/** Names of a region or district in the three UI languages. */
export interface PlaceNames {
  en: string;
  ky: string;
  ru: string;
}

/** An oblast or a city of republican significance. */
export interface Region {
  iso: string;
  pcode: string;
  type: string;
  names: PlaceNames;
}

/** A district (rayon) within a region. */
export interface District {
  code: string;
  regionIso: string;
  pcode: string | null;
  names: PlaceNames;
}

/** GET /regions. */
export interface RegionsResponse {
  regions: Region[];
  districts: District[];
}

/** An identity document a person holds or someone else retains. */
export interface IdentityDocument {
  type: DocumentType;
  number?: string;
  heldBy?: string;
}

/** Body of a new person (inline in POST /cases). */
export interface PersonInput {
  givenName: string;
  familyName: string;
  patronymic?: string;
  latinName?: string;
  pseudonym?: string;
  sex: Sex;
  birthDate?: string;
  estimatedAge?: number;
  citizenship?: string;
  phone?: string;
  originRegion?: string;
  originDistrict?: string;
  originSettlement?: string;
  languages?: string[];
  documentsHeld?: IdentityDocument[];
  documentsRetained?: IdentityDocument[];
}

/** A person as the API returns it. */
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
  citizenship: string;
  phone: string | null;
  originRegion: string | null;
  originDistrict: string | null;
  originSettlement: string | null;
  officeId: string;
}

/** A household member as entered. */
export interface HouseholdMemberInput {
  name: string;
  relationship: HouseholdRelationship;
  sex?: Sex;
  age?: number;
  whereNow: Whereabouts;
  country?: string;
  withWhom?: string;
  caresForChildren?: boolean;
}

/** Consent as recorded at intake. */
export interface ConsentInput {
  givenOn: string;
  scope: ConsentScope[];
}

/** Body of POST /cases (and of POST /calls/:id/convert). */
export interface CaseCreateInput {
  personId?: string;
  person?: PersonInput;
  type: CaseType;
  intakeChannel?: IntakeChannel;
  referringOrganisation?: string;
  officeId?: string;
  consent?: ConsentInput;
  household?: HouseholdMemberInput[];
}

/** The part of GET /cases/:id the intake screens read. */
export interface CaseDetail {
  id: string;
  number: string;
  personId: string;
  type: CaseType;
  status: CaseStatus;
  officeId: string;
  person: Person;
}

/** One row of GET /cases. */
export interface CaseListItem {
  id: string;
  number: string;
  type: CaseType;
  status: CaseStatus;
  riskLevel: RiskLevel | null;
  openedOn: string;
  person: {
    id: string;
    pseudonym: string | null;
    name: string;
    latinName: string;
    originRegion: string | null;
  };
}

/** Body of POST /cases/:id/episodes. */
export interface EpisodeInput {
  destinationCountry: string;
  destinationCity?: string;
  departedOn?: string;
  returnedOn?: string;
  sector?: Sector;
  recruitedHow?: string;
  recruiterRelationship?: RecruiterRelationship;
  facts: Partial<Record<EpisodeFact, boolean>>;
  wagesUnpaidAmount?: string;
  wagesUnpaidCurrency?: string;
  notes?: string;
}
