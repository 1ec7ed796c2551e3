/** Pure helpers of the office form, kept apart from React so they are unit-tested. */
import type { Office, OfficeInput, OfficeKind } from '../../api/types.ts';

/** What the form edits: region codes as one comma-separated text for a plain input. */
export interface OfficeFormValues {
  name: string;
  kind: OfficeKind;
  country: string;
  regionCodes: string;
}

/** Empty form for a new office (Kyrgyzstan is the default country). */
export const EMPTY_OFFICE: OfficeFormValues = {
  name: '',
  kind: 'iom_office',
  country: 'KG',
  regionCodes: '',
};

/** Form values from a stored office. */
export function officeToForm(office: Office): OfficeFormValues {
  return {
    name: office.name,
    kind: office.kind,
    country: office.country,
    regionCodes: office.regionCodes.join(', '),
  };
}

/** API body from the form: trimmed, country upper-cased, region codes split and de-duplicated. */
export function formToOffice(values: OfficeFormValues): OfficeInput {
  const codes = values.regionCodes
    .split(/[,;\s]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  return {
    name: values.name.trim(),
    kind: values.kind,
    country: values.country.trim().toUpperCase(),
    regionCodes: [...new Set(codes)],
  };
}

/** Translation keys of client-side problems. */
export type OfficeProblem = 'offices.nameRequired' | 'offices.countryInvalid';

/** Client checks before sending (the server validates again). */
export function validateOffice(values: OfficeFormValues): Partial<Record<'name' | 'country', OfficeProblem>> {
  const out: Partial<Record<'name' | 'country', OfficeProblem>> = {};
  if (!values.name.trim()) out.name = 'offices.nameRequired';
  if (!/^[A-Za-z]{2}$/.test(values.country.trim())) out.country = 'offices.countryInvalid';
  return out;
}
