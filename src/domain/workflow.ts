/**
 * The state machines of cases, plan items and referrals, kept as transition tables (data) so the
 * rules are read in one place and the UI can offer only the moves the API will accept. Checks
 * return a typed error instead of throwing; services turn it into an `Invalid` with the same code.
 */
import {
  CLOSURE_REASONS,
  type CaseStatus,
  type ClosureReason,
  type PlanItemState,
  type ReferralStatus,
} from './codes.ts';

type Table<S extends string, Need> = Readonly<Record<S, Readonly<Partial<Record<S, Need>>>>>;

/** The outcome of a transition check: ok, or one typed error for the service to report. */
export type TransitionCheck<E> = { ok: true } | { ok: false; error: E };

/** A move absent from the table; `allowed` lets the client show what would have worked. */
export type NotAllowed<S extends string> = { code: 'transition_not_allowed'; from: S; to: S; allowed: S[] };

const OK = { ok: true } as const;
const fail = <E>(error: E): TransitionCheck<E> => ({ ok: false, error });
const given = (text: string | undefined): boolean => text !== undefined && text.trim() !== '';

const allowedFrom = <S extends string>(table: Table<S, unknown>, from: S): S[] =>
  Object.keys(table[from]) as S[];

const lookup = <S extends string, Need>(
  table: Table<S, Need>,
  from: S,
  to: S,
): { ok: true; need: Need } | { ok: false; error: NotAllowed<S> } => {
  const need = table[from][to];
  return need === undefined
    ? { ok: false, error: { code: 'transition_not_allowed', from, to, allowed: allowedFrom(table, from) } }
    : { ok: true, need };
};

// --- Cases -------------------------------------------------------------------------------------

/**
 * Case moves and what each needs: forward one step; back one step to correct a mistake (with a
 * note, for the audit trail); close from any open status, since consent can be withdrawn or a
 * beneficiary die at any point (with a closure reason); reopen a closed case (with a note).
 */
export const CASE_TRANSITIONS: Table<CaseStatus, 'nothing' | 'note' | 'closure_reason'> = {
  open: { assessment: 'nothing', closed: 'closure_reason' },
  assessment: { planning: 'nothing', open: 'note', closed: 'closure_reason' },
  planning: { assistance: 'nothing', assessment: 'note', closed: 'closure_reason' },
  assistance: { monitoring: 'nothing', planning: 'note', closed: 'closure_reason' },
  monitoring: { assistance: 'note', closed: 'closure_reason' },
  closed: { open: 'note' },
};

/** Closure reasons only valid from one status: reintegration is judged sustainable only after monitoring. */
export const CLOSURE_REASON_ONLY_FROM: Readonly<Partial<Record<ClosureReason, CaseStatus>>> = {
  sustainably_reintegrated: 'monitoring',
};

/** What a case move may carry: a closure reason when closing, a note when going back or reopening. */
export type CaseTransitionContext = { reason?: ClosureReason; note?: string };

/** Why a case move was refused. */
export type CaseTransitionError =
  | NotAllowed<CaseStatus>
  | { code: 'closure_reason_required' }
  | { code: 'closure_reason_not_allowed'; reason: ClosureReason; from: CaseStatus; allowed: ClosureReason[] }
  | { code: 'note_required' };

/** The statuses a case can move to from `status`, for the UI to offer. */
export const allowedTransitions = (status: CaseStatus): CaseStatus[] => allowedFrom(CASE_TRANSITIONS, status);

/** The closure reasons a case in `status` may be closed with (none if it cannot be closed). */
export function allowedClosureReasons(status: CaseStatus): ClosureReason[] {
  if (!allowedTransitions(status).includes('closed')) return [];
  return CLOSURE_REASONS.filter((reason) => (CLOSURE_REASON_ONLY_FROM[reason] ?? status) === status);
}

/** Checks a case status change against the table and its requirements. */
export function assertTransition(
  from: CaseStatus,
  to: CaseStatus,
  context: CaseTransitionContext = {},
): TransitionCheck<CaseTransitionError> {
  const found = lookup(CASE_TRANSITIONS, from, to);
  if (!found.ok) return found;
  if (found.need === 'note' && !given(context.note)) return fail({ code: 'note_required' });
  if (found.need === 'closure_reason') {
    const { reason } = context;
    if (reason === undefined) return fail({ code: 'closure_reason_required' });
    const allowed = allowedClosureReasons(from);
    if (!allowed.includes(reason)) return fail({ code: 'closure_reason_not_allowed', reason, from, allowed });
  }
  return OK;
}

// --- Plan items --------------------------------------------------------------------------------

/** Plan item moves: the purchase path in order, and cancellation of anything not yet delivered. */
export const PLAN_ITEM_TRANSITIONS: Table<PlanItemState, 'nothing' | 'approval' | 'cancel_reason'> = {
  proposed: { approved: 'approval', cancelled: 'cancel_reason' },
  approved: { procured: 'nothing', cancelled: 'cancel_reason' },
  procured: { delivered: 'nothing', cancelled: 'cancel_reason' },
  delivered: {},
  cancelled: {},
};

/**
 * Facts a plan item move is judged on. `amountTyiyn` is whatever the office's ceiling applies to
 * (the service decides, e.g. the case's approved total including this item); a null ceiling means none.
 */
export type PlanItemTransitionContext = {
  actor: { id: string; supervisor: boolean };
  proposedBy: string;
  amountTyiyn: number;
  ceilingTyiyn: number | null;
  overrideReason?: string;
  cancelReason?: string;
};

/** Why a plan item move was refused. */
export type PlanItemTransitionError =
  | NotAllowed<PlanItemState>
  | { code: 'cancel_reason_required' }
  | { code: 'self_approval' }
  | { code: 'over_ceiling_needs_supervisor'; amountTyiyn: number; ceilingTyiyn: number }
  | { code: 'override_reason_required'; amountTyiyn: number; ceilingTyiyn: number };

/** The states a plan item can move to from `state`. */
export const allowedPlanItemTransitions = (state: PlanItemState): PlanItemState[] =>
  allowedFrom(PLAN_ITEM_TRANSITIONS, state);

/** Checks a plan item move: four eyes on every approval, and a supervisor's reasoned override above the ceiling. */
export function assertPlanItemTransition(
  from: PlanItemState,
  to: PlanItemState,
  context: PlanItemTransitionContext,
): TransitionCheck<PlanItemTransitionError> {
  const found = lookup(PLAN_ITEM_TRANSITIONS, from, to);
  if (!found.ok) return found;
  if (found.need === 'cancel_reason' && !given(context.cancelReason)) {
    return fail({ code: 'cancel_reason_required' });
  }
  if (found.need === 'approval') {
    const { actor, proposedBy, amountTyiyn, ceilingTyiyn } = context;
    if (actor.id === proposedBy) return fail({ code: 'self_approval' });
    if (ceilingTyiyn !== null && amountTyiyn > ceilingTyiyn) {
      if (!actor.supervisor)
        return fail({ code: 'over_ceiling_needs_supervisor', amountTyiyn, ceilingTyiyn });
      if (!given(context.overrideReason))
        return fail({ code: 'override_reason_required', amountTyiyn, ceilingTyiyn });
    }
  }
  return OK;
}

// --- Referrals ---------------------------------------------------------------------------------

/** Referral moves: the provider accepts or declines, and an accepted referral is completed. */
export const REFERRAL_TRANSITIONS: Table<ReferralStatus, 'nothing'> = {
  sent: { accepted: 'nothing', declined: 'nothing' },
  accepted: { completed: 'nothing' },
  completed: {},
  declined: {},
};

/** The statuses a referral can move to from `status`. */
export const allowedReferralTransitions = (status: ReferralStatus): ReferralStatus[] =>
  allowedFrom(REFERRAL_TRANSITIONS, status);

/** Checks a referral status change. */
export function assertReferralTransition(
  from: ReferralStatus,
  to: ReferralStatus,
): TransitionCheck<NotAllowed<ReferralStatus>> {
  const found = lookup(REFERRAL_TRANSITIONS, from, to);
  return found.ok ? OK : found;
}
