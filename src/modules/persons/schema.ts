import { z } from 'zod';
import { versionIn } from '../../http/schemas.ts';
import { DOCUMENT_TYPES, SEXES } from '../../domain/codes.ts';
import { DEFAULT_THRESHOLD, MATCH_COMPONENTS } from '../../domain/matching.ts';
import { isoDateSchema } from '../../domain/dates.ts';
import { districtInRegion, isAdminCode, isRegion } from '../../reference/admin.ts';
import { countryCode } from '../offices/schema.ts';
import { today } from '../../clock.ts';

/** A phone number in E.164 (`+996555123456`). */
export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'A phone number in E.164 form, e.g. +996555123456');

const identityDocument = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    number: z.string().trim().max(40).optional(),
    heldBy: z.string().trim().max(200).optional(),
  })
  .strict();

const personFields = {
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  patronymic: z.string().trim().max(100).optional(),
  latinName: z.string().trim().min(1).max(200).optional(),
  pseudonym: z.string().trim().min(1).max(60).optional(),
  sex: z.enum(SEXES),
  birthDate: isoDateSchema.optional(),
  estimatedAge: z.int().min(0).max(120).optional(),
  citizenship: countryCode,
  phone: e164.optional(),
  originRegion: z.string().refine(isRegion, 'Not a region code of the shipped list (e.g. KG-O)').optional(),
  originDistrict: z
    .string()
    .refine(isAdminCode, 'Not a district code of the shipped list (e.g. KG-O-ARAVAN)')
    .optional(),
  originSettlement: z.string().trim().max(120).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'An ISO 639 language code such as ky, ru, uz')).max(10),
  documentsHeld: z.array(identityDocument).max(20),
  documentsRetained: z.array(identityDocument).max(20),
};

type PersonShape = {
  birthDate?: string | undefined;
  originRegion?: string | undefined;
  originDistrict?: string | undefined;
};

// Rules across fields: no birth in the future, and a district must lie in the region given.
const personRules = (p: PersonShape, ctx: z.RefinementCtx) => {
  if (p.birthDate && p.birthDate > today()) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'The date of birth is in the future' });
  }
  if (p.originDistrict && p.originRegion && !districtInRegion(p.originDistrict, p.originRegion)) {
    ctx.addIssue({
      code: 'custom',
      path: ['originDistrict'],
      message: 'The district is not in the region given',
    });
  }
};

const personBase = z.object(personFields).strict();

/** A new person (standalone or inline in a new case). */
export const personIn = personBase
  .extend({
    citizenship: personFields.citizenship.default('KG'),
    languages: personFields.languages.default([]),
    documentsHeld: personFields.documentsHeld.default([]),
    documentsRetained: personFields.documentsRetained.default([]),
  })
  .superRefine(personRules)
  .meta({
    id: 'PersonCreate',
    example: {
      givenName: 'Санобар',
      familyName: 'Эргешова',
      pseudonym: 'Санобар-3',
      sex: 'female',
      estimatedAge: 51,
      citizenship: 'KG',
      originRegion: 'KG-O',
      originDistrict: 'KG-O-ARAVAN',
      languages: ['ky', 'uz'],
      documentsRetained: [{ type: 'passport', heldBy: 'employer in Russia' }],
    },
  });

/** Changes to a person; `version` is the one the client read. */
export const personPatch = personBase
  .partial()
  .extend({ version: versionIn })
  .superRefine(personRules)
  .meta({
    example: {
      phone: '+996772401122',
      originSettlement: 'Таш-Булак',
      documentsHeld: [{ type: 'passport', number: 'AC2417785' }],
      documentsRetained: [],
      version: 2,
    },
  });

/** A person as the API shows it to those who may see them. */
export const personOut = z
  .object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    patronymic: z.string().nullable(),
    latinName: z.string(),
    pseudonym: z.string().nullable(),
    sex: z.enum(SEXES),
    birthDate: z.string().nullable(),
    estimatedAge: z.number().nullable(),
    ageRecordedOn: z.string().nullable(),
    citizenship: z.string(),
    phone: z.string().nullable(),
    originRegion: z.string().nullable(),
    originDistrict: z.string().nullable(),
    originSettlement: z.string().nullable(),
    languages: z.array(z.string()),
    documentsHeld: z.array(identityDocument),
    documentsRetained: z.array(identityDocument),
    officeId: z.uuid(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Person' });

/**
 * Body of POST /persons/match: the creation shape, where only the names are needed (sex may be
 * left unknown), plus the names of household members the caller knows of.
 */
export const personMatchIn = personBase
  .extend({
    sex: personFields.sex.default('unknown'),
    citizenship: personFields.citizenship.optional(),
    languages: personFields.languages.optional(),
    documentsHeld: personFields.documentsHeld.default([]),
    documentsRetained: personFields.documentsRetained.default([]),
    householdNames: z.array(z.string().trim().min(1).max(120)).max(30).default([]),
  })
  .superRefine(personRules)
  .meta({
    id: 'PersonMatchQuery',
    example: {
      givenName: 'Asanbaj',
      familyName: 'Toktogulov',
      sex: 'male',
      estimatedAge: 52,
      phone: '+996555111222',
      originRegion: 'KG-O',
      householdNames: ['Sanobar Ergeshova'],
    },
  });

/** Query of POST /persons/match. */
export const personMatchQuery = z.object({
  threshold: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** A person as a match or a duplicate pair shows them: enough to recognise, pseudonym first. */
export const personSummaryOut = z.object({
  id: z.uuid(),
  pseudonym: z.string().nullable(),
  name: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  latinName: z.string(),
  sex: z.enum(SEXES),
  birthDate: z.string().nullable(),
  estimatedAge: z.number().nullable(),
  originRegion: z.string().nullable(),
  originDistrict: z.string().nullable(),
});

/** The matcher's explanation: each compared field's sub-score, evidence code and weight. */
export const matchComponentsOut = z.record(
  z.enum(MATCH_COMPONENTS),
  z.object({ score: z.number().nullable(), evidence: z.string(), logOdds: z.number() }),
);

/** Answer of POST /persons/match: likely matches in scope, best first, with their visible cases. */
export const personMatchOut = z.object({
  items: z.array(
    z.object({
      person: personSummaryOut,
      cases: z.array(z.object({ id: z.uuid(), number: z.string() })),
      score: z.number(),
      components: matchComponentsOut,
      evidence: z.array(z.string()),
    }),
  ),
  threshold: z.number(),
  weightsVersion: z.string(),
});
