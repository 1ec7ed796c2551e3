/**
 * The registry-wide duplicate scan: fills missing match keys, finds candidate pairs by blocking
 * (blocking.ts), scores each with the matcher and stores those from the threshold up as pairs to
 * review. Decided pairs keep their decision; pending pairs no longer found are dropped. Progress is
 * written to the scan's row, so any process can show it.
 */
import { and, asc, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { type Db, type Executor, rowsOf, uuidArray } from '../../db/client.ts';
import { duplicatePairs, duplicateScanCandidates, duplicateScans, persons } from '../../db/schema/index.ts';
import { availableParallelism } from 'node:os';
import { DEFAULT_MATCH_WEIGHTS, DEFAULT_THRESHOLD, type MatchPerson } from '../../domain/matching.ts';
import { householdNamesOf, matchPeopleOf } from '../persons/candidates.ts';
import { backfillMatchKeys, countMissingMatchKeys, matchColumns } from '../persons/keys.ts';
import { type BlockingWindows, DEFAULT_WINDOWS, blockCandidates } from './blocking.ts';
import { type Scorer, createScorer } from './score-pool.ts';
import type { FoundPair } from './scoring.ts';

/** Where a scan stands, as reported to `onProgress` and stored on its row. */
export interface ScanProgress {
  phase: 'keys' | 'blocking' | 'scoring' | 'done';
  done: number;
  total: number;
}

/** What a finished scan found. */
export interface ScanSummary {
  scanId: string;
  candidates: number;
  pairsFound: number;
  pairsNew: number;
}

/** Options of a scan; `scanId` continues a scan row created by the caller (the HTTP route does). */
export interface ScanOptions {
  onProgress?: (p: ScanProgress) => void;
  scanId?: string;
  threshold?: number;
  requestedBy?: string | null;
  windows?: BlockingWindows;
  batchSize?: number;
  /** Scoring threads; by default one per core when there are enough candidates to repay them. */
  threads?: number;
}

// Below this many candidates, starting scoring threads costs more than it saves.
const THREADED_FROM = 20_000;

/** Creates the row a scan reports its progress on. */
export async function createScan(db: Executor, requestedBy: string | null, threshold = DEFAULT_THRESHOLD) {
  const [row] = await db
    .insert(duplicateScans)
    .values({ requestedBy, threshold, weightsVersion: DEFAULT_MATCH_WEIGHTS.version })
    .returning();
  return row!;
}

/** Scans the whole registry for probable duplicates; see the module comment. */
export async function scanDuplicates(db: Db, opts: ScanOptions = {}): Promise<ScanSummary> {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const scanId = opts.scanId ?? (await createScan(db, opts.requestedBy ?? null, threshold)).id;
  const report = async (p: ScanProgress, extra: Partial<typeof duplicateScans.$inferInsert> = {}) => {
    opts.onProgress?.(p);
    await db
      .update(duplicateScans)
      .set({ phase: p.phase, done: p.done, total: p.total, updatedAt: new Date(), ...extra })
      .where(eq(duplicateScans.id, scanId));
  };
  try {
    const missing = await countMissingMatchKeys(db);
    await report({ phase: 'keys', done: 0, total: missing });
    await backfillMatchKeys(db, (done) => report({ phase: 'keys', done, total: missing }));
    await report({ phase: 'blocking', done: 0, total: 0 });
    const candidates = await blockCandidates(db, scanId, opts.windows ?? DEFAULT_WINDOWS);
    await report({ phase: 'scoring', done: 0, total: candidates }, { candidates });
    const scorer = createScorer(opts.threads ?? (candidates >= THREADED_FROM ? availableParallelism() : 0));
    const { found, added } = await scoreCandidates(
      db,
      scanId,
      candidates,
      { scorer, threshold, batchSize: opts.batchSize ?? 2000 },
      (done, pairsFound, pairsNew) =>
        report({ phase: 'scoring', done, total: candidates }, { pairsFound, pairsNew }),
    ).finally(() => scorer.close());
    // Pending pairs this scan did not find again (a name corrected, a person merged) are stale.
    await db
      .delete(duplicatePairs)
      .where(
        and(
          eq(duplicatePairs.status, 'pending'),
          or(isNull(duplicatePairs.scanId), ne(duplicatePairs.scanId, scanId)),
        ),
      );
    await dropCandidates(db, scanId);
    await report(
      { phase: 'done', done: candidates, total: candidates },
      { status: 'done', pairsFound: found, pairsNew: added, finishedAt: new Date() },
    );
    return { scanId, candidates, pairsFound: found, pairsNew: added };
  } catch (err) {
    await db
      .update(duplicateScans)
      .set({
        status: 'failed',
        error: err instanceof Error ? err.message : String(err),
        updatedAt: new Date(),
        finishedAt: new Date(),
      })
      .where(eq(duplicateScans.id, scanId));
    await dropCandidates(db, scanId);
    throw err;
  }
}

// A scan leaves millions of dead candidate rows behind: they are vacuumed at once, so the next
// scan does not wade through them when autovacuum is late or off.
async function dropCandidates(db: Db, scanId: string) {
  await db.delete(duplicateScanCandidates).where(eq(duplicateScanCandidates.scanId, scanId));
  await db.execute(sql`vacuum duplicate_scan_candidates`);
}

type Candidate = { personA: string; personB: string };

/** A share of the candidates: those whose first person is from `from` (inclusive) to `to`. */
interface Lane {
  from: string | null;
  to: string | null;
}

/** A batch of candidate pairs with what scoring them reads. */
interface Fetched {
  batch: Candidate[];
  /** The persons of the batch not merged into another. */
  live: Set<string>;
  people: Map<string, MatchPerson>;
}

const { personA, personB } = duplicateScanCandidates;

// Splits the candidates into `count` lanes of about as many pairs, by their first person.
async function lanesOf(db: Db, scanId: string, candidates: number, count: number): Promise<Lane[]> {
  const bounds: (string | null)[] = [null];
  for (let k = 1; k < count; k++) {
    const [row] = await db
      .select({ personA })
      .from(duplicateScanCandidates)
      .where(eq(duplicateScanCandidates.scanId, scanId))
      .orderBy(asc(personA), asc(personB))
      .offset(Math.floor((candidates * k) / count))
      .limit(1);
    if (row && row.personA !== bounds.at(-1)) bounds.push(row.personA);
  }
  bounds.push(null);
  return bounds.slice(1).map((to, i) => ({ from: bounds[i]!, to }));
}

// The lane's next batch after `after` in the pair's order (keyset), with both persons (only what
// the matcher reads) and their households.
async function fetchBatch(
  db: Db,
  scanId: string,
  lane: Lane,
  after: Candidate | null,
  size: number,
): Promise<Fetched | null> {
  const batch: Candidate[] = await db
    .select({ personA, personB })
    .from(duplicateScanCandidates)
    .where(
      and(
        eq(duplicateScanCandidates.scanId, scanId),
        after ? sql`(${personA}, ${personB}) > (${after.personA}::uuid, ${after.personB}::uuid)` : undefined,
        lane.from ? sql`${personA} >= ${lane.from}::uuid` : undefined,
        lane.to ? sql`${personA} < ${lane.to}::uuid` : undefined,
      ),
    )
    .orderBy(asc(personA), asc(personB))
    .limit(size);
  if (batch.length === 0) return null;
  const ids = [...new Set(batch.flatMap((p) => [p.personA, p.personB]))];
  const read = await db
    .select({ id: persons.id, mergedInto: persons.mergedInto, ...matchColumns })
    .from(persons)
    .where(sql`${persons.id} = any(${uuidArray(ids)})`);
  const live = new Set(read.filter((p) => p.mergedInto === null).map((p) => p.id));
  return { batch, live, people: matchPeopleOf(read, await householdNamesOf(db, ids)) };
}

// Stores found pairs in one statement with one parameter, however many: a decided pair keeps its
// decision. Returns how many pairs are new.
async function storePairs(db: Db, scanId: string, found: FoundPair[]): Promise<number> {
  if (found.length === 0) return 0;
  const rows = rowsOf<{ inserted: boolean }>(
    await db.execute(sql`
      insert into ${duplicatePairs} (person_a, person_b, score, evidence, components, weights_version, scan_id)
      select p.a, p.b, p.score, array(select jsonb_array_elements_text(p.evidence)), p.components,
        ${DEFAULT_MATCH_WEIGHTS.version}, ${scanId}::uuid
      from jsonb_to_recordset(${JSON.stringify(found)}::jsonb)
        as p(a uuid, b uuid, score float8, evidence jsonb, components jsonb)
      on conflict (person_a, person_b) do update set
        score = excluded.score, evidence = excluded.evidence, components = excluded.components,
        weights_version = excluded.weights_version, scan_id = excluded.scan_id
      where ${duplicatePairs}.status = 'pending'
      returning xmax = 0 as inserted`),
  );
  return rows.filter((r) => r.inserted).length;
}

// Scores the candidate pairs batch by batch and stores those from the threshold up. The candidates
// are split into lanes, one more than the scorer has threads; in each, the next batch is read
// while this one is scored, so that reading (on PostgreSQL, over several connections), scoring and
// storing overlap and keep every core busy. Stores run one after another, so progress only grows.
async function scoreCandidates(
  db: Db,
  scanId: string,
  candidates: number,
  { scorer, threshold, batchSize }: { scorer: Scorer; threshold: number; batchSize: number },
  progress: (done: number, found: number, added: number) => Promise<void>,
): Promise<{ found: number; added: number }> {
  let found = 0;
  let added = 0;
  let done = 0;
  let storing: Promise<void> = Promise.resolve();
  const store = (pairs: FoundPair[], scored: number) => {
    storing = storing.then(async () => {
      added += await storePairs(db, scanId, pairs);
      found += pairs.length;
      done += scored;
      await progress(done, found, added);
    });
    // Awaited by its lane; a failure meanwhile must not surface as an unhandled rejection.
    storing.catch(() => undefined);
    return storing;
  };
  const runLane = async (lane: Lane) => {
    let next = fetchBatch(db, scanId, lane, null, batchSize);
    let stored: Promise<void> = Promise.resolve();
    for (;;) {
      const fetched = await next;
      if (!fetched) break;
      const { batch, live, people } = fetched;
      next = fetchBatch(db, scanId, lane, batch.at(-1)!, batchSize);
      // Awaited on the next turn; a failure meanwhile must not surface as an unhandled rejection.
      next.catch(() => undefined);
      // A person merged while the scan ran is no longer a candidate.
      const pairs = batch
        .filter((p) => live.has(p.personA) && live.has(p.personB))
        .map((p): [string, string] => [p.personA, p.personB]);
      const scored = await scorer.score({ people, pairs, threshold });
      // Stored while the lane reads and scores on; one store of each lane waits at a time.
      await stored;
      stored = store(scored, batch.length);
    }
    await stored;
  };
  const lanes = await lanesOf(db, scanId, candidates, scorer.threads + 1);
  await Promise.all(lanes.map(runLane));
  await storing;
  return { found, added };
}

/** Marks scans whose process stopped reporting (a restart mid-scan) as failed, so a new one may start. */
export async function failAbandonedScans(db: Executor, olderThanMs = 10 * 60_000) {
  await db
    .update(duplicateScans)
    .set({ status: 'failed', error: 'abandoned: no progress reported', finishedAt: new Date() })
    .where(
      and(
        eq(duplicateScans.status, 'running'),
        lt(duplicateScans.updatedAt, new Date(Date.now() - olderThanMs)),
      ),
    );
}
