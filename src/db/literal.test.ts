import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { literal, literalLimit } from './literal.ts';
import { offices } from './schema/index.ts';

describe('literal', () => {
  it('writes a value into the statement, escaped, and a LIMIT as a number, with no parameter', () => {
    const query = new QueryBuilder()
      .select({ id: offices.id })
      .from(offices)
      .where(eq(offices.name, literal("Jalal-Abad's office")))
      .limit(literalLimit(51))
      .toSQL();
    expect(query.sql).toBe(
      `select "id" from "offices" where "offices"."name" = 'Jalal-Abad''s office' limit 51`,
    );
    expect(query.params).toEqual([]);
  });
});
