import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';

/** How far blocking looks: neighbours within a key block, and in the sorted orders of names. */
export interface BlockingWindows {
  /** Within one block key (a phone, a document, two phonetic keys), each person meets this many next ones. */
  block: number;
  /** In each sorted order of names, each person meets this many next ones. */
  sorted: number;
  /** The trigram similarity of canonical names a sorted-neighbour pair needs to become a candidate. */
  similarity: number;
  /** A sorted-neighbour pair needs one of its names borne by at most this many persons: a typo is rare. */
  rare: number;
  /**
   * Within a block of names that sound alike, persons meet only those born at most this many years
   * after their own birth-year range ends (a person of unknown age meets the block's window): in a
   * national registry a common name is borne by hundreds, and only the ones of an age are likely
   * the same person.
   */
  years: number;
}

/** The windows the scan uses unless told otherwise (see the figures in the module's tests). */
export const DEFAULT_WINDOWS: BlockingWindows = { block: 50, sorted: 6, similarity: 0.5, rare: 3, years: 0 };

// Positions of the digits in YYYY-MM-DD (1-based, as substr counts).
const DIGITS = [1, 2, 3, 4, 6, 7, 9, 10].map((k) => sql.raw(String(k)));

/**
 * Whether two exact dates of birth (YYYY-MM-DD texts) agree as the matcher's birth levels from 0.7
 * up do: the same date, day and month swapped, one digit off, or 1 January (a placeholder) in the
 * same year. Namesakes of one year are many in a national registry, and a pair of them whose dates
 * disagree cannot reach the threshold on names alone.
 */
export function datesAgree(a: SQL, b: SQL): SQL {
  const differing = sql.join(
    DIGITS.map((k) => sql`(substr(${a}, ${k}, 1) <> substr(${b}, ${k}, 1))::int`),
    sql` + `,
  );
  return sql`(${a} = ${b}
    or left(${a}, 4) = left(${b}, 4) and (
      substr(${a}, 6, 2) = substr(${b}, 9, 2) and substr(${a}, 9, 2) = substr(${b}, 6, 2)
      or right(${a}, 5) = '01-01' or right(${b}, 5) = '01-01')
    or ${differing} = 1)`;
}

/**
 * Fills the scan's candidate table with every pair of live persons that blocking lets through, in
 * one set-based statement without any person × person join:
 * - a shared block key: the same phone, the same document, two phonetic keys in common (one when
 *   the person has a single name token); each block is one array ordered by year of birth, and a
 *   person meets the `block` next ones in it, so one very common name cannot make the scan
 *   quadratic; in a block of names, only those of an age (`years`) whose exact dates of birth,
 *   where both have one, agree (datesAgree); and, for a year mistyped, the same two keys with the
 *   same day and month of birth, in any year, when the dates agree;
 * - sorted neighbourhood over distinct canonical names, read with lead(): the `sorted` next names
 *   among those sharing one exact name token, in the order of the rest of the name and of its
 *   reverse (a typo in the other name still sorts next to its twin, however common the shared
 *   name), and in the order of whole names and their reverse (typos in both); a name pair is kept
 *   when one of the names is `rare` (typos are) and their trigram similarity reaches `similarity`,
 *   and then pairs every person of one name with every person of the other whose birth fits (the
 *   same rule as in a block of names, any year when both dates are exact).
 * Returns the number of candidate pairs.
 */
export async function blockCandidates(
  db: Executor,
  scanId: string,
  w: BlockingWindows = DEFAULT_WINDOWS,
): Promise<number> {
  const offsets = Array.from({ length: w.sorted }, (_, i) => sql.raw(String(i + 1)));
  const leads = (column: string) =>
    sql.join(
      offsets.map((n) => sql`lead(${sql.raw(column)}, ${n}) over w`),
      sql`, `,
    );
  // Each distinct name's next `sorted` names in one window of `source`, kept when one of the two
  // is rare and they are similar; each carries its persons (id and birth) as text, so no join is needed.
  const sortedPairs = (source: string, window: SQL) => sql`
    select s.ids as xs, v.ids as ys
    from (
      select name, ids, c, array[${leads('name')}] as names, array[${leads('ids')}] as idss, array[${leads('c')}] as cs
      from ${sql.raw(source)}
      window w as (${window})
    ) as s,
    unnest(s.names, s.idss, s.cs) as v(name, ids, c)
    where v.name is not null and (s.c <= ${w.rare}::int or v.c <= ${w.rare}::int)
      and similarity(s.name, v.name) >= ${w.similarity}::float8`;
  // The persons a name carries, as `named` encodes them: "id/y/y2/bd" each, space-separated.
  const personsOf = (encoded: SQL) => sql`(
    select split_part(v, '/', 1)::uuid as id, split_part(v, '/', 2)::int as y,
      split_part(v, '/', 3)::int as y2, nullif(split_part(v, '/', 4), '') as bd
    from unnest(string_to_array(${encoded}, ' ')) as v)`;
  // One statement of sorts and window passes over the whole registry: it gets the memory to sort
  // in place of temporary files, for its own transaction only.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`
    with live as (
      select id, name_canonical, name_phonetic, phone_key, document_keys,
        coalesce(birth_year_from, 0) as y, coalesce(birth_year_to, birth_year_from, 0) as y2,
        birth_date::text as bd
      from persons
      where merged_into is null and keys_version is not null and name_canonical <> ''
    ),
    names as (
      select id, y, y2, bd, k1 || ' ' || k2 as nk
      from live, unnest(name_phonetic) as k1, unnest(name_phonetic) as k2 where k1 < k2
      union all
      select id, y, y2, bd, name_phonetic[1] from live where cardinality(name_phonetic) = 1
    ),
    keyed as (
      select id, y, y2, bd, 'p:' || phone_key as k from live where phone_key is not null
      union all
      select id, y, y2, bd, 'd:' || d from live, unnest(document_keys) as d
      union all
      select id, y, y2, bd, 'n:' || nk from names
      union all
      select id, y, y2, bd, 'm:' || nk || ' ' || right(bd, 5) from names where bd is not null
    ),
    blocks as (
      select array_agg(id order by y, id) as ids, array_agg(y order by y, id) as ys,
        array_agg(y2 order by y, id) as ye, array_agg(bd order by y, id) as bds, left(k, 2) as kind
      from keyed group by k having count(*) > 1
    ),
    named as (
      select name_canonical as name, count(*)::int as c,
        string_agg(concat_ws('/', id, y, y2, bd), ' ') as ids
      from live group by name_canonical
    ),
    tokened as (
      select name, ids, c, t, array_to_string(array_remove(string_to_array(name, ' '), t), ' ') as rest
      from named, unnest(string_to_array(name, ' ')) as t
      where name like '% %'
    ),
    name_pairs as (
      ${sortedPairs('tokened', sql`partition by t order by rest, name`)}
      union all
      ${sortedPairs('tokened', sql`partition by t order by reverse(rest), name`)}
      union all
      ${sortedPairs('named', sql`order by name`)}
      union all
      ${sortedPairs('named', sql`order by reverse(name), name`)}
    ),
    pairs as (
      select b.ids[i] as x, b.ids[j] as y
      from blocks as b,
        generate_series(1, cardinality(b.ids) - 1) as i,
        generate_series(i + 1, least(i + ${w.block}::int, cardinality(b.ids))) as j
      where b.kind in ('p:', 'd:')
        or b.kind = 'n:' and (b.ys[i] = 0 or b.ys[j] <= b.ye[i] + ${w.years}::int)
          and (b.bds[i] is null or b.bds[j] is null or ${datesAgree(sql`b.bds[i]`, sql`b.bds[j]`)})
        or b.kind = 'm:' and ${datesAgree(sql`b.bds[i]`, sql`b.bds[j]`)}
      union
      select a.id, b.id
      from name_pairs, lateral ${personsOf(sql`xs`)} as a, lateral ${personsOf(sql`ys`)} as b
      where a.y = 0 or b.y = 0 or case
        when a.bd is not null and b.bd is not null then ${datesAgree(sql`a.bd`, sql`b.bd`)}
        else a.y <= b.y2 + ${w.years}::int and b.y <= a.y2 + ${w.years}::int end
    )
    insert into duplicate_scan_candidates (scan_id, person_a, person_b)
    select ${scanId}::uuid, least(x, y), greatest(x, y) from pairs where x <> y
    on conflict do nothing`);
  });
  // Statistics of the freshly filled table, so the scan reads its batches along the index rather
  // than sorting millions of pairs for each (the planner would otherwise guess at a few hundred).
  await db.execute(sql`analyze duplicate_scan_candidates`);
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from duplicate_scan_candidates where scan_id = ${scanId}::uuid`,
    ),
  );
  return Number(row?.n ?? 0);
}
