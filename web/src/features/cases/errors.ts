/**
 * The case API's domain errors (422 codes such as `consent_required` or `note_required`) as
 * translated sentences; anything else falls back to the app-wide messages.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { apiErrorMessage, issueMessage } from '../../i18n/messages.ts';

/** The API codes the case screens explain in their own words (`cases.apiErrors.<code>`). */
export const KNOWN_CODES = [
  'transition_not_allowed',
  'closure_reason_required',
  'closure_reason_not_allowed',
  'note_required',
  'unknown_service',
  'service_inactive',
  'self_approval',
  'over_ceiling_needs_supervisor',
  'override_reason_required',
  'cancel_reason_required',
  'acknowledgement_required',
  'date_in_future',
  'delivered_before_approval',
  'plan_item_not_editable',
  'unknown_catalogue_item',
  'inactive_catalogue_item',
  'unit_cost_required',
  'business_plan_not_allowed',
  'amount_too_large',
  'wages_not_unpaid',
  'invalid_assignee',
  'invalid_answers',
  'unknown_instrument',
] as const;

/** Why a referral lacked consent (details.reason of `consent_required`). */
export const CONSENT_GAPS = ['no_consent', 'consent_withdrawn', 'scope_lacks_referral'] as const;

type KnownCode = (typeof KNOWN_CODES)[number];

const isKnown = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

/** `details` of an error as a record (empty when absent). */
export function detailsOf(error: unknown): Record<string, unknown> {
  if (!(error instanceof ApiError)) return {};
  const d = error.details;
  return typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
}

/** True for a 409 stale-version answer: the form offers to reload and re-apply. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';
}

/** True when the API says the record does not exist (or is not in the actor's scope). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** One translated sentence for a failed case call. */
export function caseErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'consent_required') {
      const reason = detailsOf(error).reason;
      const gap = (CONSENT_GAPS as readonly unknown[]).includes(reason)
        ? (reason as (typeof CONSENT_GAPS)[number])
        : 'no_consent';
      return t(`cases.consentGaps.${gap}`);
    }
    if (isKnown(error.code)) return t(`cases.apiErrors.${error.code}`);
  }
  return apiErrorMessage(t, error);
}

/**
 * Messages for form fields from a failed call, beyond the plain 400 issues the shared hook maps:
 * a 422 rule broken on a named field (`details.field`) or known by its code (`note_required` →
 * the note), and 400 issues on request fields the form shows under another name.
 */
export function caseFieldErrors<F extends string>(
  t: TFunction,
  error: unknown,
  fields: readonly F[],
  fieldOf: Partial<Record<string, F>> = {},
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return out;
  const named = typeof detailsOf(error).field === 'string' ? (detailsOf(error).field as string) : undefined;
  const target =
    (named && (fields as readonly string[]).includes(named) ? (named as F) : undefined) ??
    (named ? fieldOf[named] : undefined) ??
    fieldOf[error.code];
  if (target && error.status >= 400 && error.status !== 409) out[target] = caseErrorMessage(t, error);
  if (error.status === 400) {
    for (const [field, issue] of Object.entries(error.fieldIssues)) {
      const alias = fieldOf[field];
      if (alias && !out[alias]) out[alias] = issueMessage(t, issue);
    }
  }
  return out;
}
