import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';

/** How far blocking looks: neighbours within a key block, and in the two name orders. */
export interface BlockingWindows {
  /** Within one block key (a phone, a document, two phonetic keys), each person meets this many next ones. */
  block: number;
  /** In the order of canonical names and of reversed ones, each person meets this many next ones. */
  sorted: number;
  /** The trigram similarity a sorted-neighbour pair needs to become a candidate. */
  similarity: number;
}

/** The windows the scan uses unless told otherwise. */
export const DEFAULT_WINDOWS: BlockingWindows = { block: 50, sorted: 6, similarity: 0.5 };

/**
 * Fills the scan's candidate table with every pair of live persons that blocking lets through, in
 * one set-based statement without any person × person join:
 * - a shared block key: the same phone, the same document, two phonetic keys in common (one when
 *   the person has a single name token); each block is one array ordered by year of birth, and a
 *   person meets the `block` next ones in it, so one very common name cannot make the scan quadratic;
 * - sorted neighbourhood: `sorted` neighbours in the order of canonical names and of reversed
 *   canonical names (a typo early in the name still sorts it next to its twin), read with lead(),
 *   kept when their trigram similarity reaches `similarity`.
 * Returns the number of candidate pairs.
 */
export async function blockCandidates(db: Executor, scanId: string, w: BlockingWindows = DEFAULT_WINDOWS): Promise<number> {
  const offsets = Array.from({ length: w.sorted }, (_, i) => sql.raw(String(i + 1)));
  // The next `sorted` persons in one order of names, as two parallel arrays (ids, names) per person.
  const sortedPairs = (order: SQL) => sql`
    select s.id as x, v.y
    from (
      select id, name_canonical,
        array[${sql.join(offsets.map((n) => sql`lead(id, ${n}) over w`), sql`, `)}] as ids,
        array[${sql.join(offsets.map((n) => sql`lead(name_canonical, ${n}) over w`), sql`, `)}] as names
      from live where name_canonical <> ''
      window w as (order by ${order}, id)
    ) as s,
    unnest(s.ids, s.names) as v(y, name)
    where v.y is not null and similarity(s.name_canonical, v.name) >= ${w.similarity}::float8`;
  await db.execute(sql`
    with live as (
      select id, name_canonical, name_phonetic, phone_key, document_keys, coalesce(birth_year_from, 0) as y
      from persons
      where merged_into is null and keys_version is not null
    ),
    keyed as (
      select id, y, 'p:' || phone_key as k from live where phone_key is not null
      union all
      select id, y, 'd:' || d from live, unnest(document_keys) as d
      union all
      select id, y, 'n:' || k1 || ' ' || k2 from live, unnest(name_phonetic) as k1, unnest(name_phonetic) as k2 where k1 < k2
      union all
      select id, y, 'n:' || name_phonetic[1] from live where cardinality(name_phonetic) = 1
    ),
    blocks as (
      select array_agg(id order by y, id) as ids from keyed group by k having count(*) > 1
    ),
    pairs as (
      select b.ids[i] as x, b.ids[j] as y
      from blocks as b,
        generate_series(1, cardinality(b.ids) - 1) as i,
        generate_series(i + 1, least(i + ${w.block}::int, cardinality(b.ids))) as j
      union
      ${sortedPairs(sql`name_canonical`)}
      union
      ${sortedPairs(sql`reverse(name_canonical)`)}
    )
    insert into duplicate_scan_candidates (scan_id, person_a, person_b)
    select ${scanId}::uuid, least(x, y), greatest(x, y) from pairs where x <> y
    on conflict do nothing`);
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from duplicate_scan_candidates where scan_id = ${scanId}::uuid`),
  );
  return Number(row?.n ?? 0);
}
