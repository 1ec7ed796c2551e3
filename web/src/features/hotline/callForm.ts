/**
 * Pure helpers of the hotline console, apart from React so they are unit-tested: the call form
 * (defaults, checks, API body) and the "open a case from this call" form prefilled from the call.
 */
import type {
  CallChannel,
  CallOutcome,
  CallTopic,
  CaseType,
  ConsentScope,
  Sex,
  Urgency,
} from '../cases/codes.ts';
import { isIsoDay, todayLocal } from '../intake/dates.ts';
import { isE164, normalizePhone } from '../intake/phone.ts';
import type { CaseCreateInput } from '../intake/types.ts';
import type { Call, CallInput } from './types.ts';

/** What the operator types during a call. */
export interface CallFormValues {
  channel: CallChannel;
  anonymous: boolean;
  callerName: string;
  callerPhone: string;
  callerRegion: string;
  callerDistrict: string;
  topic: CallTopic | '';
  urgency: Urgency;
  summary: string;
  outcome: Exclude<CallOutcome, 'case_opened'> | '';
}

/** The form at the start of every call: the hotline line, normal urgency. */
export const EMPTY_CALL: CallFormValues = {
  channel: 'hotline',
  anonymous: false,
  callerName: '',
  callerPhone: '',
  callerRegion: '',
  callerDistrict: '',
  topic: '',
  urgency: 'normal',
  summary: '',
  outcome: '',
};

/** Fields of the call form, in the order of the conversation (and of the Tab key). */
export const CALL_FIELDS = [
  'channel',
  'anonymous',
  'callerName',
  'callerPhone',
  'callerRegion',
  'callerDistrict',
  'topic',
  'urgency',
  'summary',
  'outcome',
] as const;
/** One field of the call form. */
export type CallField = (typeof CALL_FIELDS)[number];

/** Translation keys of the form's own checks. */
export type CallProblem = 'hotline.problems.topic' | 'hotline.problems.summary' | 'hotline.problems.phone';

/** Client checks before saving (the server checks again). */
export function validateCall(v: CallFormValues): Partial<Record<CallField, CallProblem>> {
  const out: Partial<Record<CallField, CallProblem>> = {};
  if (!v.anonymous && v.callerPhone.trim() && !isE164(normalizePhone(v.callerPhone))) {
    out.callerPhone = 'hotline.problems.phone';
  }
  if (v.topic === '') out.topic = 'hotline.problems.topic';
  if (!v.summary.trim()) out.summary = 'hotline.problems.summary';
  return out;
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Body of POST /calls; an anonymous caller sends no name or phone at all. */
export function callBody(v: CallFormValues): CallInput {
  return {
    channel: v.channel,
    anonymous: v.anonymous,
    callerName: v.anonymous ? undefined : opt(v.callerName),
    callerPhone: v.anonymous || !v.callerPhone.trim() ? undefined : normalizePhone(v.callerPhone),
    callerRegion: opt(v.callerRegion),
    callerDistrict: v.callerRegion ? opt(v.callerDistrict) : undefined,
    topic: v.topic as CallTopic,
    summary: v.summary.trim(),
    urgency: v.urgency,
    outcome: v.outcome === '' ? undefined : v.outcome,
  };
}

/** The case type a call's topic most often leads to (the operator can change it). */
export function suggestedCaseType(topic: CallTopic): CaseType {
  switch (topic) {
    case 'trafficking_exploitation':
      return 'trafficking_survivor';
    case 'return_help':
      return 'stranded_migrant';
    case 'family_separation':
      return 'family_reunification';
    case 'documents':
    case 'legal_status_abroad':
    case 'unpaid_wages':
      return 'legal_assistance';
    default:
      return 'returnee_reintegration';
  }
}

/** A caller's name as said ("Тамара Осмонова") split into given and family names. */
export function splitName(name: string | null): { givenName: string; familyName: string } {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { givenName: '', familyName: '' };
  return { givenName: words[0] ?? '', familyName: words.slice(1).join(' ') };
}

/** What the conversion dialog edits: the person's essentials, the case, the office, consent. */
export interface ConvertValues {
  familyName: string;
  givenName: string;
  pseudonym: string;
  sex: Sex | '';
  estimatedAge: string;
  phone: string;
  originRegion: string;
  originDistrict: string;
  type: CaseType | '';
  officeId: string;
  consentOn: string;
  consentScope: ConsentScope[];
}

/** Dialog fields, in order (for focusing the first one with a problem). */
export const CONVERT_FIELDS = [
  'familyName',
  'givenName',
  'pseudonym',
  'sex',
  'estimatedAge',
  'phone',
  'originRegion',
  'originDistrict',
  'type',
  'officeId',
  'consentScope',
  'consentOn',
] as const;
/** One dialog field. */
export type ConvertField = (typeof CONVERT_FIELDS)[number];

/** The dialog prefilled from the call (name, phone, region, a case type from the topic). */
export function convertDefaults(call: Call, officeId = ''): ConvertValues {
  return {
    ...splitName(call.anonymous ? null : call.callerName),
    pseudonym: '',
    sex: '',
    estimatedAge: '',
    phone: call.callerPhone ?? '',
    originRegion: call.callerRegion ?? '',
    originDistrict: call.callerDistrict ?? '',
    type: suggestedCaseType(call.topic),
    officeId,
    consentOn: todayLocal(),
    consentScope: ['data_processing', 'referral'],
  };
}

/** Translation keys of the dialog's own checks. */
export type ConvertProblem =
  'hotline.problems.required' | 'hotline.problems.phone' | 'hotline.problems.age' | 'hotline.problems.date';

/** Client checks of the dialog. */
export function validateConvert(
  v: ConvertValues,
  today = todayLocal(),
): Partial<Record<ConvertField, ConvertProblem>> {
  const out: Partial<Record<ConvertField, ConvertProblem>> = {};
  if (!v.familyName.trim()) out.familyName = 'hotline.problems.required';
  if (!v.givenName.trim()) out.givenName = 'hotline.problems.required';
  if (v.sex === '') out.sex = 'hotline.problems.required';
  if (v.estimatedAge.trim() && !(/^\d{1,3}$/.test(v.estimatedAge.trim()) && Number(v.estimatedAge) <= 120)) {
    out.estimatedAge = 'hotline.problems.age';
  }
  if (v.phone.trim() && !isE164(normalizePhone(v.phone))) out.phone = 'hotline.problems.phone';
  if (v.type === '') out.type = 'hotline.problems.required';
  if (!v.officeId) out.officeId = 'hotline.problems.required';
  if (v.consentScope.length > 0 && !(isIsoDay(v.consentOn) && v.consentOn <= today))
    out.consentOn = 'hotline.problems.date';
  return out;
}

/** Body of POST /calls/:id/convert (the intake channel defaults to the hotline on the server). */
export function convertBody(v: ConvertValues): CaseCreateInput {
  return {
    person: {
      givenName: v.givenName.trim(),
      familyName: v.familyName.trim(),
      pseudonym: opt(v.pseudonym),
      sex: v.sex as Sex,
      estimatedAge: v.estimatedAge.trim() ? Number(v.estimatedAge) : undefined,
      phone: v.phone.trim() ? normalizePhone(v.phone) : undefined,
      originRegion: opt(v.originRegion),
      originDistrict: v.originRegion ? opt(v.originDistrict) : undefined,
    },
    type: v.type as CaseType,
    officeId: v.officeId,
    consent: v.consentScope.length > 0 ? { givenOn: v.consentOn, scope: v.consentScope } : undefined,
  };
}

/** Where a server issue of the conversion lies in the dialog (`['body','person','sex']` → `sex`). */
export function convertFieldOf(path: readonly (string | number)[]): ConvertField | undefined {
  const p = ['body', 'params'].includes(String(path[0])) ? path.slice(1) : [...path];
  const [first, second] = p.map(String);
  if (first === 'person')
    return (CONVERT_FIELDS as readonly string[]).includes(second ?? '')
      ? (second as ConvertField)
      : 'familyName';
  if (first === 'consent') return second === 'givenOn' ? 'consentOn' : 'consentScope';
  if (first === 'type' || first === 'officeId') return first;
  if (first === 'assignedTo') return 'officeId';
  return undefined;
}
