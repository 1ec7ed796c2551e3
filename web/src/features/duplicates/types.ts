/**
 * Shapes of the duplicate-detection API, mirroring the zod schemas of
 * src/modules/persons/schema.ts (match) and src/modules/duplicates/schema.ts (scan, pairs, merges).
 * Dates arrive as ISO strings.
 */
import type { Sex } from '../cases/codes.ts';
import type { Person as CasePerson } from '../cases/types.ts';

/** The compared fields, in the order the matcher lists them. */
export const MATCH_COMPONENTS = [
  'name',
  'birthDate',
  'sex',
  'origin',
  'phone',
  'document',
  'household',
] as const;
/** One compared field. */
export type MatchComponent = (typeof MATCH_COMPONENTS)[number];

/** One field's comparison: sub-score (null when it could not be compared), evidence code, weight. */
export interface ComponentResult {
  score: number | null;
  evidence: string;
  logOdds: number;
}

/** Every field's comparison (the server always sends all seven). */
export type MatchComponents = Record<MatchComponent, ComponentResult>;

/** A person as a match or a pair shows them: enough to recognise, pseudonym first. */
export interface PersonSummary {
  id: string;
  pseudonym: string | null;
  name: string;
  givenName: string;
  familyName: string;
  latinName: string;
  sex: Sex;
  birthDate: string | null;
  estimatedAge: number | null;
  originRegion: string | null;
  originDistrict: string | null;
}

/** One likely existing record (POST /persons/match), with the cases of theirs the worker may open. */
export interface PersonMatch {
  person: PersonSummary;
  cases: { id: string; number: string }[];
  score: number;
  components: MatchComponents;
  evidence: string[];
}

/** Answer of POST /persons/match. */
export interface PersonMatchResponse {
  items: PersonMatch[];
  threshold: number;
  weightsVersion: string;
}

/** The statuses a candidate pair goes through. */
export const PAIR_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
/** A pair's status. */
export type PairStatus = (typeof PAIR_STATUSES)[number];

/**
 * A person of a candidate pair: the summary, what the merge form weighs to propose the record to
 * keep, and the version the merge is checked against.
 */
export interface PairPerson extends PersonSummary {
  patronymic: string | null;
  phone: string | null;
  /** Identity documents on record, and how many have a number (the numbers never leave the server). */
  documents: { count: number; numbered: number };
  version: number;
  createdAt: string;
}

/** A candidate pair (GET /duplicates). */
export interface DuplicatePair {
  id: string;
  personA: PairPerson;
  personB: PairPerson;
  score: number;
  evidence: string[];
  components: MatchComponents;
  weightsVersion: string;
  status: PairStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  version: number;
  createdAt: string;
}

/** Phases a scan reports, in order. */
export const SCAN_PHASES = ['keys', 'blocking', 'scoring', 'done'] as const;
/** One phase. */
export type ScanPhase = (typeof SCAN_PHASES)[number];

/** A registry scan and its progress (counts only). */
export interface DuplicateScan {
  id: string;
  requestedBy: string | null;
  status: 'running' | 'done' | 'failed';
  /** One of SCAN_PHASES; typed loosely because the server may add phases. */
  phase: string;
  done: number;
  total: number;
  candidates: number;
  pairsFound: number;
  pairsNew: number;
  threshold: number;
  weightsVersion: string;
  error: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** A person in full, as a merge or its undo answers with the one now holding the cases. */
export interface Person extends CasePerson {
  createdAt: string;
  updatedAt: string;
}

/** A recorded merge. */
export interface PersonMerge {
  id: string;
  mergedPersonId: string;
  intoPersonId: string;
  pairId: string | null;
  reason: string;
  moved: { cases: string[]; episodes: string[]; householdMembers: string[] };
  mergedBy: string;
  mergedAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
  undoReason: string | null;
}

/** Answer of a merge or its undo: the record and the person now holding the cases. */
export interface MergeResult {
  merge: PersonMerge;
  person: Person;
}

/** Why records changed since a merge so that undoing it is refused (details.reason of 409). */
export const UNDO_BLOCKERS = [
  'merged_person_changed',
  'survivor_merged_since',
  'cases_changed',
  'episodes_changed',
  'episodes_added_since',
  'household_links_changed',
] as const;
/** One reason. */
export type UndoBlocker = (typeof UNDO_BLOCKERS)[number];

/** Whether a merge stands or was undone. */
export const MERGE_STATUSES = ['active', 'undone'] as const;
/** One of them. */
export type MergeStatus = (typeof MERGE_STATUSES)[number];

/** A merge as GET /persons/merges lists it. */
export interface MergeRecord {
  id: string;
  /** The person merged away, as their record stands. */
  mergedPerson: PersonSummary;
  intoPerson: PersonSummary;
  pairId: string | null;
  reason: string;
  movedCounts: { cases: number; episodes: number; householdMembers: number };
  mergedBy: string;
  mergedByName: string;
  mergedAt: string;
  status: MergeStatus;
  undoneBy: string | null;
  undoneByName: string | null;
  undoneAt: string | null;
  undoReason: string | null;
  /** Whether the signed-in user may undo it now. */
  undoable: boolean;
  /** Why a standing merge can no longer be undone. */
  undoBlocker: UndoBlocker | null;
}
