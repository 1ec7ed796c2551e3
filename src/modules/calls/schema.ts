import { z } from 'zod';
import { ACTIONS } from '../../access/policy.ts';
import { CALL_CHANNELS, CALL_OUTCOMES, CALL_TOPICS, URGENCIES } from '../../domain/codes.ts';
import { isoDateSchema } from '../../domain/dates.ts';
import { versionIn } from '../../http/schemas.ts';
import { districtInRegion, isRegion } from '../../reference/admin.ts';
import { createCaseIn } from '../cases/schema.ts';
import { countryCode } from '../offices/schema.ts';
import { e164 } from '../persons/schema.ts';

// A browser's clock may run a little ahead of the server's; "now" from it must not read as the future.
const CLOCK_SKEW_MS = 2 * 60_000;

/** A call's time: an ISO date-time with an offset, not in the future. */
const receivedAt = z.iso
  .datetime({ offset: true })
  .refine(
    (t) => Date.parse(t) <= Date.now() + CLOCK_SKEW_MS,
    'The call cannot have been received in the future',
  );

const callFields = {
  receivedAt,
  channel: z.enum(CALL_CHANNELS),
  anonymous: z.boolean(),
  callerName: z.string().trim().min(1).max(200),
  callerPhone: e164,
  callerRegion: z.string().refine(isRegion, 'Not a region code of the shipped list (e.g. KG-O)'),
  callerDistrict: z.string().max(40),
  callerCountry: countryCode.describe('Where a caller abroad calls from'),
  topic: z.enum(CALL_TOPICS),
  summary: z.string().trim().min(1).max(4000),
  urgency: z.enum(URGENCIES),
  outcome: z.enum(CALL_OUTCOMES),
};

type CallerShape = {
  anonymous?: boolean | undefined;
  callerName?: string | null | undefined;
  callerPhone?: string | null | undefined;
  callerRegion?: string | null | undefined;
  callerDistrict?: string | null | undefined;
};

/**
 * What must hold of a caller once a call is stored: an anonymous caller has no name or phone, and
 * a district lies in the region given. Used on the body (400) and on the stored call merged with a
 * change (422), so both speak the same paths.
 */
export function callerProblems(c: CallerShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (c.anonymous) {
    if (c.callerName)
      problems.push({ path: 'callerName', message: 'An anonymous caller has no name on record' });
    if (c.callerPhone)
      problems.push({ path: 'callerPhone', message: 'An anonymous caller has no phone on record' });
  }
  if (c.callerDistrict && !(c.callerRegion && districtInRegion(c.callerDistrict, c.callerRegion))) {
    problems.push({
      path: 'callerDistrict',
      message: 'Not a district of the caller’s region (give callerRegion too)',
    });
  }
  return problems;
}

const callerRules = (c: CallerShape, ctx: z.RefinementCtx) => {
  for (const p of callerProblems(c)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
};

/** Body of POST /calls: the operator and office come from the signed-in user. */
export const createCallIn = z
  .object({
    ...callFields,
    receivedAt: receivedAt.optional().describe('Default: now'),
    anonymous: callFields.anonymous.default(false),
    callerName: callFields.callerName.optional(),
    callerPhone: callFields.callerPhone.optional(),
    callerRegion: callFields.callerRegion.optional(),
    callerDistrict: callFields.callerDistrict.optional(),
    callerCountry: callFields.callerCountry.optional(),
    urgency: callFields.urgency.default('normal'),
    outcome: callFields.outcome.optional(),
  })
  .strict()
  .superRefine(callerRules)
  .meta({
    id: 'CallCreate',
    example: {
      receivedAt: '2026-03-01T09:42:00+06:00',
      channel: 'hotline',
      callerName: 'Тамара',
      callerPhone: '+996555123456',
      callerRegion: 'KG-J',
      callerDistrict: 'KG-J-SUZAK',
      topic: 'trafficking_exploitation',
      summary: 'Вернулась из России: владельцы цеха забрали паспорт, не платили, били при попытке уйти.',
      urgency: 'high',
    },
  });

/** Body of PATCH /calls/:id; `null` clears an optional caller field. */
export const updateCallIn = z
  .object({
    receivedAt: callFields.receivedAt.optional(),
    channel: callFields.channel.optional(),
    anonymous: callFields.anonymous.optional(),
    callerName: callFields.callerName.nullable().optional(),
    callerPhone: callFields.callerPhone.nullable().optional(),
    callerRegion: callFields.callerRegion.nullable().optional(),
    callerDistrict: callFields.callerDistrict.nullable().optional(),
    callerCountry: callFields.callerCountry.nullable().optional(),
    topic: callFields.topic.optional(),
    summary: callFields.summary.optional(),
    urgency: callFields.urgency.optional(),
    outcome: callFields.outcome.nullable().optional(),
    version: versionIn,
  })
  .strict()
  .meta({ example: { urgency: 'critical', outcome: 'referred', version: 1 } });

const instant = z
  .union([z.iso.datetime({ offset: true }), isoDateSchema])
  .describe('A date-time with offset, or a date (a whole UTC day, inclusive)');

/** Query of GET /calls. */
export const listCallsQuery = z.object({
  topic: z.enum(CALL_TOPICS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  from: instant.optional(),
  to: instant.optional(),
  converted: z.enum(['true', 'false']).optional(),
});

// safeExtend keeps createCaseIn's person-or-personId rule (a plain extend would need a copy of it),
// but its types refuse to make a field optional on input; at run time the default applies.
const hotlineIntake = createCaseIn.shape.intakeChannel.default(
  'hotline',
) as unknown as typeof createCaseIn.shape.intakeChannel;

/** Body of POST /calls/:id/convert: the case-creation body, with the hotline as default intake channel. */
export const convertCallIn = createCaseIn.safeExtend({ intakeChannel: hotlineIntake }).meta({
  example: {
    person: {
      givenName: 'Тамара',
      familyName: 'Осмонова',
      pseudonym: 'Тамара-5',
      sex: 'female',
      estimatedAge: 29,
    },
    type: 'trafficking_survivor',
    officeId: '3c9a7e52-1f4b-4d8a-b6e0-9a2c5d7f1e38',
    assignedTo: '5b8e1f3c-2a7d-4c9e-8f16-0d3b7a5e9c21',
    consent: { givenOn: '2026-03-01', scope: ['data_processing', 'referral', 'follow_up'] },
  },
});

/** A call as the API shows it, with what the actor may do to it. */
export const callOut = z
  .object({
    id: z.uuid(),
    receivedAt: z.date(),
    operatorId: z.uuid(),
    officeId: z.uuid(),
    channel: z.enum(CALL_CHANNELS),
    anonymous: z.boolean(),
    callerName: z.string().nullable(),
    callerPhone: z.string().nullable(),
    callerRegion: z.string().nullable(),
    callerDistrict: z.string().nullable(),
    callerCountry: z.string().nullable(),
    topic: z.enum(CALL_TOPICS),
    summary: z.string(),
    urgency: z.enum(URGENCIES),
    outcome: z.enum(CALL_OUTCOMES).nullable(),
    caseId: z.uuid().nullable(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    abilities: z.array(z.enum(ACTIONS)),
  })
  .meta({ id: 'Call' });

/** The answer to converting a call: the call, and only the number of the case (its reader may not be the caller). */
export const convertOut = z.object({ call: callOut, case: z.object({ id: z.uuid(), number: z.string() }) });
