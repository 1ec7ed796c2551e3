/** Kinds of organisation that take part in a case. */
export const OFFICE_KINDS = [
  'iom_office',
  'single_window_centre',
  'consulate',
  'government',
  'ngo',
  'hotline',
  'service_provider',
] as const;
/** One kind of organisation. */
export type OfficeKind = (typeof OFFICE_KINDS)[number];

/** The UI languages; a user's preference is one of them. */
export const LOCALES = ['en', 'ru', 'ky'] as const;
/** One UI language. */
export type Locale = (typeof LOCALES)[number];

/** Every role, from most to least powerful over accounts; what each may do is src/access/policy.ts. */
export const ROLES = [
  'admin',
  'supervisor',
  'caseworker',
  'hotline_operator',
  'partner',
  'analyst',
  'auditor',
] as const;
/** One user's role. */
export type Role = (typeof ROLES)[number];
