import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, skipReason } from '../../../test/helpers/db.ts';
import { type Database, rowsOf } from '../../db/client.ts';

describe.each(ENGINES)('the registry’s list order (%s)', (engine) => {
  const skip = skipReason(engine);
  let database: Database;
  beforeAll(async () => {
    if (skip) return;
    database = await freshDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it.skipIf(skip)('pages persons newest first by an index, not by sorting every person', async () => {
    // With sorting priced out, only an index in the list's order avoids a Sort node: without one,
    // a page of a million persons sorted them all (2.5 s).
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`);
      return rowsOf<{ 'QUERY PLAN': string }>(
        await tx.execute(sql`explain select id from persons order by created_at desc, id desc limit 51`),
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan Backward using persons_created_at_id_index/);
    expect(plan).not.toMatch(/Sort/);
  });
});
