/**
 * The new-case wizard's state and rules, apart from React so they are unit-tested: what each
 * step holds, what must be filled before moving on, the API bodies built from it, and where a
 * server error belongs (step and field), so a failed save sends the worker to the right input
 * with everything they typed still there.
 */
import { ApiError, type ValidationIssue } from '../../api/client.ts';
import type {
  CaseType,
  ConsentScope,
  DocumentType,
  EpisodeFact,
  HouseholdRelationship,
  IntakeChannel,
  RecruiterRelationship,
  Sector,
  Sex,
  Whereabouts,
} from '../cases/codes.ts';
import { isIsoDay, todayLocal } from './dates.ts';
import { isE164, normalizePhone } from './phone.ts';
import type {
  CaseCreateInput,
  EpisodeInput,
  HouseholdMemberInput,
  IdentityDocument,
  PersonInput,
} from './types.ts';

/** The wizard's steps, in order. */
export const STEPS = ['person', 'household', 'episode', 'consent'] as const;
/** One step. */
export type Step = (typeof STEPS)[number];

/** One identity document row (held or retained). */
export interface DocumentRow {
  key: string;
  type: DocumentType | '';
  number: string;
  heldBy: string;
}

/** The person step. */
export interface PersonValues {
  familyName: string;
  givenName: string;
  patronymic: string;
  latinName: string;
  pseudonym: string;
  sex: Sex | '';
  birthDate: string;
  estimatedAge: string;
  citizenship: string;
  phone: string;
  originRegion: string;
  originDistrict: string;
  originSettlement: string;
  languages: string[];
  documentsHeld: DocumentRow[];
  documentsRetained: DocumentRow[];
}

/** One household member row. */
export interface MemberValues {
  key: string;
  name: string;
  relationship: HouseholdRelationship | '';
  sex: Sex | '';
  age: string;
  whereNow: Whereabouts | '';
  country: string;
  withWhom: string;
  caresForChildren: boolean;
}

/** The first migration episode (all optional: leave it empty when there is none to record). */
export interface EpisodeValues {
  destinationCountry: string;
  destinationCity: string;
  departedOn: string;
  returnedOn: string;
  sector: Sector | '';
  recruiterRelationship: RecruiterRelationship | '';
  recruitedHow: string;
  facts: EpisodeFact[];
  wagesUnpaidAmount: string;
  wagesUnpaidCurrency: string;
}

/** The last step: the case itself and the consent. */
export interface CaseValues {
  type: CaseType | '';
  intakeChannel: IntakeChannel | '';
  referringOrganisation: string;
  officeId: string;
  consentOn: string;
  consentScope: ConsentScope[];
}

/** Everything the wizard holds. */
export interface WizardValues {
  person: PersonValues;
  household: MemberValues[];
  episode: EpisodeValues;
  kase: CaseValues;
}

/** Translation keys of the problems the client finds itself. */
export type IntakeProblem =
  | 'intake.problems.required'
  | 'intake.problems.phone'
  | 'intake.problems.age'
  | 'intake.problems.date'
  | 'intake.problems.future'
  | 'intake.problems.country'
  | 'intake.problems.returnBeforeDeparture'
  | 'intake.problems.amount'
  | 'intake.problems.currency'
  | 'intake.problems.scope';

/** Problems by field path (`person.familyName`, `household.0.name`, `kase.type` …). */
export type Problems = Record<string, IntakeProblem>;

let keySeq = 0;
/** A key for a new list row (React keys; never sent to the API). */
export function rowKey(): string {
  keySeq += 1;
  return `r${keySeq}`;
}

/** An empty document row. */
export const emptyDocument = (): DocumentRow => ({ key: rowKey(), type: '', number: '', heldBy: '' });

/** An empty household member. */
export const emptyMember = (): MemberValues => ({
  key: rowKey(),
  name: '',
  relationship: '',
  sex: '',
  age: '',
  whereNow: '',
  country: '',
  withWhom: '',
  caresForChildren: false,
});

/** A fresh wizard; the intake channel and office are the worker's defaults. */
export function emptyWizard(
  defaults: { officeId?: string; intakeChannel?: IntakeChannel } = {},
): WizardValues {
  return {
    person: {
      familyName: '',
      givenName: '',
      patronymic: '',
      latinName: '',
      pseudonym: '',
      sex: '',
      birthDate: '',
      estimatedAge: '',
      citizenship: 'KG',
      phone: '',
      originRegion: '',
      originDistrict: '',
      originSettlement: '',
      languages: [],
      documentsHeld: [],
      documentsRetained: [],
    },
    household: [],
    episode: {
      destinationCountry: '',
      destinationCity: '',
      departedOn: '',
      returnedOn: '',
      sector: '',
      recruiterRelationship: '',
      recruitedHow: '',
      facts: [],
      wagesUnpaidAmount: '',
      wagesUnpaidCurrency: '',
    },
    kase: {
      type: '',
      intakeChannel: defaults.intakeChannel ?? '',
      referringOrganisation: '',
      officeId: defaults.officeId ?? '',
      consentOn: todayLocal(),
      consentScope: ['data_processing'],
    },
  };
}

/** The intake channel that fits the kind of office the worker sits in. */
export function channelForOfficeKind(kind: string | undefined): IntakeChannel | undefined {
  switch (kind) {
    case 'iom_office':
      return 'iom_office';
    case 'single_window_centre':
      return 'single_window_centre';
    case 'hotline':
      return 'hotline';
    case 'consulate':
      return 'consulate_abroad';
    case 'ngo':
      return 'ngo_referral';
    default:
      return undefined;
  }
}

const blank = (s: string) => s.trim() === '';
const ageOk = (s: string) => /^\d{1,3}$/.test(s.trim()) && Number(s) <= 120;

function checkDate(out: Problems, path: string, value: string, today: string) {
  if (blank(value)) return;
  if (!isIsoDay(value)) out[path] = 'intake.problems.date';
  else if (value > today) out[path] = 'intake.problems.future';
}

/** Whether the episode step holds anything at all (an empty one is simply not recorded). */
export function episodeEntered(e: EpisodeValues): boolean {
  return (
    !blank(e.destinationCountry) ||
    !blank(e.destinationCity) ||
    !blank(e.departedOn) ||
    !blank(e.returnedOn) ||
    e.sector !== '' ||
    e.recruiterRelationship !== '' ||
    !blank(e.recruitedHow) ||
    e.facts.length > 0 ||
    !blank(e.wagesUnpaidAmount)
  );
}

/** Client checks of one step (the server checks again and has the last word). */
export function validateStep(step: Step, v: WizardValues, today: string = todayLocal()): Problems {
  const out: Problems = {};
  if (step === 'person') {
    const p = v.person;
    if (blank(p.familyName)) out['person.familyName'] = 'intake.problems.required';
    if (blank(p.givenName)) out['person.givenName'] = 'intake.problems.required';
    if (p.sex === '') out['person.sex'] = 'intake.problems.required';
    checkDate(out, 'person.birthDate', p.birthDate, today);
    if (!blank(p.estimatedAge) && !ageOk(p.estimatedAge)) out['person.estimatedAge'] = 'intake.problems.age';
    if (!/^[A-Z]{2}$/.test(p.citizenship)) out['person.citizenship'] = 'intake.problems.country';
    if (!blank(p.phone) && !isE164(normalizePhone(p.phone))) out['person.phone'] = 'intake.problems.phone';
    for (const list of ['documentsHeld', 'documentsRetained'] as const) {
      p[list].forEach((d, i) => {
        if (d.type === '') out[`person.${list}.${i}.type`] = 'intake.problems.required';
      });
    }
  } else if (step === 'household') {
    v.household.forEach((m, i) => {
      if (blank(m.name)) out[`household.${i}.name`] = 'intake.problems.required';
      if (m.relationship === '') out[`household.${i}.relationship`] = 'intake.problems.required';
      if (m.whereNow === '') out[`household.${i}.whereNow`] = 'intake.problems.required';
      if (!blank(m.age) && !ageOk(m.age)) out[`household.${i}.age`] = 'intake.problems.age';
    });
  } else if (step === 'episode') {
    const e = v.episode;
    if (!episodeEntered(e)) return out;
    if (blank(e.destinationCountry)) out['episode.destinationCountry'] = 'intake.problems.required';
    checkDate(out, 'episode.departedOn', e.departedOn, today);
    checkDate(out, 'episode.returnedOn', e.returnedOn, today);
    if (
      !out['episode.departedOn'] &&
      !out['episode.returnedOn'] &&
      e.departedOn &&
      e.returnedOn &&
      e.returnedOn < e.departedOn
    ) {
      out['episode.returnedOn'] = 'intake.problems.returnBeforeDeparture';
    }
    const amount = e.wagesUnpaidAmount.trim().replace(',', '.');
    if (amount && !/^\d{1,12}(\.\d{1,2})?$/.test(amount))
      out['episode.wagesUnpaidAmount'] = 'intake.problems.amount';
    if (amount && !/^[A-Za-z]{3}$/.test(e.wagesUnpaidCurrency.trim())) {
      out['episode.wagesUnpaidCurrency'] = 'intake.problems.currency';
    }
  } else {
    const k = v.kase;
    if (k.type === '') out['kase.type'] = 'intake.problems.required';
    if (k.intakeChannel === '') out['kase.intakeChannel'] = 'intake.problems.required';
    if (blank(k.officeId)) out['kase.officeId'] = 'intake.problems.required';
    if (k.consentScope.length > 0) {
      if (blank(k.consentOn)) out['kase.consentOn'] = 'intake.problems.required';
      else checkDate(out, 'kase.consentOn', k.consentOn, today);
    }
  }
  return out;
}

const opt = (s: string): string | undefined => (blank(s) ? undefined : s.trim());

function documents(rows: DocumentRow[]): IdentityDocument[] {
  return rows
    .filter((d) => d.type !== '')
    .map((d) => ({ type: d.type as DocumentType, number: opt(d.number), heldBy: opt(d.heldBy) }));
}

/** The person as POST /cases takes it inline. */
export function personBody(p: PersonValues): PersonInput {
  return {
    givenName: p.givenName.trim(),
    familyName: p.familyName.trim(),
    patronymic: opt(p.patronymic),
    latinName: opt(p.latinName),
    pseudonym: opt(p.pseudonym),
    sex: p.sex as Sex,
    birthDate: opt(p.birthDate),
    estimatedAge: blank(p.estimatedAge) || !blank(p.birthDate) ? undefined : Number(p.estimatedAge),
    citizenship: p.citizenship,
    phone: blank(p.phone) ? undefined : normalizePhone(p.phone),
    originRegion: opt(p.originRegion),
    originDistrict: opt(p.originDistrict),
    originSettlement: opt(p.originSettlement),
    languages: p.languages,
    documentsHeld: documents(p.documentsHeld),
    documentsRetained: documents(p.documentsRetained),
  };
}

function memberBody(m: MemberValues): HouseholdMemberInput {
  return {
    name: m.name.trim(),
    relationship: m.relationship as HouseholdRelationship,
    sex: m.sex === '' ? undefined : m.sex,
    age: blank(m.age) ? undefined : Number(m.age),
    whereNow: m.whereNow as Whereabouts,
    country: m.whereNow === 'abroad' ? opt(m.country) : undefined,
    withWhom: opt(m.withWhom),
    caresForChildren: m.caresForChildren,
  };
}

/** Body of POST /cases: person, household and consent inline. */
export function caseBody(v: WizardValues): CaseCreateInput {
  const k = v.kase;
  return {
    person: personBody(v.person),
    type: k.type as CaseType,
    intakeChannel: k.intakeChannel as IntakeChannel,
    referringOrganisation: k.intakeChannel === 'ngo_referral' ? opt(k.referringOrganisation) : undefined,
    officeId: opt(k.officeId),
    consent: k.consentScope.length > 0 ? { givenOn: k.consentOn, scope: k.consentScope } : undefined,
    household: v.household.map(memberBody),
  };
}

/** Body of POST /cases/:id/episodes, or undefined when the step was left empty. */
export function episodeBody(e: EpisodeValues): EpisodeInput | undefined {
  if (!episodeEntered(e)) return undefined;
  const amount = e.wagesUnpaidAmount.trim().replace(',', '.');
  return {
    destinationCountry: e.destinationCountry,
    destinationCity: opt(e.destinationCity),
    departedOn: opt(e.departedOn),
    returnedOn: opt(e.returnedOn),
    sector: e.sector === '' ? undefined : e.sector,
    recruiterRelationship: e.recruiterRelationship === '' ? undefined : e.recruiterRelationship,
    recruitedHow: opt(e.recruitedHow),
    facts: Object.fromEntries(e.facts.map((f) => [f, true])),
    wagesUnpaidAmount: amount || undefined,
    wagesUnpaidCurrency: amount ? e.wagesUnpaidCurrency.trim().toUpperCase() : undefined,
  };
}

/** The step a field path belongs to. */
export function stepOf(path: string): Step {
  if (path.startsWith('person.')) return 'person';
  if (path.startsWith('household')) return 'household';
  if (path.startsWith('episode.')) return 'episode';
  return 'consent';
}

const LOCATIONS = new Set(['body', 'querystring', 'params', 'headers']);
const CASE_FIELDS = new Set(['type', 'intakeChannel', 'referringOrganisation', 'officeId']);

/** Where an issue of POST /cases (or of POST …/episodes, with `episode`) lies in the wizard. */
export function wizardPath(issuePath: readonly (string | number)[], request: 'case' | 'episode'): string {
  const p = LOCATIONS.has(String(issuePath[0])) ? issuePath.slice(1) : [...issuePath];
  const [first, second, third, fourth] = p.map(String);
  if (request === 'episode') return first ? `episode.${first}` : 'episode.destinationCountry';
  if (first === 'person' || first === 'personId') {
    if ((second === 'documentsHeld' || second === 'documentsRetained') && third !== undefined && fourth) {
      return `person.${second}.${third}.${fourth}`;
    }
    return second ? `person.${second}` : 'person.familyName';
  }
  if (first === 'household')
    return third !== undefined && second !== undefined ? `household.${second}.${third}` : 'household';
  if (first === 'consent') return second === 'givenOn' ? 'kase.consentOn' : 'kase.consentScope';
  if (first && CASE_FIELDS.has(first)) return `kase.${first}`;
  if (first === 'assignedTo') return 'kase.officeId';
  return 'kase.type';
}

/** Server problems as path → issue (the first issue per path), from a 400 or a 422 with a field. */
export function serverProblems(error: unknown, request: 'case' | 'episode'): Record<string, ValidationIssue> {
  const out: Record<string, ValidationIssue> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const path = wizardPath(issue.path, request);
    if (!(path in out)) out[path] = issue;
  }
  const d = error.details as { field?: unknown } | undefined;
  if (error.status === 422 && d && typeof d.field === 'string') {
    const path = wizardPath([d.field], request);
    if (!(path in out)) out[path] = { path: [d.field], message: error.message, code: error.code };
  }
  if (error.status === 403 && request === 'case' && !('kase.officeId' in out)) {
    out['kase.officeId'] = { path: ['officeId'], message: error.message, code: 'forbidden_office' };
  }
  return out;
}

/** The first step (in wizard order) that has a problem, for moving the worker there. */
export function firstStepWith(paths: readonly string[]): Step | undefined {
  return STEPS.find((s) => paths.some((p) => stepOf(p) === s));
}

/** DOM id of a field's input, so a problem can move focus to it. */
export function fieldId(path: string): string {
  return `wiz-${path.replace(/\./g, '-')}`;
}
