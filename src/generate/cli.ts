/**
 * The `koldoo generate` command body: a progress bar on stderr (rate and time left), the run, and
 * a summary. Loaded lazily by src/cli/main.ts, so `koldoo serve` never loads the generator.
 */
import { today } from '../clock.ts';
import type { Config } from '../config.ts';
import type { RestoreProgress } from '../db/bulk-load.ts';
import type { Database } from '../db/client.ts';
import { progressBar, showRestore } from '../cli/progress.ts';
import { isIsoDate } from '../domain/dates.ts';
import { DEFAULT_SEED, type GenerateResult, generate } from './generate.ts';

/** The options of the command as commander parses them. */
export interface GenerateCommand {
  persons: number;
  seed?: string;
  asOf?: string;
  batch?: number;
  threads?: number;
  deferIndexes?: boolean;
}

/** A progress bar for a run: persons loaded, then the deferred indexes and keys built again. */
export function generateProgress(total: number) {
  const bar = progressBar(total, 'generate', 'persons');
  return {
    onProgress: (p: { done: number; added: number }) => bar.update(p.done, { note: ` (${p.added} new)` }),
    onRestore: (p: RestoreProgress) => showRestore(bar, p),
    stop: () => bar.stop(),
  };
}

/** Runs the command and prints what it did. */
export async function runGenerate(
  database: Database,
  config: Config,
  opts: GenerateCommand,
  out: (line: string) => void,
): Promise<GenerateResult> {
  const asOf = opts.asOf ?? today();
  if (!isIsoDate(asOf)) throw new Error(`--as-of must be a date like 2026-03-01, not ${asOf}`);
  const { stop, ...progress } = generateProgress(opts.persons);
  let result: GenerateResult;
  try {
    result = await generate(database, {
      persons: opts.persons,
      seed: opts.seed ?? DEFAULT_SEED,
      asOf,
      batchSize: opts.batch,
      threads: opts.threads,
      deferConstraints: opts.deferIndexes,
      demoPassword: process.env.KOLDOO_DEMO_PASSWORD,
      manifestDir: config.dataDir,
      ...progress,
    });
  } finally {
    stop();
  }
  for (const a of result.demoAccounts)
    out(`Demo account created: ${a.username} (${a.role}) password ${a.password}`);
  const total = Object.values(result.rows).reduce((s, n) => s + n, 0);
  const seconds = result.millis / 1000;
  out(
    `Seed "${result.seed}" (as of ${result.asOf}): ${result.persons} persons, ${result.addedPersons} added in ${seconds.toFixed(1)} s.`,
  );
  if (total > 0) {
    out(
      `Rows added: ${total} (${Math.round(total / seconds)} rows/s): ${Object.entries(result.rows)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}.`,
    );
  }
  out(
    `Planted duplicates: ${result.plantedDuplicates}${result.manifest ? ` (listed in ${result.manifest})` : ''}.`,
  );
  return result;
}
