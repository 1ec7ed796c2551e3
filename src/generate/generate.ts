/**
 * `koldoo generate`: fills a database with realistic, deterministic beneficiaries and their cases
 * for demos, load tests and matcher evaluation. Idempotent per seed: person ids derive from the
 * seed and index, a person's rows are loaded in the same transaction, and persons already present
 * are skipped, so a second run with the same seed adds nothing and an interrupted run resumes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { getTableName } from 'drizzle-orm';
import { GENESIS_HASH } from '../audit/chain.ts';
import { CHAIN_LOCK } from '../audit/writer.ts';
import { type RestoreProgress, deferConstraints, restoreConstraints } from '../db/bulk-load.ts';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema/index.ts';
import { formatCaseNumber } from '../domain/case-number.ts';
import type { DemoAccount } from '../modules/demo/seed.ts';
import { workerPool } from '../workers.ts';
import type { BuildTask } from './build-worker.ts';
import { bulkTransaction, keepSpares, plainQuery, type BulkSession } from './copy.ts';
import { type StoryContext, loadContext } from './context.ts';
import {
  type EncodedBatch,
  type NumberSlot,
  buildEncoded,
  buffersOf,
  chainAudit,
  withNumbers,
} from './encode.ts';
import { DEFER_FROM, THREADED_FROM } from './defaults.ts';
import { plantedDuplicates, personId } from './identity.ts';

/** What to generate. */
export interface GenerateOptions {
  /** Persons of this seed the database should hold (indices 0 … persons − 1). */
  persons: number;
  seed?: string | undefined;
  /** The "today" of the generated history (default: the real today). */
  asOf: string;
  /** Persons per transaction (default 1000). */
  batchSize?: number | undefined;
  /**
   * Worker threads that build batches while the last one loads; 0 builds in this thread. By
   * default one per core from THREADED_FROM persons on (building takes more CPU than loading).
   */
  threads?: number | undefined;
  /**
   * Drop the loaded tables' non-unique indexes and foreign keys for the load and build them again
   * after it (see db/bulk-load.ts). By default when the run adds DEFER_FROM persons or more and at
   * least as many as the database holds.
   */
  deferConstraints?: boolean | undefined;
  /** Password of demo accounts, should the demo have to be created first. */
  demoPassword?: string | undefined;
  /** Where to write the planted-duplicate manifest; null writes none. */
  manifestDir?: string | null | undefined;
  onProgress?: ((p: { done: number; total: number; added: number }) => void) | undefined;
  /** Progress of building the deferred indexes and foreign keys again. */
  onRestore?: ((p: RestoreProgress) => void) | undefined;
}

/** What a run did. */
export interface GenerateResult {
  seed: string;
  asOf: string;
  persons: number;
  addedPersons: number;
  rows: Record<string, number>;
  plantedDuplicates: number;
  manifest: string | null;
  millis: number;
  demoAccounts: DemoAccount[];
}

/** The seed used when none is given. */
export const DEFAULT_SEED = 'koldoo';

// The tables a load fills.
const LOADED = [
  t.persons,
  t.cases,
  t.episodes,
  t.householdMembers,
  t.vulnerabilityAssessments,
  t.rssAssessments,
  t.plans,
  t.planItems,
  t.referrals,
  t.followups,
  t.caseEvents,
  t.auditEvents,
].map((table) => getTableName(table));

// Orders generator runs among themselves (the check for persons already present, case numbers);
// the audit chain's own lock is taken only for the audit rows, so the API is not held up meanwhile.
const GENERATOR_LOCK = CHAIN_LOCK + 1;

/** Builds batches, on worker threads or in this one. */
export interface Builder {
  build(indices: number[]): Promise<EncodedBatch>;
  /** Hands back the memory of a batch that has been loaded, to build later batches in. */
  recycle(batch: EncodedBatch): void;
  close(): Promise<void>;
}

/** A builder on `threads` worker threads, or in the calling thread when `threads` is 0. */
export function createBuilder(ctx: StoryContext, requestId: string, threads: number): Builder {
  if (threads <= 0) {
    return {
      build: async (indices) => buildEncoded(ctx, indices, requestId),
      recycle: (batch) => keepSpares(buffersOf(batch)),
      close: async () => undefined,
    };
  }
  // A young generation larger than the default: building allocates many short-lived objects, and
  // the smaller one spends a tenth of the thread in the garbage collector.
  const pool = workerPool<BuildTask, EncodedBatch>(import.meta.url, 'build-worker', threads, {
    workerData: ctx,
    youngGenerationMb: 64,
  });
  // Moved to the thread that builds the next batch, with its task.
  const loaded: ArrayBuffer[] = [];
  return {
    build: (indices) => {
      const spares = loaded.splice(0);
      return pool.run({ indices, requestId, spares }, { transferList: spares });
    },
    recycle: (batch) => loaded.push(...buffersOf(batch)),
    close: () => pool.destroy(),
  };
}

async function existing(
  run: (text: string, params: unknown[]) => Promise<{ id: string }[]>,
  ids: string[],
): Promise<Set<string>> {
  const rows = await run('select id::text as id from persons where id = any($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

// Numbers come from the same counters as the services', so later cases continue the series; the
// cases of one counter take them in the order they were opened.
async function numberCases(s: BulkSession, slots: readonly NumberSlot[]): Promise<string[]> {
  const groups = new Map<string, number[]>();
  for (const [k, slot] of slots.entries()) {
    const key = `${slot.prefix}|${slot.year}`;
    const group = groups.get(key);
    if (group) group.push(k);
    else groups.set(key, [k]);
  }
  const numbers: string[] = [];
  if (groups.size === 0) return numbers;
  const keys = [...groups.keys()];
  const rows = await s.query<{ prefix: string; year: number; last: number }>(
    `insert into case_counters (prefix, year, last)
       select * from unnest($1::text[], $2::int[], $3::int[])
     on conflict (prefix, year) do update set last = case_counters.last + excluded.last
     returning prefix, year, last`,
    [
      keys.map((k) => k.split('|')[0]),
      keys.map((k) => Number(k.split('|')[1])),
      keys.map((k) => groups.get(k)!.length),
    ],
  );
  for (const row of rows) {
    const group = groups.get(`${row.prefix}|${row.year}`)!;
    group.sort((a, b) =>
      slots[a]!.openedOn < slots[b]!.openedOn ? -1 : slots[a]!.openedOn > slots[b]!.openedOn ? 1 : 0,
    );
    let seq = row.last - group.length;
    for (const k of group) numbers[k] = formatCaseNumber(slots[k]!.region, row.year, ++seq);
  }
  return numbers;
}

// Continues the hash chain from its current end, under the chain's lock as every writer of it
// (audit_chain_head: see audit/writer.ts).
async function chainHead(s: BulkSession): Promise<string> {
  const [head] = await s.query<{ hash: string | null }>('select audit_chain_head($1) as hash', [CHAIN_LOCK]);
  return head?.hash ?? GENESIS_HASH;
}

async function write(
  database: Database,
  ctx: StoryContext,
  indices: number[],
  built: Promise<EncodedBatch>,
  build: Builder,
): Promise<EncodedBatch> {
  return bulkTransaction(database, async (s) => {
    await s.query('select pg_advisory_xact_lock($1)', [GENERATOR_LOCK]);
    // Another run of the same seed may have loaded some of these meanwhile: then rebuild without them.
    const present = await existing(
      s.query,
      indices.map((i) => personId(ctx.key, i)),
    );
    const batch =
      present.size === 0
        ? await built
        : await build.build(indices.filter((i) => !present.has(personId(ctx.key, i))));
    const numbers = await numberCases(s, batch.numbering);
    for (const copy of batch.copies) await s.copy(withNumbers(copy, numbers));
    if (batch.audit.lineEnds.length > 0) {
      const audit = chainAudit(batch.audit, await chainHead(s));
      await s.copy(audit);
      keepSpares([audit.data.buffer]);
    }
    build.recycle(batch);
    return batch;
  });
}

function tally(rows: Record<string, number>, b: EncodedBatch): void {
  for (const [table, n] of Object.entries(b.counts)) rows[table] = (rows[table] ?? 0) + n;
}

function writeManifest(dir: string, seed: string, persons: number, asOf: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `generated-${seed.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
  let n = persons;
  try {
    n = Math.max(n, (JSON.parse(readFileSync(path, 'utf8')) as { persons: number }).persons);
  } catch {
    // no earlier manifest
  }
  const pairs = plantedDuplicates(seed, n);
  writeFileSync(path, `${JSON.stringify({ seed, persons: n, asOf, plantedDuplicates: pairs }, null, 1)}\n`);
  return path;
}

/** Generates (or completes) the persons of a seed in the database; see GenerateOptions. */
export async function generate(database: Database, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const size = opts.batchSize ?? 1000;
  const { context: ctx, demoAccounts } = await loadContext(database.db, {
    seed,
    asOf: opts.asOf,
    demoPassword: opts.demoPassword,
  });
  const requestId = `generate:${ctx.key.tag}`;
  const [{ n: held } = { n: 0 }] = await plainQuery<{ n: number }>(
    database,
    'select count(*)::int as n from persons',
  );
  const toAdd = opts.persons - held;
  if (opts.deferConstraints ?? (toAdd >= DEFER_FROM && toAdd >= held))
    await deferConstraints(database.db, LOADED);
  // Started only now: threads left running by a failure above would keep the process alive.
  const threads = opts.threads ?? (opts.persons >= THREADED_FROM ? availableParallelism() : 0);
  const build = createBuilder(ctx, requestId, threads);
  const rows: Record<string, number> = {};
  // Batches being built while the one at the head loads: enough to keep every thread busy.
  const ahead: { todo: number[]; end: number; built: Promise<EncodedBatch> }[] = [];
  let next = 0;
  try {
    for (;;) {
      while (ahead.length <= threads && next < opts.persons) {
        const indices = Array.from({ length: Math.min(size, opts.persons - next) }, (_, k) => next + k);
        next += indices.length;
        const present = await existing(
          (text, params) => plainQuery(database, text, params),
          indices.map((i) => personId(ctx.key, i)),
        );
        const todo = indices.filter((i) => !present.has(personId(ctx.key, i)));
        const built = build.build(todo);
        built.catch(() => undefined); // awaited in turn; a failed load before it leaves it unawaited
        ahead.push({ todo, end: next, built });
      }
      const head = ahead.shift();
      if (!head) break;
      // A batch already loaded (a resumed or repeated run) costs no transaction.
      if (head.todo.length > 0) tally(rows, await write(database, ctx, head.todo, head.built, build));
      opts.onProgress?.({ done: head.end, total: opts.persons, added: rows.persons ?? 0 });
      // PGlite answers without handing the event loop back: a turn per batch lets timers (the
      // progress bar's) run.
      await yieldToIo();
    }
  } finally {
    await build.close();
    // Also after a failed load: what was dropped is restored now, or else at the next start.
    await restoreConstraints(database, opts.onRestore);
  }
  if ((rows.persons ?? 0) > 0) {
    await plainQuery(database, 'analyze');
    // Sets the visibility map, as autovacuum would in production (and cannot where it is off):
    // without it the dashboard's index-only counts read every case row from the table, and the
    // worklist's count of plan items awaiting approval each of those items.
    await plainQuery(database, 'vacuum cases, plan_items');
  }
  return {
    seed,
    asOf: opts.asOf,
    persons: opts.persons,
    addedPersons: rows.persons ?? 0,
    rows,
    plantedDuplicates: plantedDuplicates(ctx.key, opts.persons).length,
    manifest: opts.manifestDir ? writeManifest(opts.manifestDir, seed, opts.persons, opts.asOf) : null,
    millis: Math.round(performance.now() - started),
    demoAccounts,
  };
}
