import { randomUUID } from 'node:crypto';
import { asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { expect } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db.ts';
import type { Executor } from './client.ts';
import { nestedRows } from './nested.ts';

// A table of every kind of column the nested lists hold, under a parent to tie its rows to.
const parents = pgTable('nested_parents', { id: uuid('id').primaryKey(), name: text('name').notNull() });
const children = pgTable('nested_children', {
  id: uuid('id').primaryKey(),
  parentId: uuid('parent_id').notNull(),
  position: integer('position').notNull(),
  name: text('name'),
  flag: boolean('flag'),
  at: timestamp('at', { withTimezone: true, precision: 3 }),
  on: date('on', { mode: 'string' }),
  data: jsonb('data').$type<{ scores: number[]; note: string }>(),
  tags: text('tags').array(),
});

async function fill(db: Executor) {
  await db.execute(sql`create table nested_parents (id uuid primary key, name text not null)`);
  await db.execute(
    sql`create table nested_children (id uuid primary key, parent_id uuid not null, position int not null,
        name text, flag boolean, at timestamptz(3), "on" date, data jsonb, tags text[])`,
  );
  const [full, empty] = [randomUUID(), randomUUID()];
  await db.insert(parents).values([
    { id: full, name: 'with children' },
    { id: empty, name: 'without' },
  ]);
  await db.insert(children).values([
    {
      id: randomUUID(),
      parentId: full,
      position: 1,
      name: 'Айгерим "Ая", дочь',
      flag: true,
      at: new Date('2026-03-01T04:05:06.789Z'),
      on: '2026-02-28',
      data: { scores: [0.5, 1], note: 'über\nline' },
      tags: ['a,b', 'c"d', 'Жалал-Абад'],
    },
    {
      id: randomUUID(),
      parentId: full,
      position: 2,
      name: null,
      flag: null,
      at: null,
      on: null,
      data: null,
      tags: null,
    },
    {
      id: randomUUID(),
      parentId: full,
      position: 3,
      name: 'Бакыт',
      flag: false,
      at: new Date('1999-12-31T23:59:59.001Z'),
      on: '2000-01-01',
      data: { scores: [], note: '' },
      tags: [],
    },
  ]);
  return { full, empty };
}

/** Each parent with its children nested, and the same children selected on their own. */
async function bothWays(db: Executor, ids: string[]) {
  const nested = await db
    .select({
      id: parents.id,
      children: nestedRows(children, getTableColumns(children), eq(children.parentId, parents.id), [
        desc(children.position),
      ]),
    })
    .from(parents)
    .orderBy(asc(parents.name));
  const selected = await Promise.all(
    ids.map((id) =>
      db.select().from(children).where(eq(children.parentId, id)).orderBy(desc(children.position)),
    ),
  );
  return { nested, selected };
}

describeEachDatabase('rows nested in a statement', (database, test) => {
  test('come back as selecting them returns them, in their order, and none as an empty list', async () => {
    const db = database().db;
    const { full, empty } = await fill(db);
    const { nested, selected } = await bothWays(db, [full, empty]);
    expect(nested).toEqual([
      { id: full, children: selected[0] },
      { id: empty, children: [] },
    ]);
    expect(selected[0]!.map((c) => c.position)).toEqual([3, 2, 1]);
    expect(nested[0]!.children[2]!.at).toBeInstanceOf(Date);
  });

  test('keep the instant of a timestamp whatever the session’s time zone', async () => {
    const db = database().db;
    const [{ id } = { id: '' }] = await db
      .select({ id: parents.id })
      .from(parents)
      .orderBy(asc(parents.name));
    const { nested, selected } = await db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'Asia/Bishkek'`);
      return bothWays(tx, [id]);
    });
    expect(nested[0]!.children).toEqual(selected[0]);
    expect(nested[0]!.children[2]!.at!.toISOString()).toBe('2026-03-01T04:05:06.789Z');
  });
});
