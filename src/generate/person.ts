/**
 * One generated beneficiary: the person as registered, their cases with the episodes abroad and
 * the household recorded at intake, screened with the domain's `screen` exactly as the services
 * screen them. Everything that happens later in a case is in casework.ts.
 */
import type { CaseType, IntakeChannel } from '../domain/codes.ts';
import { ageAt } from '../domain/dates.ts';
import { type ScreeningResult, screen } from '../domain/screening.ts';
import { numberingRegion } from '../modules/cases/numbering.ts';
import { matchKeyColumns } from '../modules/persons/keys.ts';
import type { Batch, CaseDraft, Staff } from './batch.ts';
import { type CaseInfo, addCasework } from './casework.ts';
import type { StoryContext } from './context.ts';
import { type EpisodeDraft, addEpisodes } from './episodes.ts';
import { addHousehold } from './household.ts';
import { type Identity, duplicateOf, officeOf, personId, recordedIdentity } from './identity.ts';
import { INTAKE_WEIGHTS } from './places.ts';
import { KIND, Rng, STREAM, addDays, atOfficeTime, generatedId } from './prng.ts';
import { PROFILE_WEIGHTS, type Profile, caseTypeFor, lifecycle, openingDate } from './story.ts';

const LANGUAGES = { ky: ['ky', 'ru'], uz: ['uz', 'ky', 'ru'], ru: ['ru'] } as const;

function documentsOf(rng: Rng, retained: boolean) {
  const number = `${rng.pick(['AC', 'AN', 'ID'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  if (retained) {
    return {
      held: rng.chance(0.5) ? [{ type: 'national_id' as const, number }] : [],
      retained: [
        { type: 'passport' as const, heldBy: rng.pick(['работодатель', 'посредник', 'хозяин фермы']) },
      ],
    };
  }
  return { held: rng.chance(0.85) ? [{ type: 'passport' as const, number }] : [], retained: [] };
}

function personRow(
  b: Batch,
  ctx: StoryContext,
  index: number,
  who: Identity,
  rng: Rng,
  registered: { on: string; officeId: string; by: Staff | null; type: CaseType },
) {
  const age = ageAt(who.birthDate, registered.on);
  const docs = documentsOf(rng, false);
  const at = atOfficeTime(registered.on, 0);
  const person = {
    id: personId(ctx.key, index),
    givenName: who.givenName,
    familyName: who.familyName,
    patronymic: who.patronymic,
    latinName: who.latinName,
    pseudonym: registered.type === 'trafficking_survivor' ? `${who.givenName}-${rng.int(1, 99)}` : null,
    sex: who.sex,
    birthDate: who.ageEstimated ? null : who.birthDate,
    estimatedAge: who.ageEstimated ? Math.max(14, age + rng.int(-2, 2)) : null,
    ageRecordedOn: who.ageEstimated ? registered.on : null,
    citizenship: 'KG',
    phone: who.phone,
    originRegion: who.originRegion,
    originDistrict: who.originDistrict,
    originSettlement: who.originSettlement,
    languages: [...LANGUAGES[who.ethnicity]],
    documentsHeld: docs.held,
    documentsRetained: docs.retained,
    officeId: registered.officeId,
    createdBy: registered.by?.id ?? null,
    createdAt: at,
    updatedAt: at,
  };
  // With its match keys, as the services store them: search and the duplicate scan find a
  // generated registry at once, without a backfill of every row.
  b.persons.push({ ...person, ...matchKeyColumns(person) });
}

/** Adds one generated person with all their cases, in the order a real office would have entered them. */
export function addPerson(b: Batch, ctx: StoryContext, index: number): void {
  const key = ctx.key;
  const who = recordedIdentity(key, index);
  const dup = duplicateOf(key, index);
  const officeKey = officeOf(
    key,
    index,
    who.originRegion,
    dup ? officeOf(key, dup.original, who.originRegion) : undefined,
  );
  const office = ctx.offices[officeKey];
  const rng = new Rng(key, STREAM.story, index);
  const profile = rng.weighted(PROFILE_WEIGHTS);
  const id = personId(key, index);
  const episodes: EpisodeDraft[] = [];
  const cases: CaseInfo[] = [];
  let openedOn = openingDate(rng, ctx.asOf);
  let after: string | null = null;
  for (let n = 0; n < 2 && openedOn <= ctx.asOf; n++) {
    const caseProfile: Profile = n === 0 ? profile : rng.weighted(PROFILE_WEIGHTS);
    const type = caseTypeFor(rng, caseProfile);
    const life = lifecycle(rng, openedOn, ctx.asOf);
    const intake = rng.weighted(INTAKE_WEIGHTS[officeKey]) as IntakeChannel;
    const staff = rng.chance(0.9) ? office.caseworkers : office.supervisors;
    const worker = life.status === 'open' && rng.chance(0.3) ? null : staff.length ? rng.pick(staff) : null;
    const creator = intake === 'hotline' && ctx.hotline.length > 0 ? rng.pick(ctx.hotline) : worker;
    const actor = worker ?? office.supervisors[0] ?? office.caseworkers[0] ?? null;
    const caseId = generatedId(key, KIND.case, index, n);
    const consentScope = rng.chance(0.03)
      ? []
      : ['data_processing', 'referral', 'follow_up', ...(rng.chance(0.5) ? ['data_sharing_anonymised'] : [])];
    if (n === 0) personRow(b, ctx, index, who, rng, { on: openedOn, officeId: office.id, by: creator, type });
    const at = atOfficeTime(openedOn, 10);
    const draft: CaseDraft = {
      numberRegion: numberingRegion(office.regionCodes),
      opened: { number: '', type, intakeChannel: intake, callId: null },
      row: {
        id: caseId,
        number: '',
        personId: id,
        type,
        officeId: office.id,
        assignedTo: worker?.id ?? null,
        intakeChannel: intake,
        referringOrganisation:
          intake === 'ngo_referral' ? rng.pick(['Адилет', 'Инсан-Лейлек', 'Таза Коом']) : null,
        callId: null,
        consentGivenOn: consentScope.length > 0 ? openedOn : null,
        consentScope,
        consentWithdrawnOn: life.closureReason === 'consent_withdrawn' ? life.closedOn : null,
        riskLevel: null,
        status: life.status,
        closureReason: life.closureReason,
        openedOn,
        closedOn: life.closedOn,
        screening: null,
        traffickingLikelihood: null,
        determination: null,
        createdBy: creator?.id ?? null,
        version: 1 + life.transitions.length,
        createdAt: at,
        updatedAt: at,
      },
    };
    b.cases.push(draft);
    b.act(caseId, at, creator, 'case_opened', draft.opened, {
      action: 'case.create',
      entityType: 'case',
      entityId: caseId,
      fields: [
        n === 0 ? 'person' : 'personId',
        'type',
        'intakeChannel',
        'officeId',
        'openedOn',
        ...(consentScope.length ? ['consent'] : []),
        'household',
      ],
    });
    addHousehold(b, rng, { caseId, key, index, sub: n, who, openedOn, profile: caseProfile, at });
    const stillAbroad = officeKey === 'consulate' || (caseProfile === 'stranded' && rng.chance(0.6));
    const count = n === 0 && rng.chance(0.2) ? 2 : 1;
    episodes.push(
      ...addEpisodes(b, rng, {
        id: caseId,
        personId: id,
        openedOn,
        after,
        stillAbroad,
        count,
        profile: caseProfile,
        who,
        by: actor,
        sub: n,
        key,
        index,
      }),
    );
    const pseudonym = b.persons.at(-1)!.pseudonym ?? null;
    cases.push({
      id: caseId,
      index,
      sub: n,
      type,
      profile: caseProfile,
      office,
      worker,
      actor,
      openedOn,
      life,
      consentScope,
      who,
      pseudonym,
      draft,
    });
    if (!life.closedOn || !rng.chance(0.3)) break;
    after = addDays(life.closedOn, 5);
    openedOn = addDays(life.closedOn, rng.int(30, 400));
  }
  // Documents retained abroad show on the person, as the caseworker would record them.
  if (episodes.some((e) => e.facts.documentsTaken)) {
    const docs = documentsOf(rng, true);
    Object.assign(b.persons.at(-1)!, { documentsHeld: docs.held, documentsRetained: docs.retained });
  }
  const screening = screenInOrder(b, episodes, cases);
  for (const c of cases) {
    Object.assign(c.draft.row, { screening, traffickingLikelihood: screening.likelihood });
    addCasework(b, ctx, rng, c);
  }
  b.flushEvents();
}

// The services re-screen the person after every episode and note each change of likelihood on
// every case of theirs; the final result is stored on all of them.
function screenInOrder(b: Batch, episodes: EpisodeDraft[], cases: CaseInfo[]): ScreeningResult {
  let likelihood: string = 'unlikely';
  let result = screen([]);
  for (let i = 0; i < episodes.length; i++) {
    result = screen(episodes.slice(0, i + 1));
    if (result.likelihood === likelihood) continue;
    const e = episodes[i]!;
    for (const c of cases.filter((x) => x.openedOn <= e.recordedOn)) {
      b.act(c.id, atOfficeTime(e.recordedOn, 60 + i), c.actor, 'screening_changed', {
        from: likelihood,
        to: result.likelihood,
        indicators: result.indicators,
      });
    }
    likelihood = result.likelihood;
  }
  return result;
}
