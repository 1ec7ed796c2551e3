/**
 * `npm run bench -- [--persons N] [--db pglite|postgres] [--seconds S]`: one process measures the
 * real server and database on this machine and prints each figure beside an anchor taken in the
 * same run. Benchmarks are not tests: absolute figures depend on the machine and its load.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { today } from '../src/clock.ts';
import { plainQuery } from '../src/generate/copy.ts';
import type { CpuMeter } from './cpu.ts';
import { type Served, load } from './http.ts';
import { aggregates, duplicateScan, searches } from './queries.ts';
import { type Figure, markdown, saveJson, updateReadme } from './report.ts';
import { type Engine, startBench, stopBench } from './setup.ts';
import { WRITERS, writes } from './writes.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '2000' },
    db: { type: 'string', default: 'pglite' },
    seconds: { type: 'string', default: '5' },
    seed: { type: 'string', default: 'bench' },
    // The scan of a large registry takes minutes; `npx koldoo duplicates scan` times it alone.
    'skip-scan': { type: 'boolean', default: false },
  },
});
const persons = Number(values.persons);
const seconds = Number(values.seconds);
const engine = values.db as Engine;
if (!Number.isInteger(persons) || persons < 1) throw new Error('--persons must be a positive whole number');
if (!(seconds > 0)) throw new Error('--seconds must be positive');
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--db must be pglite or postgres');

const log = (line: string) => process.stderr.write(`${line}\n`);
// Memory "at rest" should not count the garbage the generator left: collect it first.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const CONNECTIONS = 50;
// Seconds of unmeasured load before each measured one, the loads' and the writes': the compilers and
// the database's caches settle (a second was too little: a second measured run gave a fifth more).
const WARM_UP = 3;
// Calls through the API, and as raw SQL, for each search's p95. At 40, the 38th slowest, the
// ratios of the same code wandered from run to run at the million (the filtered search 1.56-2.93,
// the case search by name 0.93-1.55, seven runs).
const SEARCH_CALLS = 200;

log(`bench: ${engine}, at least ${persons} persons, ${seconds} s per load run`);
const b = await startBench(engine, persons, values.seed);
try {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const restRssMb = b.server.rssMb();
  const ids = await plainQuery<{ id: string }>(
    b.database,
    'select id from cases where office_id = $1 order by created_at desc limit 200',
    [b.ctx.actor.officeId],
  );
  if (ids.length === 0) throw new Error('No cases in the office of supervisor.osh to read');
  // The API's loads are metered for CPU (see bench/cpu.ts); the anchor's is not reported.
  const { cpu } = b;
  const targets = {
    anchor: { server: b.bare, paths: ['/ping'], token: undefined, cpu: undefined },
    list: { server: b.server, paths: ['/api/v1/cases?limit=50'], token: b.token, cpu },
    detail: { server: b.server, paths: ids.map((r) => `/api/v1/cases/${r.id}`), token: b.token, cpu },
  } satisfies Record<
    string,
    { server: Served; paths: string[]; token: string | undefined; cpu: CpuMeter | undefined }
  >;
  const runs: Partial<Record<keyof typeof targets, Awaited<ReturnType<typeof load>>>> = {};
  for (const [name, t] of Object.entries(targets) as [
    keyof typeof targets,
    (typeof targets)[keyof typeof targets],
  ][]) {
    log(`load: ${name} (${CONNECTIONS} connections, ${seconds} s after a ${WARM_UP} s warm-up)`);
    await load(t.server, t.paths, { seconds: WARM_UP, connections: CONNECTIONS, token: t.token });
    const r = await load(t.server, t.paths, {
      seconds,
      connections: CONNECTIONS,
      token: t.token,
      cpu: t.cpu,
    });
    // Any answer but 2xx means the API is broken (or the token was refused): the figures would be meaningless.
    if (r.non2xx > 0) throw new Error(`${name}: ${r.non2xx} answers were not 2xx`);
    if (r.errors > 0) log(`  ${r.errors} requests failed or timed out`);
    runs[name] = r;
  }
  log('latency: searches through the API and as raw SQL; aggregates');
  const versus = await searches(b, SEARCH_CALLS);
  const agg = await aggregates(b, 15);
  log(
    `writes: cases with a person and an episode through the services, ${WRITERS} writers, ${seconds} s after a ${WARM_UP} s warm-up`,
  );
  const w = await writes(b, seconds, WARM_UP);

  const scan = values['skip-scan'] ? null : await duplicateScan(b);

  const anchor = runs.anchor!;
  const http = (label: string, r: typeof anchor): Figure => ({
    figure: `${label}, ${CONNECTIONS} connections`,
    value: r.requestsPerSecond,
    unit: 'req/s',
    p50: r.p50,
    p95: r.p95,
    p99: r.p99,
    anchor: `bare Fastify route, ${CONNECTIONS} connections`,
    anchorValue: anchor.requestsPerSecond,
    ratio: r.requestsPerSecond / anchor.requestsPerSecond,
    target: '≥ 2000 req/s, ratio ≥ 0.3',
    met: r.requestsPerSecond >= 2000 && r.requestsPerSecond / anchor.requestsPerSecond >= 0.3,
    cpuMsPerRequest: r.cpuMsPerRequest,
  });
  // Every search, finding a person included: p95 under 50 ms and within 1.5× of the raw SQL.
  const rssMax = Math.max(runs.list!.maxRssMb, runs.detail!.maxRssMb);
  const figures: Figure[] = [
    http('Case list page (GET /cases?limit=50)', runs.list!),
    http('Case detail (GET /cases/:id)', runs.detail!),
    ...versus.map((v) => {
      const ratio = v.api.p95 / v.sql.p95;
      return {
        figure: `${v.label} via the API`,
        value: v.api.p95,
        unit: 'ms p95',
        p50: v.api.p50,
        p95: v.api.p95,
        p99: v.api.p99,
        anchor: 'the SQL it issues, run directly (p95)',
        anchorValue: v.sql.p95,
        ratio,
        target: '< 50 ms, ratio ≤ 1.5',
        met: v.api.p95 < 50 && ratio <= 1.5,
      };
    }),
    ...agg.figures.map((a) => ({
      figure: `Dashboard: ${a.label}, every office, via the API`,
      value: a.latency.p95,
      unit: 'ms p95',
      p50: a.latency.p50,
      p95: a.latency.p95,
      p99: a.latency.p99,
      anchor: 'the SQL it issues, run directly (p95)',
      anchorValue: a.sql.p95,
      ratio: a.latency.p95 / a.sql.p95,
      target: '< 500 ms',
      met: a.latency.p95 < 500,
    })),
    {
      figure: `Writes: case + new person + episode via the services (audited), ${WRITERS} writers`,
      value: w.casesPerSecond,
      unit: 'cases/s',
      anchor: 'audited empty use case (transactions/s)',
      anchorValue: w.auditedPerSecond,
      ratio: w.casesPerSecond / w.auditedPerSecond,
      target: '≥ 300 cases/s',
      met: w.casesPerSecond >= 300,
    },
    {
      figure: 'Server resident memory under load (max)',
      value: rssMax,
      unit: 'MB',
      anchor: 'resident memory at rest (MB)',
      anchorValue: restRssMb,
      ratio: rssMax / restRssMb,
      target: '< 300 MB',
      met: rssMax < 300,
    },
  ];
  if (scan) {
    figures.push({
      figure: `Duplicate scan of the whole registry (${scan.candidates} candidate pairs, ${scan.pairsFound} likely duplicates)`,
      value: scan.seconds,
      unit: 's',
      anchor: 'select count(*) from persons (s)',
      anchorValue: scan.anchorSeconds,
      ratio: scan.seconds / scan.anchorSeconds,
      target: '< 600 s',
      met: scan.seconds < 600,
    });
  }
  if (b.generated && b.generated.addedPersons > 0) {
    const g = b.generated;
    const rate = g.addedPersons / (g.millis / 1000);
    figures.push({
      figure: `Generator: persons loaded with all their rows (${Object.values(g.rows).reduce((s, n) => s + n, 0)} rows)`,
      value: rate,
      unit: 'persons/s',
      anchor: 'cases/s written through the services',
      anchorValue: w.casesPerSecond,
      ratio: rate / w.casesPerSecond,
      target: '1M in < 600 s (≥ 1667/s)',
      met: rate >= 1_000_000 / 600,
    });
  }
  const [cases] = await plainQuery<{ n: number }>(b.database, 'select count(*)::int as n from cases');
  const info = {
    date: today(),
    engine,
    persons,
    personsInDatabase: b.persons,
    cases: cases?.n ?? 0,
    node: process.versions.node,
    cpus: cpus().length,
    loadAverage: loadavg(),
    settings: { connections: CONNECTIONS, seconds, seed: values.seed },
  };
  const table = markdown(info, figures);
  process.stdout.write(`\n${table}\n\n`);
  log(`results: ${saveJson(info, figures)}`);
  updateReadme(table);
  log('README.md: table updated between the bench markers');
} finally {
  await stopBench(b);
}
