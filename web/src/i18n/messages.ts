/**
 * Turns API errors into translated, human sentences. Server messages are English developer text,
 * so the UI shows them only as a last resort for a field issue it cannot translate.
 */
import type { TFunction } from 'i18next';
import { ApiError, type ValidationIssue } from '../api/client.ts';

/** One translated sentence for any failed call (network, 403, 409, 5xx …). */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === 'timeout') return t('errors.timeout');
  if (error.status === 0) return t('errors.network');
  if (error.status === 400) return t('errors.validation');
  if (error.status === 401) return t('errors.sessionExpired');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 409) return t('errors.conflict');
  if (error.status === 429) return t('errors.rateLimited');
  if (error.status >= 500) return t('errors.server');
  return t('errors.generic');
}

/** Translate one zod-style field issue when its code is known, else show the server's text. */
export function issueMessage(t: TFunction, issue: ValidationIssue): string {
  switch (issue.code) {
    case 'too_small':
      return typeof issue.minimum === 'number' && issue.minimum > 1
        ? t('validation.tooShort', { min: issue.minimum })
        : t('validation.required');
    case 'too_big':
      return typeof issue.maximum === 'number'
        ? t('validation.tooLong', { max: issue.maximum })
        : t('validation.invalidValue');
    case 'invalid_format':
    case 'invalid_string':
      return t('validation.invalidFormat');
    case 'invalid_value':
    case 'invalid_enum_value':
      return t('validation.invalidValue');
    default:
      return issue.message || t('validation.invalidValue');
  }
}

/** Field name → translated message for a 400 response, limited to the fields the form shows. */
export function serverFieldErrors<F extends string>(
  t: TFunction,
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const byField = error.fieldIssues;
  const out: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const issue = byField[field];
    if (issue) out[field] = issueMessage(t, issue);
  }
  return out;
}
