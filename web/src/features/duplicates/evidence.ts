/**
 * The matcher's explanation in the worker's words, and the small decisions of the review screen,
 * apart from React so they are unit-tested: which sentence each evidence code reads as, whether a
 * field speaks for or against one person, how sure a score is, which record to keep by default,
 * how far a scan has come, and what a refused merge or undo means.
 */
import { ApiError } from '../../api/client.ts';
import {
  MATCH_COMPONENTS,
  UNDO_BLOCKERS,
  type ComponentResult,
  type DuplicateScan,
  type MatchComponent,
  type MatchComponents,
  type UndoBlocker,
} from './types.ts';

/** The translation key of each evidence code the matcher sends (src/domain/matching.ts). */
export const EVIDENCE_KEYS = {
  'name:exact_canonical': 'duplicates.evidence.name.exact',
  'name:phonetic': 'duplicates.evidence.name.phonetic',
  'name:token_subset': 'duplicates.evidence.name.subset',
  'name:similar': 'duplicates.evidence.name.similar',
  'name:different': 'duplicates.evidence.name.different',
  'name:father_conflict': 'duplicates.evidence.name.fatherConflict',
  'name:father_same': 'duplicates.evidence.name.fatherSame',
  'name:unknown': 'duplicates.evidence.name.unknown',
  'birth:same_date': 'duplicates.evidence.birth.sameDate',
  'birth:day_month_swapped': 'duplicates.evidence.birth.dayMonthSwapped',
  'birth:one_digit_differs': 'duplicates.evidence.birth.oneDigit',
  'birth:same_year_placeholder': 'duplicates.evidence.birth.yearPlaceholder',
  'birth:same_year': 'duplicates.evidence.birth.sameYear',
  'birth:different_date': 'duplicates.evidence.birth.differentDate',
  'birth:far_apart': 'duplicates.evidence.birth.farApart',
  'birth:within_one_year_of_estimate': 'duplicates.evidence.birth.fitsEstimate',
  'birth:estimates_agree': 'duplicates.evidence.birth.estimatesAgree',
  'birth:near_estimate': 'duplicates.evidence.birth.nearEstimate',
  'birth:apart_from_estimate': 'duplicates.evidence.birth.apartFromEstimate',
  'birth:far_from_estimate': 'duplicates.evidence.birth.farFromEstimate',
  'birth:estimates_far_apart': 'duplicates.evidence.birth.estimatesFarApart',
  'birth:estimate_undated': 'duplicates.evidence.birth.undated',
  'birth:unknown': 'duplicates.evidence.birth.unknown',
  'sex:same': 'duplicates.evidence.sex.same',
  'sex:conflict': 'duplicates.evidence.sex.conflict',
  'sex:uncertain': 'duplicates.evidence.sex.uncertain',
  'sex:unknown': 'duplicates.evidence.sex.unknown',
  'origin:same_district': 'duplicates.evidence.origin.sameDistrict',
  'origin:same_region': 'duplicates.evidence.origin.sameRegion',
  'origin:city_and_region': 'duplicates.evidence.origin.cityAndRegion',
  'origin:different_district': 'duplicates.evidence.origin.differentDistrict',
  'origin:different_region': 'duplicates.evidence.origin.differentRegion',
  'origin:unknown': 'duplicates.evidence.origin.unknown',
  'phone:same': 'duplicates.evidence.phone.same',
  'phone:different': 'duplicates.evidence.phone.different',
  'phone:unknown': 'duplicates.evidence.phone.unknown',
  'document:same_number': 'duplicates.evidence.document.sameNumber',
  'document:same_digits': 'duplicates.evidence.document.sameDigits',
  'document:none_common': 'duplicates.evidence.document.noneCommon',
  'document:unknown': 'duplicates.evidence.document.unknown',
  'household:lists_other': 'duplicates.evidence.household.listsOther',
  'household:none_common': 'duplicates.evidence.household.noneCommon',
  'household:unknown': 'duplicates.evidence.household.unknown',
} as const;

type KnownCode = keyof typeof EVIDENCE_KEYS;
/** A translation key of an evidence sentence. */
export type EvidenceKey =
  (typeof EVIDENCE_KEYS)[KnownCode] | 'duplicates.evidence.household.common' | 'duplicates.evidence.other';

/** One evidence code as a translation key and its values. */
export interface EvidenceText {
  key: EvidenceKey;
  values: { n?: number; code?: string };
}

const isKnown = (code: string): code is KnownCode => Object.hasOwn(EVIDENCE_KEYS, code);

/**
 * The sentence of an evidence code. `household:<n>_common` carries its count; a code this screen
 * does not know yet (a newer server) is shown as it is rather than hidden.
 */
export function evidenceText(code: string): EvidenceText {
  if (isKnown(code)) return { key: EVIDENCE_KEYS[code], values: {} };
  const common = /^household:(\d+)_common$/.exec(code);
  if (common) return { key: 'duplicates.evidence.household.common', values: { n: Number(common[1]) } };
  return { key: 'duplicates.evidence.other', values: { code } };
}

/** The prefix of each component's evidence codes. */
const PREFIX: Record<MatchComponent, string> = {
  name: 'name:',
  birthDate: 'birth:',
  sex: 'sex:',
  origin: 'origin:',
  phone: 'phone:',
  document: 'document:',
  household: 'household:',
};

/** Whether a field speaks for the same person, against it, or hardly at all. */
export type Tone = 'for' | 'against' | 'neutral';

// Below half a unit of log-odds a field moves the score by a few points only.
const WEIGHT_THAT_COUNTS = 0.5;

/** The tone of one compared field, from its weight in the score. */
export function toneOf(c: ComponentResult): Tone {
  if (c.score === null) return 'neutral';
  if (c.logOdds >= WEIGHT_THAT_COUNTS) return 'for';
  if (c.logOdds <= -WEIGHT_THAT_COUNTS) return 'against';
  return 'neutral';
}

/** One field of the explanation as the screens list it. */
export interface EvidenceLine {
  component: MatchComponent;
  compared: boolean;
  tone: Tone;
  /** The component's own code first, then further codes about the same field (the father's name). */
  codes: string[];
}

/**
 * The explanation field by field, in the matcher's order: compared fields first, strongest
 * weight first within them, so the reason a pair was proposed is read before the details.
 */
export function evidenceLines(components: MatchComponents, evidence: readonly string[]): EvidenceLine[] {
  const lines = MATCH_COMPONENTS.map((component): EvidenceLine => {
    const c = components[component];
    const extra = evidence.filter((e) => e.startsWith(PREFIX[component]) && e !== c.evidence);
    return { component, compared: c.score !== null, tone: toneOf(c), codes: [c.evidence, ...extra] };
  });
  const weight = (l: EvidenceLine) => Math.abs(components[l.component].logOdds);
  return [
    ...lines.filter((l) => l.compared).sort((a, b) => weight(b) - weight(a)),
    ...lines.filter((l) => !l.compared),
  ];
}

/** How sure a score is, in words. */
export type ScoreLevel = 'veryLikely' | 'likely' | 'possible';

/** The level of a score (0..1). */
export function scoreLevel(score: number): ScoreLevel {
  if (score >= 0.9) return 'veryLikely';
  if (score >= 0.7) return 'likely';
  return 'possible';
}

/** A score as a whole percentage; never "100 %" unless the matcher is certain, never "0 %". */
export function scorePercent(score: number): number {
  const p = Math.round(score * 100);
  if (score < 1 && p >= 100) return 99;
  if (score > 0 && p <= 0) return 1;
  return p;
}

/** What the choice of the record to keep looks at. */
export interface KeepCandidate {
  id: string;
  birthDate: string | null;
  estimatedAge: number | null;
  originRegion: string | null;
  originDistrict: string | null;
  pseudonym: string | null;
  patronymic?: string | null;
  phone?: string | null;
  /** Identity documents on record, and how many have a number. */
  documents?: { count: number; numbered: number };
  createdAt?: string;
}

/** How much identifying detail a record holds. */
export function detailScore(p: KeepCandidate): number {
  const documents = p.documents ?? { count: 0, numbered: 0 };
  return (
    (p.birthDate ? 2 : p.estimatedAge !== null ? 1 : 0) +
    (p.originDistrict ? 2 : p.originRegion ? 1 : 0) +
    (p.phone ? 2 : 0) +
    (documents.numbered > 0 ? 2 : documents.count > 0 ? 1 : 0) +
    (p.patronymic ? 1 : 0) +
    (p.pseudonym ? 1 : 0)
  );
}

/**
 * The record proposed to stay. A merge moves cases, episodes and household links but copies no
 * field, so the record with more identifying detail loses least; between equals, the one
 * registered first, whose case numbers colleagues already know.
 */
export function defaultKeep(a: KeepCandidate, b: KeepCandidate): string {
  const d = detailScore(a) - detailScore(b);
  if (d !== 0) return d > 0 ? a.id : b.id;
  if (a.createdAt && b.createdAt && a.createdAt !== b.createdAt) {
    return a.createdAt < b.createdAt ? a.id : b.id;
  }
  return a.id;
}

/** How far a scan has come (0..100), or null while its phase has no count to show. */
export function scanPercent(scan: Pick<DuplicateScan, 'status' | 'phase' | 'done' | 'total'>): number | null {
  if (scan.status === 'done' || scan.phase === 'done') return 100;
  if (scan.total <= 0) return null;
  return Math.min(100, Math.floor((scan.done / scan.total) * 100));
}

/**
 * When a scan was asked for while one runs (409 `scan_running`): the running scan's id, so the
 * screen can follow it instead; null for any other error.
 */
export function scanRunning(error: unknown): { scanId: string | null } | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'scan_running') return null;
  const d = error.details;
  const id = typeof d === 'object' && d !== null ? (d as Record<string, unknown>).scanId : undefined;
  return { scanId: typeof id === 'string' ? id : null };
}

/** The translation key of a failed review call, when this screen explains it in its own words. */
export type ReviewErrorKey =
  | 'duplicates.errors.pairDecided'
  | 'duplicates.errors.versionConflict'
  | 'duplicates.errors.pairRejected'
  | 'duplicates.errors.pairMismatch'
  | 'duplicates.errors.mergeIntoSelf'
  | 'duplicates.errors.mergeUndone'
  | 'duplicates.errors.notFound'
  | `duplicates.undoBlockers.${UndoBlocker}`
  | 'duplicates.undoBlockers.unknown';

/**
 * A review call's error as one of the screen's own sentences, or null for the app-wide message.
 * An undo refused because records changed says which (`merge_not_undoable` with a reason).
 */
export function reviewErrorKey(error: unknown): ReviewErrorKey | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'pair_decided':
      return 'duplicates.errors.pairDecided';
    case 'version_conflict':
      return 'duplicates.errors.versionConflict';
    case 'pair_rejected':
      return 'duplicates.errors.pairRejected';
    case 'pair_mismatch':
      return 'duplicates.errors.pairMismatch';
    case 'merge_into_self':
      return 'duplicates.errors.mergeIntoSelf';
    case 'merge_undone':
      return 'duplicates.errors.mergeUndone';
    case 'merge_not_undoable': {
      const d = error.details;
      const reason = typeof d === 'object' && d !== null ? (d as Record<string, unknown>).reason : undefined;
      return (UNDO_BLOCKERS as readonly unknown[]).includes(reason)
        ? `duplicates.undoBlockers.${reason as UndoBlocker}`
        : 'duplicates.undoBlockers.unknown';
    }
  }
  return error.status === 404 ? 'duplicates.errors.notFound' : null;
}

/** True when the screen should offer to reload what it shows (someone changed it first). */
export function needsReload(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 404 || ['pair_decided', 'version_conflict', 'pair_rejected'].includes(error.code))
  );
}
