import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { caseErrorMessage, caseFieldErrors, isNotFound, isVersionConflict } from './errors.ts';

// A stand-in t that returns the key it was given, so the tests read which message was chosen.
const t = ((key: string) => key) as unknown as TFunction;

describe('case API errors', () => {
  it('explains known 422 codes and why consent is missing', () => {
    expect(caseErrorMessage(t, new ApiError(422, 'note_required', 'x'))).toBe(
      'cases.apiErrors.note_required',
    );
    expect(
      caseErrorMessage(t, new ApiError(422, 'consent_required', 'x', { reason: 'consent_withdrawn' })),
    ).toBe('cases.consentGaps.consent_withdrawn');
    expect(caseErrorMessage(t, new ApiError(422, 'consent_required', 'x', { reason: 'odd' }))).toBe(
      'cases.consentGaps.no_consent',
    );
    expect(caseErrorMessage(t, new ApiError(404, 'not_found', 'x'))).toBe('errors.notFound');
  });

  it('puts a rule broken on a field under that field, by name or by code', () => {
    const fields = ['reason', 'note', 'acknowledged'] as const;
    expect(
      caseFieldErrors(t, new ApiError(422, 'note_required', 'x'), fields, { note_required: 'note' }),
    ).toEqual({
      note: 'cases.apiErrors.note_required',
    });
    expect(
      caseFieldErrors(
        t,
        new ApiError(422, 'acknowledgement_required', 'x', { field: 'acknowledged' }),
        fields,
      ),
    ).toEqual({ acknowledged: 'cases.apiErrors.acknowledgement_required' });
    expect(caseFieldErrors(t, new ApiError(422, 'self_approval', 'x'), fields)).toEqual({});
    expect(caseFieldErrors(t, new ApiError(409, 'version_conflict', 'x', { field: 'note' }), fields)).toEqual(
      {},
    );
  });

  it('maps 400 issues on request fields the form names differently', () => {
    const error = new ApiError(400, 'validation_failed', 'x', {
      issues: [
        { path: ['body', 'businessPlan', 'summary'], message: 'Too small', code: 'too_small', minimum: 1 },
      ],
    });
    expect(caseFieldErrors(t, error, ['bpSummary'] as const, { businessPlan: 'bpSummary' })).toEqual({
      bpSummary: 'validation.required',
    });
  });

  it('recognises conflicts and not-found answers', () => {
    expect(isVersionConflict(new ApiError(409, 'version_conflict', 'x'))).toBe(true);
    expect(isVersionConflict(new ApiError(409, 'duplicate_code', 'x'))).toBe(false);
    expect(isNotFound(new ApiError(404, 'not_found', 'x'))).toBe(true);
  });
});
