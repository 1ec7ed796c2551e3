/**
 * The stays abroad a generated case records: destination and city weighted like the real
 * migration, sector, recruiter, the facts that screening reads, and unpaid wages in the minor
 * units of the currency they were owed in.
 */
import type { ScreeningEpisode } from '../domain/screening.ts';
import { toMinorUnits } from '../modules/episodes/currency.ts';
import type { Batch, Staff } from './batch.ts';
import type { StoryContext } from './context.ts';
import type { Identity } from './identity.ts';
import {
  CURRENCY,
  DESTINATION_CITIES,
  DESTINATION_WEIGHTS,
  type Destination,
  MONTHLY_WAGE,
} from './places.ts';
import { KIND, type Rng, addDays, atOfficeTime, generatedId } from './prng.ts';
import { type Profile, factsFor, recruitedHowFor, recruiterFor, sectorFor } from './story.ts';

// toMinorUnits asks ICU for the currency's exponent on every call; there are few distinct amounts.
const amounts = new Map<string, number | null>();
function unpaid(country: Destination, months: number): number | null {
  const key = `${country}${months}`;
  let amount = amounts.get(key);
  if (amount === undefined)
    amounts.set(key, (amount = toMinorUnits(MONTHLY_WAGE[country] * months, CURRENCY[country]) ?? null));
  return amount;
}

/** An episode as screening needs it, with the case and the day it was recorded. */
export interface EpisodeDraft extends ScreeningEpisode {
  caseId: string;
  recordedOn: string;
}

/** Adds the episodes a case records: the stay (or stays) abroad that brought the person in. */
export function addEpisodes(
  b: Batch,
  rng: Rng,
  c: {
    id: string;
    personId: string;
    openedOn: string;
    after: string | null;
    stillAbroad: boolean;
    count: number;
    profile: Profile;
    who: Identity;
    by: Staff | null;
    sub: number;
    key: StoryContext['key'];
    index: number;
  },
): EpisodeDraft[] {
  const drafts: EpisodeDraft[] = [];
  let end = c.stillAbroad ? null : addDays(c.openedOn, -rng.int(0, 120));
  if (end && c.after && end < c.after) end = c.after;
  for (let e = 0; e < c.count; e++) {
    const country = rng.weighted(DESTINATION_WEIGHTS);
    const facts = factsFor(rng, e === 0 ? c.profile : 'returnee');
    const reference = end ?? c.openedOn;
    let departed = addDays(reference, -rng.int(90, 1500));
    if (c.after && departed < c.after) departed = c.after < reference ? c.after : reference;
    const recruiter = recruiterFor(rng, c.profile);
    const months = rng.int(1, 8);
    const id = generatedId(c.key, KIND.episode, c.index, c.sub, e);
    const recordedOn = addDays(c.openedOn, rng.int(0, 3));
    const at = atOfficeTime(recordedOn, 30 + e);
    const currency = CURRENCY[country];
    b.episodes.push({
      id,
      personId: c.personId,
      caseId: c.id,
      destinationCountry: country,
      destinationCity: rng.weighted(DESTINATION_CITIES[country]),
      departedOn: departed,
      returnedOn: end,
      sector: sectorFor(rng, c.who.sex),
      recruitedHow: recruitedHowFor(rng, recruiter),
      recruiterRelationship: recruiter,
      facts,
      wagesUnpaidAmount: facts.wagesUnpaid ? unpaid(country, months) : null,
      wagesUnpaidCurrency: facts.wagesUnpaid ? currency : null,
      notes: null,
      createdBy: c.by?.id ?? null,
      createdAt: at,
      updatedAt: at,
    });
    drafts.push({ id, facts, caseId: c.id, recordedOn });
    b.act(
      c.id,
      at,
      c.by,
      'episode_added',
      { episodeId: id, destinationCountry: country },
      {
        action: 'episode.create',
        entityType: 'episode',
        entityId: id,
        fields: [
          'destinationCountry',
          'destinationCity',
          'departedOn',
          ...(end ? ['returnedOn'] : []),
          'sector',
          'recruiterRelationship',
          'facts',
        ],
      },
    );
    end = addDays(departed, -rng.int(30, 400));
  }
  return drafts;
}
