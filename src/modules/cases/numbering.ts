import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseCounters } from '../../db/schema/index.ts';
import { REGION_TAGS, SEQUENCE_DIGITS, caseNumberHead } from '../../domain/case-number.ts';

/** The region (ISO 3166-2:KG) an office numbers its cases under: its first region, or a district's region. */
export function numberingRegion(regionCodes: readonly string[]): string | null {
  const first = regionCodes[0];
  if (!first) return null;
  return first.split('-').slice(0, 2).join('-');
}

/**
 * Takes the next case number for a region and year, inside the statement that stores the case: a
 * CTE that increments the region's counter (an upsert) and the number as an expression over it,
 * formatted as formatCaseNumber does. The counter row stays locked until the registration commits,
 * so no two cases share a number and a number, once given, is never given again (cases are closed,
 * never deleted); taking it in the same statement keeps that lock as short as the transaction's end.
 */
export function nextCaseNumber(tx: Tx, regionIso: string | null, year: number) {
  const prefix = (regionIso && REGION_TAGS[regionIso as keyof typeof REGION_TAGS]) || 'KG';
  const counter = tx.$with('case_counter', { last: sql<number>`last` }).as(
    tx
      .insert(caseCounters)
      .values({ prefix, year, last: 1 })
      .onConflictDoUpdate({
        target: [caseCounters.prefix, caseCounters.year],
        set: { last: sql`${caseCounters.last} + 1` },
      })
      .returning({ last: caseCounters.last })
      .getSQL(),
  );
  // String#padStart in SQL: lpad cuts a longer text, so its width is never less than the text's.
  const number = sql<string>`(select ${caseNumberHead(regionIso, year)} || lpad(last::text, greatest(${SEQUENCE_DIGITS}, length(last::text)), '0') from ${counter})`;
  return { counter, number };
}
