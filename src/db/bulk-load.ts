/**
 * Loading millions of rows into tables with their indexes and foreign keys in place is mostly the
 * upkeep of both, row by row: each foreign key runs a lookup per row, each index an insertion.
 * PostgreSQL's own advice for populating a database is to drop them for the load and build them
 * again afterwards, set-based. Unique indexes (primary keys among them) stay, so a load still
 * cannot duplicate a row. What is dropped is recorded, in the same transaction, in
 * deferred_constraints, and restored after the load, or at the next start should the load stop
 * midway (openDatabase's migrate calls restoreConstraints).
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import { type Database, type Db, type Executor, rowsOf } from './client.ts';
import { type DeferredKind, deferredConstraints } from './schema/index.ts';

interface Deferred {
  name: string;
  tableName: string;
  kind: DeferredKind;
  definition: string;
}

/**
 * Drops the non-unique indexes and the foreign keys of `tables` (their own foreign keys, not
 * those of other tables that refer to them) and records them; returns how many were dropped.
 */
export async function deferConstraints(db: Db, tables: readonly string[]): Promise<number> {
  return db.transaction(async (tx) => {
    const found = rowsOf<Deferred>(
      await tx.execute(sql`
        select c.relname as "tableName", i.relname as name, 'index' as kind,
               pg_get_indexdef(x.indexrelid) as definition
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class c on c.oid = x.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relname = any(${sql.param([...tables])}::text[])
          and not x.indisunique
          and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
        union all
        select c.relname, k.conname, 'foreign_key', pg_get_constraintdef(k.oid)
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and k.contype = 'f'
          and c.relname = any(${sql.param([...tables])}::text[])
        order by 1, 2`),
    );
    if (found.length === 0) return 0;
    await tx.insert(deferredConstraints).values(found).onConflictDoNothing();
    for (const d of found) {
      await tx.execute(
        d.kind === 'index'
          ? sql`drop index ${sql.identifier(d.name)}`
          : sql`alter table ${sql.identifier(d.tableName)} drop constraint ${sql.identifier(d.name)}`,
      );
    }
    return found.length;
  });
}

async function exists(db: Executor, d: Deferred): Promise<boolean> {
  const [row] = rowsOf<{ present: boolean }>(
    await db.execute(
      d.kind === 'index'
        ? sql`select to_regclass(${d.name}) is not null as present`
        : sql`select exists (select 1 from pg_constraint
                where conname = ${d.name} and conrelid = to_regclass(${d.tableName})) as present`,
    ),
  );
  return row!.present;
}

/** The tables adding a foreign key locks against each other: its own and the one it refers to. */
function keyTables(d: Deferred): string[] {
  const referenced = /REFERENCES\s+"?([^"(]+)"?\(/.exec(d.definition)?.[1];
  return referenced ? [d.tableName, referenced] : [d.tableName];
}

/**
 * Whether two restores must not run at once. Index builds take a lock that lets others build
 * beside them; adding a foreign key locks both its tables against any other change of them. So
 * indexes go together, then keys, never two keys that share a table (one would wait for the
 * other's lock, and two keys that refer each to the other's table could deadlock).
 */
function clash(a: Deferred, b: Deferred): boolean {
  if (a.kind !== b.kind) return true;
  if (a.kind === 'index') return false;
  const tables = keyTables(a);
  return keyTables(b).some((t) => tables.includes(t));
}

/**
 * How far a rebuild has come: restores finished of all, and the same weighed by the tables they
 * read. Building an index reads its whole table and sorts its keys, so its time goes with the
 * table's size, not with how many restores there are: at a million persons the four indexes of
 * the audit trail and the case events (14 GB of the 20 loaded) took the first half of a rebuild
 * of 180 s, and a forecast by count said 54 minutes after the first of them. A foreign key's check reads
 * its table once without sorting, and weighs a quarter as much (there, 17 s for keys on tables of
 * 24 GB in all, against 163 s for indexes on 56).
 */
export interface RestoreProgress {
  done: number;
  total: number;
  /** The restore just started, or '' once all are done. */
  name: string;
  /** The finished restores' work, in bytes of the tables they read (a key's check at its share). */
  workDone: number;
  workTotal: number;
}

// A restore on an empty table still takes a statement: it weighs one page.
const MIN_WEIGHT = 8192;
// What a foreign key's check weighs against an index built on a table of the same size.
const KEY_SHARE = 0.25;

/** The size of each of `tables` as a restore reads it (its main fork), in bytes. */
async function tableBytes(db: Db, tables: readonly string[]): Promise<Map<string, number>> {
  const rows = rowsOf<{ name: string; bytes: number }>(
    await db.execute(sql`
      select t as name, coalesce(pg_relation_size(to_regclass(t)), 0)::float8 as bytes
      from unnest(${sql.param([...new Set(tables)])}::text[]) t`),
  );
  return new Map(rows.map((r) => [r.name, Number(r.bytes)]));
}

/**
 * Builds again what deferConstraints dropped, indexes first, one transaction each (a stop midway
 * keeps what is done); a foreign key is checked against every row as it is added. On PostgreSQL
 * two are built at once: a build's final merge, a trigram index and a key's check each keep one
 * core busy, and the other would idle. On a failure nothing more is started; what was started
 * finishes and the first error is thrown. Returns how many were restored.
 */
export async function restoreConstraints(
  database: Database,
  onProgress?: (p: RestoreProgress) => void,
  concurrency = database.engine === 'postgres' ? 2 : 1,
): Promise<number> {
  const pending: Deferred[] = await database.db
    .select()
    .from(deferredConstraints)
    .orderBy(desc(deferredConstraints.kind), asc(deferredConstraints.name));
  const total = pending.length;
  if (total === 0) return 0;
  const bytes = await tableBytes(
    database.db,
    pending.map((d) => d.tableName),
  );
  const weight = (d: Deferred) =>
    Math.max(MIN_WEIGHT, (bytes.get(d.tableName) ?? 0) * (d.kind === 'foreign_key' ? KEY_SHARE : 1));
  const workTotal = pending.reduce((sum, d) => sum + weight(d), 0);
  let done = 0;
  let workDone = 0;
  await runApart(pending, concurrency, clash, async (d) => {
    onProgress?.({ done, total, name: d.name, workDone, workTotal });
    await restoreOne(database, d);
    done++;
    workDone += weight(d);
  });
  onProgress?.({ done: total, total, name: '', workDone: workTotal, workTotal });
  return total;
}

/**
 * Runs `run` on every item, in their order as far as `clash` allows: at most `concurrency` at
 * once, never two that clash, an item that must wait letting later ones pass. After a failure
 * nothing more starts; what runs finishes, then the first error is thrown.
 */
export async function runApart<T>(
  items: readonly T[],
  concurrency: number,
  clash: (a: T, b: T) => boolean,
  run: (item: T) => Promise<void>,
): Promise<void> {
  const pending = [...items];
  const running = new Map<T, Promise<void>>();
  let failure: { error: unknown } | undefined;
  while ((pending.length > 0 && !failure) || running.size > 0) {
    const next =
      !failure && running.size < concurrency
        ? pending.findIndex((d) => ![...running.keys()].some((r) => clash(r, d)))
        : -1;
    if (next < 0) {
      await Promise.race(running.values());
      continue;
    }
    const [item] = pending.splice(next, 1) as [T];
    running.set(
      item,
      run(item)
        .catch((error: unknown) => void (failure ??= { error }))
        .finally(() => running.delete(item)),
    );
  }
  if (failure) throw failure.error;
}

async function restoreOne(database: Database, d: Deferred): Promise<void> {
  await database.db.transaction(async (tx) => {
    // Sorting in memory is what makes a set-based build fast; this setting lasts the transaction.
    if (database.engine === 'postgres') await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    if (!(await exists(tx, d))) {
      await tx.execute(
        d.kind === 'index'
          ? sql.raw(d.definition)
          : sql`alter table ${sql.identifier(d.tableName)} add constraint ${sql.identifier(d.name)} ${sql.raw(d.definition)}`,
      );
    }
    await tx.delete(deferredConstraints).where(eq(deferredConstraints.name, d.name));
  });
}
