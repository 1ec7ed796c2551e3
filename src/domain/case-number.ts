/**
 * Human-readable case numbers such as `KG-OSH-2026-00042`, read out on the phone and written on
 * paper files, so they carry the region and year and are easy to spell. The database id stays the key.
 */

/** Three-letter region tags by the ISO 3166-2:KG code of the office's region (cities first). */
export const REGION_TAGS = {
  'KG-GB': 'BIS',
  'KG-GO': 'OSC',
  'KG-O': 'OSH',
  'KG-J': 'JAL',
  'KG-B': 'BAT',
  'KG-C': 'CHU',
  'KG-Y': 'ISK',
  'KG-N': 'NAR',
  'KG-T': 'TAL',
} as const;
/** A region that has a tag. */
export type TaggedRegionIso = keyof typeof REGION_TAGS;

/** The digits a sequence is padded to. */
export const SEQUENCE_DIGITS = 5;
const PATTERN = /^KG(?:-([A-Z]{3}))?-(\d{4})-(\d{5,})$/;
const TAG_BY_ISO = new Map<string, string>(Object.entries(REGION_TAGS));
const ISO_BY_TAG = new Map(
  Object.entries(REGION_TAGS).map(([iso, tag]) => [tag as string, iso as TaggedRegionIso]),
);

/**
 * What a region's case numbers of a year start with, up to the sequence: `KG-OSH-2026-`. An office
 * outside the tagged regions (or with none) gets the national form `KG-2026-`.
 */
export function caseNumberHead(regionIso: string | null, year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Not a four-digit year: ${year}`);
  }
  const tag = regionIso === null ? undefined : TAG_BY_ISO.get(regionIso);
  return tag === undefined ? `KG-${year}-` : `KG-${tag}-${year}-`;
}

/** Formats a case number: its head, then the sequence padded to five digits, growing past 99999. */
export function formatCaseNumber(regionIso: string | null, year: number, seq: number): string {
  const head = caseNumberHead(regionIso, year);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Not a sequence number: ${seq}`);
  return `${head}${String(seq).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The parts of a case number; `regionIso` is null for the national form. */
export type CaseNumberParts = { regionIso: TaggedRegionIso | null; year: number; seq: number };

/**
 * Reads a case number as a person types it (any case, surrounding spaces), for search. Returns
 * null unless it is exactly what `formatCaseNumber` prints for its parts, so a case has one number.
 */
export function parseCaseNumber(text: string): CaseNumberParts | null {
  const normalised = text.trim().toUpperCase();
  const match = PATTERN.exec(normalised);
  if (!match) return null;
  const [, tag, yearText = '', seqText = ''] = match;
  const regionIso = tag === undefined ? null : ISO_BY_TAG.get(tag);
  const year = Number(yearText);
  const seq = Number(seqText);
  if (regionIso === undefined || year < 1000 || !Number.isSafeInteger(seq) || seq < 1) return null;
  return formatCaseNumber(regionIso, year, seq) === normalised ? { regionIso, year, seq } : null;
}
