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

/**
 * Builds again what deferConstraints dropped, indexes first, one transaction each (a stop midway
 * keeps what is done); a foreign key is checked against every row as it is added. Returns how
 * many were restored.
 */
export async function restoreConstraints(
  database: Database,
  onProgress?: (p: { done: number; total: number; name: string }) => void,
): Promise<number> {
  const { db } = database;
  const pending = await db
    .select()
    .from(deferredConstraints)
    .orderBy(desc(deferredConstraints.kind), asc(deferredConstraints.name));
  for (const [k, d] of pending.entries()) {
    onProgress?.({ done: k, total: pending.length, name: d.name });
    await db.transaction(async (tx) => {
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
  if (pending.length > 0) onProgress?.({ done: pending.length, total: pending.length, name: '' });
  return pending.length;
}
