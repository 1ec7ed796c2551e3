import { z } from 'zod';
import { CASE_TYPES } from '../../domain/codes.ts';
import { kgsAmountSchema } from '../../domain/money.ts';
import { versionIn } from '../../http/schemas.ts';
import { moneyOut } from './money.ts';

// `ceilings` is a path under /catalogue, so no item may take it as its code.
const RESERVED_CODES = ['ceilings'];

/** A catalogue code: snake_case, stable once created (plan items refer to it). */
export const catalogueCode = z
  .string()
  .max(60)
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'A snake_case code such as sewing_equipment')
  .refine((code) => !RESERVED_CODES.includes(code), 'This code is reserved');

const name = z.string().trim().min(1).max(120);

/** Names of an item in the three UI languages. */
export const namesIn = z.object({ en: name, ru: name, ky: name }).strict();

const unit = z.string().trim().min(1).max(40);

/** Body of POST /catalogue. */
export const createCatalogueItemIn = z
  .object({ code: catalogueCode, names: namesIn, unit, defaultUnitCost: kgsAmountSchema.optional() })
  .strict()
  .meta({
    example: {
      code: 'beehives',
      names: { en: 'Beehives', ru: 'Ульи', ky: 'Аары уялары' },
      unit: 'item',
      defaultUnitCost: '6500.00',
    },
  });

/** Body of PATCH /catalogue/:code: names merge over the stored ones, so one translation can be fixed alone. */
export const updateCatalogueItemIn = z
  .object({
    names: namesIn.partial().optional(),
    unit: unit.optional(),
    defaultUnitCost: kgsAmountSchema.nullable().optional(),
    active: z.boolean().optional(),
    version: versionIn,
  })
  .strict()
  .meta({ example: { names: { ky: 'Тигүү машиналары' }, defaultUnitCost: '19500.00', version: 2 } });

/** Query of GET /catalogue. */
export const listCatalogueQuery = z.object({ active: z.enum(['true', 'false']).optional() }).strict();

/** A catalogue item as the API shows it. */
export const catalogueItemOut = z.object({
  code: z.string(),
  names: z.object({ en: z.string(), ru: z.string(), ky: z.string() }),
  unit: z.string(),
  defaultUnitCost: moneyOut.nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.date(),
});

/** Path parameter of a ceiling. */
export const caseTypeParams = z.object({ caseType: z.enum(CASE_TYPES) }).strict();

/** Body of PUT /catalogue/ceilings/:caseType. */
export const updateCeilingIn = z
  .object({ amount: kgsAmountSchema, version: versionIn })
  .strict()
  .meta({ example: { amount: '200000.00', version: 1 } });

/** A budget ceiling as the API shows it. */
export const ceilingOut = z.object({
  caseType: z.enum(CASE_TYPES),
  amount: moneyOut,
  version: z.number().int(),
  updatedAt: z.date(),
});
