import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase, rowsOf } from '../../db/client.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { type MatchPerson, matchScore } from '../../domain/matching.ts';
import { datesAgree } from './blocking.ts';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({});
});
afterAll(() => database.close());

const person = (birthDate: string): MatchPerson => ({
  givenName: 'Асанбай',
  familyName: 'Токтогулов',
  sex: 'male',
  birthDate,
});
// The matcher's own verdict: the birth levels from 0.7 up (same, swapped, one digit, placeholder).
const matcherAgrees = (a: string, b: string) =>
  (matchScore(person(a), person(b)).components.birthDate.score ?? 0) >= 0.7;

// Dates travel as one array literal each (drizzle would spread a JavaScript array into many parameters).
const arrayOf = (dates: readonly string[]) => `{${dates.join(',')}}`;

async function sqlAgrees(pairs: readonly [string, string][]): Promise<boolean[]> {
  const rows = rowsOf<{ agree: boolean }>(
    await database.db.execute(sql`
      select ${datesAgree(sql`t.a`, sql`t.b`)} as agree
      from unnest(${arrayOf(pairs.map((p) => p[0]))}::text[], ${arrayOf(pairs.map((p) => p[1]))}::text[])
        with ordinality as t(a, b, n)
      order by t.n`),
  );
  return rows.map((r) => r.agree);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const date = fc
  .record({
    y: fc.integer({ min: 1940, max: 2010 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
// The second date of a pair: the same, swapped, one digit changed, a placeholder, or any other.
const pairOf = fc
  .tuple(
    date,
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 9 }),
    fc.integer({ min: 0, max: 7 }),
    date,
  )
  .map(([a, how, digit, position, other]): [string, string] => {
    const at = [0, 1, 2, 3, 5, 6, 8, 9][position]!;
    const mutated = [
      a,
      `${a.slice(0, 5)}${a.slice(8, 10)}-${a.slice(5, 7)}`,
      `${a.slice(0, at)}${digit}${a.slice(at + 1)}`,
      `${a.slice(0, 5)}01-01`,
      other,
    ][how]!;
    return [a, mutated];
  })
  .filter(([, b]) => isIsoDate(b));

it('blocking lets dates of birth through exactly when the matcher rates them as agreeing', async () => {
  const pairs = fc.sample(pairOf, { numRuns: 3000, seed: 20261202 });
  const verdicts = await sqlAgrees(pairs);
  const disagreements = pairs.filter(([a, b], i) => verdicts[i] !== matcherAgrees(a, b));
  expect(disagreements).toEqual([]);
  // Every kind of pair was drawn, with both verdicts.
  expect(verdicts.filter(Boolean).length).toBeGreaterThan(1000);
  expect(verdicts.filter((v) => !v).length).toBeGreaterThan(300);
  const named: [string, string, boolean][] = [
    ['1985-03-12', '1985-12-03', true], // day and month swapped
    ['1985-03-12', '1995-03-12', true], // a year mistyped: blocked by day and month in any year
    ['1985-03-12', '1985-01-01', true], // a placeholder of the same year
    ['1985-03-12', '1985-04-13', false], // namesakes of one year
    ['1985-03-12', '1986-03-13', false],
  ];
  expect(await sqlAgrees(named.map(([a, b]) => [a, b]))).toEqual(named.map(([, , agree]) => agree));
});
