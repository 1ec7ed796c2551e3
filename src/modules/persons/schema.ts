import { z } from 'zod';
import { versionIn } from '../../http/schemas.ts';
import { SEXES } from '../../domain/codes.ts';
import { isoDateSchema } from '../../domain/dates.ts';
import { districtInRegion, isAdminCode, isRegion } from '../../reference/admin.ts';
import { countryCode } from '../offices/schema.ts';
import { today } from '../../clock.ts';

/** A phone number in E.164 (`+996555123456`). */
export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'A phone number in E.164 form, e.g. +996555123456');

const identityDocument = z
  .object({
    type: z.enum(['passport', 'national_id', 'birth_certificate', 'work_permit', 'other']),
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
  originDistrict: z.string().refine(isAdminCode, 'Not a district code of the shipped list (e.g. KG-O-ARAVAN)').optional(),
  originSettlement: z.string().trim().max(120).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'An ISO 639 language code such as ky, ru, uz')).max(10),
  documentsHeld: z.array(identityDocument).max(20),
  documentsRetained: z.array(identityDocument).max(20),
};

type PersonShape = { birthDate?: string | undefined; originRegion?: string | undefined; originDistrict?: string | undefined };

// Rules across fields: no birth in the future, and a district must lie in the region given.
const personRules = (p: PersonShape, ctx: z.RefinementCtx) => {
  if (p.birthDate && p.birthDate > today()) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'The date of birth is in the future' });
  }
  if (p.originDistrict && p.originRegion && !districtInRegion(p.originDistrict, p.originRegion)) {
    ctx.addIssue({ code: 'custom', path: ['originDistrict'], message: 'The district is not in the region given' });
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
  .superRefine(personRules);

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
