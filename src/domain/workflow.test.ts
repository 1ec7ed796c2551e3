import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CLOSURE_REASONS, PLAN_ITEM_STATES, REFERRAL_STATUSES } from './codes.ts';
import {
  allowedClosureReasons,
  allowedPlanItemTransitions,
  allowedReferralTransitions,
  allowedTransitions,
  assertPlanItemTransition,
  assertReferralTransition,
  assertTransition,
  type PlanItemTransitionContext,
} from './workflow.ts';

/** Every (from, to) pair with whether the expected table allows it. */
const pairs = <S extends string>(states: readonly S[], expected: Record<S, readonly S[]>) =>
  states.flatMap((from) => states.map((to) => [from, to, expected[from].includes(to)] as const));

describe('case transitions', () => {
  const expected = {
    open: ['assessment', 'closed'],
    assessment: ['planning', 'open', 'closed'],
    planning: ['assistance', 'assessment', 'closed'],
    assistance: ['monitoring', 'planning', 'closed'],
    monitoring: ['assistance', 'closed'],
    closed: ['open'],
  } as const;

  it.each(pairs(CASE_STATUSES, expected))('%s → %s allowed: %s', (from, to, allowed) => {
    const result = assertTransition(from, to, {
      reason: 'consent_withdrawn',
      note: 'Corrected by supervisor',
    });
    expect(result.ok).toBe(allowed);
    if (!allowed) {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'transition_not_allowed',
          from,
          to,
          allowed: expect.arrayContaining([...expected[from]]),
        },
      });
    }
  });

  it.each(CASE_STATUSES)('allowedTransitions(%s) matches the table', (status) => {
    expect([...allowedTransitions(status)].sort()).toEqual([...expected[status]].sort());
  });

  it.each([
    ['open', 'assessment', {}, null],
    ['assistance', 'monitoring', {}, null],
    ['assessment', 'open', {}, 'note_required'],
    ['assistance', 'planning', { note: '   ' }, 'note_required'],
    ['assistance', 'planning', { note: 'Plan revised after a second visit' }, null],
    ['monitoring', 'assistance', {}, 'note_required'],
    ['closed', 'open', {}, 'note_required'],
    ['closed', 'open', { note: 'Beneficiary returned to the office' }, null],
    ['open', 'closed', {}, 'closure_reason_required'],
    ['open', 'closed', { note: 'no reason code' }, 'closure_reason_required'],
    ['open', 'closed', { reason: 'transferred' }, null],
    ['assessment', 'closed', { reason: 'consent_withdrawn' }, null],
    ['planning', 'closed', { reason: 'deceased' }, null],
    ['assistance', 'closed', { reason: 'sustainably_reintegrated' }, 'closure_reason_not_allowed'],
    ['monitoring', 'closed', { reason: 'sustainably_reintegrated' }, null],
    ['monitoring', 'closed', { reason: 'remigrated' }, null],
  ] as const)('%s → %s with %o: %s', (from, to, context, error) => {
    const result = assertTransition(from, to, context);
    expect(result.ok ? null : result.error.code).toBe(error);
  });

  it('names the reasons that would have been accepted', () => {
    expect(assertTransition('planning', 'closed', { reason: 'sustainably_reintegrated' })).toEqual({
      ok: false,
      error: {
        code: 'closure_reason_not_allowed',
        reason: 'sustainably_reintegrated',
        from: 'planning',
        allowed: ['remigrated', 'lost_contact', 'transferred', 'consent_withdrawn', 'deceased'],
      },
    });
  });

  it.each([
    ['open', CLOSURE_REASONS.filter((r) => r !== 'sustainably_reintegrated')],
    ['assistance', CLOSURE_REASONS.filter((r) => r !== 'sustainably_reintegrated')],
    ['monitoring', CLOSURE_REASONS],
    ['closed', []],
  ] as const)('allowedClosureReasons(%s)', (status, reasons) => {
    expect(allowedClosureReasons(status)).toEqual(reasons);
  });
});

describe('plan item transitions', () => {
  const fine: PlanItemTransitionContext = {
    actor: { id: 'approver', supervisor: false },
    proposedBy: 'caseworker',
    amountTyiyn: 1_000_000,
    ceilingTyiyn: 5_000_000,
    cancelReason: 'Beneficiary asked for another item',
  };
  const expected = {
    proposed: ['approved', 'cancelled'],
    approved: ['procured', 'cancelled'],
    procured: ['delivered', 'cancelled'],
    delivered: [],
    cancelled: [],
  } as const;

  it.each(pairs(PLAN_ITEM_STATES, expected))('%s → %s allowed: %s', (from, to, allowed) => {
    expect(assertPlanItemTransition(from, to, fine).ok).toBe(allowed);
  });

  it.each(PLAN_ITEM_STATES)('allowedPlanItemTransitions(%s) matches the table', (state) => {
    expect(allowedPlanItemTransitions(state)).toEqual(expected[state]);
  });

  it.each(['proposed', 'approved', 'procured'] as const)('cancelling from %s needs a reason', (from) => {
    const result = assertPlanItemTransition(from, 'cancelled', { ...fine, cancelReason: ' ' });
    expect(result).toEqual({ ok: false, error: { code: 'cancel_reason_required' } });
  });

  const approve = (change: Partial<PlanItemTransitionContext>) => {
    const result = assertPlanItemTransition('proposed', 'approved', { ...fine, ...change });
    return result.ok ? null : result.error.code;
  };
  const supervisor = { id: 'supervisor', supervisor: true };

  it.each<[string, Partial<PlanItemTransitionContext>, string | null]>([
    ['another staff member, under the ceiling', {}, null],
    ['the proposer', { actor: { id: 'caseworker', supervisor: false } }, 'self_approval'],
    ['a supervisor who proposed it', { actor: { id: 'caseworker', supervisor: true } }, 'self_approval'],
    ['exactly at the ceiling', { amountTyiyn: 5_000_000 }, null],
    ['one tyiyn over, by a caseworker', { amountTyiyn: 5_000_001 }, 'over_ceiling_needs_supervisor'],
    [
      'over, supervisor without reason',
      { amountTyiyn: 5_000_001, actor: supervisor },
      'override_reason_required',
    ],
    [
      'over, supervisor with a blank reason',
      { amountTyiyn: 5_000_001, actor: supervisor, overrideReason: '' },
      'override_reason_required',
    ],
    [
      'over, supervisor with a reason',
      { amountTyiyn: 5_000_001, actor: supervisor, overrideReason: 'Livestock prices rose' },
      null,
    ],
    ['any amount when the office has no ceiling', { amountTyiyn: 900_000_000, ceilingTyiyn: null }, null],
  ])('approval by %s → %s', (_name, change, error) => {
    expect(approve(change)).toBe(error);
  });

  it('reports the amount and ceiling when refusing an approval over the ceiling', () => {
    expect(assertPlanItemTransition('proposed', 'approved', { ...fine, amountTyiyn: 6_000_000 })).toEqual({
      ok: false,
      error: { code: 'over_ceiling_needs_supervisor', amountTyiyn: 6_000_000, ceilingTyiyn: 5_000_000 },
    });
  });
});

describe('referral transitions', () => {
  const expected = {
    sent: ['accepted', 'declined'],
    accepted: ['completed'],
    completed: [],
    declined: [],
  } as const;

  it.each(pairs(REFERRAL_STATUSES, expected))('%s → %s allowed: %s', (from, to, allowed) => {
    expect(assertReferralTransition(from, to).ok).toBe(allowed);
  });

  it.each(REFERRAL_STATUSES)('allowedReferralTransitions(%s) matches the table', (status) => {
    expect(allowedReferralTransitions(status)).toEqual(expected[status]);
  });

  it('explains a refusal', () => {
    expect(assertReferralTransition('sent', 'completed')).toEqual({
      ok: false,
      error: {
        code: 'transition_not_allowed',
        from: 'sent',
        to: 'completed',
        allowed: ['accepted', 'declined'],
      },
    });
  });
});
