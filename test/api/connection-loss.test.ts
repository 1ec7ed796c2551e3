import { sql } from 'drizzle-orm';
import pg from 'pg';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.ts';
import { freshDatabase, postgresUrl } from '../helpers/db.ts';

it.skipIf(!postgresUrl)(
  'survives the server closing an idle pooled connection, and serves the next query',
  async () => {
    const database = await freshDatabase('postgres');
    try {
      const [me] = rowsOf<{ pid: number }>(await database.db.execute(sql`select pg_backend_pid() as pid`));
      // As a restart or an administrator would: the connection now idles in the pool.
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [me!.pid]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = rowsOf<{ ok: number }>(await database.db.execute(sql`select 1 as ok`));
      expect(row!.ok).toBe(1);
    } finally {
      await database.close();
    }
  },
);
