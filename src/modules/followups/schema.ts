import { z } from 'zod';
import { FOLLOWUP_KINDS, FOLLOWUP_STATUSES } from '../../domain/codes.ts';
import { isoDateSchema } from '../../domain/dates.ts';
import { versionIn } from '../../http/schemas.ts';
import { today } from '../../clock.ts';

/** Body of POST /cases/:id/followups. */
export const followupIn = z
  .object({
    kind: z.enum(FOLLOWUP_KINDS),
    dueOn: isoDateSchema,
    assignedTo: z
      .uuid()
      .optional()
      .describe(
        'An active caseworker or supervisor of the case’s office (default: the case’s assignee, else you)',
      ),
  })
  .strict()
  .meta({
    example: { kind: 'visit', dueOn: '2026-04-15', assignedTo: '5b8e1f3c-2a7d-4c9e-8f16-0d3b7a5e9c21' },
  });

/** Body of PATCH /cases/:id/followups/:followupId; a done follow-up needs the day it was done. */
export const followupPatch = z
  .object({
    status: z.enum(FOLLOWUP_STATUSES),
    doneOn: isoDateSchema.refine((d) => d <= today(), 'The date is in the future').optional(),
    outcomeNote: z.string().trim().max(4000).nullable().optional(),
    dueOn: isoDateSchema.optional(),
    version: versionIn,
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.status === 'done' && f.doneOn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'Say when the follow-up was done' });
    }
    if (f.status !== 'done' && f.doneOn !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'Only a done follow-up has a date done' });
    }
  })
  .meta({
    example: {
      status: 'done',
      doneOn: '2026-04-16',
      outcomeNote: 'Семья дома, урожай картофеля продан на базаре в Араване',
      version: 1,
    },
  });

/** Query of GET /followups/overdue. */
export const overdueQuery = z.object({
  scope: z.enum(['mine', 'office']).default('mine'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A follow-up as the case shows it. */
export const followupOut = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(FOLLOWUP_KINDS),
    dueOn: z.string(),
    assignedTo: z.uuid(),
    status: z.enum(FOLLOWUP_STATUSES),
    doneOn: z.string().nullable(),
    outcomeNote: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    overdue: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Followup' });

/** A follow-up in a worker's or an office's list: which case, what, when and who. */
export const followupRowOut = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    kind: z.enum(FOLLOWUP_KINDS),
    dueOn: z.string(),
    assignedTo: z.uuid(),
    assignedToName: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'FollowupRow' });
