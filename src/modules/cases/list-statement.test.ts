import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDatabase, newStaff, skipReason } from '../../../test/helpers/db.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, rowsOf } from '../../db/client.ts';
import { listCasesQuery } from './schema.ts';
import { listCases } from './service.ts';

describe.skipIf(Boolean(skipReason('postgres')))('the case list’s statement on PostgreSQL', () => {
  it('holds the office and the page’s size in its text, so that its plan is made once, not every page', async () => {
    const database = await freshDatabase('postgres');
    const sent: { text: string; params: unknown[] }[] = [];
    const logged = await openDatabase({
      url: database.url!,
      logger: { logQuery: (text, params) => void sent.push({ text, params }) },
    });
    try {
      const supervisor = newStaff('supervisor');
      const ctx = { db: logged.db, config: loadConfig({}), actor: supervisor, requestId: 'test' };
      const listOf = async (query: Record<string, string>) => {
        sent.length = 0;
        await listCases(ctx, { ...listCasesQuery.parse(query), limit: 50 });
        return sent.find((s) => /^select .* from "cases"/s.test(s.text))!;
      };
      const first = await listOf({});
      expect(first.text).toContain(`"cases"."office_id" = '${supervisor.officeId}'`);
      expect(first.text).toMatch(/ limit 51$/);
      expect(first.params).toEqual([]);
      // A filter's value stays a parameter: values of filters are many, offices few.
      expect((await listOf({ status: 'open' })).params).toEqual(['open']);

      // Six pages on one connection (a transaction is one): the statement is named, and with no
      // parameter PostgreSQL plans it once; with the office and size as parameters it planned each
      // of the first five anew, and every one at the million (its plan for any office cost more).
      const plans = await database.db.transaction(async (tx) => {
        for (let i = 0; i < 6; i++) await tx.execute(sql.raw(first.text));
        return rowsOf<{ generic: number; custom: number }>(
          await tx.execute(
            sql`select generic_plans::int as generic, custom_plans::int as custom
                from pg_prepared_statements where statement = ${first.text}`,
          ),
        );
      });
      expect(plans).toEqual([{ generic: 6, custom: 0 }]);
    } finally {
      await logged.close();
      await database.close();
    }
  });
});
