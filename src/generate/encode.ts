/**
 * A batch of generated persons built and turned into the COPY text the load sends. This is the
 * generator's CPU-bound part, so a large run does it on a worker thread while the load
 * transaction of the batch before streams to the database. Two things are known only inside that
 * transaction and are left open here: the case numbers, drawn from the counters there (the text
 * holds a marker where each goes), and the audit events' place on the hash chain (each event's
 * line lacks its two hashes, and its hashed body is worked out ahead).
 */
import { eventBody } from '../audit/chain.ts';
import * as t from '../db/schema/index.ts';
import { REGION_TAGS } from '../domain/case-number.ts';
import { Batch } from './batch.ts';
import type { StoryContext } from './context.ts';
import { type EncodedCopy, encodeCopy, encodeLines } from './copy.ts';
import { addPerson } from './person.ts';

/** Where a case's number goes: prefix and year choose the counter; cases take numbers by date. */
export interface NumberSlot {
  prefix: string;
  year: number;
  openedOn: string;
  /** The region in the number ("KG-OSH-…"), null for the national series. */
  region: string | null;
}

/** One batch ready to load. */
export interface EncodedBatch {
  /** COPY text per table, in load order; `numbered` ones hold case-number markers. */
  copies: (EncodedCopy & { numbered: boolean })[];
  /** The slot of each case, by the index its marker carries. */
  numbering: NumberSlot[];
  /** The audit events in time order: COPY lines without the two hash columns, and hashed bodies. */
  audit: { columns: string[]; lines: string[]; bodies: string[] };
  counts: Record<string, number>;
}

const MARKER = /@@case-number-(\d+)@@/g;
const marker = (k: number) => `@@case-number-${k}@@`;

/** Puts the numbers drawn for the batch's cases in place of their markers. */
export function fillNumbers(data: string, numbers: readonly string[]): string {
  return data.replace(MARKER, (_, k: string) => numbers[Number(k)]!);
}

/** Builds the persons of `indices` (in order) with all their rows and encodes them. */
export function buildEncoded(ctx: StoryContext, indices: readonly number[], requestId: string): EncodedBatch {
  const b = new Batch(requestId);
  for (const index of indices) addPerson(b, ctx, index);
  const numbering = b.cases.map((d, k): NumberSlot => {
    d.row.number = d.opened.number = marker(k);
    const tag = d.numberRegion && REGION_TAGS[d.numberRegion as keyof typeof REGION_TAGS];
    return {
      prefix: tag || 'KG',
      year: Number(d.row.openedOn!.slice(0, 4)),
      openedOn: d.row.openedOn!,
      region: tag ? d.numberRegion : null,
    };
  });
  const plain = <T extends Parameters<typeof encodeCopy>[0]>(
    table: T,
    rows: readonly T['$inferInsert'][],
  ) => ({
    ...encodeCopy(table, rows),
    numbered: false,
  });
  // The chain runs in time order; a stable sort keeps a person's simultaneous events as written.
  const audit = b.audit.sort((x, y) => x.at.getTime() - y.at.getTime());
  return {
    copies: [
      plain(t.persons, b.persons),
      {
        ...encodeCopy(
          t.cases,
          b.cases.map((d) => d.row),
        ),
        numbered: true,
      },
      plain(t.episodes, b.episodes),
      plain(t.householdMembers, b.household),
      plain(t.vulnerabilityAssessments, b.vulnerability),
      plain(t.rssAssessments, b.rss),
      plain(t.plans, b.plans),
      plain(t.planItems, b.planItems),
      plain(t.referrals, b.referrals),
      plain(t.followups, b.followups),
      { ...encodeCopy(t.caseEvents, b.caseEvents), numbered: true },
    ],
    numbering,
    audit: { ...encodeLines(t.auditEvents, audit), bodies: audit.map(eventBody) },
    counts: b.counts(),
  };
}
