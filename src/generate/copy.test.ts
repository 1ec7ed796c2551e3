import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/harness.ts';
import { type ChainedFields, GENESIS_HASH, eventHash } from '../audit/chain.ts';
import { rowsOf } from '../db/client.ts';
import {
  CopyText,
  type EncodedCopy,
  bulkTransaction,
  copyStatement,
  keepSpares,
  spareBuffer,
  takeSpares,
  writeRows,
} from './copy.ts';
import { chainAudit, encodeAudit } from './encode.ts';

const scratch = pgTable('copy_scratch', {
  id: uuid('id').notNull(),
  n: integer('n'),
  note: text('note'),
  flag: boolean('flag'),
  at: timestamp('at', { withTimezone: true }),
  data: jsonb('data'),
  tags: text('tags').array(),
});

// What COPY's text format must escape or quote, in every kind of column, and text long enough
// that the writer outgrows its first buffer.
const tricky = 'tab\there, newline\nthere, return\r, back\\slash, "quotes", {braces}, NULL, \\N';
const rows: (typeof scratch.$inferInsert)[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    n: -7,
    note: tricky,
    flag: true,
    at: new Date('2026-03-01T10:20:30.456Z'),
    data: { text: tricky, cyrillic: 'Нурматов Асанбай', nested: [1, null, 'ө'] },
    tags: ['plain', tricky, 'ү ң ө', ''],
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    n: null,
    note: null,
    flag: false,
    at: null,
    data: null,
    tags: null,
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    n: 0,
    note: `Жалал-Абад ${'ё'.repeat(100_000)}`,
    flag: null,
    at: new Date('1999-12-31T23:59:59.000Z'),
    data: [],
    tags: [],
  },
];

const encodeCopy = (rows: (typeof scratch.$inferInsert)[]): EncodedCopy => {
  const out = new CopyText();
  return { statement: copyStatement(scratch, writeRows(out, scratch, rows)), data: out.bytes() };
};

it('writes rows written later for the same statement in the columns of the first', () => {
  // A batch is written a chunk at a time: a chunk whose first row leaves a column out must still
  // write it, or its lines would not fit the statement.
  const out = new CopyText();
  const first = { id: rows[0]!.id, n: 1, note: 'one' };
  const columns = writeRows(out, scratch, [first]);
  expect(writeRows(out, scratch, [{ id: rows[1]!.id, n: 2 }], undefined, first)).toEqual(columns);
  expect(new TextDecoder().decode(out.bytes()).split('\n')).toEqual([
    `${rows[0]!.id}\t1\tone`,
    `${rows[1]!.id}\t2\t\\N`,
    '',
  ]);
});

it('writes NULL as \\N and escapes backslash, tab, newline and carriage return', () => {
  const { statement, data } = encodeCopy(rows.slice(0, 2));
  expect(statement).toBe('COPY "copy_scratch" ("id", "n", "note", "flag", "at", "data", "tags")');
  const lines = new TextDecoder().decode(data).split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[2]).toBe('');
  expect(lines[0]!.split('\t')[2]).toBe(
    'tab\\there, newline\\nthere, return\\r, back\\\\slash, "quotes", {braces}, NULL, \\\\N',
  );
  expect(lines[1]).toBe('00000000-0000-4000-8000-000000000002\t\\N\t\\N\tf\t\\N\t\\N\t\\N');
});

it('chains audit events from their encoded bodies as the services hash them, whatever the script', () => {
  const base: ChainedFields = {
    at: new Date('2026-03-01T10:00:00.000Z'),
    actorId: null,
    actorUsername: 'оператор.ош',
    actorRole: 'caseworker',
    action: 'case.create',
    entityType: 'case',
    entityId: 'x',
    outcome: 'ok',
    requestId: 'generate:t',
    ip: null,
    fields: ['givenName', 'тегі'],
  };
  const events = [base, { ...base, actorUsername: 'ascii', fields: [] }, { ...base, entityId: 'ү\tө' }];
  const copy = chainAudit(encodeAudit(events), GENESIS_HASH);
  const lines = new TextDecoder().decode(copy.data).trimEnd().split('\n');
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const hash = eventHash(prev, e);
    expect(lines[i]!.split('\t').slice(-2)).toEqual([prev, hash]);
    prev = hash;
  }
});

it('writes later batches into the memory of loaded ones, the smallest that fits', () => {
  takeSpares();
  const small = new ArrayBuffer(1 << 10);
  const fits = new ArrayBuffer(1 << 20);
  const larger = new ArrayBuffer(1 << 22);
  keepSpares([larger, small, fits]);
  const out = new CopyText(1000);
  expect(out.bytes().buffer).toBe(fits);
  out.raw('ү\tө\n');
  expect(new TextDecoder().decode(out.bytes())).toBe('ү\tө\n');
  // Outgrowing it takes the next spare and keeps the one outgrown.
  out.raw('x'.repeat(1 << 19));
  expect(out.bytes().buffer).toBe(larger);
  expect(new TextDecoder().decode(out.bytes().subarray(0, 6))).toBe('ү\tө\n');
  // The small one was too small to keep.
  const left = takeSpares();
  expect(left).toHaveLength(1);
  expect(left[0]).toBe(fits);
  expect(spareBuffer(16).buffer).not.toBe(fits);
});

describeEachEngine('COPY text', (h) => {
  it('loads every kind of value back exactly as written', async () => {
    const { database } = h();
    await database.db.execute(sql`
      create table copy_scratch (id uuid not null, n integer, note text, flag boolean,
        at timestamptz, data jsonb, tags text[])`);
    await bulkTransaction(database, (s) => s.copy(encodeCopy(rows)));
    const loaded = await database.db.select().from(scratch).orderBy(scratch.id);
    expect(loaded).toEqual(rows);
    const [size] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select length(note)::int as n from copy_scratch where n = 0`),
    );
    expect(size!.n).toBe(rows[2]!.note!.length);
  });
});
