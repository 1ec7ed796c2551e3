import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, RISK_LEVELS, TRAFFICKING_LIKELIHOODS } from '../../domain/codes.ts';
import { followupRowOut } from '../followups/schema.ts';
import { partnerReferralOut } from '../referrals/schema.ts';

/** One of the worker's open cases, as the worklist shows it: the pseudonym, never the name. */
export const workCaseOut = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  type: z.enum(CASE_TYPES),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  traffickingLikelihood: z.enum(TRAFFICKING_LIKELIHOODS).nullable(),
  pseudonym: z.string().nullable(),
});

/**
 * GET /me/work: what needs the signed-in user today. Each section is present only when the
 * user's grants make it meaningful (a partner has no cases, a caseworker approves nothing).
 */
export const workOut = z
  .object({
    today: z.string(),
    cases: z
      .array(workCaseOut)
      .optional()
      .describe('Open cases assigned to you, most at risk first, then oldest'),
    followupsDue: z
      .array(followupRowOut)
      .optional()
      .describe('Your scheduled follow-ups due in the next 14 days'),
    followupsOverdue: z.array(followupRowOut).optional().describe('Your overdue follow-ups, oldest first'),
    approvals: z
      .number()
      .int()
      .optional()
      .describe('Proposed plan items waiting for approval in your office'),
    officeOverdue: z
      .array(followupRowOut)
      .optional()
      .describe('The office’s overdue follow-ups, oldest first'),
    callsToday: z.number().int().optional().describe('Calls you logged today'),
    referralsWaiting: z
      .array(partnerReferralOut)
      .optional()
      .describe('Referrals sent to your organisation awaiting an answer, oldest first'),
  })
  .meta({ id: 'Work' });
