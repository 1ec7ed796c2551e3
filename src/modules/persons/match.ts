import { type SQL, and, asc, desc, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, decide } from '../../access/policy.ts';
import { requirePermission, scopeFilter } from '../../access/scope.ts';
import { type Executor, setLocal } from '../../db/client.ts';
import { cases, personNames, persons } from '../../db/schema/index.ts';
import {
  DEFAULT_MATCH_WEIGHTS,
  type PersonMatchKeys,
  matchScore,
  personMatchKeys,
} from '../../domain/matching.ts';
import { today } from '../../clock.ts';
import { caseScopeColumns } from '../cases/access.ts';
import { type Ctx, view } from '../shared/context.ts';
import { householdNamesOf, summaryOf } from './candidates.ts';
import { ensureMatchKeys, matchColumns, matchPersonOf } from './keys.ts';
import { personScope } from './queries.ts';
import { SEARCH_SETTINGS, canonicalNameIn } from './search.ts';
import type { personMatchIn, personMatchQuery } from './schema.ts';
import { latinOf } from './service.ts';
import { textArray } from '../../db/params.ts';

/** How many candidates blocking hands to the matcher; the most similar names come first. */
const CANDIDATES = 200;
/** The trigram similarity from which a name alone makes a candidate. */
export const TRIGRAM_BLOCKING = 0.6;

/**
 * Names that sound alike: two phonetic keys in common (one for a one-word name), as the registry
 * scan blocks. One key alone would make every namesake of a common given name a candidate (tens of
 * thousands in a national registry); each pair is a GIN lookup of its own, so they stay cheap.
 */
function soundsAlike(keys: readonly string[]): SQL | undefined {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return sql`${persons.namePhonetic} @> ${textArray(unique)}`;
  const pairs = unique.flatMap((a, i) => unique.slice(i + 1).map((b) => [a, b]));
  return or(...pairs.map((pair) => sql`${persons.namePhonetic} @> ${textArray(pair)}`));
}

/**
 * The candidates for one person by blocking keys: a shared phonetic key, the same phone, a shared
 * document or a trigram-similar canonical name; a shared phone or document first, then by name.
 */
async function candidatesFor(db: Executor, actor: Actor, keys: PersonMatchKeys) {
  // `%` compares with this threshold; set for this transaction only.
  await setLocal(db, { ...SEARCH_SETTINGS, 'pg_trgm.similarity_threshold': String(TRIGRAM_BLOCKING) });
  const strong = or(
    keys.phoneKey ? sql`${persons.phoneKey} = ${keys.phoneKey}` : undefined,
    keys.documentKeys.length > 0
      ? sql`${persons.documentKeys} && ${textArray(keys.documentKeys)}`
      : undefined,
  );
  const block = or(
    strong,
    soundsAlike(keys.phoneticKeys),
    keys.canonicalName ? canonicalNameIn(sql`${personNames.name} % ${keys.canonicalName}::text`) : undefined,
  );
  if (!block) return [];
  const similarity = keys.canonicalName
    ? sql`coalesce(similarity(${persons.nameCanonical}, ${keys.canonicalName}::text), 0)`
    : sql`0`;
  // What the matcher and the summary read, not the whole row (its match keys are wide arrays).
  return db
    .select({ id: persons.id, pseudonym: persons.pseudonym, ...matchColumns })
    .from(persons)
    .where(and(personScope(db, actor, 'person:read'), block))
    .orderBy(strong ? desc(sql`coalesce(${strong}, false)`) : sql`1`, desc(similarity), asc(persons.id))
    .limit(CANDIDATES);
}

/**
 * Likely existing records of a person about to be registered, in the actor's scope: candidates by
 * blocking keys, each scored by the matcher, kept from the threshold up, best first, with the
 * cases of theirs the actor may see. Nothing is created; the read is audited.
 */
export async function matchPersons(
  ctx: Ctx,
  input: z.infer<typeof personMatchIn>,
  q: z.infer<typeof personMatchQuery>,
) {
  if (decide(ctx.actor, 'person:read') === 'allow') await ensureMatchKeys(ctx.db);
  return view(
    ctx,
    { action: 'person.match', entityType: 'person' },
    async (db, audit) => {
      requirePermission(ctx.actor, 'person:read');
      const { householdNames, ...fields } = input;
      const probe = matchPersonOf(
        {
          ...fields,
          latinName: latinOf(fields),
          ageRecordedOn: fields.estimatedAge !== undefined ? today() : null,
        },
        householdNames,
      );
      // Recorded while the candidates are read and scored (see view).
      await audit({ fields: [] });
      const found = await candidatesFor(db, ctx.actor, personMatchKeys(probe));
      const households = await householdNamesOf(
        db,
        found.map((p) => p.id),
      );
      const scored = found
        .map((p) => ({ p, result: matchScore(probe, matchPersonOf(p, households.get(p.id) ?? [])) }))
        .filter((m) => m.result.score >= q.threshold)
        .sort((a, b) => b.result.score - a.result.score || a.p.id.localeCompare(b.p.id))
        .slice(0, q.limit);
      const ids = scored.map((m) => m.p.id);
      const visible =
        ids.length === 0
          ? []
          : await db
              .select({ id: cases.id, number: cases.number, personId: cases.personId })
              .from(cases)
              .where(and(inArray(cases.personId, ids), scopeFilter(ctx.actor, 'case:read', caseScopeColumns)))
              .orderBy(asc(cases.openedOn), asc(cases.number));
      return {
        items: scored.map(({ p, result }) => ({
          person: summaryOf(p),
          cases: visible.filter((c) => c.personId === p.id).map(({ id, number }) => ({ id, number })),
          score: result.score,
          components: result.components,
          evidence: result.evidence,
        })),
        threshold: q.threshold,
        weightsVersion: DEFAULT_MATCH_WEIGHTS.version,
      };
    },
    // Blocking's trigram threshold is a setting of the transaction.
    { session: true },
  );
}
