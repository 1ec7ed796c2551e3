/**
 * The shape of a generated case over time: what kind of migration story it is, what happened
 * abroad, and when the case moved through the workflow. Dates are consistent (a case is never
 * closed before it opened, nothing happens after the as-of date) and every move is one the domain
 * workflow allows, so the generated history could have been entered through the API.
 */
import type { CaseStatus, CaseType, ClosureReason, RecruiterRelationship, Sector } from '../domain/codes.ts';
import type { EpisodeFacts } from '../domain/screening.ts';
import { CASE_TRANSITIONS, CLOSURE_REASON_ONLY_FROM } from '../domain/workflow.ts';
import { type Rng, addDays, daysBetween } from './prng.ts';

/** The kind of story, which drives facts, case type, needs and how well reintegration goes. */
export const PROFILE_WEIGHTS = {
  returnee: 34,
  wage_theft: 22,
  exploited: 16,
  stranded: 12,
  family: 8,
  legal: 8,
} as const;
/** A story profile. */
export type Profile = keyof typeof PROFILE_WEIGHTS;

const CASE_TYPE_WEIGHTS: Record<Profile, Partial<Record<CaseType, number>>> = {
  returnee: { returnee_reintegration: 1 },
  wage_theft: { legal_assistance: 50, returnee_reintegration: 50 },
  exploited: { trafficking_survivor: 75, returnee_reintegration: 25 },
  stranded: { stranded_migrant: 1 },
  family: { family_reunification: 1 },
  legal: { legal_assistance: 1 },
};

/** The case type a story is opened as. */
export const caseTypeFor = (rng: Rng, profile: Profile): CaseType =>
  rng.weighted(CASE_TYPE_WEIGHTS[profile] as Record<CaseType, number>);

// How often each fact is reported, by profile; absent facts are "not reported".
const FACT_RATES: Record<Profile, Partial<Record<keyof EpisodeFacts, number>>> = {
  exploited: {
    deceived: 0.8,
    documentsTaken: 0.7,
    wagesUnpaid: 0.85,
    movementRestricted: 0.5,
    violence: 0.35,
    threats: 0.55,
    debtBondage: 0.3,
    isolation: 0.45,
    excessiveHours: 0.6,
    abusiveConditions: 0.8,
    irregularStatusExploited: 0.4,
    dependentOnEmployerForHousing: 0.5,
    threatOfDenunciation: 0.3,
  },
  wage_theft: {
    wagesUnpaid: 1,
    deceived: 0.5,
    excessiveHours: 0.5,
    abusiveConditions: 0.4,
    documentsTaken: 0.1,
    threatOfDenunciation: 0.15,
  },
  stranded: { irregularStatusExploited: 0.2, wagesUnpaid: 0.2, documentsTaken: 0.15 },
  returnee: { wagesUnpaid: 0.15, abusiveConditions: 0.1, excessiveHours: 0.1 },
  family: { wagesUnpaid: 0.05 },
  legal: { wagesUnpaid: 0.4, documentsTaken: 0.2, deceived: 0.2 },
};

/** The facts of one episode abroad. */
export function factsFor(rng: Rng, profile: Profile): EpisodeFacts {
  const facts: EpisodeFacts = {};
  for (const [fact, rate] of Object.entries(FACT_RATES[profile]) as [keyof EpisodeFacts, number][]) {
    if (rng.chance(rate)) facts[fact] = true;
  }
  return facts;
}

/** The labour sector, which differs between men and women. */
export function sectorFor(rng: Rng, sex: 'male' | 'female'): Sector {
  return sex === 'male'
    ? rng.weighted({ construction: 40, agriculture: 25, services: 15, factory: 12, other: 8 })
    : rng.weighted({ services: 30, domestic_work: 25, factory: 25, agriculture: 15, other: 5 });
}

/** Who recruited them: "someone from our village" dominates the stories of exploitation. */
export function recruiterFor(rng: Rng, profile: Profile): RecruiterRelationship {
  return profile === 'exploited'
    ? rng.weighted({
        same_village: 30,
        acquaintance: 20,
        friend: 15,
        agency: 10,
        online: 10,
        stranger: 10,
        family: 5,
      })
    : rng.weighted({ none: 40, friend: 20, family: 15, agency: 10, online: 10, acquaintance: 5 });
}

const RECRUITED_HOW: Partial<Record<RecruiterRelationship, readonly string[]>> = {
  same_village: [
    'Односельчанин обещал работу на ферме брата',
    'Человек из нашего села позвал на стройку, обещал жильё',
  ],
  acquaintance: ['Знакомый предложил работу в кафе', 'Знакомый знакомого обещал место на складе'],
  friend: ['Подруга позвала на швейную фабрику', 'Друг сказал, что на стройке нужны люди'],
  agency: ['Через агентство в Оше, заплатил за оформление', 'Агентство обещало патент и общежитие'],
  online: [
    'Объявление в Telegram: работа на стройке, жильё бесплатно',
    'Вакансия в WhatsApp-группе земляков',
  ],
  stranger: ['Мужчина на вокзале предложил работу', 'Посредник на рынке обещал высокую зарплату'],
  family: ['Поехал к родственникам, они нашли работу', 'Тётя позвала работать в её кафе'],
};

/** How the person says they were recruited, or null when nobody recruited them. */
export const recruitedHowFor = (rng: Rng, r: RecruiterRelationship): string | null => {
  const texts = RECRUITED_HOW[r];
  return texts ? rng.pick(texts) : null;
};

/** When a case opens: mostly recent, with the wave of returns after the borders closed in 2020. */
export function openingDate(rng: Rng, asOf: string): string {
  const covidStart = '2020-03-15';
  if (covidStart < asOf && rng.chance(0.12)) {
    const end = '2020-09-30' < asOf ? '2020-09-30' : asOf;
    return addDays(covidStart, rng.int(0, daysBetween(covidStart, end)));
  }
  const maxBack = Math.max(0, daysBetween('2019-01-01', asOf));
  // Older cases thin out; the tail beyond 2019 folds back instead of piling up on one day.
  const back = Math.floor(-Math.log(1 - rng.next()) * 900) % (maxBack + 1);
  return addDays(asOf, -back);
}

/** One move of the workflow, on a date. */
export interface Transition {
  from: CaseStatus;
  to: CaseStatus;
  on: string;
  reason: ClosureReason | null;
}

/** A case's course: its moves, where it is now, and the date each status was reached. */
export interface Lifecycle {
  transitions: Transition[];
  status: CaseStatus;
  closedOn: string | null;
  closureReason: ClosureReason | null;
  reached: Partial<Record<CaseStatus, string>>;
}

const FORWARD: Partial<Record<CaseStatus, { to: CaseStatus; days: [number, number] }>> = {
  open: { to: 'assessment', days: [2, 30] },
  assessment: { to: 'planning', days: [7, 45] },
  planning: { to: 'assistance', days: [7, 60] },
  assistance: { to: 'monitoring', days: [30, 180] },
  monitoring: { to: 'closed', days: [90, 540] },
};

function closureReason(rng: Rng, from: CaseStatus): ClosureReason {
  const reason: ClosureReason =
    from === 'monitoring'
      ? rng.weighted({ sustainably_reintegrated: 75, remigrated: 15, lost_contact: 10 })
      : rng.weighted({
          lost_contact: 45,
          remigrated: 30,
          transferred: 10,
          consent_withdrawn: 10,
          deceased: 5,
        });
  // The workflow's own rule decides; a reason it would refuse falls back to lost contact.
  const only = CLOSURE_REASON_ONLY_FROM[reason];
  return only && only !== from ? 'lost_contact' : reason;
}

/** Walks a case forward from its opening until the as-of date, closing some early, as the workflow allows. */
export function lifecycle(rng: Rng, openedOn: string, asOf: string): Lifecycle {
  const transitions: Transition[] = [];
  const reached: Partial<Record<CaseStatus, string>> = { open: openedOn };
  let status: CaseStatus = 'open';
  let on = openedOn;
  let reason: ClosureReason | null = null;
  for (let step: (typeof FORWARD)[CaseStatus] = FORWARD[status]; step; step = FORWARD[status]) {
    const next: string = addDays(on, rng.int(step.days[0], step.days[1]));
    if (next > asOf) break;
    const early: boolean = status !== 'monitoring' && rng.chance(0.06);
    const to: CaseStatus = early ? 'closed' : step.to;
    if (!(to in CASE_TRANSITIONS[status])) throw new Error(`The generator tried ${status} → ${to}`);
    reason = to === 'closed' ? closureReason(rng, status) : null;
    transitions.push({ from: status, to, on: next, reason });
    status = to;
    on = next;
    reached[to] = next;
  }
  return {
    transitions,
    status,
    closedOn: status === 'closed' ? on : null,
    closureReason: status === 'closed' ? reason : null,
    reached,
  };
}
