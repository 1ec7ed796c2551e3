/**
 * `koldoo generate`: fills a database with realistic, deterministic beneficiaries and their cases
 * for demos, load tests and matcher evaluation. Idempotent per seed: person ids derive from the
 * seed and index, a person's rows are loaded in the same transaction, and persons already present
 * are skipped, so a second run with the same seed adds nothing and an interrupted run resumes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { type ChainedFields, GENESIS_HASH, eventHash } from '../audit/chain.ts';
import { CHAIN_LOCK } from '../audit/writer.ts';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema/index.ts';
import { REGION_TAGS, formatCaseNumber } from '../domain/case-number.ts';
import type { DemoAccount } from '../modules/demo/seed.ts';
import { Batch } from './batch.ts';
import { bulkTransaction, plainQuery, type BulkSession } from './copy.ts';
import { type StoryContext, loadContext } from './context.ts';
import { plantedDuplicates, personId } from './identity.ts';
import { addPerson } from './person.ts';

/** What to generate. */
export interface GenerateOptions {
  /** Persons of this seed the database should hold (indices 0 … persons − 1). */
  persons: number;
  seed?: string | undefined;
  /** The "today" of the generated history (default: the real today). */
  asOf: string;
  /** Persons per transaction (default 1000). */
  batchSize?: number | undefined;
  /** Password of demo accounts, should the demo have to be created first. */
  demoPassword?: string | undefined;
  /** Where to write the planted-duplicate manifest; null writes none. */
  manifestDir?: string | null | undefined;
  onProgress?: ((p: { done: number; total: number; added: number }) => void) | undefined;
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
  /** Time spent building rows (JavaScript) and in load transactions (the database), which overlap. */
  stages: { buildMillis: number; writeMillis: number };
  demoAccounts: DemoAccount[];
}

/** The seed used when none is given. */
export const DEFAULT_SEED = 'koldoo';

// Orders generator runs among themselves (the check for persons already present, case numbers);
// the audit chain's own lock is taken only for the audit rows, so the API is not held up meanwhile.
const GENERATOR_LOCK = CHAIN_LOCK + 1;

async function build(ctx: StoryContext, indices: readonly number[], requestId: string): Promise<Batch> {
  const batch = new Batch(requestId);
  for (const [k, index] of indices.entries()) {
    addPerson(batch, ctx, index);
    // Let the previous batch's COPY stream flush while this one is built.
    if (k % 64 === 63) await yieldToIo();
  }
  return batch;
}

async function existing(
  run: (text: string, params: unknown[]) => Promise<{ id: string }[]>,
  ids: string[],
): Promise<Set<string>> {
  const rows = await run('select id::text as id from persons where id = any($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

// Numbers come from the same counters as the services', so later cases continue the series.
async function numberCases(s: BulkSession, batch: Batch): Promise<void> {
  const groups = new Map<string, typeof batch.cases>();
  for (const draft of batch.cases) {
    const prefix =
      (draft.numberRegion && REGION_TAGS[draft.numberRegion as keyof typeof REGION_TAGS]) || 'KG';
    const key = `${prefix}|${draft.row.openedOn!.slice(0, 4)}`;
    const group = groups.get(key);
    if (group) group.push(draft);
    else groups.set(key, [draft]);
  }
  if (groups.size === 0) return;
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
    const drafts = groups.get(`${row.prefix}|${row.year}`)!;
    drafts.sort((a, b) =>
      a.row.openedOn! < b.row.openedOn! ? -1 : a.row.openedOn! > b.row.openedOn! ? 1 : 0,
    );
    let seq = row.last - drafts.length;
    for (const d of drafts) {
      d.row.number = formatCaseNumber(
        d.numberRegion && row.prefix !== 'KG' ? d.numberRegion : null,
        row.year,
        ++seq,
      );
      d.opened.number = d.row.number;
    }
  }
}

// Continues the hash chain from its current end, in time order; the caller holds the chain's lock.
async function chainAudit(s: BulkSession, batch: Batch) {
  const [last] = await s.query<{ hash: string }>('select hash from audit_events order by seq desc limit 1');
  let prev = last?.hash ?? GENESIS_HASH;
  const events = batch.audit.sort((a, b) => a.at.getTime() - b.at.getTime()) as (ChainedFields & {
    prevHash?: string;
    hash?: string;
  })[];
  for (const e of events) {
    e.prevHash = prev;
    e.hash = prev = eventHash(prev, e);
  }
  return events as (ChainedFields & { prevHash: string; hash: string })[];
}

async function write(
  database: Database,
  ctx: StoryContext,
  indices: number[],
  prebuilt: Batch,
  requestId: string,
): Promise<Batch> {
  return bulkTransaction(database, async (s) => {
    await s.query('select pg_advisory_xact_lock($1)', [GENERATOR_LOCK]);
    // Another run of the same seed may have loaded some of these meanwhile: then rebuild without them.
    const present = await existing(
      s.query,
      indices.map((i) => personId(ctx.key, i)),
    );
    const batch =
      present.size === 0
        ? prebuilt
        : await build(
            ctx,
            indices.filter((i) => !present.has(personId(ctx.key, i))),
            requestId,
          );
    await numberCases(s, batch);
    await s.copy(t.persons, batch.persons);
    await s.copy(
      t.cases,
      batch.cases.map((d) => d.row),
    );
    await s.copy(t.episodes, batch.episodes);
    await s.copy(t.householdMembers, batch.household);
    await s.copy(t.vulnerabilityAssessments, batch.vulnerability);
    await s.copy(t.rssAssessments, batch.rss);
    await s.copy(t.plans, batch.plans);
    await s.copy(t.planItems, batch.planItems);
    await s.copy(t.referrals, batch.referrals);
    await s.copy(t.followups, batch.followups);
    await s.copy(t.caseEvents, batch.caseEvents);
    await s.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    await s.copy(t.auditEvents, await chainAudit(s, batch));
    return batch;
  });
}

function tally(rows: Record<string, number>, b: Batch): void {
  for (const [table, n] of Object.entries(b.counts())) rows[table] = (rows[table] ?? 0) + n;
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
  const rows: Record<string, number> = {};
  let pending: Promise<Batch> | undefined;
  const stages = { buildMillis: 0, writeMillis: 0 };
  let done = 0;
  const settle = async () => {
    if (!pending) return;
    const b = await pending;
    tally(rows, b);
    opts.onProgress?.({ done, total: opts.persons, added: rows.persons ?? 0 });
  };
  for (let start = 0; start < opts.persons; start += size) {
    const indices = Array.from({ length: Math.min(size, opts.persons - start) }, (_, k) => start + k);
    const present = await existing(
      (text, params) => plainQuery(database, text, params),
      indices.map((i) => personId(ctx.key, i)),
    );
    const todo = indices.filter((i) => !present.has(personId(ctx.key, i)));
    const built = performance.now();
    const batch = await build(ctx, todo, requestId);
    stages.buildMillis += performance.now() - built;
    await settle();
    done = start + indices.length;
    const writing = performance.now();
    pending = write(database, ctx, todo, batch, requestId).finally(
      () => (stages.writeMillis += performance.now() - writing),
    );
    pending.catch(() => undefined);
  }
  await settle();
  if ((rows.persons ?? 0) > 0) {
    await plainQuery(database, 'analyze');
    // Sets the visibility map, as autovacuum would in production (and cannot where it is off):
    // without it the dashboard's index-only counts read every case row from the table.
    await plainQuery(database, 'vacuum cases');
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
    stages: { buildMillis: Math.round(stages.buildMillis), writeMillis: Math.round(stages.writeMillis) },
    demoAccounts,
  };
}
