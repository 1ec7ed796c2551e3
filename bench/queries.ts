/**
 * Query latency: searches and the dashboard's counts through the API (HTTP, bearer auth, scope,
 * audit, validation and serialisation) against the SQL they issue executed directly, and the
 * full duplicate scan. The SQL is not restated here: the same use case is run once with
 * the query log on, and the data queries it issued are replayed as raw SQL, so the anchor cannot
 * drift from the code. Sequential requests, so these are latencies, not throughput.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { progressBar } from '../src/cli/progress.ts';
import { bulkTransaction, plainQuery } from '../src/generate/copy.ts';
import { scanDuplicates } from '../src/modules/duplicates/scan.ts';
import { toLatin } from '../src/domain/transliterate.ts';
import { listCasesQuery } from '../src/modules/cases/schema.ts';
import { listCases } from '../src/modules/cases/service.ts';
import { matchPersons } from '../src/modules/persons/match.ts';
import { personMatchIn, personMatchQuery } from '../src/modules/persons/schema.ts';
import { listPersons } from '../src/modules/persons/service.ts';
import { type ReportBy, caseReportQuery } from '../src/modules/reports/schema.ts';
import { caseReport } from '../src/modules/reports/service.ts';
import type { Bench } from './setup.ts';
import { type Latency, summarise, timed } from './stats.ts';

/** A measured pair: through the API and the raw SQL it stands for. */
export interface Versus {
  label: string;
  api: Latency;
  sql: Latency;
}

// One request at a time over one kept-alive connection, as a browser tab sends them, asking for
// gzip as browsers do; the answer is read to its last byte, not decompressed. Node's fetch did
// work of its own on the client that was counted as the API's: the filtered search at 20,000
// persons took 8.4-10.8 ms p50 and 11.9-23.7 ms p95 through it against 6.7-7.3 and 9.5-12.5
// through node:http, four rounds of 100 in turns.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function api(b: Bench, path: string, body?: unknown, token = b.token): Promise<void> {
  const json = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${b.baseUrl}${path}`,
      {
        agent,
        method: json === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'accept-encoding': 'gzip',
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode === 200) return resolve();
          // Only a failure's body is read, to say why: decompressed if it came gzipped.
          const raw = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString();
          reject(new Error(`${path} answered ${res.statusCode}: ${text}`));
        });
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

// What the use case reads, without the bookkeeping every request pays (transaction, audit chain:
// audit_chain_append is a SELECT that writes).
const isDataQuery = (text: string) =>
  /^\s*select/i.test(text) && !/audit_events|audit_chain_|pg_advisory/i.test(text);

/** Runs a use case once with the query log on, and returns a replay of its data queries as raw SQL. */
async function replayOf(b: Bench, useCase: () => Promise<unknown>): Promise<() => Promise<void>> {
  const captured = await b.capture(useCase);
  const queries = captured.filter((q) => isDataQuery(q.text));
  if (queries.length === 0) throw new Error('The use case issued no data query to replay');
  // In one transaction if the use case ran them in one: a setting it makes (the search's typo
  // threshold) holds for the queries after it. Otherwise each on its own, as the use case sent
  // them, without the round trips of a transaction it did not pay for.
  // (drizzle logs BEGIN on PostgreSQL; on PGlite, whose transactions begin by themselves, the
  // read-only setting a read's transaction starts with.)
  const inTransaction = captured.some((q) => /^\s*(begin|set transaction)\b/i.test(q.text));
  const inOne = (readOnly: boolean) =>
    bulkTransaction(b.database, async (s) => {
      if (readOnly) await s.query('set transaction read only');
      for (const q of queries) await s.query(q.text, q.params);
    });
  const eachAlone = async () => {
    for (const q of queries) await plainQuery(b.database, q.text, q.params);
  };
  // Once, untimed, read-only: bookkeeping that slipped through would write and fail here, rather
  // than slow the anchor down and flatter the ratio.
  await inOne(true);
  return inTransaction ? () => inOne(false) : eachAlone;
}

/** How many names the name searches are measured over: names differ in how common they are. */
const NAMES = 5;

/**
 * Persons of the supervisor's office as registered, to search and match in other spellings: the
 * earliest registered with a Cyrillic family name. The bench's own writes are always the newest,
 * so the same names are searched in every run on the same registry.
 */
async function samplePersons(b: Bench) {
  const rows = await plainQuery<{
    given_name: string;
    family_name: string;
    sex: 'male' | 'female';
    birth_date: string | null;
    origin_region: string | null;
  }>(
    b.database,
    `select given_name, family_name, sex, birth_date::text, origin_region from persons
     where office_id = $1 and merged_into is null and family_name ~ '[А-Яа-яЁёӨөҮүҢң]'
     order by created_at, id limit $2`,
    [b.ctx.actor.officeId, NAMES],
  );
  if (rows.length === 0) throw new Error('No person in the office of supervisor.osh to search for');
  return rows;
}

/** One way of reaching a search: through the API, and the use case whose SQL is its anchor. */
type Variant = [viaApi: () => Promise<void>, useCase: () => Promise<unknown>];

/**
 * Each API search and its raw SQL, `n` times each; a search by name is measured over several
 * names, `n` times in all, and its latencies pooled.
 */
export async function searches(b: Bench, n: number): Promise<Versus[]> {
  const sample = (await samplePersons(b)).map((who) => {
    // The way another office would have typed the name: in Latin letters.
    const latin = `${toLatin(who.given_name)} ${toLatin(who.family_name)}`;
    const probe = {
      givenName: toLatin(who.given_name),
      familyName: toLatin(who.family_name),
      sex: who.sex,
      ...(who.birth_date ? { birthDate: who.birth_date } : {}),
      ...(who.origin_region ? { originRegion: who.origin_region } : {}),
    };
    return { latin, probe };
  });
  const filtered = '/api/v1/cases?limit=50&status=monitoring&risk=medium&region=KG-O';
  const cases = (query: Record<string, string>) => () =>
    listCases(b.ctx, { ...listCasesQuery.parse(query), limit: 50 });
  const names = `${sample.length} names, as "${sample[0]!.latin}"`;
  const searchesOf: [string, Variant[]][] = [
    [
      'Filtered case search (status, risk, region)',
      [[() => api(b, filtered), cases({ status: 'monitoring', risk: 'medium', region: 'KG-O' })]],
    ],
    [
      `Case search by a name in Latin (${names})`,
      sample.map(({ latin }) => [
        () => api(b, `/api/v1/cases?limit=50&q=${encodeURIComponent(latin)}`),
        cases({ q: latin }),
      ]),
    ],
    [
      `Person search by a name in Latin (${names})`,
      sample.map(({ latin }) => [
        () => api(b, `/api/v1/persons?limit=20&q=${encodeURIComponent(latin)}`),
        () => listPersons(b.ctx, { q: latin, limit: 20 }),
      ]),
    ],
    [
      `Registration check (POST /persons/match, Latin spelling, ${sample.length} persons)`,
      sample.map(({ probe }) => [
        () => api(b, '/api/v1/persons/match', probe),
        () => matchPersons(b.ctx, personMatchIn.parse(probe), personMatchQuery.parse({})),
      ]),
    ],
  ];
  const out: Versus[] = [];
  for (const [label, variants] of searchesOf) {
    const each = Math.ceil(n / variants.length);
    const apiMs: number[] = [];
    const sqlMs: number[] = [];
    for (const [viaApi, useCase] of variants) {
      const raw = await replayOf(b, useCase);
      apiMs.push(...(await timed(viaApi, each)));
      sqlMs.push(...(await timed(raw, each)));
    }
    out.push({ label, api: summarise(apiMs), sql: summarise(sqlMs) });
  }
  return out;
}

// The dashboard's four figures, each one grouping of GET /reports/cases.
const AGGREGATES: Record<string, ReportBy> = {
  'Cases by region of origin': 'region',
  'Cases by status': 'status',
  'Cases by type': 'type',
  'Cases opened by month': 'month',
};

/**
 * The dashboard aggregates through the API, as the analyst sees them (every office: the most
 * work), each with the SQL its use case issues replayed raw (`sql`, its anchor).
 */
export async function aggregates(
  b: Bench,
  n: number,
): Promise<{ figures: { label: string; latency: Latency; sql: Latency }[] }> {
  const figures: { label: string; latency: Latency; sql: Latency }[] = [];
  for (const [label, by] of Object.entries(AGGREGATES)) {
    const raw = await replayOf(b, () => caseReport(b.analyst.ctx, caseReportQuery.parse({ by })));
    figures.push({
      label,
      latency: summarise(
        await timed(() => api(b, `/api/v1/reports/cases?by=${by}`, undefined, b.analyst.token), n),
      ),
      sql: summarise(await timed(raw, n)),
    });
  }
  return { figures };
}

/** The full duplicate scan, with a progress bar, and a plain count of persons as its anchor. */
export async function duplicateScan(
  b: Bench,
): Promise<{ seconds: number; anchorSeconds: number; candidates: number; pairsFound: number }> {
  process.stderr.write('scan: the full duplicate scan of the registry\n');
  const anchor = summarise(await timed(() => plainQuery(b.database, 'select count(*) from persons'), 5));
  const bar = progressBar(0, 'keys', '');
  const started = performance.now();
  try {
    const summary = await scanDuplicates(b.database.db, {
      onProgress: (p) => {
        if (p.phase !== 'done') bar.update(p.done, { total: p.total, label: p.phase });
      },
    });
    return {
      seconds: (performance.now() - started) / 1000,
      anchorSeconds: anchor.p50 / 1000,
      candidates: summary.candidates,
      pairsFound: summary.pairsFound,
    };
  } finally {
    bar.stop();
  }
}
