import { z } from 'zod';
import { versionIn } from '../../http/schemas.ts';
import {
  CASE_STATUSES,
  CASE_TYPES,
  CLOSURE_REASONS,
  CONSENT_SCOPES,
  HOUSEHOLD_RELATIONSHIPS,
  INTAKE_CHANNELS,
  RISK_LEVELS,
  SEXES,
  TRAFFICKING_LIKELIHOODS,
  WHEREABOUTS,
} from '../../domain/codes.ts';
import { isoDateSchema } from '../../domain/dates.ts';
import { screeningResultSchema } from '../../domain/screening.ts';
import { rssScoresSchema } from '../../domain/rss.ts';
import { personIn, personOut } from '../persons/schema.ts';
import { ACTIONS } from '../../access/policy.ts';
import { today } from '../../clock.ts';

const pastDate = isoDateSchema.refine((d) => d <= today(), 'The date is in the future');

/** Consent as recorded at intake. */
export const consentIn = z
  .object({ givenOn: pastDate, scope: z.array(z.enum(CONSENT_SCOPES)).min(1) })
  .strict();

/** A household member as entered. */
export const householdMemberIn = z
  .object({
    name: z.string().trim().min(1).max(120),
    relationship: z.enum(HOUSEHOLD_RELATIONSHIPS),
    sex: z.enum(SEXES).optional(),
    age: z.int().min(0).max(120).optional(),
    whereNow: z.enum(WHEREABOUTS),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    withWhom: z.string().trim().max(200).optional(),
    caresForChildren: z.boolean().default(false),
    linkedPersonId: z.uuid().optional(),
    linkedCaseId: z.uuid().optional(),
  })
  .strict()
  .meta({
    example: {
      name: 'Эмир',
      relationship: 'child',
      sex: 'male',
      age: 2,
      whereNow: 'abroad',
      country: 'RU',
      withWhom: 'Сестра Гулнара, Москва',
    },
  });

/** Body of PATCH /cases/:id/household/:memberId: any member field, with the version read. */
export const householdMemberPatch = householdMemberIn
  .partial()
  .extend({
    // null clears a field (the son is home again: no country, no "with whom").
    sex: householdMemberIn.shape.sex.unwrap().nullable().optional(),
    age: householdMemberIn.shape.age.unwrap().nullable().optional(),
    country: householdMemberIn.shape.country.unwrap().nullable().optional(),
    withWhom: householdMemberIn.shape.withWhom.unwrap().nullable().optional(),
    linkedPersonId: householdMemberIn.shape.linkedPersonId.unwrap().nullable().optional(),
    linkedCaseId: householdMemberIn.shape.linkedCaseId.unwrap().nullable().optional(),
    version: versionIn,
  })
  .strict()
  .meta({
    example: { whereNow: 'home', withWhom: 'Вернулся с тётей чартерным рейсом Москва–Ош', version: 1 },
  });

/** Body of POST /cases: an existing person by id, or a new one inline. */
export const createCaseIn = z
  .object({
    personId: z.uuid().optional(),
    person: personIn.optional(),
    type: z.enum(CASE_TYPES),
    intakeChannel: z.enum(INTAKE_CHANNELS),
    referringOrganisation: z.string().trim().max(200).optional(),
    officeId: z.uuid().optional().describe('The office that will work the case (default: your own)'),
    assignedTo: z.uuid().optional(),
    openedOn: pastDate.optional(),
    consent: consentIn.optional(),
    household: z.array(householdMemberIn).max(30).default([]),
  })
  .strict()
  .refine((c) => (c.personId === undefined) !== (c.person === undefined), {
    message: 'Give either personId or person, not both',
    path: ['person'],
  })
  .meta({
    id: 'CaseCreate',
    example: {
      person: {
        givenName: 'Тамара',
        familyName: 'Осмонова',
        pseudonym: 'Тамара-5',
        sex: 'female',
        estimatedAge: 29,
        phone: '+996555123456',
        originRegion: 'KG-J',
        originDistrict: 'KG-J-SUZAK',
      },
      type: 'trafficking_survivor',
      intakeChannel: 'hotline',
      openedOn: '2026-03-02',
      consent: { givenOn: '2026-03-02', scope: ['data_processing', 'referral', 'follow_up'] },
      household: [{ name: 'Айгерим', relationship: 'child', sex: 'female', age: 9, whereNow: 'home' }],
    },
  });

/** Body of PATCH /cases/:id. */
export const updateCaseIn = z
  .object({
    type: z.enum(CASE_TYPES).optional(),
    referringOrganisation: z.string().trim().max(200).nullable().optional(),
    assignedTo: z.uuid().nullable().optional(),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    consent: consentIn.optional(),
    consentWithdrawnOn: pastDate.optional(),
    determination: z
      .object({ likelihood: z.enum(TRAFFICKING_LIKELIHOODS), note: z.string().trim().max(2000).optional() })
      .strict()
      .optional(),
    version: versionIn,
  })
  .strict()
  .meta({
    example: {
      assignedTo: '5b8e1f3c-2a7d-4c9e-8f16-0d3b7a5e9c21',
      riskLevel: 'high',
      determination: {
        likelihood: 'likely',
        note: 'Паспорт удерживал работодатель, зарплату не платили 8 месяцев',
      },
      version: 4,
    },
  });

/** Body of POST /cases/:id/transitions. */
export const transitionIn = z
  .object({
    to: z.enum(CASE_STATUSES),
    reason: z.enum(CLOSURE_REASONS).optional(),
    note: z.string().trim().max(2000).optional(),
    on: pastDate
      .optional()
      .describe('When it happened, if not today (closing date of a case closed on paper)'),
    version: versionIn,
  })
  .strict()
  .meta({
    example: {
      to: 'closed',
      reason: 'sustainably_reintegrated',
      note: 'Семья обрабатывает свою землю, продаёт урожай',
      version: 9,
    },
  });

/** Query of GET /cases. */
export const listCasesQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  type: z.enum(CASE_TYPES).optional(),
  officeId: z.uuid().optional(),
  assignedTo: z.uuid().optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  likelihood: z.enum(TRAFFICKING_LIKELIHOODS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  region: z.string().max(40).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(['-createdAt', 'createdAt', 'number', '-number']).default('-createdAt'),
});

/** A household member as the API shows it. */
export const householdMemberOut = z.object({
  ...householdMemberIn.shape,
  id: z.uuid(),
  caresForChildren: z.boolean(),
  sex: z.enum(SEXES).nullable(),
  age: z.number().nullable(),
  country: z.string().nullable(),
  withWhom: z.string().nullable(),
  linkedPersonId: z.string().nullable(),
  linkedCaseId: z.string().nullable(),
  version: z.number(),
});

/** The fields of a case row as every case response shows them. */
export const caseCore = z.object({
  id: z.uuid(),
  number: z.string(),
  personId: z.uuid(),
  type: z.enum(CASE_TYPES),
  officeId: z.uuid(),
  assignedTo: z.uuid().nullable(),
  intakeChannel: z.enum(INTAKE_CHANNELS),
  referringOrganisation: z.string().nullable(),
  callId: z.uuid().nullable(),
  consentGivenOn: z.string().nullable(),
  consentScope: z.array(z.string()),
  consentWithdrawnOn: z.string().nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  status: z.enum(CASE_STATUSES),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  traffickingLikelihood: z.enum(TRAFFICKING_LIKELIHOODS).nullable(),
  determination: z
    .object({
      likelihood: z.enum(TRAFFICKING_LIKELIHOODS),
      note: z.string().optional(),
      by: z.string(),
      on: z.string(),
    })
    .nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** GET /cases/:id: the case, its person and household, screening, latest scores, and what the actor may do. */
export const caseDetailOut = caseCore
  .extend({
    person: personOut,
    household: z.array(householdMemberOut),
    screening: z.object({
      indicators: z.array(z.string()),
      likelihood: z.enum(TRAFFICKING_LIKELIHOODS),
      reasons: screeningResultSchema.shape.reasons,
      rulesVersion: z.string(),
    }),
    latestScores: rssScoresSchema.nullable(),
    scoresTrend: z.array(z.object({ takenOn: z.string(), scores: rssScoresSchema })),
    allowedTransitions: z.array(z.enum(CASE_STATUSES)),
    allowedClosureReasons: z
      .array(z.enum(CLOSURE_REASONS))
      .describe('The reasons a close may give from the current status (empty when it cannot close)'),
    abilities: z.array(z.enum(ACTIONS)),
  })
  .meta({ id: 'CaseDetail' });

/** One row of a case list: the pseudonym first, the name for those who may see it. */
export const caseListItem = caseCore
  .pick({
    id: true,
    number: true,
    type: true,
    status: true,
    riskLevel: true,
    traffickingLikelihood: true,
    officeId: true,
    assignedTo: true,
    openedOn: true,
    createdAt: true,
    version: true,
  })
  .extend({
    person: z.object({
      id: z.uuid(),
      pseudonym: z.string().nullable(),
      name: z.string(),
      latinName: z.string(),
      originRegion: z.string().nullable(),
    }),
    nextFollowupDue: z.string().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'CaseListItem' });
