import { type SQL, and, asc, desc, eq, ilike, isNotNull, or, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';
import { setLocal } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { cases, personNames, persons } from '../../db/schema/index.ts';
import { man, openCase } from './fixture.ts';
import { TYPO_SIMILARITY, canonicalNameIn, textSearch } from './search.ts';

// Namesakes in both scripts, spellings that sound the same, one-letter typos, longer names holding
// the one searched, and others who share only one part: every branch of the search finds some.
const NAMES: [string, string, Record<string, unknown>?][] = [
  ['Каныбек', 'Жумагулов'],
  ['Каныбек', 'Жумагулов'],
  ['Каныбек', 'Жумагулов', { patronymic: 'Асанович' }],
  ['Kanybek', 'Zhumagulov'],
  ['Kanybek', 'Jumagulov'],
  ['Kanibek', 'Zhumagulov'],
  ['Kanybak', 'Zhumagulov'],
  ['Kanybek', 'Zhumagulob'],
  ['Kanybek', 'Zhumaguluv'],
  ['Kanybeck', 'Zumagulov'],
  ['Kanybekk', 'Zhumagulovv'],
  ['Каныбек', 'Жумагул'],
  ['Канат', 'Жумагулов'],
  ['Азамат', 'Жумагулов'],
  ['Каныбек', 'Сыдыков'],
  ['Kanybek', 'Zhumagulov-Sydykov'],
  ['Kanybek', 'Zhumagulov-Toktogulov'],
  ['Kanybekbai', 'Zhumagulov-Abdiev'],
  ['Kanybek', 'Sydykov-Zhumagulov'],
];

describeEachEngine('persons: a ranked search in two passes', (h) => {
  // Every row that one query over all the branches finds, ranked as a page is: what the two passes
  // must page through, with whether the sure branches find each row.
  const reference = async (q: string, of: 'persons' | 'cases') => {
    const search = textSearch(q, of === 'cases' ? { caseNumber: cases.number } : {});
    const id = of === 'cases' ? cases.id : persons.id;
    return h().database.db.transaction(async (tx) => {
      await setLocal(tx, { 'pg_trgm.similarity_threshold': String(TYPO_SIMILARITY) });
      return tx
        .select({ id, rank: search.rank, sure: sql<boolean>`coalesce(${search.personMatch}, false)` })
        .from(cases)
        .innerJoin(persons, eq(persons.id, cases.personId))
        .where(or(search.personMatch, search.typoMatch))
        .orderBy(desc(search.rank), desc(id));
    });
  };

  const allPages = async (cw: Client, path: string, q: string, limit: number) => {
    const found: string[] = [];
    let cursor = '';
    for (;;) {
      const res = await cw.get(`/api/v1/${path}?q=${encodeURIComponent(q)}&limit=${limit}${cursor}`);
      expect(res.status).toBe(200);
      found.push(...res.body.items.map((i: { id: string }) => i.id));
      if (!res.body.nextCursor) return found;
      cursor = `&cursor=${res.body.nextCursor}`;
    }
  };

  it('pages through exactly what one query over every branch finds, in the same order', async () => {
    const cw = await h().as('caseworker');
    const opened = [];
    for (const [given, family, rest] of NAMES) opened.push(await openCase(cw, man(given, family, rest)));

    for (const q of ['Kanybek Zhumagulov', 'Каныбек Жумагулов', 'Zhumagulov']) {
      const persons_ = await reference(q, 'persons');
      const cases_ = await reference(q, 'cases');
      // Only the persons above, one case each, are named so.
      expect(persons_.length).toBeGreaterThan(5);
      for (const r of persons_) expect(opened.map((o) => o.personId)).toContain(r.id);
      for (const limit of [1, 2, 3, 5, 8, 50]) {
        expect(await allPages(cw, 'persons', q, limit), `${q}, ${limit} a page`).toEqual(
          persons_.map((r) => r.id),
        );
        expect(await allPages(cw, 'cases', q, limit), `${q}, ${limit} a page`).toEqual(
          cases_.map((r) => r.id),
        );
      }
    }
    // The data puts the passes to the test: a row only the typo branch finds outranks one that the
    // sure branches find, and typos are found below the sure rows too.
    const ranked = await reference('Kanybek Zhumagulov', 'persons');
    const firstSure = ranked.findIndex((r) => r.sure);
    const lastSure = ranked.findLastIndex((r) => r.sure);
    expect(ranked.slice(firstSure, lastSure).some((r) => !r.sure)).toBe(true);
    expect(ranked.slice(lastSure).some((r) => !r.sure)).toBe(true);
  });
});

/** A condition on a name, asked of the persons' own names or of the registry's. */
type OnName = (name: typeof persons.nameCanonical | typeof personNames.name) => SQL;

describeEachEngine("persons: fuzzy name search over the registry's names", (h) => {
  // The persons a condition on a name picks, asked of their own names and through person_names.
  const both = async (on: OnName) =>
    h().database.db.transaction(async (tx) => {
      await setLocal(tx, { 'pg_trgm.similarity_threshold': String(TYPO_SIMILARITY) });
      const ask = (where: SQL) =>
        tx
          .select({ id: persons.id })
          .from(persons)
          .where(where)
          .orderBy(asc(persons.id))
          .then((rows) => rows.map((r) => r.id));
      return {
        direct: await ask(on(persons.nameCanonical)),
        throughNames: await ask(canonicalNameIn(on(personNames.name))),
      };
    });

  const conditions: [string, OnName][] = [
    ['a typo of a common name', (name) => sql`${name} % ${'kanybek zhumagulof'}::text`],
    ['a typo in the other order', (name) => sql`${name} % ${'zhumagulov kanibek'}::text`],
    [
      'the parts typed so far',
      (name) => and(ilike(name, containsPattern('kanyb')), ilike(name, containsPattern('zhum')))!,
    ],
    ["a renamed person's new name", (name) => sql`${name} % ${'kanybek zhumabaev'}::text`],
  ];

  it('finds the persons their own names would, after registrations, bulk inserts and renames', async () => {
    const cw = await h().as('caseworker');
    const opened = [];
    for (const [given, family, rest] of NAMES) opened.push(await openCase(cw, man(given, family, rest)));
    const renamed = await cw.patch(`/api/v1/persons/${opened[4]!.personId}`, {
      familyName: 'Zhumabaev',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    // Written as a bulk loader writes them, several in one statement, with their keys.
    const { db } = h().database;
    const [own] = await db
      .select({ officeId: persons.officeId })
      .from(persons)
      .where(eq(persons.id, opened[0]!.personId));
    await db.insert(persons).values(
      ['kanybek zhumagulov', 'kanybek zhumagulova', 'kanybek zhumabaev'].map((nameCanonical) => ({
        givenName: nameCanonical.split(' ')[0]!,
        familyName: nameCanonical.split(' ')[1]!,
        latinName: nameCanonical,
        sex: 'male' as const,
        officeId: own!.officeId,
        nameCanonical,
      })),
    );

    // Every canonical name the registry holds is in person_names.
    const missing = await db
      .select({ name: persons.nameCanonical })
      .from(persons)
      .leftJoin(personNames, eq(personNames.name, persons.nameCanonical))
      .where(and(isNotNull(persons.nameCanonical), sql`${personNames.name} is null`));
    expect(missing).toEqual([]);
    for (const [what, on] of conditions) {
      const { direct, throughNames } = await both(on);
      expect(direct.length, what).toBeGreaterThan(0);
      expect(throughNames, what).toEqual(direct);
    }
  });
});
