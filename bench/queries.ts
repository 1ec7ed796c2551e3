/**
 * Query latency: the case searches through the API (HTTP, bearer auth, scope, audit, validation
 * and serialisation) against the same SQL executed directly, and the dashboard-style aggregates
 * against a bare count of cases. Sequential requests, so these are latencies, not throughput.
 */
import { plainQuery } from '../src/generate/copy.ts';
import type { Bench } from './setup.ts';
import { type Latency, summarise, timed } from './stats.ts';

/** A measured pair: through the API and the raw SQL it stands for. */
export interface Versus {
  label: string;
  api: Latency;
  sql: Latency;
}

const LIST_SQL = `
  select c.id, c.number, c.type, c.status, c.risk_level, c.trafficking_likelihood, c.office_id, c.assigned_to,
         c.opened_on, c.created_at, c.version, p.id as person_id, p.pseudonym, p.given_name, p.family_name,
         p.latin_name, p.origin_region,
         (select min(f.due_on) from followups f where f.case_id = c.id and f.status = 'scheduled') as next_due
  from cases c join persons p on p.id = c.person_id
  where c.office_id = $1 and %WHERE%
  order by c.created_at desc, c.id desc
  limit 51`;

const listSql = (where: string) => LIST_SQL.replace('%WHERE%', where);

async function api(b: Bench, path: string): Promise<void> {
  const res = await fetch(`${b.baseUrl}${path}`, { headers: { authorization: `Bearer ${b.token}` } });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** A realistic name fragment to search for: the first letters of a family name in the office. */
async function nameFragment(b: Bench): Promise<string> {
  const [row] = await plainQuery<{ family_name: string }>(
    b.database,
    'select family_name from persons where office_id = $1 order by created_at desc limit 1',
    [b.ctx.actor.officeId],
  );
  return (row?.family_name ?? 'Асанов').slice(0, 4);
}

/** Filtered search and free-text search, each through the API and as raw SQL. */
export async function searches(b: Bench, n: number): Promise<Versus[]> {
  const office = b.ctx.actor.officeId;
  const fragment = await nameFragment(b);
  const pattern = `%${fragment}%`;
  const filtered: Versus = {
    label: 'Filtered case search (status, risk, region)',
    api: summarise(
      await timed(() => api(b, '/api/v1/cases?limit=50&status=monitoring&risk=medium&region=KG-O'), n),
    ),
    sql: summarise(
      await timed(
        () =>
          plainQuery(
            b.database,
            listSql(
              `c.status = $2 and c.risk_level = $3 and (p.origin_region = $4 or p.origin_district = $4)`,
            ),
            [office, 'monitoring', 'medium', 'KG-O'],
          ),
        n,
      ),
    ),
  };
  const text: Versus = {
    label: `Free-text name search ("${fragment}")`,
    api: summarise(await timed(() => api(b, `/api/v1/cases?limit=50&q=${encodeURIComponent(fragment)}`), n)),
    sql: summarise(
      await timed(
        () =>
          plainQuery(
            b.database,
            listSql(
              `(c.number ilike $2 or p.given_name ilike $2 or p.family_name ilike $2 or p.latin_name ilike $2 or p.pseudonym ilike $2 or p.phone ilike $2)`,
            ),
            [office, pattern],
          ),
        n,
      ),
    ),
  };
  return [filtered, text];
}

const AGGREGATES: Record<string, string> = {
  'Cases by region of origin':
    'select p.origin_region, count(*) from cases c join persons p on p.id = c.person_id group by 1',
  'Cases by status': 'select status, count(*) from cases group by 1',
  'Cases by type': 'select type, count(*) from cases group by 1',
  'Cases opened by month':
    "select date_trunc('month', opened_on)::date as month, count(*) from cases group by 1 order by 1",
};

/** The dashboard aggregates over all cases, and a bare count of cases as their anchor. */
export async function aggregates(
  b: Bench,
  n: number,
): Promise<{ anchor: Latency; figures: { label: string; latency: Latency }[] }> {
  const anchor = summarise(await timed(() => plainQuery(b.database, 'select count(*) from cases'), n));
  const figures: { label: string; latency: Latency }[] = [];
  for (const [label, text] of Object.entries(AGGREGATES)) {
    figures.push({ label, latency: summarise(await timed(() => plainQuery(b.database, text), n)) });
  }
  return { anchor, figures };
}
