/**
 * Seeded randomness for the data generator. Every person draws from their own stream, keyed by
 * (seed, stream, index), so a person's data never depends on batch sizes, on which persons already
 * exist or on the order of generation: the same seed gives the same data, and a run can resume.
 */
import { createHash } from 'node:crypto';

/** A seed digested once: 32-bit words for the streams and a 48-bit tag that marks generated ids. */
export interface SeedKey {
  seed: string;
  words: readonly [number, number, number, number];
  tag: string;
}

/** Digests a seed text (any string; the CLI passes what follows --seed). */
export function seedKey(seed: string): SeedKey {
  const digest = createHash('sha256').update(`koldoo-generate:${seed}`).digest();
  const words = [0, 4, 8, 12].map((o) => digest.readUInt32LE(o)) as unknown as SeedKey['words'];
  return { seed, words, tag: digest.subarray(16, 22).toString('hex') };
}

// murmur3's finaliser: spreads (seed, stream, index) over all 32 bits so nearby indices diverge.
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A small, fast generator (sfc32) with the helpers the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: SeedKey, stream: number, index: number) {
    const [w0, w1, w2, w3] = key.words;
    this.a = mix(w0 ^ Math.imul(stream + 1, 0x9e3779b9));
    this.b = mix(w1 ^ index);
    this.c = mix(w2 ^ Math.imul(index, 0x27d4eb2f) ^ stream);
    this.d = mix(w3 ^ Math.floor(index / 0x100000000)) | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One key of a weight table, in proportion to its weight. */
  weighted<K extends string>(table: Readonly<Record<K, number>>): K {
    const entries = Object.entries(table) as [K, number][];
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries.at(-1)![0];
  }

  /** Up to `n` distinct elements, in list order. */
  some<T>(list: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(n, list.length)) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].sort((x, y) => x - y).map((i) => list[i]!);
  }
}

/** Streams: one per purpose, so adding a draw to one part never shifts the numbers of another. */
export const STREAM = { identity: 1, duplicate: 2, story: 3, staff: 4 } as const;

/** What a generated id is the id of: the third group of the UUID carries it. */
export const KIND = {
  person: 1,
  case: 2,
  episode: 3,
  household: 4,
  vulnerability: 5,
  rss: 6,
  planItem: 7,
  referral: 8,
  followup: 9,
  staff: 10,
} as const;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * A deterministic UUID (RFC 9562 version 8, "custom"): the seed's tag, the kind, two
 * sub-indices and the person's index. Rows of a seed are recognisable by the tag, and ids keep
 * index order, which keeps the primary-key indexes append-only while loading.
 */
export function generatedId(key: SeedKey, kind: number, index: number, sub = 0, sub2 = 0): string {
  const t = key.tag;
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-8${hex(kind, 1)}${hex(sub, 2)}-8${hex(sub2, 3)}-${hex(index, 12)}`;
}

// Dates are strings everywhere (as in the domain); the generator converts millions of them, so the
// conversions go through day numbers with both directions cached.
const DAY = 86_400_000;
const dayOf = new Map<string, number>();
const dateOf = new Map<number, string>();
function dayNumber(date: string): number {
  let n = dayOf.get(date);
  if (n === undefined) dayOf.set(date, (n = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY)));
  return n;
}
function dateString(n: number): string {
  let d = dateOf.get(n);
  if (d === undefined) dateOf.set(n, (d = new Date(n * DAY).toISOString().slice(0, 10)));
  return d;
}

/** Adds days to an ISO date. */
export const addDays = (date: string, days: number): string => dateString(dayNumber(date) + days);

/** Whole days from one ISO date to another. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** An instant on a date during office hours (Bishkek, UTC+6), `minute` minutes after 09:00. */
export function atOfficeTime(date: string, minute: number): Date {
  return new Date(dayNumber(date) * DAY + 3 * 3_600_000 + Math.min(minute, 539) * 60_000);
}
