/** Pure helpers of the service form (values, API bodies, checks), kept apart from React for tests. */
import type { ServiceKind } from '../cases/codes.ts';
import type { Service, ServiceCreate, ServiceUpdate } from './api.ts';

/** What the form edits. */
export interface ServiceFormValues {
  organisationId: string;
  kind: ServiceKind;
  name: string;
  description: string;
  regionCodes: string[];
  phone: string;
  email: string;
  address: string;
  active: boolean;
}

/** A form field. */
export type ServiceField = keyof ServiceFormValues;

/** Fields in screen order (focus goes to the first one with a problem). */
export const SERVICE_FIELDS: readonly ServiceField[] = [
  'organisationId',
  'kind',
  'name',
  'description',
  'regionCodes',
  'phone',
  'email',
  'address',
  'active',
];

/** Empty form for a new service (active: it takes referrals from the start). */
export const EMPTY_SERVICE: ServiceFormValues = {
  organisationId: '',
  kind: 'legal_aid',
  name: '',
  description: '',
  regionCodes: [],
  phone: '',
  email: '',
  address: '',
  active: true,
};

/** Form values from a stored service. */
export function serviceToForm(s: Service): ServiceFormValues {
  return {
    organisationId: s.organisationId,
    kind: s.kind,
    name: s.name,
    description: s.description ?? '',
    regionCodes: [...s.regionCodes],
    phone: s.phone ?? '',
    email: s.email ?? '',
    address: s.address ?? '',
    active: s.active,
  };
}

/** A phone number as people write it ("+996 (555) 12-34-56") in E.164 ("+996555123456"). */
export function normalisePhone(text: string): string {
  const compact = text.replace(/[\s().-]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Translation keys of client-side problems. */
export type ServiceProblem =
  | 'admin.services.organisationRequired'
  | 'admin.services.nameTooShort'
  | 'admin.services.nameTooLong'
  | 'admin.services.descriptionTooLong'
  | 'admin.services.phoneInvalid'
  | 'admin.services.emailInvalid'
  | 'admin.services.addressTooLong'
  | 'admin.services.tooManyAreas';

/** Client checks, the same limits as the server's (which validates again). */
export function validateService(v: ServiceFormValues): Partial<Record<ServiceField, ServiceProblem>> {
  const out: Partial<Record<ServiceField, ServiceProblem>> = {};
  if (!v.organisationId) out.organisationId = 'admin.services.organisationRequired';
  const name = v.name.trim();
  if (name.length < 2) out.name = 'admin.services.nameTooShort';
  else if (name.length > 160) out.name = 'admin.services.nameTooLong';
  if (v.description.trim().length > 2000) out.description = 'admin.services.descriptionTooLong';
  if (v.regionCodes.length > 50) out.regionCodes = 'admin.services.tooManyAreas';
  if (v.phone.trim() && !E164.test(normalisePhone(v.phone))) out.phone = 'admin.services.phoneInvalid';
  const email = v.email.trim();
  if (email && (email.length > 200 || !EMAIL.test(email))) out.email = 'admin.services.emailInvalid';
  if (v.address.trim().length > 300) out.address = 'admin.services.addressTooLong';
  return out;
}

/** POST body: trimmed, empty optional text left out. */
export function formToCreate(v: ServiceFormValues): ServiceCreate {
  const text = (s: string) => s.trim() || undefined;
  return {
    organisationId: v.organisationId,
    kind: v.kind,
    name: v.name.trim(),
    description: text(v.description),
    regionCodes: v.regionCodes,
    phone: v.phone.trim() ? normalisePhone(v.phone) : undefined,
    email: text(v.email),
    address: text(v.address),
    active: v.active,
  };
}

/** PATCH body: every field, emptied optional text sent as null (clears it), with the version read. */
export function formToUpdate(v: ServiceFormValues, version: number): ServiceUpdate {
  const text = (s: string) => s.trim() || null;
  return {
    organisationId: v.organisationId,
    kind: v.kind,
    name: v.name.trim(),
    description: text(v.description),
    regionCodes: v.regionCodes,
    phone: v.phone.trim() ? normalisePhone(v.phone) : null,
    email: text(v.email),
    address: text(v.address),
    active: v.active,
    version,
  };
}
