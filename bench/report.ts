/**
 * The bench's output: one table of figures, each beside the anchor measured in the same run and
 * their ratio (absolute numbers move with the machine; ratios much less). Printed, saved as JSON
 * under bench/results/, and written into README.md between the bench markers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { round } from './stats.ts';

/** One row of the results table. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** Latency percentiles in ms, where the figure has them. */
  p50?: number | undefined;
  p95?: number | undefined;
  p99?: number | undefined;
  anchor: string;
  anchorValue: number;
  /** value ÷ anchorValue. */
  ratio: number;
  /** The issue's target for this figure (set for PostgreSQL with 1M persons, 2 cores). */
  target?: string | undefined;
  met?: boolean | undefined;
  /** For a load: CPU (ms) each party to it spent per request, on the machine's shared cores. */
  cpuMsPerRequest?: Record<string, number> | undefined;
}

/** Everything a run records besides its figures. */
export interface RunInfo {
  date: string;
  engine: string;
  /** The --persons asked for. */
  persons: number;
  /** What the database held when measured (more than asked when earlier runs wrote cases). */
  personsInDatabase: number;
  cases: number;
  node: string;
  cpus: number;
  loadAverage: number[];
  settings: Record<string, number | string>;
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const root = new URL('../', import.meta.url);

const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : String(round(x)));

/** The results as a Markdown table. */
export function markdown(info: RunInfo, figures: readonly Figure[]): string {
  const lines = [
    `${info.date}, ${info.engine}, ${info.personsInDatabase} persons / ${info.cases} cases in the database, Node ${info.node}, ${info.cpus} CPUs, load average ${info.loadAverage.map((l) => l.toFixed(1)).join(' ')} (\`npm run bench -- --persons ${info.persons} --db ${info.engine}\`).`,
    '',
    '| Figure | Value | p50 / p95 / p99 ms | Anchor (same run) | Anchor value | Ratio | Target | Met |',
    '|---|---:|---:|---|---:|---:|---|:-:|',
    ...figures.map(
      (f) =>
        `| ${f.figure} | ${num(f.value)} ${f.unit} | ${f.p50 === undefined ? '–' : `${num(f.p50)} / ${num(f.p95)} / ${num(f.p99)}`} | ${f.anchor} | ${num(f.anchorValue)} | ${num(f.ratio)}× | ${f.target ?? '–'} | ${f.met === undefined ? '–' : f.met ? 'yes' : 'no'} |`,
    ),
  ];
  const loads = figures.filter((f) => f.cpuMsPerRequest && Object.keys(f.cpuMsPerRequest).length > 0);
  if (loads.length > 0) {
    lines.push(
      '',
      `CPU a request under load, in ms: the parties share the ${info.cpus} CPUs, so their sum bounds the rate.`,
      '',
      ...loads.map((f) => {
        const parts = Object.entries(f.cpuMsPerRequest!);
        const sum = parts.reduce((s, [, ms]) => s + ms, 0);
        const shares = parts.map(([who, ms]) => `${who} ${ms.toFixed(2)}`).join(', ');
        const all = parts.length > 1 ? `; ${sum.toFixed(2)} in all` : '';
        return `- ${f.figure}: ${shares}${all}, at most ${num((info.cpus * 1000) / sum)} a second.`;
      }),
    );
  }
  return lines.join('\n');
}

/**
 * Writes bench/results/<date>-<engine>-<persons>.json (or -2, -3… after it for another run of the
 * same day: every run is kept) and returns its path.
 */
export function saveJson(info: RunInfo, figures: readonly Figure[]): string {
  const dir = fileURLToPath(new URL('bench/results/', root));
  mkdirSync(dir, { recursive: true });
  const base = `${dir}${info.date}-${info.engine}-${info.persons}`;
  let path = `${base}.json`;
  for (let n = 2; existsSync(path); n++) path = `${base}-${n}.json`;
  writeFileSync(path, `${JSON.stringify({ ...info, figures }, null, 2)}\n`);
  return path;
}

/** Replaces what lies between the bench markers of README.md, adding a Performance section at the end if they are missing. */
export function updateReadme(table: string): void {
  const path = fileURLToPath(new URL('README.md', root));
  let text = readFileSync(path, 'utf8');
  if (!text.includes(START) || !text.includes(END)) {
    text = `${text.trimEnd()}\n\n## Performance\n\nMeasured by \`npm run bench\`.\n\n${START}\n${END}\n`;
  }
  const before = text.slice(0, text.indexOf(START) + START.length);
  const after = text.slice(text.indexOf(END));
  writeFileSync(path, `${before}\n${table}\n${after}`);
}
