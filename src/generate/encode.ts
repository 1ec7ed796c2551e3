/**
 * A batch of generated persons built and turned into the COPY text the load sends. This is the
 * generator's CPU-bound part, so a large run does it on a worker thread while the load
 * transaction of the batch before streams to the database. Two things are known only inside that
 * transaction and are left open here: the case numbers, drawn from the counters there (the text
 * leaves them out and records where each goes), and the audit events' place on the hash chain
 * (each event's line lacks its two hashes, and its hashed body is worked out ahead).
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import { ChainLinker, type ChainedFields, eventBody } from '../audit/chain.ts';
import * as t from '../db/schema/index.ts';
import { REGION_TAGS } from '../domain/case-number.ts';
import { Batch, type CaseDraft } from './batch.ts';
import type { StoryContext } from './context.ts';
import {
  type Bytes,
  type CopyData,
  CopyText,
  type EncodedCopy,
  copyStatement,
  spareBuffer,
  writeRows,
} from './copy.ts';
import { addPerson } from './person.ts';

/** Where a case's number goes: prefix and year choose the counter; cases take numbers by date. */
export interface NumberSlot {
  prefix: string;
  year: number;
  openedOn: string;
  /** The region in the number ("KG-OSH-…"), null for the national series. */
  region: string | null;
}

/** A table's COPY whose text leaves out the case numbers (see NumberedText). */
export interface NumberedCopy extends EncodedCopy {
  /** Pairs of the byte offset where a number goes and the index of its case in the batch. */
  slots: Uint32Array;
}

/** The audit events in time order as COPY lines without the two hash columns, and their hashed bodies. */
export interface EncodedAudit {
  columns: string[];
  lines: Uint8Array;
  /** Where each line ends in `lines`. */
  lineEnds: Uint32Array;
  bodies: Uint8Array;
  bodyEnds: Uint32Array;
}

/** One batch ready to load. */
export interface EncodedBatch {
  /** COPY text per table, in load order; numbered ones leave out the case numbers. */
  copies: (EncodedCopy | NumberedCopy)[];
  /** The slot of each case, by its index in the batch. */
  numbering: NumberSlot[];
  audit: EncodedAudit;
  counts: Record<string, number>;
}

// A case's number stands in its row and its case_opened event as this marker until it is drawn.
const MARK = '@@case-number-';
const marker = (k: number) => `${MARK}${k}@@`;

/** COPY text that records where each case-number marker stood instead of writing it. */
class NumberedText extends CopyText {
  readonly slots: number[] = [];

  override raw(s: string): void {
    let at = s.indexOf(MARK);
    if (at < 0) return super.raw(s);
    let from = 0;
    while (at >= 0) {
      super.raw(s.slice(from, at));
      const close = s.indexOf('@@', at + MARK.length);
      this.slots.push(this.length, Number(s.slice(at + MARK.length, close)));
      from = close + 2;
      at = s.indexOf(MARK, from);
    }
    super.raw(s.slice(from));
  }
}

/** A copy with the numbers drawn for the batch's cases in their places (in pieces, not copied). */
export function withNumbers(copy: EncodedCopy | NumberedCopy, numbers: readonly string[]): CopyData {
  if (!('slots' in copy)) return copy;
  const { statement, data, slots } = copy;
  const parts: Bytes[] = [];
  let from = 0;
  for (let i = 0; i < slots.length; i += 2) {
    parts.push(data.subarray(from, slots[i]), Buffer.from(numbers[slots[i + 1]!]!, 'latin1'));
    from = slots[i]!;
  }
  parts.push(data.subarray(from));
  return { statement, data: parts };
}

/** Audit events (in chain order) as COPY lines and hashed bodies, without their place on the chain. */
export function encodeAudit(events: readonly ChainedFields[]): EncodedAudit {
  const lines = new CopyText(events.length);
  const lineEnds = new Uint32Array(events.length);
  let i = 0;
  const columns = writeRows(lines, t.auditEvents, events, (out) => (lineEnds[i++] = out.length));
  const bodies = new CopyText(events.length);
  const bodyEnds = new Uint32Array(events.length);
  for (const [k, e] of events.entries()) {
    bodies.raw(eventBody(e));
    bodyEnds[k] = bodies.length;
  }
  return { columns, lines: lines.bytes(), lineEnds, bodies: bodies.bytes(), bodyEnds };
}

/**
 * The audit events' COPY, continuing the hash chain from `prevHash`; each line gets its
 * predecessor's hash and its own. The text is written into a spare buffer (see keepSpares).
 */
export function chainAudit(audit: EncodedAudit, prevHash: string): EncodedCopy {
  const n = audit.lineEnds.length;
  const out = spareBuffer(audit.lines.length + n * (3 + 2 * prevHash.length));
  const lines = Buffer.from(audit.lines.buffer, audit.lines.byteOffset, audit.lines.length);
  const bodies = Buffer.from(audit.bodies.buffer, audit.bodies.byteOffset, audit.bodies.length);
  const chain = new ChainLinker(prevHash);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const prev = chain.head;
    const hash = chain.link(bodies, audit.bodyEnds[i - 1] ?? 0, audit.bodyEnds[i]);
    pos += lines.copy(out, pos, audit.lineEnds[i - 1] ?? 0, audit.lineEnds[i]);
    pos += out.write(`\t${prev}\t${hash}\n`, pos, 'latin1');
  }
  return {
    statement: copyStatement(t.auditEvents, [...audit.columns, 'prev_hash', 'hash']),
    data: new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, pos),
  };
}

// What a batch writes into one table, typed so that a table gets rows of its own kind.
const filling = <T extends PgTable>(
  table: T,
  rows: (b: Batch) => readonly T['$inferInsert'][],
  numbered = false,
) => ({ table: table as PgTable, rows: rows as (b: Batch) => readonly object[], numbered });

// The tables a batch fills, in load order; numbered ones carry case-number markers.
const TABLES = [
  filling(t.persons, (b) => b.persons),
  filling(t.cases, (b) => b.cases.map((d) => d.row), true),
  filling(t.episodes, (b) => b.episodes),
  filling(t.householdMembers, (b) => b.household),
  filling(t.vulnerabilityAssessments, (b) => b.vulnerability),
  filling(t.rssAssessments, (b) => b.rss),
  filling(t.plans, (b) => b.plans),
  filling(t.planItems, (b) => b.planItems),
  filling(t.referrals, (b) => b.referrals),
  filling(t.followups, (b) => b.followups),
  filling(t.caseEvents, (b) => b.caseEvents, true),
];

// Persons built at a time, whose rows are encoded before the next ones are built. A whole batch's
// rows outlived the building thread's young generation: a batch of 1,000 persons built and encoded
// at once took 11 % longer a person than batches of 100.
const CHUNK = 100;

function numberSlot(d: CaseDraft): NumberSlot {
  const tag = d.numberRegion && REGION_TAGS[d.numberRegion as keyof typeof REGION_TAGS];
  return {
    prefix: tag || 'KG',
    year: Number(d.row.openedOn!.slice(0, 4)),
    openedOn: d.row.openedOn!,
    region: tag ? d.numberRegion : null,
  };
}

/** Builds the persons of `indices` (in order) with all their rows and encodes them. */
export function buildEncoded(ctx: StoryContext, indices: readonly number[], requestId: string): EncodedBatch {
  const outs = TABLES.map(({ numbered }) =>
    numbered ? new NumberedText(indices.length) : new CopyText(indices.length),
  );
  const columns: string[][] = TABLES.map(() => []);
  // Each table's columns are those of its first row in the batch, in every chunk alike.
  const firsts: (object | undefined)[] = TABLES.map(() => undefined);
  const numbering: NumberSlot[] = [];
  const audit: ChainedFields[] = [];
  const counts: Record<string, number> = {};
  for (let from = 0; from < indices.length; from += CHUNK) {
    const b = new Batch(requestId);
    for (const index of indices.slice(from, from + CHUNK)) addPerson(b, ctx, index);
    for (const d of b.cases) {
      d.row.number = d.opened.number = marker(numbering.length);
      numbering.push(numberSlot(d));
    }
    for (const [k, { table, rows }] of TABLES.entries()) {
      const r = rows(b);
      if (r.length === 0) continue;
      firsts[k] ??= r[0];
      columns[k] = writeRows(outs[k]!, table, r, undefined, firsts[k]);
    }
    audit.push(...b.audit);
    for (const [table, n] of Object.entries(b.counts())) counts[table] = (counts[table] ?? 0) + n;
  }
  // The chain runs in time order; a stable sort keeps a person's simultaneous events as written.
  audit.sort((x, y) => x.at.getTime() - y.at.getTime());
  return {
    copies: TABLES.map(({ table }, k) => {
      const out = outs[k]!;
      const copy = { statement: copyStatement(table, columns[k]!), data: out.bytes() };
      return out instanceof NumberedText ? { ...copy, slots: Uint32Array.from(out.slots) } : copy;
    }),
    numbering,
    audit: encodeAudit(audit),
    counts,
  };
}

/** The buffers of a batch, to transfer it to another thread rather than copy it. */
export function buffersOf(batch: EncodedBatch): ArrayBuffer[] {
  const views = [
    ...batch.copies.flatMap((c) => ('slots' in c ? [c.data, c.slots] : [c.data])),
    batch.audit.lines,
    batch.audit.lineEnds,
    batch.audit.bodies,
    batch.audit.bodyEnds,
  ];
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}
