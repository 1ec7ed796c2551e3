/**
 * Pure helpers of the case forms: stored record → form values, form values → API body, and the
 * checks that run as the user types. Kept apart from React so they are unit-tested.
 */
import {
  KOLDOO_RSS_1,
  type CaseStatus,
  type DocumentType,
  type DomvLevel,
  type EpisodeFact,
  type FactorKind,
  type RiskLevel,
} from './codes.ts';
import { toCanonicalAmount } from './money.ts';
import type { Episode, HouseholdMember, IdentityDocument, Person } from './types.ts';
import {
  compact,
  countryProblem,
  dateProblem,
  languagesProblem,
  optionalText,
  phoneProblem,
  problem,
  requiredText,
  splitList,
  wholeNumberProblem,
  type Problem,
  type Problems,
} from './validation.ts';

const trimmed = (value: string) => value.trim();
const orEmpty = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

// --- Person ------------------------------------------------------------------------------------

/** One identity document row of the person form. */
export interface DocumentRow {
  type: DocumentType;
  number: string;
  heldBy: string;
}

/** The person form: every input as text, documents as rows. */
export interface PersonFormValues {
  givenName: string;
  familyName: string;
  patronymic: string;
  latinName: string;
  pseudonym: string;
  sex: string;
  birthDate: string;
  estimatedAge: string;
  citizenship: string;
  phone: string;
  originRegion: string;
  originDistrict: string;
  originSettlement: string;
  languages: string;
  documentsHeld: DocumentRow[];
  documentsRetained: DocumentRow[];
}

/** A person field of the form. */
export type PersonField = keyof PersonFormValues;

/** Every person field, in form order. */
export const PERSON_FIELDS: readonly PersonField[] = [
  'givenName',
  'familyName',
  'patronymic',
  'latinName',
  'pseudonym',
  'sex',
  'birthDate',
  'estimatedAge',
  'citizenship',
  'phone',
  'originRegion',
  'originDistrict',
  'originSettlement',
  'languages',
  'documentsHeld',
  'documentsRetained',
];

// Optional fields the API cannot empty once set (PATCH /persons takes no null).
const PERSON_OPTIONAL: readonly PersonField[] = [
  'patronymic',
  'latinName',
  'pseudonym',
  'birthDate',
  'estimatedAge',
  'phone',
  'originRegion',
  'originDistrict',
  'originSettlement',
];

const docRows = (docs: IdentityDocument[]): DocumentRow[] =>
  docs.map((d) => ({ type: d.type, number: d.number ?? '', heldBy: d.heldBy ?? '' }));

const docsOut = (rows: DocumentRow[]): IdentityDocument[] =>
  rows.map((r) => ({
    type: r.type,
    ...(r.number.trim() ? { number: r.number.trim() } : {}),
    ...(r.heldBy.trim() ? { heldBy: r.heldBy.trim() } : {}),
  }));

/** The form values of a stored person. */
export function personToForm(person: Person): PersonFormValues {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    patronymic: orEmpty(person.patronymic),
    latinName: person.latinName,
    pseudonym: orEmpty(person.pseudonym),
    sex: person.sex,
    birthDate: orEmpty(person.birthDate),
    estimatedAge: orEmpty(person.estimatedAge),
    citizenship: person.citizenship,
    phone: orEmpty(person.phone),
    originRegion: orEmpty(person.originRegion),
    originDistrict: orEmpty(person.originDistrict),
    originSettlement: orEmpty(person.originSettlement),
    languages: person.languages.join(', '),
    documentsHeld: docRows(person.documentsHeld),
    documentsRetained: docRows(person.documentsRetained),
  };
}

const docProblem = (rows: DocumentRow[]): Problem | undefined => {
  for (const r of rows) {
    const bad = optionalText(r.number, 40) ?? optionalText(r.heldBy, 200);
    if (bad) return bad;
  }
  return undefined;
};

/** Checks of the person form; `base` is what was loaded (an optional field once set cannot be emptied). */
export function validatePerson(v: PersonFormValues, base?: PersonFormValues): Problems<PersonField> {
  const found = compact<PersonField>({
    givenName: requiredText(v.givenName, 100),
    familyName: requiredText(v.familyName, 100),
    patronymic: optionalText(v.patronymic, 100),
    latinName: optionalText(v.latinName, 200),
    pseudonym: optionalText(v.pseudonym, 60),
    sex: v.sex ? undefined : problem('cases.v.required'),
    birthDate: dateProblem(v.birthDate, { past: true }),
    estimatedAge: wholeNumberProblem(v.estimatedAge, 0, 120),
    citizenship: countryProblem(v.citizenship, true),
    phone: phoneProblem(v.phone),
    originRegion: undefined,
    originDistrict:
      v.originDistrict && v.originRegion && !v.originDistrict.startsWith(`${v.originRegion}-`)
        ? problem('cases.v.districtRegion')
        : undefined,
    originSettlement: optionalText(v.originSettlement, 120),
    languages: languagesProblem(v.languages),
    documentsHeld: docProblem(v.documentsHeld),
    documentsRetained: docProblem(v.documentsRetained),
  });
  if (base) {
    for (const field of PERSON_OPTIONAL) {
      if (!found[field] && String(base[field]).trim() && !String(v[field]).trim()) {
        found[field] = problem('cases.v.cannotClear');
      }
    }
  }
  return found;
}

const personValue = (field: PersonField, v: PersonFormValues): unknown => {
  switch (field) {
    case 'estimatedAge':
      return Number(v.estimatedAge.trim());
    case 'citizenship':
      return v.citizenship.trim().toUpperCase();
    case 'phone':
      return v.phone.replace(/[\s()-]/g, '');
    case 'languages':
      return splitList(v.languages);
    case 'documentsHeld':
    case 'documentsRetained':
      return docsOut(v[field]);
    default:
      return trimmed(v[field]);
  }
};

/** PATCH /persons body: only the fields that changed from `base`, plus the version read. */
export function personPatch(
  base: PersonFormValues,
  v: PersonFormValues,
  version: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const field of PERSON_FIELDS) {
    if (JSON.stringify(v[field]) === JSON.stringify(base[field])) continue;
    if (typeof v[field] === 'string' && !String(v[field]).trim()) continue; // cannot be emptied
    body[field] = personValue(field, v);
  }
  // A district is checked against the region: send the region with it.
  if ('originDistrict' in body && v.originRegion) body.originRegion = v.originRegion;
  return body;
}

// --- Household ---------------------------------------------------------------------------------

/** The household member form. */
export interface MemberFormValues {
  name: string;
  relationship: string;
  sex: string;
  age: string;
  whereNow: string;
  country: string;
  withWhom: string;
  caresForChildren: boolean;
}

/** A member field. */
export type MemberField = keyof MemberFormValues;

/** Member fields in form order. */
export const MEMBER_FIELDS: readonly MemberField[] = [
  'name',
  'relationship',
  'sex',
  'age',
  'whereNow',
  'country',
  'withWhom',
  'caresForChildren',
];

/** An empty member form. */
export const EMPTY_MEMBER: MemberFormValues = {
  name: '',
  relationship: 'child',
  sex: '',
  age: '',
  whereNow: 'home',
  country: '',
  withWhom: '',
  caresForChildren: false,
};

/** The form values of a stored member. */
export function memberToForm(m: HouseholdMember): MemberFormValues {
  return {
    name: m.name,
    relationship: m.relationship,
    sex: orEmpty(m.sex),
    age: orEmpty(m.age),
    whereNow: m.whereNow,
    country: orEmpty(m.country),
    withWhom: orEmpty(m.withWhom),
    caresForChildren: m.caresForChildren,
  };
}

/** Checks of the member form (`base` for an edit: optional fields once set cannot be emptied). */
export function validateMember(v: MemberFormValues, base?: MemberFormValues): Problems<MemberField> {
  const found = compact<MemberField>({
    name: requiredText(v.name, 120),
    relationship: v.relationship ? undefined : problem('cases.v.required'),
    sex: undefined,
    age: wholeNumberProblem(v.age, 0, 120),
    whereNow: v.whereNow ? undefined : problem('cases.v.required'),
    country: countryProblem(v.country),
    withWhom: optionalText(v.withWhom, 200),
    caresForChildren: undefined,
  });
  if (base) {
    for (const field of ['sex', 'age', 'country', 'withWhom'] as const) {
      if (!found[field] && base[field].trim() && !v[field].trim())
        found[field] = problem('cases.v.cannotClear');
    }
  }
  return found;
}

/** The API body of a member: empty optional fields left out. */
export function memberBody(v: MemberFormValues): Record<string, unknown> {
  return {
    name: v.name.trim(),
    relationship: v.relationship,
    ...(v.sex ? { sex: v.sex } : {}),
    ...(v.age.trim() ? { age: Number(v.age.trim()) } : {}),
    whereNow: v.whereNow,
    ...(v.country.trim() ? { country: v.country.trim().toUpperCase() } : {}),
    ...(v.withWhom.trim() ? { withWhom: v.withWhom.trim() } : {}),
    caresForChildren: v.caresForChildren,
  };
}

/** PATCH body of a member: the changed fields and the version read. */
export function memberPatch(
  base: MemberFormValues,
  v: MemberFormValues,
  version: number,
): Record<string, unknown> {
  const full = memberBody(v);
  const before = memberBody(base);
  const body: Record<string, unknown> = { version };
  for (const [key, value] of Object.entries(full)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) body[key] = value;
  }
  return body;
}

// --- Episodes ----------------------------------------------------------------------------------

/** The episode form. */
export interface EpisodeFormValues {
  destinationCountry: string;
  destinationCity: string;
  departedOn: string;
  returnedOn: string;
  sector: string;
  recruitedHow: string;
  recruiterRelationship: string;
  facts: Partial<Record<EpisodeFact, boolean>>;
  wagesUnpaidAmount: string;
  wagesUnpaidCurrency: string;
  notes: string;
}

/** An episode field. */
export type EpisodeField = keyof EpisodeFormValues;

/** Episode fields in form order. */
export const EPISODE_FIELDS: readonly EpisodeField[] = [
  'destinationCountry',
  'destinationCity',
  'departedOn',
  'returnedOn',
  'sector',
  'recruitedHow',
  'recruiterRelationship',
  'facts',
  'wagesUnpaidAmount',
  'wagesUnpaidCurrency',
  'notes',
];

/** An empty episode form (Russia first: where most go). */
export const EMPTY_EPISODE: EpisodeFormValues = {
  destinationCountry: 'RU',
  destinationCity: '',
  departedOn: '',
  returnedOn: '',
  sector: '',
  recruitedHow: '',
  recruiterRelationship: '',
  facts: {},
  wagesUnpaidAmount: '',
  wagesUnpaidCurrency: '',
  notes: '',
};

/** Only the facts that were reported true (an unchecked box means "not reported"). */
const trueFacts = (facts: Partial<Record<EpisodeFact, boolean>>) =>
  Object.fromEntries(Object.entries(facts).filter(([, v]) => v === true)) as Partial<
    Record<EpisodeFact, boolean>
  >;

/** The form values of a stored episode. */
export function episodeToForm(e: Episode): EpisodeFormValues {
  return {
    destinationCountry: e.destinationCountry,
    destinationCity: orEmpty(e.destinationCity),
    departedOn: orEmpty(e.departedOn),
    returnedOn: orEmpty(e.returnedOn),
    sector: orEmpty(e.sector),
    recruitedHow: orEmpty(e.recruitedHow),
    recruiterRelationship: orEmpty(e.recruiterRelationship),
    facts: trueFacts(e.facts),
    wagesUnpaidAmount: orEmpty(e.wagesUnpaidAmount),
    wagesUnpaidCurrency: orEmpty(e.wagesUnpaidCurrency),
    notes: orEmpty(e.notes),
  };
}

/** Checks of the episode form. */
export function validateEpisode(v: EpisodeFormValues, today?: string): Problems<EpisodeField> {
  const amount = v.wagesUnpaidAmount.trim();
  const currency = v.wagesUnpaidCurrency.trim();
  const found = compact<EpisodeField>({
    destinationCountry: countryProblem(v.destinationCountry, true),
    destinationCity: optionalText(v.destinationCity, 120),
    departedOn: dateProblem(v.departedOn, { past: true, today }),
    returnedOn: dateProblem(v.returnedOn, { past: true, today }),
    sector: undefined,
    recruitedHow: optionalText(v.recruitedHow, 2000),
    recruiterRelationship: undefined,
    facts: undefined,
    wagesUnpaidAmount:
      amount && toCanonicalAmount(amount) === null
        ? problem('cases.v.amount')
        : !amount && currency
          ? problem('cases.v.amountNeedsCurrency')
          : undefined,
    wagesUnpaidCurrency:
      currency && !/^[A-Za-z]{3}$/.test(currency)
        ? problem('cases.v.currency')
        : amount && !currency
          ? problem('cases.v.currencyNeedsAmount')
          : undefined,
    notes: optionalText(v.notes, 4000),
  });
  if (!found.departedOn && !found.returnedOn && v.departedOn && v.returnedOn && v.returnedOn < v.departedOn) {
    found.returnedOn = problem('cases.v.returnBeforeDeparture');
  }
  return found;
}

const episodeValue = (field: EpisodeField, v: EpisodeFormValues): unknown => {
  switch (field) {
    case 'destinationCountry':
      return v.destinationCountry.trim().toUpperCase();
    case 'wagesUnpaidCurrency':
      return v.wagesUnpaidCurrency.trim().toUpperCase() || null;
    case 'wagesUnpaidAmount':
      return toCanonicalAmount(v.wagesUnpaidAmount) ?? null;
    case 'facts':
      return trueFacts(v.facts);
    default:
      return v[field].trim() || null;
  }
};

/** POST body of a new episode: empty fields left out. */
export function episodeBody(v: EpisodeFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of EPISODE_FIELDS) {
    const value = episodeValue(field, v);
    if (value !== null) body[field] = value;
  }
  return body;
}

/** PATCH body of an episode: changed fields (emptied ones as null), facts as a whole, and the version. */
export function episodePatch(
  base: EpisodeFormValues,
  v: EpisodeFormValues,
  version: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const field of EPISODE_FIELDS) {
    if (JSON.stringify(v[field]) === JSON.stringify(base[field])) continue;
    body[field] = episodeValue(field, v);
  }
  // The amount and its currency travel together.
  if ('wagesUnpaidAmount' in body || 'wagesUnpaidCurrency' in body) {
    body.wagesUnpaidAmount = episodeValue('wagesUnpaidAmount', v);
    body.wagesUnpaidCurrency = episodeValue('wagesUnpaidCurrency', v);
  }
  return body;
}

// --- RSS ---------------------------------------------------------------------------------------

/** The RSS form: the day it was taken and one answer value per question code. */
export interface RssFormValues {
  takenOn: string;
  answers: Partial<Record<string, number>>;
}

/** Checks of the RSS form: a real past date and at least one answer from the allowed values. */
export function validateRss(v: RssFormValues, today?: string): Problems<'takenOn' | 'answers'> {
  const allowed = new Map<string, readonly number[]>(KOLDOO_RSS_1.indicators.map((q) => [q.code, q.values]));
  const answered = Object.entries(v.answers).filter(([, value]) => value !== undefined);
  const wrong = answered.some(([code, value]) => !allowed.get(code)?.includes(value!));
  return compact({
    takenOn: dateProblem(v.takenOn, { required: true, past: true, today }),
    answers: answered.length === 0 || wrong ? problem('cases.v.oneAnswer') : undefined,
  });
}

/** The API body of an RSS assessment (unanswered questions left out). */
export function rssBody(v: RssFormValues, instrument: string) {
  const answers: Record<string, number> = {};
  for (const q of KOLDOO_RSS_1.indicators) {
    const value = v.answers[q.code];
    if (value !== undefined) answers[q.code] = value;
  }
  return { instrument, takenOn: v.takenOn, answers };
}

// --- DoMV --------------------------------------------------------------------------------------

/** One factor row of the DoMV form. */
export interface FactorRow {
  key: number;
  level: DomvLevel;
  kind: FactorKind;
  code: string;
  note: string;
  immediateDanger: boolean;
}

/**
 * The level the recorded factors suggest, as DOMAIN.md states it (the API computes and stores the
 * same): critical with any immediate danger; else high when risks outnumber protective factors by
 * three or more, medium by one or two, low otherwise. Shown live while the form is filled.
 */
export function suggestRiskLevel(factors: readonly Pick<FactorRow, 'kind' | 'immediateDanger'>[]): RiskLevel {
  if (factors.some((f) => f.kind === 'risk' && f.immediateDanger)) return 'critical';
  const margin = factors.reduce((sum, f) => sum + (f.kind === 'risk' ? 1 : -1), 0);
  if (margin >= 3) return 'high';
  if (margin >= 1) return 'medium';
  return 'low';
}

/** The API body of a DoMV assessment; an empty level means "take the suggestion". */
export function domvBody(takenOn: string, rows: FactorRow[], riskLevel: string, note: string) {
  return {
    takenOn,
    factors: rows.map((r) => ({
      level: r.level,
      kind: r.kind,
      ...(r.code ? { code: r.code } : {}),
      ...(r.note.trim() ? { note: r.note.trim() } : {}),
      ...(r.kind === 'risk' && r.immediateDanger ? { immediateDanger: true } : {}),
    })),
    ...(riskLevel ? { riskLevel } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
}

// --- Plan --------------------------------------------------------------------------------------

/** The plan item form (propose or edit while proposed). */
export interface ItemFormValues {
  catalogueCode: string;
  description: string;
  quantity: string;
  unitCost: string;
  supplier: string;
  bpSummary: string;
  bpActivity: string;
  bpIncome: string;
  bpStartup: string;
}

/** A plan item field. */
export type ItemField = keyof ItemFormValues;

/** Item fields in form order. */
export const ITEM_FIELDS: readonly ItemField[] = [
  'catalogueCode',
  'description',
  'quantity',
  'unitCost',
  'supplier',
  'bpSummary',
  'bpActivity',
  'bpIncome',
  'bpStartup',
];

/** An empty item form. */
export const EMPTY_ITEM: ItemFormValues = {
  catalogueCode: '',
  description: '',
  quantity: '1',
  unitCost: '',
  supplier: '',
  bpSummary: '',
  bpActivity: '',
  bpIncome: '',
  bpStartup: '',
};

/** The item code that takes a business plan. */
export const BUSINESS_GRANT = 'business_grant';

const amountProblem = (text: string, required: boolean): Problem | undefined => {
  if (!text.trim()) return required ? problem('cases.v.required') : undefined;
  const canonical = toCanonicalAmount(text);
  if (canonical === null) return problem('cases.v.amount');
  return Number(canonical) > 0 ? undefined : problem('cases.v.amountPositive');
};

/** Checks of the item form; `defaultCost` says whether the catalogue gives a price when none is typed. */
export function validateItem(v: ItemFormValues, defaultCost: boolean): Problems<ItemField> {
  const grant = v.catalogueCode === BUSINESS_GRANT;
  const planStarted = grant && [v.bpSummary, v.bpActivity, v.bpIncome, v.bpStartup].some((x) => x.trim());
  return compact<ItemField>({
    catalogueCode: v.catalogueCode ? undefined : problem('cases.v.required'),
    description: optionalText(v.description, 500),
    quantity: wholeNumberProblem(v.quantity, 1, 10_000, true),
    unitCost: amountProblem(v.unitCost, !defaultCost),
    supplier: optionalText(v.supplier, 200),
    bpSummary: planStarted ? requiredText(v.bpSummary, 4000) : undefined,
    bpActivity: planStarted ? requiredText(v.bpActivity, 200) : undefined,
    bpIncome: grant ? amountProblem(v.bpIncome, false) : undefined,
    bpStartup: grant ? amountProblem(v.bpStartup, false) : undefined,
  });
}

function businessPlanOf(v: ItemFormValues) {
  if (v.catalogueCode !== BUSINESS_GRANT || (!v.bpSummary.trim() && !v.bpActivity.trim())) return undefined;
  const income = toCanonicalAmount(v.bpIncome);
  const startup = toCanonicalAmount(v.bpStartup);
  return {
    summary: v.bpSummary.trim(),
    activity: v.bpActivity.trim(),
    ...(income ? { expectedMonthlyIncome: income } : {}),
    ...(startup ? { startupCosts: startup } : {}),
  };
}

/** POST body of a proposed item: empty fields left out (the catalogue's price when none is typed). */
export function itemBody(v: ItemFormValues): Record<string, unknown> {
  const cost = toCanonicalAmount(v.unitCost);
  const plan = businessPlanOf(v);
  return {
    catalogueCode: v.catalogueCode,
    quantity: Number(v.quantity.trim()),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    ...(cost ? { unitCost: cost } : {}),
    ...(v.supplier.trim() ? { supplier: v.supplier.trim() } : {}),
    ...(plan ? { businessPlan: plan } : {}),
  };
}

/** PATCH body of a proposed item: every editable field (emptied text as null) and the version. */
export function itemPatch(v: ItemFormValues, version: number): Record<string, unknown> {
  const cost = toCanonicalAmount(v.unitCost);
  return {
    version,
    quantity: Number(v.quantity.trim()),
    description: v.description.trim() || null,
    supplier: v.supplier.trim() || null,
    ...(cost ? { unitCost: cost } : {}),
    ...(v.catalogueCode === BUSINESS_GRANT ? { businessPlan: businessPlanOf(v) ?? null } : {}),
  };
}

/** Goals as sent: trimmed, empty rows dropped. */
export function cleanGoals(goals: string[]): string[] {
  return goals.map((g) => g.trim()).filter(Boolean);
}

/** Checks of the goals: each at most 500 characters, at most 30. */
export function validateGoals(goals: string[]): Problems<'goals'> {
  const clean = cleanGoals(goals);
  if (clean.length > 30) return { goals: problem('cases.v.range', { min: 0, max: 30 }) };
  const long = clean.find((g) => g.length > 500);
  return long ? { goals: problem('cases.v.tooLong', { max: 500 }) } : {};
}

// --- Workflow ----------------------------------------------------------------------------------

/** What a case move needs from the user: nothing, a closure reason, or a note. */
export type MoveNeed = 'nothing' | 'reason' | 'note';

/**
 * What a move from `from` to `to` asks for, as the API documents it: closing takes a closure
 * reason; a step back or reopening takes a note; a step forward nothing. Which moves exist at all
 * comes from the API's `allowedTransitions`.
 */
export function moveNeed(from: CaseStatus, to: CaseStatus, order: readonly CaseStatus[]): MoveNeed {
  if (to === 'closed') return 'reason';
  if (from === 'closed') return 'note';
  return order.indexOf(to) < order.indexOf(from) ? 'note' : 'nothing';
}
