import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseCounters } from '../../db/schema/index.ts';
import { REGION_TAGS, formatCaseNumber } from '../../domain/case-number.ts';

/** The region (ISO 3166-2:KG) an office numbers its cases under: its first region, or a district's region. */
export function numberingRegion(regionCodes: readonly string[]): string | null {
  const first = regionCodes[0];
  if (!first) return null;
  return first.split('-').slice(0, 2).join('-');
}

/**
 * Takes the next case number for a region and year. The counter row is incremented atomically
 * (an upsert) and stays locked until the registration commits, so no two cases share a number and
 * a number, once given, is never given again (cases are closed, never deleted).
 */
export async function nextCaseNumber(tx: Tx, regionIso: string | null, year: number): Promise<string> {
  const prefix = (regionIso && REGION_TAGS[regionIso as keyof typeof REGION_TAGS]) || 'KG';
  const [row] = await tx
    .insert(caseCounters)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseCounters.prefix, caseCounters.year],
      set: { last: sql`${caseCounters.last} + 1` },
    })
    .returning({ last: caseCounters.last });
  return formatCaseNumber(regionIso, year, row!.last);
}
