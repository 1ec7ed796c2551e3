import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/client.ts';
import { type RssInstrument, rssInstrumentKey } from '../../domain/rss.ts';

/**
 * Stores an instrument under its key the first time it is used, and returns the key. A definition
 * that differs from the one stored under its key is refused: the assessments scored with the stored
 * one would no longer be explained by it (a changed instrument is a new version, so a new key).
 */
export async function keepInstrument(db: Executor, instrument: RssInstrument): Promise<string> {
  const key = rssInstrumentKey(instrument);
  const definition = sql`${JSON.stringify(instrument)}::jsonb`;
  // One round trip: the insert's own row is not visible to the select beside it, which therefore
  // answers only for a definition stored before.
  const [stored] = rowsOf<{ same: boolean }>(
    await db.execute(sql`
      with added as (
        insert into rss_instruments (key, definition) values (${key}, ${definition})
        on conflict (key) do nothing returning key
      )
      select definition = ${definition} as same from rss_instruments where key = ${key}`),
  );
  if (stored && !stored.same) {
    throw new Error(`The stored definition of instrument ${key} differs from this server's`);
  }
  return key;
}
