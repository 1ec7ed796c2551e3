import type { z } from 'zod';
import {
  CONSENT_SCOPES,
  type CaseStatus,
  type ClosureReason,
  type ConsentScope,
  type FollowupKind,
  type IntakeChannel,
  type RecruiterRelationship,
  type ReferralStatus,
  type Sector,
  type TraffickingLikelihood,
} from '../../domain/codes.ts';
import type { rssIn, vulnerabilityIn } from '../assessments/schema.ts';
import type { createCallIn } from '../calls/schema.ts';
import type { createCaseIn } from '../cases/schema.ts';
import type { createEpisodeIn } from '../episodes/schema.ts';
import type { personIn } from '../persons/schema.ts';
import type { proposeItemIn } from '../plans/schema.ts';
import type { referralIn } from '../referrals/schema.ts';

/** The demo accounts that act in the demo cases. */
export type DemoActor =
  'caseworker.osh' | 'caseworker.batken' | 'supervisor.osh' | 'hotline' | 'partner.adilet';

/**
 * One demo case as a script of API bodies (as a client would send them), played through the
 * services in workflow order: open (or convert the call), episodes, then each status with what
 * happens in it, up to `status`.
 */
export interface DemoCase {
  worker: DemoActor;
  /** Logged by the hotline and converted into this case for the worker's office. */
  call?: z.input<typeof createCallIn>;
  /** The body of POST /cases (of …/convert for a call, where intakeChannel defaults to hotline). */
  open: Omit<z.input<typeof createCaseIn>, 'intakeChannel' | 'person'> & {
    intakeChannel?: IntakeChannel;
    person: z.input<typeof personIn> & { pseudonym: string };
  };
  episodes?: z.input<typeof createEpisodeIn>[];
  vulnerability?: z.input<typeof vulnerabilityIn>;
  determination?: { likelihood: TraffickingLikelihood; note?: string };
  /** The first is the baseline (assessment); the others are taken in monitoring, so the chart has a trend. */
  rss?: z.input<typeof rssIn>[];
  goals?: string[];
  /** Proposed by the worker; approved by the supervisor, then procured and delivered as far as `until`. */
  items?: {
    body: z.input<typeof proposeItemIn>;
    until: 'proposed' | 'approved' | 'procured' | 'delivered';
  }[];
  /** Sent by the worker to a service (by name), answered by the receiving organisation as far as `answers`. */
  referrals?: {
    service: string;
    body: Omit<z.input<typeof referralIn>, 'serviceId'>;
    answers?: { status: ReferralStatus; note: string }[];
  }[];
  /** Scheduled by the worker; `done` (a day and a note) records the outcome. */
  followups?: { kind: FollowupKind; dueOn: string; done?: { on: string; note: string } }[];
  status: CaseStatus;
  /** For a closed case: the status it is closed from and why. */
  closure?: { from: CaseStatus; reason: ClosureReason; note?: string };
}

type Facts = NonNullable<z.input<typeof createEpisodeIn>['facts']>;
type Factor = z.input<typeof vulnerabilityIn>['factors'][number];

/** The date `offset` days from today, so that the demo is current whenever it is loaded. */
export type Day = (offset: number) => string;

/** A new person under a pseudonym; the region is the first part of the district code. */
export function person(
  name: string,
  pseudonym: string,
  sex: 'female' | 'male',
  age: number,
  district?: string,
) {
  const [givenName = '', familyName = ''] = name.split(' ');
  const origin = district ? { originRegion: district.slice(0, 4), originDistrict: district } : {};
  return { givenName, familyName, pseudonym, sex, estimatedAge: age, ...origin };
}

/** Where and when a migration episode took place. */
export const stay = (
  destinationCountry: string,
  destinationCity: string,
  departedOn: string,
  returnedOn: string,
) => ({
  destinationCountry,
  destinationCity,
  departedOn,
  returnedOn,
});

/** The work of an episode and the facts screening reads. */
export const work = (sector: Sector, recruiterRelationship: RecruiterRelationship, facts: Facts = {}) => ({
  sector,
  recruiterRelationship,
  facts,
});

/** Wages owed in roubles, as a decimal string like every amount the API takes. */
export const unpaid = (rub: string) => ({ wagesUnpaidAmount: rub, wagesUnpaidCurrency: 'RUB' });

/** A DoMV risk factor. */
export const risk = (
  level: Factor['level'],
  code: string,
  note?: string,
  immediateDanger?: boolean,
): Factor => ({
  level,
  kind: 'risk',
  code,
  ...(note ? { note } : {}),
  ...(immediateDanger ? { immediateDanger } : {}),
});

/** A DoMV protective factor. */
export const strength = (level: Factor['level'], code: string, note?: string): Factor => ({
  level,
  kind: 'protective',
  code,
  ...(note ? { note } : {}),
});

/** An RSS assessment with the default instrument. */
export const rss = (takenOn: string, answers: Record<string, number>) => ({
  instrument: 'koldoo-rss-1',
  takenOn,
  answers,
});

/** Consent given on a day, by default to everything. */
export const consent = (givenOn: string, scope: ConsentScope[] = [...CONSENT_SCOPES]) => ({
  givenOn,
  scope,
});
