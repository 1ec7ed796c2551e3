import { z } from 'zod';
import { DOMV_LEVELS, RISK_LEVELS } from '../../domain/codes.ts';
import { RSS_BANDS, rssAssessmentSchema, rssScoresSchema } from '../../domain/rss.ts';
import { FACTOR_KINDS, domvFactorSchema } from '../../domain/vulnerability.ts';
import { pastDate } from '../episodes/schema.ts';

// More answers than any instrument has questions is a malformed request, not a scoring problem.
const MAX_ANSWERS = 100;

/** Body of POST /cases/:id/assessments: the interchange shape of DOMAIN.md. */
export const rssIn = rssAssessmentSchema
  .extend({
    takenOn: pastDate,
    answers: rssAssessmentSchema.shape.answers.refine((a) => {
      const n = Object.keys(a).length;
      return n > 0 && n <= MAX_ANSWERS;
    }, `Give between 1 and ${MAX_ANSWERS} answers`),
  })
  .strict()
  .meta({
    id: 'RssAssessmentCreate',
    example: {
      instrument: 'koldoo-rss-1',
      takenOn: '2026-03-01',
      answers: { income_sources: 0.67, debt: 0.33, housing: 1, distress: 0.5 },
    },
  });

const bandOrNull = z.enum(RSS_BANDS).nullable();

/** An RSS assessment as the API shows it: the interchange shape plus scores and their bands. */
export const rssOut = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    instrument: z.string(),
    takenOn: z.string(),
    answers: z.record(z.string(), z.number()),
    scores: rssScoresSchema,
    bands: z.object({
      economic: bandOrNull,
      social: bandOrNull,
      psychosocial: bandOrNull,
      composite: bandOrNull,
    }),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'RssAssessment' });

/** Body of POST /cases/:id/vulnerability: the caseworker's level, when given, overrides the suggestion. */
export const vulnerabilityIn = z
  .object({
    takenOn: pastDate,
    factors: z.array(domvFactorSchema).max(200),
    riskLevel: z.enum(RISK_LEVELS).optional().describe('Default: the suggested level'),
    note: z.string().trim().max(4000).optional(),
  })
  .strict()
  .meta({
    id: 'VulnerabilityCreate',
    example: {
      takenOn: '2026-03-01',
      factors: [
        { level: 'household', kind: 'risk', code: 'debt', note: 'Заняла на билеты, долг растёт' },
        { level: 'individual', kind: 'risk', code: 'health', note: 'Инфекция почек, перенесённая в России' },
        {
          level: 'community',
          kind: 'protective',
          code: 'social_network',
          note: 'Дочери помогают в швейном деле',
        },
      ],
    },
  });

const factorOut = z.object({
  level: z.enum(DOMV_LEVELS),
  kind: z.enum(FACTOR_KINDS),
  code: z.string().optional(),
  note: z.string().optional(),
  immediateDanger: z.boolean().optional(),
});

/** A DoMV assessment as the API shows it: the suggestion is kept beside the caseworker's level. */
export const vulnerabilityOut = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    takenOn: z.string(),
    factors: z.array(factorOut),
    suggestedLevel: z.enum(RISK_LEVELS),
    riskLevel: z.enum(RISK_LEVELS),
    note: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'VulnerabilityAssessment' });

/** The case after an assessment: its current risk level and the version to send with the next change. */
export const caseRiskOut = z.object({
  id: z.uuid(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  version: z.number(),
});
