import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { newStaff } from '../../test/helpers/db.ts';
import { caseScopeColumns } from '../modules/cases/access.ts';
import { scopeFilter } from './scope.ts';

const rendered = (...args: Parameters<typeof scopeFilter>) =>
  new PgDialect().sqlToQuery(scopeFilter(...args)!);

describe('scopeFilter with the office in the text', () => {
  it('writes the office into the statement and keeps a caseworker’s own id a parameter', () => {
    const supervisor = newStaff('supervisor');
    expect(rendered(supervisor, 'case:read', caseScopeColumns)).toMatchObject({
      sql: '"cases"."office_id" = $1',
      params: [supervisor.officeId],
    });
    expect(rendered(supervisor, 'case:read', caseScopeColumns, { officeInText: true })).toMatchObject({
      sql: `"cases"."office_id" = '${supervisor.officeId}'`,
      params: [],
    });
    const caseworker = newStaff('caseworker');
    const theirs = rendered(caseworker, 'case:read', caseScopeColumns, { officeInText: true });
    expect(theirs.sql).toContain(`"cases"."office_id" = '${caseworker.officeId}'`);
    expect(theirs.params).toEqual([caseworker.userId, caseworker.userId]);
  });
});
