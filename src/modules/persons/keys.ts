import { and, asc, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type IdentityDocument, persons } from '../../db/schema/index.ts';
import { type MatchPerson, personMatchKeys } from '../../domain/matching.ts';

/**
 * The version of the stored match keys: bump it when names.ts or personMatchKeys change, and the
 * next backfill recomputes every row of an older version.
 */
export const MATCH_KEYS_VERSION = 1;

/** The person fields the match keys and the matcher read. */
export interface MatchFields {
  givenName: string;
  familyName: string;
  patronymic?: string | null | undefined;
  latinName?: string | null | undefined;
  sex: MatchPerson['sex'];
  birthDate?: string | null | undefined;
  estimatedAge?: number | null | undefined;
  ageRecordedOn?: string | null | undefined;
  phone?: string | null | undefined;
  originRegion?: string | null | undefined;
  originDistrict?: string | null | undefined;
  documentsHeld?: readonly IdentityDocument[] | null | undefined;
  documentsRetained?: readonly IdentityDocument[] | null | undefined;
}

/** The columns of MatchFields, to read no more of a person than the matcher needs. */
export const matchColumns = {
  givenName: persons.givenName,
  familyName: persons.familyName,
  patronymic: persons.patronymic,
  latinName: persons.latinName,
  sex: persons.sex,
  birthDate: persons.birthDate,
  estimatedAge: persons.estimatedAge,
  ageRecordedOn: persons.ageRecordedOn,
  phone: persons.phone,
  originRegion: persons.originRegion,
  originDistrict: persons.originDistrict,
  documentsHeld: persons.documentsHeld,
  documentsRetained: persons.documentsRetained,
} satisfies Record<keyof MatchFields, unknown>;

/** A person's fields as the matcher reads them: every document number, held or retained. */
export function matchPersonOf(p: MatchFields, householdNames?: readonly string[]): MatchPerson {
  const documents = [...(p.documentsHeld ?? []), ...(p.documentsRetained ?? [])];
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    patronymic: p.patronymic,
    latinName: p.latinName,
    sex: p.sex,
    birthDate: p.birthDate,
    estimatedAge: p.estimatedAge,
    ageRecordedOn: p.ageRecordedOn,
    phone: p.phone,
    originRegion: p.originRegion,
    originDistrict: p.originDistrict,
    documentNumbers: documents.map((d) => d.number).filter((n): n is string => !!n),
    householdNames,
  };
}

/** The stored match-key columns of a person, computed from their fields. */
export function matchKeyColumns(p: MatchFields) {
  const keys = personMatchKeys(matchPersonOf(p));
  return {
    nameCanonical: keys.canonicalName,
    nameTokens: keys.nameTokens,
    namePhonetic: keys.phoneticKeys,
    fatherStem: keys.fatherStem,
    phoneKey: keys.phoneKey,
    documentKeys: keys.documentKeys,
    birthYearFrom: keys.birthYears?.[0] ?? null,
    birthYearTo: keys.birthYears?.[1] ?? null,
    keysVersion: MATCH_KEYS_VERSION,
  };
}

const stale = or(isNull(persons.keysVersion), lt(persons.keysVersion, MATCH_KEYS_VERSION));

/** Whether any person lacks current match keys (an index lookup, cheap enough for every search). */
export async function matchKeysMissing(db: Db): Promise<boolean> {
  const rows = await db.select({ id: persons.id }).from(persons).where(stale).limit(1);
  return rows.length > 0;
}

/** How many persons lack current match keys: the work a backfill has ahead of it. */
export async function countMissingMatchKeys(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(persons)
    .where(stale);
  return Number(row?.n ?? 0);
}

/**
 * Computes the match keys of persons that have none or an older version (rows bulk-loaded by the
 * generator or written before the keys existed), in batches of their own transactions. Idempotent,
 * and safe beside a concurrent run: rows another run holds are skipped. Returns how many it filled.
 */
export async function backfillMatchKeys(
  db: Db,
  onProgress?: (done: number) => void | Promise<void>,
  batchSize = 500,
): Promise<number> {
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const filled: { count: number; last: string | null } = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(persons)
        .where(and(stale, after ? gt(persons.id, after) : undefined))
        .orderBy(asc(persons.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return { count: 0, last: null };
      const values = rows.map((p) => ({ id: p.id, ...matchKeyColumns(p) }));
      // One statement per batch: the computed keys travel as JSON and are joined back by id.
      await tx.execute(sql`
        update ${persons} set
          name_canonical = x."nameCanonical", name_tokens = x."nameTokens", name_phonetic = x."namePhonetic",
          father_stem = x."fatherStem", phone_key = x."phoneKey", document_keys = x."documentKeys",
          birth_year_from = x."birthYearFrom", birth_year_to = x."birthYearTo", keys_version = x."keysVersion"
        from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(
          id uuid, "nameCanonical" text, "nameTokens" text[], "namePhonetic" text[], "fatherStem" text,
          "phoneKey" text, "documentKeys" text[], "birthYearFrom" int, "birthYearTo" int, "keysVersion" int)
        where ${persons.id} = x.id`);
      return { count: rows.length, last: rows.at(-1)!.id };
    });
    if (filled.count === 0) return done;
    done += filled.count;
    after = filled.last;
    await onProgress?.(done);
  }
}

/** Fills missing match keys first when there are any, so that search and matching see every person. */
export async function ensureMatchKeys(db: Db): Promise<void> {
  if (await matchKeysMissing(db)) await backfillMatchKeys(db);
}
