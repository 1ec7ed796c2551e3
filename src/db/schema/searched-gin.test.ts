import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/db.ts';
import { generate } from '../../generate/generate.ts';
import { rowsOf } from '../client.ts';

describeEachDatabase('GIN indexes that searches read', (database, it) => {
  // Each GIN index's storage options, and how many pages were pending (gin_clean_pending_list
  // merges them and says how many it merged).
  const gin = async () =>
    rowsOf<{ name: string; options: string[] | null; pending: number }>(
      await database().db.execute(sql`
        select i.relname as name, i.reloptions as options, gin_clean_pending_list(i.oid)::int as pending
        from pg_class i join pg_am a on a.oid = i.relam
        where a.amname = 'gin' and i.relnamespace = current_schema()::regnamespace
        order by 1`),
    );
  // Every GIN index of the schema is read by a search: names, phonetic keys, documents,
  // pseudonyms, case numbers.
  const settled = (indexes: { name: string }[]) => {
    expect(indexes).toHaveLength(5);
    return indexes.map(({ name }) => ({ name, options: ['fastupdate=false'], pending: 0 }));
  };

  it('keep nothing pending as persons, names and cases are added', async () => {
    const opts = { seed: 'gin', asOf: '2026-06-01', manifestDir: null, threads: 0 };
    // Dropped for the load and built again after it, as a large load does: with their setting.
    await generate(database(), { ...opts, persons: 30, deferConstraints: true });
    const restored = await gin();
    expect(restored).toEqual(settled(restored));
    // Added to while in place: straight into the indexes.
    await generate(database(), { ...opts, persons: 60, deferConstraints: false });
    const added = await gin();
    expect(added).toEqual(settled(added));
  });
});
